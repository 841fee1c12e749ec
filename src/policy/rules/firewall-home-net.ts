/** LZ-AWS10: the Suricata HOME_NET of a firewall reached through a transit gateway covers what it inspects. */
import { contains, parseCidr } from "../../net/cidr.js";
import { asList, block, type SynthResource, type SynthStack } from "../stack.js";
import { NOT_APPLICABLE, outcomeOf, type PolicyRule, type RuleOutcome } from "../types.js";

/** The definition of rule variable `key` in a list of `{ key, ip_set: { definition } }` blocks; undefined if absent. */
function variable(blocks: unknown, key: string): string[] | undefined {
  const found = asList<Record<string, unknown>>(blocks).find((v) => v && typeof v === "object" && v.key === key);
  return found ? asList<unknown>(block(found.ip_set)?.definition).map(String) : undefined;
}

/** True when `a` and `b` name the same VPC: both refer to one `aws_vpc`, or are the same literal id. */
function sameVpc(stack: SynthStack, a: unknown, b: unknown): boolean {
  const vpc = stack.resolve(a);
  return vpc ? stack.refersTo(b, vpc) : typeof a === "string" && a === b;
}

/**
 * True when a transit gateway sends traffic through the firewall: its VPC has a TGW VPC attachment in appliance
 * mode (the inspection VPC design), or a route table of an attachment subnet routes to a VPC endpoint (a firewall
 * endpoint) ("Transit gateway attachment considerations",
 * https://docs.aws.amazon.com/network-firewall/latest/developerguide/tgw-firewall-considerations.html).
 */
export function reachedThroughTransitGateway(firewall: SynthResource, stack: SynthStack): boolean {
  const attachments = stack
    .ofType("aws_ec2_transit_gateway_vpc_attachment")
    .filter((a) => sameVpc(stack, firewall.body.vpc_id, a.body.vpc_id));
  return attachments.some((a) => {
    if (a.body.appliance_mode_support === "enable") return true;
    const subnets = asList(a.body.subnet_ids)
      .map((s) => stack.resolve(s))
      .filter((s): s is SynthResource => s !== undefined);
    const tables = stack
      .ofType("aws_route_table_association")
      .filter((assoc) => subnets.some((s) => stack.refersTo(assoc.body.subnet_id, s)))
      .map((assoc) => stack.resolve(assoc.body.route_table_id))
      .filter((t): t is SynthResource => t !== undefined);
    return tables.some(
      (t) =>
        asList<Record<string, unknown>>(t.body.route).some((r) => r?.vpc_endpoint_id !== undefined) ||
        stack.ofType("aws_route").some((r) => r.body.vpc_endpoint_id !== undefined && stack.refersTo(r.body.route_table_id, t)),
    );
  });
}

/** True when the rule group's rules read HOME_NET: a domain list, or rules naming $HOME_NET or $EXTERNAL_NET. */
function readsHomeNet(rulesSource: Record<string, unknown> | undefined): boolean {
  if (!rulesSource) return false;
  if (block(rulesSource.rules_source_list)) return true;
  const text = JSON.stringify(rulesSource);
  return text.includes("$HOME_NET") || text.includes("$EXTERNAL_NET");
}

/** Inspected CIDRs that no CIDR of `homeNet` contains (an entry that is not an IPv4 CIDR covers nothing). */
function uncovered(homeNet: readonly string[], inspected: readonly string[]): string[] {
  const parse = (c: string) => {
    try {
      return parseCidr(c);
    } catch {
      return undefined;
    }
  };
  const home = homeNet.map(parse).filter((c) => c !== undefined);
  return inspected.filter((c) => {
    const inner = parse(c);
    return !inner || !home.some((h) => contains(h, inner));
  });
}

