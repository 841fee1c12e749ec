/**
 * A secret whose value AWS generates once and nobody writes down: a Secrets Manager secret (encrypted with
 * the given KMS key) whose first version takes its value from the `aws_secretsmanager_random_password`
 * data source (the GetRandomPassword API). The version ignores later changes to `secret_string`, so the
 * data source's new value at every plan never produces a diff; the value is fixed until rotated.
 *
 * The value is never in git or the YAML. It is in the Terraform state (of the version, and of every
 * resource that reads it, such as the CloudFront origin header and the ALB listener rules), which is
 * encrypted with the state KMS key; anyone who can read the state can read it.
 *
 * Rotate: `terraform apply -replace=<address of the version>` generates a new value and updates every
 * reader in the same apply.
 */
import { DataAwsSecretsmanagerRandomPassword } from "@cdktf/provider-aws/lib/data-aws-secretsmanager-random-password";
import { SecretsmanagerSecret } from "@cdktf/provider-aws/lib/secretsmanager-secret";
import { SecretsmanagerSecretVersion } from "@cdktf/provider-aws/lib/secretsmanager-secret-version";
import { Construct } from "constructs";

/** Props of {@link GeneratedSecret}. */
export interface GeneratedSecretProps {
  /** Secret name, for example `acme-prod/origin-header`. */
  readonly name: string;
  readonly description: string;
  /** KMS key ARN that encrypts the secret. */
  readonly kmsKeyArn: string;
  /** Length in characters. @default 48 */
  readonly length?: number;
  /** Only letters and digits (header values reject some punctuation). @default true */
  readonly alphanumeric?: boolean;
  /** Days a deleted secret can be restored (7-30). @default 7 */
  readonly recoveryWindowDays?: number;
}

/** A Secrets Manager secret with a generated value that stays stable across plans. */
export class GeneratedSecret extends Construct {
  /** ARN of the secret, for ECS `secrets` and IAM policies. */
  readonly secretArn: string;
  /** The value (a Terraform reference; the literal lives only in state). */
  readonly secretValue: string;
  /** The version resource: its address is the one to `-replace` to rotate. */
  readonly version: SecretsmanagerSecretVersion;

  constructor(scope: Construct, id: string, props: GeneratedSecretProps) {
    super(scope, id);
    const secret = new SecretsmanagerSecret(this, "secret", {
      name: props.name,
      description: props.description,
      kmsKeyId: props.kmsKeyArn,
      recoveryWindowInDays: props.recoveryWindowDays ?? 7,
    });
    const random = new DataAwsSecretsmanagerRandomPassword(this, "random", {
      passwordLength: props.length ?? 48,
      excludePunctuation: props.alphanumeric ?? true,
      includeSpace: false,
    });
    this.version = new SecretsmanagerSecretVersion(this, "version", {
      secretId: secret.id,
      secretString: random.randomPassword,
      lifecycle: { ignoreChanges: ["secret_string"] },
    });
    this.secretArn = secret.arn;
    this.secretValue = this.version.secretString;
  }
}
