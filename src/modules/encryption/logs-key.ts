/**
 * A customer-managed KMS key for CloudWatch Logs log groups in one account and Region.
 *
 * Key policy follows "Encrypt log data in CloudWatch Logs using AWS KMS"
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html): the account
 * administers the key, and the Regional CloudWatch Logs service may use it only for log groups of
 * this account and Region (the `kms:EncryptionContext:aws:logs:arn` condition).
 */
import { KmsAlias } from "@cdktf/provider-aws/lib/kms-alias";
import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import { Construct } from "constructs";

/** Props of {@link LogsKmsKey}. */
export interface LogsKmsKeyProps {
  /** Account that owns the key and its log groups. */
  readonly accountId: string;
  readonly region: string;
  /** ARN partition. @default "aws" */
  readonly partition?: string;
  /** Alias name without the `alias/` prefix, for example `acme-prod-logs`. */
  readonly aliasName: string;
  /** Days before a scheduled deletion completes (7-30). @default 30 */
  readonly deletionWindowDays?: number;
}

/** KMS key (rotation on) plus alias, usable by CloudWatch Logs in this account and Region. */
export class LogsKmsKey extends Construct {
  /** ARN of the key, for `kms_key_id` of log groups. */
  readonly keyArn: string;

  constructor(scope: Construct, id: string, props: LogsKmsKeyProps) {
    super(scope, id);
    const partition = props.partition ?? "aws";
    const { accountId, region } = props;
    const key = new KmsKey(this, "key", {
      description: `CloudWatch Logs encryption (${props.aliasName})`,
      enableKeyRotation: true,
      deletionWindowInDays: props.deletionWindowDays ?? 30,
      policy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [
          {
            Sid: "AccountAdministersKey",
            Effect: "Allow",
            Principal: { AWS: `arn:${partition}:iam::${accountId}:root` },
            Action: "kms:*",
            Resource: "*",
          },
          {
            Sid: "CloudWatchLogsUsesKeyForThisAccount",
            Effect: "Allow",
            Principal: { Service: `logs.${region}.amazonaws.com` },
            Action: ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
            Resource: "*",
            Condition: { ArnLike: { "kms:EncryptionContext:aws:logs:arn": `arn:${partition}:logs:${region}:${accountId}:log-group:*` } },
          },
        ],
      }),
      tags: { Name: props.aliasName },
    });
    new KmsAlias(this, "alias", { name: `alias/${props.aliasName}`, targetKeyId: key.keyId });
    this.keyArn = key.arn;
  }
}
