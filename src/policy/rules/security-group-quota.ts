/** LZ-AWS1: a security group stays within the rules-per-security-group quota, counting prefix lists by weight. */
import type { SynthStack } from "../stack.js";
import { COMPLIANT, nonCompliant, type PolicyRule } from "../types.js";
import { type IpFamily, prefixListInfo, type RuleDirection, securityGroupRuleEntries } from "./security-group-rules.js";

/**
 * Default quota "Inbound or outbound rules per security group", enforced separately per direction and for
 * IPv4 and IPv6 (https://docs.aws.amazon.com/vpc/latest/userguide/amazon-vpc-limits.html#vpc-limits-security-groups).
 */
export const DEFAULT_RULES_PER_SECURITY_GROUP = 60;

/**
 * Weight assumed for a prefix list whose weight the stack does not reveal (a literal `pl-…` id, a list
 * looked up by id, a customer-managed list with a computed size): the largest weight AWS documents for a
 * managed list (CloudFront's 55), because an internet-facing group referencing an unknown list is most
 * often referencing that one.
 */
export const UNKNOWN_PREFIX_LIST_WEIGHT = 55;

interface Tally {
  weight: number;
  parts: Map<string, number>;
  unknown: number;
}

/** Weight per direction and family, with how each total is made up (for the message). */
function tally(sg: Parameters<PolicyRule["check"]>[0], stack: SynthStack): Map<string, Tally> {
  const totals = new Map<string, Tally>();
  for (const e of securityGroupRuleEntries(sg, stack)) {
    let weight = 1;
    let part = e.kind === "cidr" ? "CIDR" : "referenced security group";
    let unknown = false;
    if (e.kind === "prefix-list") {
      const info = prefixListInfo(e.value, stack);
      weight = info.weight ?? UNKNOWN_PREFIX_LIST_WEIGHT;
      unknown = info.weight === undefined;
      part = unknown ? `prefix list of unknown weight ${e.value} (counted as ${weight})` : `${info.name} (weight ${weight})`;
    }
    for (const family of e.families) {
      const key = `${e.direction} ${family}`;
      const t = totals.get(key) ?? { weight: 0, parts: new Map<string, number>(), unknown: 0 };
      t.weight += weight;
      t.parts.set(part, (t.parts.get(part) ?? 0) + 1);
      if (unknown) t.unknown += 1;
      totals.set(key, t);
    }
  }
  return totals;
}

const describe = (t: Tally) => [...t.parts.entries()].map(([part, n]) => (n > 1 ? `${n} × ${part}` : part)).join(", ");

/**
 * For each `aws_security_group`: the weight of its rules (inline blocks and rule resources pointing at it),
 * per direction and per IP family, is at most {@link DEFAULT_RULES_PER_SECURITY_GROUP}. A CIDR or a
 * referenced group weighs 1, an AWS-managed prefix list its documented weight (CloudFront's origin-facing
 * list: 55), a customer-managed list its `max_entries`; a prefix list of unknown weight counts as
 * {@link UNKNOWN_PREFIX_LIST_WEIGHT} and the message says so. Above the quota, creating the rule fails with
 * `RulesPerSecurityGroupLimitExceeded`.
 */
export const securityGroupQuota: PolicyRule = {
  id: "LZ-AWS1",
  level: "error",
  title: "Security groups stay within 60 rules per direction and IP family, counting prefix lists by their weight",
  rationale:
    "A prefix list counts as its weight (CloudFront's origin-facing list as 55 rules), so two such rules exceed the default quota of 60 and the apply fails with RulesPerSecurityGroupLimitExceeded.",
  sources: [
    "https://docs.aws.amazon.com/vpc/latest/userguide/amazon-vpc-limits.html#vpc-limits-security-groups",
    "https://docs.aws.amazon.com/vpc/latest/userguide/working-with-aws-managed-prefix-lists.html#aws-managed-prefix-list-weights",
    "https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html#security-group-size",
  ],
  resourceTypes: ["aws_security_group"],
  check: (r, stack) => {
    const over = [...tally(r, stack).entries()].filter(([, t]) => t.weight > DEFAULT_RULES_PER_SECURITY_GROUP);
    if (over.length === 0) return COMPLIANT;
    const problems = over.map(([key, t]) => {
      const [direction, family] = key.split(" ") as [RuleDirection, IpFamily];
      const unknown =
        t.unknown > 0
          ? ` (${t.unknown} prefix list(s) could not be resolved in this stack and were counted as ${UNKNOWN_PREFIX_LIST_WEIGHT}: reference them through data.aws_ec2_managed_prefix_list by name or an aws_ec2_managed_prefix_list so their weight is known)`
          : "";
      return `${direction} ${family} rules weigh ${t.weight}: ${describe(t)}${unknown}`;
    });
    return nonCompliant(
      `${problems.join("; ")}. That is above the default quota of ${DEFAULT_RULES_PER_SECURITY_GROUP} rules per security group per direction and IP family, and AWS rejects the rule with RulesPerSecurityGroupLimitExceeded. Reference a heavy prefix list once (one rule with a port range, or drop the ports nothing listens on), or split the rules over a second security group; if the account's quota "Inbound or outbound rules per security group" was raised, suppress this finding with that reason.`,
    );
  },
};
