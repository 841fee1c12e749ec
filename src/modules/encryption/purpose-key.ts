/**
 * Customer-managed KMS keys, one per purpose per account: `logs` (CloudWatch Logs, the alert topic),
 * `data` (databases, caches, data buckets) and `secrets` (Secrets Manager, SSM parameters).
 *
 * Every key has rotation on and an explicit key policy. The account root statement lets IAM policies of
 * this account grant use of the key ("Default key policy",
 * https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html); service principals
 * that act on their own (CloudWatch Logs, CloudWatch alarms and EventBridge publishing to an encrypted
 * SNS topic, CloudFront reading an encrypted origin bucket, ...) are added with
 * {@link PurposeKmsKey.addToPolicy}, each scoped to this account by a condition.
 */
import { KmsAlias } from "@cdktf/provider-aws/lib/kms-alias";
import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import { Lazy, type TerraformProvider, type TerraformResourceLifecycle } from "cdktf";
import { Construct } from "constructs";
import { accountAdministersKey, allowKeyUseByService, type NamedPolicyStatement, policyJson } from "../iam/index.js";

/** Props of {@link PurposeKmsKey}. */
export interface PurposeKmsKeyProps {
  /** Account that owns the key. */
  readonly accountId: string;
  readonly region: string;
  /** ARN partition. @default "aws" */
  readonly partition?: string;
  /** Alias name without the `alias/` prefix, for example `acme-prod-data`. */
  readonly aliasName: string;
  /** Key description shown in the console. */
  readonly description: string;
  /** Days before a scheduled deletion completes (7-30). @default 30 */
  readonly deletionWindowDays?: number;
  /**
   * `lifecycle.prevent_destroy` on the key: a plan that would delete it fails. The deletion window applies
   * either way (`deletionWindowDays`). @default false
   */
  readonly preventDestroy?: boolean;
  /** Provider of another Region (a key used by replicas there). @default the stack's default provider */
  readonly provider?: TerraformProvider;
}

/** A symmetric KMS key with rotation on, an alias, and a key policy that statements can be added to until synthesis. */
export class PurposeKmsKey extends Construct {
  /** ARN of the key. */
  readonly keyArn: string;
  /** Key id (UUID). */
  readonly keyId: string;
  /** The `aws_kms_key` resource. */
  readonly key: KmsKey;
  private readonly statements: NamedPolicyStatement[];

  constructor(scope: Construct, id: string, props: PurposeKmsKeyProps) {
    super(scope, id);
    const partition = props.partition ?? "aws";
    this.statements = [accountAdministersKey("AccountAdministersKey", props.accountId, partition)];
    const lifecycle: TerraformResourceLifecycle | undefined = props.preventDestroy ? { preventDestroy: true } : undefined;
    this.key = new KmsKey(this, "key", {
      description: props.description,
      enableKeyRotation: true,
      deletionWindowInDays: props.deletionWindowDays ?? 30,
      policy: Lazy.stringValue({ produce: () => policyJson(this.statements) }),
      tags: { Name: props.aliasName },
      ...(lifecycle ? { lifecycle } : {}),
      ...(props.provider ? { provider: props.provider } : {}),
    });
    new KmsAlias(this, "alias", {
      name: `alias/${props.aliasName}`,
      targetKeyId: this.key.keyId,
      ...(props.provider ? { provider: props.provider } : {}),
    });
    this.keyArn = this.key.arn;
    this.keyId = this.key.keyId;
  }

  /**
   * Adds a statement to the key policy. Statement ids must be unique.
   * @throws Error when a statement with the same `Sid` exists.
   */
  addToPolicy(statement: NamedPolicyStatement): void {
    if (this.statements.some((s) => s.Sid === statement.Sid))
      throw new Error(`key policy of ${this.node.path} already has statement ${statement.Sid}`);
    this.statements.push(statement);
  }

  /** The statements of the key policy so far (for tests and policy checks). */
  get policyStatements(): readonly NamedPolicyStatement[] {
    return [...this.statements];
  }
}

/**
 * The key-policy statement that lets the Regional CloudWatch Logs service use a key for log groups of
 * one account and Region only (condition `kms:EncryptionContext:aws:logs:arn`), per "Encrypt log data in
 * CloudWatch Logs using AWS KMS" (https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html).
 * KMS keys are Regional, so a log group in another Region needs a key there with this statement.
 */
