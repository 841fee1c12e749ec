/** LZ-AWS2: a REGIONAL web ACL on an ALB that only CloudFront reaches does not rate-limit by source IP. */
import { asList, block, type SynthResource, type SynthStack } from "../stack.js";
import { COMPLIANT, nonCompliant, NOT_APPLICABLE, type PolicyRule } from "../types.js";
import {
  CLOUDFRONT_ORIGIN_FACING,
  isInternalCidr,
  loadBalancerSecurityGroups,
  prefixListInfo,
  securityGroupRuleEntries,
} from "./security-group-rules.js";

/** A rate-based rule of a web ACL, as far as the aggregation goes. */
interface RateRule {
  readonly name: string;
  /** `IP`, `FORWARDED_IP`, `CUSTOM_KEYS` or `CONSTANT`. */
  readonly aggregateKeyType: string;
  /** True when a `CUSTOM_KEYS` rule has the plain `IP` key among its keys. */
  readonly customIpKey: boolean;
}

/** Rate-based rules in the WAFV2 API shape of `rule_json` (`Statement.RateBasedStatement`). */
function fromRuleJson(raw: unknown): RateRule[] | undefined {
  if (typeof raw !== "string") return [];
  let rules: unknown;
  try {
    rules = JSON.parse(raw);
  } catch {
    return undefined;
  }
  return asList<Record<string, unknown>>(rules).flatMap((rule) => {
    const rate = block(block(rule.Statement)?.RateBasedStatement);
    if (!rate) return [];
    return [
      {
        name: String(rule.Name ?? "(unnamed)"),
        aggregateKeyType: String(rate.AggregateKeyType ?? "IP"),
        customIpKey: asList<Record<string, unknown>>(rate.CustomKeys).some((k) => k.IP !== undefined),
      },
    ];
  });
}

/** Rate-based rules written as `rule { statement { rate_based_statement { ... } } }` blocks (`aggregate_key_type` defaults to IP). */
function fromRuleBlocks(rules: unknown): RateRule[] {
  return asList<Record<string, unknown>>(rules).flatMap((rule) => {
    const rate = block(block(rule.statement)?.rate_based_statement);
    if (!rate) return [];
    return [
      {
        name: String(rule.name ?? "(unnamed)"),
        aggregateKeyType: String(rate.aggregate_key_type ?? "IP"),
        customIpKey: asList<Record<string, unknown>>(rate.custom_key).some((k) => k.ip !== undefined),
      },
    ];
  });
}

/**
 * True when the load balancer is reachable from the internet only through CloudFront: one of its security
 * groups admits a CloudFront origin-facing prefix list, and no ingress of any of them admits another
 * source that could be on the internet (a public or unreadable CIDR, another or unknown prefix list).
 * Referenced security groups and private CIDRs are inside the network and do not count.
 */
function onlyCloudFrontReaches(lb: SynthResource, stack: SynthStack): boolean {
  const groups = loadBalancerSecurityGroups(lb, stack);
  if (groups.length === 0 || groups.length !== asList(lb.body.security_groups).length) return false;
  const ingress = groups.flatMap((g) => securityGroupRuleEntries(g, stack)).filter((e) => e.direction === "ingress");
  let cloudFront = false;
  for (const e of ingress) {
    if (e.kind === "security-group") continue;
    if (e.kind === "cidr") {
      if (isInternalCidr(e.value, stack)) continue;
      return false;
    }
    const name = prefixListInfo(e.value, stack).name;
    if (name === undefined || !CLOUDFRONT_ORIGIN_FACING.includes(name)) return false;
    cloudFront = true;
  }
  return cloudFront;
}

/**
 * `aws_wafv2_web_acl` with scope REGIONAL, associated (`aws_wafv2_web_acl_association`) with an `aws_lb`
 * that only CloudFront reaches (see {@link onlyCloudFrontReaches}): no rate-based rule aggregates on `IP`
 * (or on an `IP` custom key). Behind CloudFront the source IP is the edge server that forwarded the request
 * ("the source IP address … will contain the address of the last proxy",
 * https://docs.aws.amazon.com/waf/latest/developerguide/waf-rule-statement-type-rate-based-aggregation-options.html),
 * so the limit counts many viewers together and never isolates one client. Not applicable to other ACLs.
 */
export const wafRateBehindCloudFront: PolicyRule = {
  id: "LZ-AWS2",
  level: "error",
  title: "A regional web ACL on a CloudFront-only ALB does not rate-limit by source IP",
  rationale:
    "Behind CloudFront the source IP is an edge server, so an IP rate limit counts many viewers as one client: it throttles innocent users sharing an edge and never stops the flooding client.",
  sources: [
    "https://docs.aws.amazon.com/waf/latest/developerguide/waf-rule-statement-type-rate-based-aggregation-options.html",
    "https://docs.aws.amazon.com/waf/latest/developerguide/waf-rule-statement-forwarded-ip-address.html",
    "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/LocationsOfEdgeServers.html#managed-prefix-list",
  ],
  resourceTypes: ["aws_wafv2_web_acl"],
  check: (r, stack) => {
    if (r.body.scope !== "REGIONAL") return NOT_APPLICABLE;
    const albs = stack
      .referencing("aws_wafv2_web_acl_association", "web_acl_arn", r)
      .map((a) => stack.resolve(a.body.resource_arn))
      .filter((lb): lb is SynthResource => lb !== undefined && (lb.type === "aws_lb" || lb.type === "aws_alb"))
      .filter((lb) => onlyCloudFrontReaches(lb, stack));
    if (albs.length === 0) return NOT_APPLICABLE;
    const fromJson = fromRuleJson(r.body.rule_json);
    if (fromJson === undefined) return NOT_APPLICABLE;
    const byIp = [...fromJson, ...fromRuleBlocks(r.body.rule)].filter(
      (rule) => rule.aggregateKeyType === "IP" || (rule.aggregateKeyType === "CUSTOM_KEYS" && rule.customIpKey),
    );
    if (byIp.length === 0) return COMPLIANT;
    return nonCompliant(
      `rate-based rule(s) ${byIp.map((x) => x.name).join(", ")} aggregate on the source IP, but this web ACL protects ${albs.map((a) => a.address).join(", ")}, which only CloudFront's origin-facing addresses reach: the source IP is a CloudFront edge server, not the client. Rate-limit by client IP on the CLOUDFRONT-scope web ACL, where the source IP is the viewer, and drop the rule here (FORWARDED_IP on X-Forwarded-For is no substitute: WAF reads its first address, which the client can forge).`,
    );
  },
};
