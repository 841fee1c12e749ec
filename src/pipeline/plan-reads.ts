/**
 * What a pull-request plan reads beyond AWS's `ReadOnlyAccess` managed policy, which grants Describe/Get/List
 * actions but not `secretsmanager:GetSecretValue`, `secretsmanager:GetRandomPassword` or `kms:Decrypt`: the values
 * of the secrets data sources read and resources refresh, and their keys. See {@link planReadStatements}.
 *
 * Pure: no cdktf import.
 */
import type { PolicyStatement } from "../modules/iam/policy.js";
import type { AccountFootprint, SecretReference } from "./footprint.js";

const union = (lists: readonly (readonly string[])[]) => [...new Set(lists.flat())].sort();

/**
 * IAM resource patterns of a secret: a name matches `<name>-??????` (Secrets Manager appends six random
 * characters to every secret ARN), a name prefix `<prefix>*`, and an ARN itself or, when partial, with the suffix
 * ("Resource: secret ARN", https://docs.aws.amazon.com/secretsmanager/latest/userguide/auth-and-access_resources.html).
 */
export function secretArnPatterns(partition: string, accountId: string, secret: SecretReference): string[] {
  if (secret.secretId.startsWith("arn:")) return [secret.secretId, `${secret.secretId}-??????`];
  const base = `arn:${partition}:secretsmanager:${secret.region}:${accountId}:secret:${secret.secretId}`;
  return [secret.secretId.endsWith("*") ? base : `${base}-??????`];
}

/**
 * What a plan in the account reads beyond `ReadOnlyAccess`, from the footprints of every stack acting in it:
 * the values of the secrets data sources read and of the secrets the stacks refresh
 * (`secretsmanager:GetSecretValue`, which `ReadOnlyAccess` does not grant), `kms:Decrypt` for those secrets only
 * (through Secrets Manager, with the secret's ARN as encryption context, as AWS's
 * AWSSecretsManagerClientReadOnlyAccess scopes it:
 * https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSSecretsManagerClientReadOnlyAccess.html and
 * https://docs.aws.amazon.com/secretsmanager/latest/userguide/security-encryption.html), and
 * `secretsmanager:GetRandomPassword` for `data.aws_secretsmanager_random_password`. Empty when none applies.
 */
export function planReadStatements(partition: string, accountId: string, footprints: readonly AccountFootprint[]): PolicyStatement[] {
  const secrets = footprints.flatMap((f) => [...f.secretsRead, ...f.secretsManaged]);
  const patterns = union(secrets.map((s) => secretArnPatterns(partition, accountId, s)));
  const statements: PolicyStatement[] = [];
  if (patterns.length > 0) {
    const regions = union(secrets.map((s) => [s.region]));
    statements.push(
      { Sid: "ReadSecretsThePlanReads", Effect: "Allow", Action: "secretsmanager:GetSecretValue", Resource: patterns },
      {
        Sid: "DecryptThoseSecrets",
        Effect: "Allow",
        Action: "kms:Decrypt",
        Resource: `arn:${partition}:kms:*:*:key/*`,
        Condition: {
          StringEquals: { "kms:ViaService": regions.map((r) => `secretsmanager.${r}.amazonaws.com`) },
          StringLike: { "kms:EncryptionContext:SecretARN": patterns },
        },
      },
    );
  }
  if (footprints.some((f) => f.readsRandomPasswords))
    statements.push({ Sid: "GenerateRandomPasswords", Effect: "Allow", Action: "secretsmanager:GetRandomPassword", Resource: "*" });
  return statements;
}
