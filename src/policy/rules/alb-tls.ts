/** LZ-TLS1: load balancer listeners use TLS 1.2+ or only redirect to HTTPS. */
import { asList, block } from "../stack.js";
import { COMPLIANT, nonCompliant, NOT_APPLICABLE, type PolicyRule } from "../types.js";

/**
 * Security policies that offer only TLS 1.2 and 1.3 with forward-secret ciphers
 * (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/describe-ssl-policies.html).
 */
export const STRONG_ELB_POLICIES: readonly string[] = [
  "ELBSecurityPolicy-TLS13-1-2-2021-06",
  "ELBSecurityPolicy-TLS13-1-2-Res-2021-06",
  "ELBSecurityPolicy-TLS13-1-3-2021-06",
  "ELBSecurityPolicy-TLS13-1-2-FIPS-2023-04",
  "ELBSecurityPolicy-TLS13-1-2-Res-FIPS-2023-04",
  "ELBSecurityPolicy-TLS13-1-3-FIPS-2023-04",
  "ELBSecurityPolicy-TLS13-1-2-PQ-2025-09",
  "ELBSecurityPolicy-TLS13-1-3-PQ-2025-09",
  "ELBSecurityPolicy-FS-1-2-Res-2020-10",
  "ELBSecurityPolicy-FS-1-2-Res-2019-08",
  "ELBSecurityPolicy-TLS-1-2-Ext-2018-06",
];

/**
 * `aws_lb_listener`: HTTPS/TLS listeners use one of {@link STRONG_ELB_POLICIES}; HTTP listeners only
 * redirect to HTTPS (every default action is a `redirect` with protocol HTTPS). Other protocols (TCP,
 * UDP, GENEVE) are not applicable.
 */
export const albTls: PolicyRule = {
  id: "LZ-TLS1",
  level: "error",
  title: "Load balancer listeners use a TLS 1.2+ policy, or only redirect HTTP to HTTPS",
  rationale: "Old TLS versions and ciphers are breakable; plain HTTP exposes sessions and credentials.",
  sources: ["FSBP ELB.1", "FSBP ELB.17", "CKV_AWS_2", "CKV_AWS_103"],
  resourceTypes: ["aws_lb_listener", "aws_alb_listener"],
  check: (r) => {
    const protocol = String(r.body.protocol ?? "HTTP").toUpperCase();
    if (protocol === "HTTPS" || protocol === "TLS") {
      const policy = r.body.ssl_policy;
      return typeof policy === "string" && STRONG_ELB_POLICIES.includes(policy)
        ? COMPLIANT
        : nonCompliant(
            `ssl_policy is ${policy === undefined ? "not set (the AWS default allows TLS 1.0)" : String(policy)}. Set sslPolicy: "ELBSecurityPolicy-TLS13-1-2-2021-06".`,
          );
    }
    if (protocol !== "HTTP") return NOT_APPLICABLE;
    const actions = asList<Record<string, unknown>>(r.body.default_action);
    const redirects =
      actions.length > 0 &&
      actions.every((a) => a.type === "redirect" && String(block(a.redirect)?.protocol ?? "").toUpperCase() === "HTTPS");
    return redirects
      ? COMPLIANT
      : nonCompliant("an HTTP listener serves traffic. Make its only default action a redirect to HTTPS (status HTTP_301).");
  },
};
