/** LZ-ENC2: every S3 bucket has default encryption with a customer-managed KMS key. */
import { asList, block, type SynthResource, type SynthStack } from "../stack.js";
import { COMPLIANT, nonCompliant, type PolicyRule } from "../types.js";

/** True when an internet-facing or internal `aws_lb` delivers its access logs to `bucket` (by reference or by name). */
function receivesAlbAccessLogs(bucket: SynthResource, stack: SynthStack): boolean {
  return stack.ofType("aws_lb").some((lb) => {
    const logs = block(lb.body.access_logs);
    if (!logs) return false;
    return (typeof bucket.body.bucket === "string" && logs.bucket === bucket.body.bucket) || stack.refersTo(logs.bucket, bucket);
  });
}

/**
 * An `aws_s3_bucket_server_side_encryption_configuration` for the bucket whose rule uses `aws:kms` (or
 * `aws:kms:dsse`) with a `kms_master_key_id`
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html). SSE-S3 (AES256)
 * cannot restrict decryption by key policy.
 *
 * One AWS constraint is encoded: a bucket that receives Application Load Balancer access logs must use
 * SSE-S3, because "the only server-side encryption option that's supported is Amazon S3-managed keys"
 * (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/enable-access-logging.html). Such a
 * bucket complies with `AES256` and fails with anything else.
 */
export const s3BucketEncryption: PolicyRule = {
  id: "LZ-ENC2",
  level: "error",
  title: "S3 buckets encrypt by default with a customer-managed KMS key",
  rationale: "With SSE-KMS and a customer key, reading an object also needs kms:Decrypt, a second gate that is logged.",
  sources: ["FSBP S3.17", "CKV_AWS_145"],
  resourceTypes: ["aws_s3_bucket"],
  check: (r, stack) => {
    const configs = stack.referencing("aws_s3_bucket_server_side_encryption_configuration", "bucket", r);
    if (receivesAlbAccessLogs(r, stack)) {
      const sseS3 = configs.some((c) =>
        asList<Record<string, unknown>>(c.body.rule).some(
          (rule) => block(rule.apply_server_side_encryption_by_default)?.sse_algorithm === "AES256",
        ),
      );
      return sseS3
        ? COMPLIANT
        : nonCompliant("receives ALB access logs, which AWS delivers only to SSE-S3 buckets. Set sse_algorithm AES256 on this bucket.");
    }
    const ok = configs.some((c) =>
      asList<Record<string, unknown>>(c.body.rule).some((rule) => {
        const d = block(rule.apply_server_side_encryption_by_default);
        return (
          typeof d?.sse_algorithm === "string" &&
          d.sse_algorithm.startsWith("aws:kms") &&
          typeof d.kms_master_key_id === "string" &&
          d.kms_master_key_id !== ""
        );
      }),
    );
    return ok
      ? COMPLIANT
      : nonCompliant(
          "no aws_s3_bucket_server_side_encryption_configuration with sse_algorithm aws:kms and a kms_master_key_id. Add one with the account's data or logs key.",
        );
  },
};
