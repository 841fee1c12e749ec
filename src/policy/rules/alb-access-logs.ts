/** LZ-LOG1: application load balancers write access logs. */
import { block, isTrue } from "../stack.js";
import { COMPLIANT, nonCompliant, NOT_APPLICABLE, type PolicyRule } from "../types.js";

/** `aws_lb` of type application: `access_logs { enabled = true, bucket = ... }` (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/enable-access-logging.html). */
export const albAccessLogs: PolicyRule = {
  id: "LZ-LOG1",
  level: "error",
  title: "Application load balancers write access logs",
  rationale: "Access logs are the only per-request record at the load balancer: client IP, path, status, TLS version.",
  sources: ["FSBP ELB.5", "CKV_AWS_91"],
  resourceTypes: ["aws_lb", "aws_alb"],
  check: (r) => {
    if (r.body.load_balancer_type !== undefined && r.body.load_balancer_type !== "application") return NOT_APPLICABLE;
    const logs = block(r.body.access_logs);
    return logs && isTrue(logs.enabled) && typeof logs.bucket === "string" && logs.bucket !== ""
      ? COMPLIANT
      : nonCompliant("access_logs is not enabled. Set accessLogs: { enabled: true, bucket: <log bucket> }.");
  },
};
