/** LZ-LOG3: WAF web ACLs log their requests. */
import { COMPLIANT, nonCompliant, type PolicyRule } from "../types.js";

/** An `aws_wafv2_web_acl_logging_configuration` whose `resource_arn` refers to the web ACL (https://docs.aws.amazon.com/waf/latest/developerguide/logging.html). */
export const wafLogging: PolicyRule = {
  id: "LZ-LOG3",
  level: "error",
  title: "WAF web ACLs have a logging configuration",
  rationale: "WAF logs tell which rule blocked which request: needed to tune rules and to investigate floods.",
  sources: ["FSBP WAF.11", "CKV2_AWS_31"],
  resourceTypes: ["aws_wafv2_web_acl"],
  check: (r, stack) =>
    stack.referencing("aws_wafv2_web_acl_logging_configuration", "resource_arn", r).length > 0
      ? COMPLIANT
      : nonCompliant("no aws_wafv2_web_acl_logging_configuration refers to this web ACL. Add one (to a log group named aws-waf-logs-...)."),
};
