/** LZ-BKT2: every S3 bucket's policy denies requests without TLS. */
import { policyStatements, conditionValues } from "../iam-policy.js";
import { COMPLIANT, nonCompliant, type PolicyRule } from "../types.js";

/**
 * An `aws_s3_bucket_policy` for the bucket with a Deny statement on `aws:SecureTransport = false`
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html#transit).
 */
export const s3TlsOnly: PolicyRule = {
  id: "LZ-BKT2",
  level: "error",
  title: "S3 bucket policies deny requests that do not use TLS",
  rationale: "Without the deny, a client may send or read objects in clear text over HTTP.",
  sources: ["FSBP S3.5", "CIS 2.1.1", "CKV_AWS_379"],
  resourceTypes: ["aws_s3_bucket"],
  check: (r, stack) => {
    const policies = stack.referencing("aws_s3_bucket_policy", "bucket", r);
    const ok = policies.some((p) =>
      (policyStatements(p.body.policy, stack) ?? []).some(
        (s) => s.effect === "Deny" && conditionValues(s, "aws:SecureTransport", /^Bool/).includes("false"),
      ),
    );
    return ok
      ? COMPLIANT
      : nonCompliant(
          'no bucket policy statement denies aws:SecureTransport = "false". Add a Deny for "s3:*" on the bucket and its objects with that condition.',
        );
  },
};
