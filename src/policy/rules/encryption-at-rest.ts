/** LZ-ENC1: data at rest is encrypted with a customer-managed KMS key. */
import { block, isTrue, type SynthResource, type SynthStack } from "../stack.js";
import { NOT_APPLICABLE, outcomeOf, type PolicyRule } from "../types.js";
import { replicaSource } from "./rds-instances.js";

/** True when `value` names a customer-managed key (an ARN, a reference, or an alias that is not `alias/aws/...`). */
const isCustomerKey = (value: unknown): boolean => typeof value === "string" && value !== "" && !/alias\/aws\//.test(value);

function problems(r: SynthResource, stack: SynthStack): string[] | undefined {
  const b = r.body;
  switch (r.type) {
    case "aws_cloudwatch_log_group":
      return isCustomerKey(b.kms_key_id) ? [] : ["kms_key_id is not set. Pass the account's logs key (keys.logs.keyArn)."];
    case "aws_sns_topic":
      return isCustomerKey(b.kms_master_key_id)
        ? []
        : ["kms_master_key_id is not a customer-managed key. Pass a key of the account, not alias/aws/sns."];
    case "aws_sqs_queue":
      return isCustomerKey(b.kms_master_key_id) ? [] : ["kms_master_key_id is not set. Pass a customer-managed key."];
    case "aws_db_instance":
    case "aws_rds_cluster": {
      // A read replica in its source's Region is encrypted with the source's key and must not name one
      // (CreateDBInstanceReadReplica, KmsKeyId: "don't specify a value"); the source is judged itself.
      const source = r.type === "aws_db_instance" ? replicaSource(r, stack) : undefined;
      if (source && source.body.provider === b.provider && b.kms_key_id === undefined) return [];
      if (b.replicate_source_db !== undefined && b.storage_encrypted === undefined)
        return isCustomerKey(b.kms_key_id) ? [] : ["the replica has no kms_key_id. Pass the data key."];
      const out: string[] = [];
      if (!isTrue(b.storage_encrypted)) out.push("storage_encrypted is not true. Set storageEncrypted: true");
      if (!isCustomerKey(b.kms_key_id)) out.push("kms_key_id is not set. Pass the account's data key (keys.data.keyArn)");
      return out;
    }
    case "aws_elasticache_replication_group": {
      const out: string[] = [];
      if (!isTrue(b.at_rest_encryption_enabled)) out.push("at_rest_encryption_enabled is not true. Set atRestEncryptionEnabled: true");
      if (!isCustomerKey(b.kms_key_id)) out.push("kms_key_id is not set. Pass the account's data key");
      return out;
    }
    case "aws_ecr_repository": {
      const enc = block(b.encryption_configuration);
      return enc?.encryption_type === "KMS" && isCustomerKey(enc.kms_key)
        ? []
        : [
            'encryption_configuration is not KMS with a customer-managed kms_key. Set encryptionConfiguration: [{ encryptionType: "KMS", kmsKey: <data key ARN> }]',
          ];
    }
    case "aws_ebs_volume":
      return isTrue(b.encrypted) && isCustomerKey(b.kms_key_id) ? [] : ["the volume is not encrypted with a customer-managed kms_key_id"];
    case "aws_secretsmanager_secret":
      return isCustomerKey(b.kms_key_id) ? [] : ["kms_key_id is not set. Pass the account's secrets key"];
    default:
      return undefined;
  }
}

/**
 * Log groups, SNS topics, SQS queues, RDS instances and clusters, ElastiCache replication groups, ECR
 * repositories, EBS volumes and Secrets Manager secrets name a customer-managed KMS key (S3 buckets:
 * LZ-ENC2). A read replica of a DB instance of the stack, in the same Region (same provider), names no key:
 * it is encrypted with its source's, which is judged itself (AWS refuses a key there). AWS-managed keys (`alias/aws/...`) cannot have their key policy restricted or be shared.
 */
export const encryptionAtRest: PolicyRule = {
  id: "LZ-ENC1",
  level: "error",
  title: "Log groups, topics, queues, databases, caches, ECR repositories, volumes and secrets use a customer-managed KMS key",
  rationale: "A customer key's policy decides who can read the data, is auditable in CloudTrail, and can be rotated and disabled.",
  sources: ["FSBP SNS.1", "FSBP RDS.3", "FSBP ElastiCache.4", "FSBP ECR.5", "CKV_AWS_158", "CKV_AWS_26", "CKV_AWS_16", "CKV_AWS_191"],
  resourceTypes: [
    "aws_cloudwatch_log_group",
    "aws_sns_topic",
    "aws_sqs_queue",
    "aws_db_instance",
    "aws_rds_cluster",
    "aws_elasticache_replication_group",
    "aws_ecr_repository",
    "aws_ebs_volume",
    "aws_secretsmanager_secret",
  ],
  check: (r, stack) => {
    const p = problems(r, stack);
    return p === undefined ? NOT_APPLICABLE : outcomeOf(p);
  },
};