export function cloudWatchLogsKeyStatement(accountId: string, region: string, partition = "aws"): NamedPolicyStatement {
  return allowKeyUseByService(
    "CloudWatchLogsUsesKeyForThisAccount",
    `logs.${region}.amazonaws.com`,
    ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
    { ArnLike: { "kms:EncryptionContext:aws:logs:arn": `arn:${partition}:logs:${region}:${accountId}:log-group:*` } },
  );
}

/** Props of {@link AccountKeys}. */
export interface AccountKeysProps {
  readonly accountId: string;
  readonly region: string;
  /** ARN partition. @default "aws" */
  readonly partition?: string;
  /** Prefix of the alias names: `<prefix>-logs`, `<prefix>-data`, `<prefix>-secrets`, for example `acme-prod`. */
  readonly namePrefix: string;
  /** `lifecycle.prevent_destroy` on all three keys (prod). Losing a key loses every object encrypted with it. @default false */
  readonly preventDestroy?: boolean;
}

/**
 * The three purpose keys of one account and Region.
 *
 * - `logs`: CloudWatch Logs may use it for log groups of this account and Region (condition
 *   `kms:EncryptionContext:aws:logs:arn`, per "Encrypt log data in CloudWatch Logs using AWS KMS",
 *   https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html); CloudWatch
 *   alarms and EventBridge may generate data keys for the encrypted alert topic (per "Configure
 *   server-side encryption for an SNS topic with a CMK for CloudWatch/EventBridge",
 *   https://docs.aws.amazon.com/sns/latest/dg/sns-key-management.html#compatibility-with-aws-services):
 *   CloudWatch only on behalf of this account (`aws:SourceAccount`), EventBridge without a condition, since
 *   that page says `aws:SourceAccount`, `aws:SourceArn` and `aws:SourceOrgID` in a key policy are not supported
 *   for EventBridge-to-encrypted topics (the topic policy limits EventBridge to this account).
 * - `data`: used by RDS, ElastiCache, S3 and backups through the account root statement and grants
 *   those services create on the caller's behalf.
 * - `secrets`: Secrets Manager and SSM SecureString parameters.
 */
export class AccountKeys extends Construct {
  readonly logs: PurposeKmsKey;
  readonly data: PurposeKmsKey;
  readonly secrets: PurposeKmsKey;

  constructor(scope: Construct, id: string, props: AccountKeysProps) {
    super(scope, id);
    const partition = props.partition ?? "aws";
    const { accountId, region, namePrefix } = props;
    const common = { accountId, region, partition, ...(props.preventDestroy ? { preventDestroy: true } : {}) };
    this.logs = new PurposeKmsKey(this, "logs", {
      ...common,
      aliasName: `${namePrefix}-logs`,
      description: `Logs and alerts (${namePrefix})`,
    });
    this.logs.addToPolicy(cloudWatchLogsKeyStatement(accountId, region, partition));
    this.logs.addToPolicy(
      allowKeyUseByService("AlarmsPublishToEncryptedTopic", "cloudwatch.amazonaws.com", ["kms:Decrypt", "kms:GenerateDataKey*"], {
        StringEquals: { "aws:SourceAccount": accountId },
      }),
    );
    // No condition: "Adding the aws:SourceAccount, aws:SourceArn, and aws:SourceOrgID to a AWS KMS policy is not
    // supported for EventBridge-to-encrypted topics" (sns-key-management.html); with one, EventBridge's publishes
    // fail and findings never reach the topic. The topic policy confines EventBridge to this account.
    this.logs.addToPolicy(
      allowKeyUseByService("EventBridgePublishesToEncryptedTopic", "events.amazonaws.com", ["kms:Decrypt", "kms:GenerateDataKey*"]),
    );
    this.data = new PurposeKmsKey(this, "data", { ...common, aliasName: `${namePrefix}-data`, description: `Data stores (${namePrefix})` });
    this.secrets = new PurposeKmsKey(this, "secrets", {
      ...common,
      aliasName: `${namePrefix}-secrets`,
      description: `Secrets (${namePrefix})`,
    });
  }
}
