/** LZ-ENC2: every S3 bucket has default encryption with a customer-managed KMS key. */
import { asList, block } from "../stack.js";
import { COMPLIANT, nonCompliant, type PolicyRule } from "../types.js";

/**
 * An `aws_s3_bucket_server_side_encryption_configuration` for the bucket whose rule uses `aws:kms` (or
 * `aws:kms:dsse`) with a `kms_master_key_id`
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html). SSE-S3 (AES256)
 * cannot restrict decryption by key policy.
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
    const ok = configs.some((c) =>
      asList<Record<string, unknown>>(c.body.rule).some((rule) => {
        const d = block(rule.apply_server_side_encryption_by_default);
        return typeof d?.sse_algorithm === "string" && d.sse_algorithm.startsWith("aws:kms") && typeof d.kms_master_key_id === "string" && d.kms_master_key_id !== "";
      }),
    );
    return ok
      ? COMPLIANT
      : nonCompliant("no aws_s3_bucket_server_side_encryption_configuration with sse_algorithm aws:kms and a kms_master_key_id. Add one with the account's data or logs key.");
  },
};
