/** LZ-LOG2: CloudFront distributions write access logs. */
import { block } from "../stack.js";
import { COMPLIANT, nonCompliant, type PolicyRule } from "../types.js";

/**
 * Standard logging (legacy `logging_config { bucket }`) or standard logging v2: an
 * `aws_cloudwatch_log_delivery_source` whose `resource_arn` refers to the distribution
 * (https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/standard-logging.html).
 */
export const cloudfrontLogging: PolicyRule = {
  id: "LZ-LOG2",
  level: "error",
  title: "CloudFront distributions write access logs",
  rationale: "Edge logs show every request, blocked or served; without them an attack at the edge leaves no trace.",
  sources: ["FSBP CloudFront.5", "CKV_AWS_86"],
  resourceTypes: ["aws_cloudfront_distribution"],
  check: (r, stack) => {
    const legacy = block(r.body.logging_config);
    if (legacy && typeof legacy.bucket === "string" && legacy.bucket !== "") return COMPLIANT;
    if (stack.referencing("aws_cloudwatch_log_delivery_source", "resource_arn", r).length > 0) return COMPLIANT;
    return nonCompliant("no logging_config and no aws_cloudwatch_log_delivery_source for it. Turn on standard logging.");
  },
};
