/** LZ-WAF1: every public HTTP entry point is behind AWS WAF. */
import { isTrue } from "../stack.js";
import { COMPLIANT, nonCompliant, NOT_APPLICABLE, type PolicyRule } from "../types.js";

/**
 * `aws_cloudfront_distribution.web_acl_id` is set (a WAFv2 web ACL ARN in us-east-1); an internet-facing
 * application load balancer (`aws_lb`, `internal` not true, type `application`) has an
 * `aws_wafv2_web_acl_association` whose `resource_arn` refers to it
 * (https://docs.aws.amazon.com/waf/latest/developerguide/waf-resource-types.html). An ALB that only
 * CloudFront reaches still needs its own ACL: its DNS name is public.
 */
export const wafOnPublicEntry: PolicyRule = {
  id: "LZ-WAF1",
  level: "error",
  title: "CloudFront distributions and internet-facing ALBs have a WAF web ACL",
  rationale: "The web ACL blocks common exploits, bad bots and IP floods before they reach the application.",
  sources: ["FSBP CloudFront.6", "CKV_AWS_68", "CKV2_AWS_28"],
  resourceTypes: ["aws_cloudfront_distribution", "aws_lb", "aws_alb"],
  check: (r, stack) => {
    if (r.type === "aws_cloudfront_distribution") {
      return typeof r.body.web_acl_id === "string" && r.body.web_acl_id !== ""
        ? COMPLIANT
        : nonCompliant("web_acl_id is not set. Attach the edge web ACL (WAFv2, scope CLOUDFRONT).");
    }
    if (isTrue(r.body.internal) || (r.body.load_balancer_type !== undefined && r.body.load_balancer_type !== "application"))
      return NOT_APPLICABLE;
    return stack.referencing("aws_wafv2_web_acl_association", "resource_arn", r).length > 0
      ? COMPLIANT
      : nonCompliant("this internet-facing ALB has no aws_wafv2_web_acl_association. Associate a regional web ACL with it.");
  },
};
