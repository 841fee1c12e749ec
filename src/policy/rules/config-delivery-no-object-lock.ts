/** LZ-AWS9: AWS Config delivers to a bucket without S3 Object Lock. */
import { hasObjectLock } from "../facts.js";
import { isExpression, type SynthResource, type SynthStack } from "../stack.js";
import { COMPLIANT, NOT_APPLICABLE, nonCompliant, type PolicyRule, type RuleOutcome } from "../types.js";

/** The delivery channel's bucket: in this stack by reference or literal name, else known from the facts, else unknown. */
function judge(name: unknown, stack: SynthStack): "locked" | "unlocked" | "unknown" {
  const referenced = stack.resolve(name);
  if (referenced) return referenced.type === "aws_s3_bucket" && hasObjectLock(referenced, stack) ? "locked" : "unlocked";
  if (typeof name !== "string" || name === "" || isExpression(name)) return "unknown";
  const local = stack.ofType("aws_s3_bucket").find((b) => b.body.bucket === name);
  if (local) return hasObjectLock(local, stack) ? "locked" : "unlocked";
  return stack.facts.objectLockBucketNames?.includes(name) ? "locked" : "unlocked";
}

/**
 * `aws_config_delivery_channel.s3_bucket_name` must not name a bucket with Object Lock: "AWS Config does not
 * support the delivery channel to an Amazon S3 bucket where object lock is enabled"
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-config-deliverychannel.html,
 * https://docs.aws.amazon.com/config/latest/APIReference/API_PutDeliveryChannel.html). The bucket is found by
 * reference, by its literal name in this stack, or in {@link StackFacts.objectLockBucketNames} (a bucket of
 * another stack). A literal naming no Object Lock bucket of the synthesis is compliant; an unresolvable
 * expression is not applicable.
 */
export const configDeliveryNoObjectLock: PolicyRule = {
  id: "LZ-AWS9",
  level: "error",
  title: "AWS Config delivery channels deliver to an S3 bucket without Object Lock",
  rationale:
    "AWS Config does not support delivery to a bucket with Object Lock enabled: creating the delivery channel fails, and the account records no configuration history.",
  sources: [
    "https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-config-deliverychannel.html",
    "https://docs.aws.amazon.com/config/latest/APIReference/API_PutDeliveryChannel.html",
  ],
  resourceTypes: ["aws_config_delivery_channel"],
  check: (r: SynthResource, stack): RuleOutcome => {
    const name = r.body.s3_bucket_name;
    const verdict = judge(name, stack);
    if (verdict === "unknown") return NOT_APPLICABLE;
    if (verdict === "unlocked") return COMPLIANT;
    return nonCompliant(
      `s3_bucket_name ${String(name)} is a bucket with S3 Object Lock, which AWS Config does not deliver to (the delivery channel cannot be created). Deliver to a bucket without Object Lock (versioned, SSE-KMS, deletion denied by its bucket policy), as the baseline's ConfigBucket does, and keep Object Lock for CloudTrail`,
    );
  },
};
