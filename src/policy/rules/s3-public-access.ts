/** LZ-BKT1: every S3 bucket blocks public access. */
import { isTrue } from "../stack.js";
import { COMPLIANT, nonCompliant, type PolicyRule } from "../types.js";

const FLAGS = ["block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets"] as const;

/**
 * An `aws_s3_bucket_public_access_block` for the bucket with all four settings true
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html).
 */
export const s3PublicAccessBlock: PolicyRule = {
  id: "LZ-BKT1",
  level: "error",
  title: "S3 buckets have all four public access block settings on",
  rationale: "A bucket-level block stops an ACL or policy mistake from publishing data, even if the account-level block is changed.",
  sources: ["FSBP S3.8", "CIS 2.1.4", "CKV2_AWS_6"],
  resourceTypes: ["aws_s3_bucket"],
  check: (r, stack) => {
    const blocks = stack.referencing("aws_s3_bucket_public_access_block", "bucket", r);
    if (blocks.length === 0)
      return nonCompliant("no aws_s3_bucket_public_access_block for this bucket. Add one with all four settings true.");
    const off = FLAGS.filter((f) => !blocks.some((b) => isTrue(b.body[f])));
    return off.length === 0 ? COMPLIANT : nonCompliant(`public access block leaves ${off.join(", ")} off. Set all four to true.`);
  },
};
