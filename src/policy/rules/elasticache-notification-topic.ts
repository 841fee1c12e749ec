/** LZ-AWS8: ElastiCache does not notify an SNS topic it cannot publish to (an encrypted one). */
import { COMPLIANT, nonCompliant, NOT_APPLICABLE, type PolicyRule } from "../types.js";

const SNS_DOC = "https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/ElastiCacheSNS.html";

/**
 * An `aws_elasticache_replication_group` or `aws_elasticache_cluster` whose `notification_topic_arn` refers to an
 * `aws_sns_topic` of the stack with `kms_master_key_id` is an error: "The Amazon SNS topic you are publishing to
 * cannot be encrypted" (ElastiCacheSNS.html); the association is accepted, the topic shows as inactive, and no event
 * is ever delivered. Not applicable without a topic, or with a topic the stack does not hold.
 */
export const elasticacheNotificationTopic: PolicyRule = {
  id: "LZ-AWS8",
  level: "error",
  title: "ElastiCache clusters do not send event notifications to an encrypted SNS topic",
  rationale:
    "ElastiCache cannot publish to a KMS-encrypted topic: it accepts the setting, marks the topic inactive and drops every failover and maintenance notification.",
  sources: [SNS_DOC],
  resourceTypes: ["aws_elasticache_replication_group", "aws_elasticache_cluster"],
  check: (r, stack) => {
    if (r.body.notification_topic_arn === undefined) return NOT_APPLICABLE;
    const topic = stack.resolve(r.body.notification_topic_arn);
    if (topic?.type !== "aws_sns_topic") return NOT_APPLICABLE;
    const key = topic.body.kms_master_key_id;
    if (key === undefined || key === null || key === "") return COMPLIANT;
    return nonCompliant(
      `notification_topic_arn names ${topic.address}, which is encrypted (kms_master_key_id): ElastiCache cannot publish to an encrypted topic, so no event arrives. ` +
        `Remove notification_topic_arn and alarm on the cache's CloudWatch metrics instead (node-based cluster events do not reach EventBridge, and an unencrypted topic breaks LZ-ENC1) (${SNS_DOC}).`,
    );
  },
};