/**
 * A stateful `aws_networkfirewall_rule_group` whose rules read `HOME_NET` (a domain list, or Suricata rules with
 * `$HOME_NET`/`$EXTERNAL_NET`), used by a firewall policy of a firewall that a transit gateway sends traffic through
 * ({@link reachedThroughTransitGateway}), must have `HOME_NET` defined: in the rule group's
 * `rule_variables.ip_sets` or in the policy's `policy_variables.rule_variables`. Otherwise Network Firewall uses
 * the CIDR of the inspection VPC, which holds none of the inspected VPCs
 * (https://docs.aws.amazon.com/network-firewall/latest/APIReference/API_PolicyVariables.html). With
 * {@link StackFacts.inspectedCidrs}, the effective `HOME_NET` (the group's, else the policy's) must contain each of
 * them. A group that sets `HOME_NET` and reads `$EXTERNAL_NET` without setting it, under a policy without
 * `HOME_NET`, inherits the policy's `EXTERNAL_NET`, the negation of the inspection VPC's CIDR
 * (https://docs.aws.amazon.com/network-firewall/latest/developerguide/suricata-limitations-caveats.html).
 * Not applicable to stateless groups, groups that do not read HOME_NET, and firewalls no transit gateway reaches
 * (a per-vpc firewall's default HOME_NET, its own VPC, is right).
 */
export const firewallHomeNet: PolicyRule = {
  id: "LZ-AWS10",
  level: "error",
  title: "Suricata HOME_NET of a firewall reached through a transit gateway is set and covers the inspected VPCs",
  rationale:
    "Network Firewall's default HOME_NET is the inspection VPC's own CIDR: rules on $HOME_NET/$EXTERNAL_NET and domain lists then never match the traffic the transit gateway sends through it.",
  sources: [
    "https://docs.aws.amazon.com/network-firewall/latest/APIReference/API_PolicyVariables.html",
    "https://docs.aws.amazon.com/network-firewall/latest/developerguide/tgw-firewall-considerations.html",
    "https://docs.aws.amazon.com/network-firewall/latest/developerguide/suricata-limitations-caveats.html",
    "https://docs.aws.amazon.com/network-firewall/latest/APIReference/API_RulesSourceList.html",
  ],
  resourceTypes: ["aws_networkfirewall_rule_group"],
  check: (r: SynthResource, stack): RuleOutcome => {
    if (r.body.type !== "STATEFUL") return NOT_APPLICABLE;
    const group = block(r.body.rule_group);
    const rulesSource = block(group?.rules_source);
    if (!readsHomeNet(rulesSource)) return NOT_APPLICABLE;
    const policies = stack
      .ofType("aws_networkfirewall_firewall_policy")
      .filter((p) => stack.refersTo(block(p.body.firewall_policy)?.stateful_rule_group_reference, r))
      .filter((p) =>
        stack.referencing("aws_networkfirewall_firewall", "firewall_policy_arn", p).some((fw) => reachedThroughTransitGateway(fw, stack)),
      );
    if (policies.length === 0) return NOT_APPLICABLE;
    const groupVariables = block(group?.rule_variables)?.ip_sets;
    const groupHomeNet = variable(groupVariables, "HOME_NET");
    const problems: string[] = [];
    for (const p of policies) {
      const policyHomeNet = variable(block(block(p.body.firewall_policy)?.policy_variables)?.rule_variables, "HOME_NET");
      const homeNet = groupHomeNet ?? policyHomeNet;
      if (!homeNet) {
        problems.push(
          `neither the rule group nor ${p.address} sets HOME_NET, so it is the inspection VPC's CIDR and misses every VPC the transit gateway sends through the firewall. Set HOME_NET in the policy's policy_variables.rule_variables to the inspected VPC CIDRs and the inspection VPC's`,
        );
        continue;
      }
      const missing = uncovered(homeNet, stack.facts.inspectedCidrs ?? []);
      if (missing.length > 0)
        problems.push(
          `HOME_NET [${homeNet.join(", ")}] (under ${p.address}) does not cover the inspected ${missing.join(", ")}. Add them to HOME_NET`,
        );
      const readsExternal = JSON.stringify(rulesSource).includes("$EXTERNAL_NET");
      if (groupHomeNet && !policyHomeNet && readsExternal && !variable(groupVariables, "EXTERNAL_NET"))
        problems.push(
          `the rule group sets HOME_NET but not EXTERNAL_NET, and ${p.address} sets no HOME_NET, so $EXTERNAL_NET is the negation of the inspection VPC's CIDR and includes the inspected VPCs. Set HOME_NET in the policy's policy_variables instead (EXTERNAL_NET follows it)`,
        );
    }
    return outcomeOf(problems);
  },
};
