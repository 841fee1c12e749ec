/**
 * The AWS Network Firewall pieces shared by the hub's central inspection VPC and a workload VPC's per-vpc
 * firewall tier: the rule groups, the firewall policy, the firewall with one endpoint per subnet (AZ), its
 * FLOW and ALERT logs, and the endpoint id per AZ.
 *
 * {@link addNetworkFirewall} creates its resources directly in the caller's scope, not in a child construct:
 * the construct ids (`suricata-rules`, `egress-domain-allow-list`, `policy`, `firewall`, `flow-log-group`,
 * `alert-log-group`, `logging`, `firewall-endpoint-ids`) are the ones the inspection VPC always used, so its
 * Terraform addresses stay as they were (a moved address would replace a protected firewall).
 *
 * Policy: stateless default `aws:forward_to_sfe` (everything goes to the stateful engine); stateful engine in
 * strict order with default actions `aws:drop_established` + `aws:alert_established` (a flow no rule passes is
 * dropped once established, and alerted); rule groups in order: one Suricata-compatible group (`passRules`, then
 * `suricataRules`), then the egress domain allow-list (TLS SNI and HTTP Host) for sources in `homeNet`.
 *
 * `HOME_NET` is set in the policy's variables (`policy_variables.rule_variables`), so every rule group (the
 * config's Suricata rules included) sees the networks the firewall protects. Without it Network Firewall uses the
 * CIDR of the VPC the firewall is in, which for a central inspection VPC reached through a transit gateway holds
 * none of the inspected VPCs ("If you don't override HOME_NET with your own CIDRs, Network Firewall by default
 * uses the CIDR of your inspection VPC", https://docs.aws.amazon.com/network-firewall/latest/APIReference/API_PolicyVariables.html).
 * The policy level, rather than each rule group, because "The policy's EXTERNAL_NET setting is always the negation
 * of the policy's HOME_NET setting" and a rule group that sets only HOME_NET inherits the policy's EXTERNAL_NET
 * ("Limitations and caveats for stateful rules",
 * https://docs.aws.amazon.com/network-firewall/latest/developerguide/suricata-limitations-caveats.html). The
 * allow-list group keeps its own HOME_NET, the same CIDRs (domain lists inspect only HOME_NET sources,
 * https://docs.aws.amazon.com/network-firewall/latest/APIReference/API_RulesSourceList.html)
 * ("Stateful rule groups in AWS Network Firewall",
 * https://docs.aws.amazon.com/network-firewall/latest/developerguide/stateful-rule-groups-ips.html; "Strict
 * evaluation order", https://docs.aws.amazon.com/network-firewall/latest/developerguide/suricata-rule-evaluation-order.html).
 * Logging: https://docs.aws.amazon.com/network-firewall/latest/developerguide/firewall-logging.html.
 */
import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { NetworkfirewallFirewall } from "@cdktf/provider-aws/lib/networkfirewall-firewall";
import { NetworkfirewallFirewallPolicy } from "@cdktf/provider-aws/lib/networkfirewall-firewall-policy";
import { NetworkfirewallLoggingConfiguration } from "@cdktf/provider-aws/lib/networkfirewall-logging-configuration";
import { NetworkfirewallRuleGroup } from "@cdktf/provider-aws/lib/networkfirewall-rule-group";
import { Fn, TerraformLocal } from "cdktf";
import type { Construct } from "constructs";

/** Props of {@link addNetworkFirewall}. */
export interface NetworkFirewallProps {
  /** Name of the firewall (also the prefix of its policy, rule groups and log groups), for example `acme-prod`. */
  readonly name: string;
  readonly vpcId: string;
  /** Subnet ids of the firewall endpoints, one per AZ (AWS creates one endpoint per subnet). Changing them needs subnet-change protection off. */
  readonly subnetIds: readonly string[];
  /** Suricata rules evaluated first, written by the caller (east-west or ingress pass rules). @default [] */
  readonly passRules?: readonly string[];
  /** Extra Suricata rules from the config, evaluated after `passRules`. @default [] */
  readonly suricataRules?: readonly string[];
  /** Egress domains allowed (`.example.com` matches subdomains); empty: no allow-list group (all egress dropped). */
  readonly allowedDomains: readonly string[];
  /**
   * `HOME_NET` of the policy (every rule group) and of the allow-list group: the CIDRs of the networks whose
   * traffic the firewall inspects (at least one). A per-vpc firewall: its VPC's CIDR; the central inspection VPC:
   * every inspected VPC's CIDR and its own.
   */
  readonly homeNet: readonly string[];
  /** Retention of the FLOW and ALERT log groups, in days (a CloudWatch Logs retention value). */
  readonly logRetentionDays: number;
  /** KMS key ARN encrypting both log groups. */
  readonly logKmsKeyArn: string;
  /**
   * `lifecycle.prevent_destroy` on the firewall, its policy and rule groups, and the firewall's delete,
   * subnet-change and policy-change protection. @default false
   */
  readonly preventDestroy?: boolean;
}

/** What {@link addNetworkFirewall} built. */
export interface NetworkFirewallParts {
  readonly firewall: NetworkfirewallFirewall;
  readonly firewallArn: string;
  /**
   * The endpoint id (`vpce-…`) of AZ `availabilityZone` (an AZ name, or the token of a subnet's
   * `availability_zone`), read from the firewall's
   * `firewall_status[0].sync_states` (AWS reports one sync state per AZ, holding that AZ's endpoint).
   */
  readonly endpointIdIn: (availabilityZone: string) => string;
}

/**
 * Adds a Network Firewall, its policy, rule groups and logging to `scope`. Throws `Error` when `subnetIds` or
 * `homeNet` is empty (stage-3 invariants).
 */
export function addNetworkFirewall(scope: Construct, props: NetworkFirewallProps): NetworkFirewallParts {
  if (props.subnetIds.length === 0) throw new Error(`Network Firewall ${props.name}: no subnet for an endpoint`);
  if (props.homeNet.length === 0) throw new Error(`Network Firewall ${props.name}: HOME_NET needs at least one CIDR`);
  const lifecycle = props.preventDestroy ? { lifecycle: { preventDestroy: true } } : {};
  const suricata = [...(props.passRules ?? []), ...(props.suricataRules ?? [])];
  const suricataGroup =
    suricata.length > 0
      ? new NetworkfirewallRuleGroup(scope, "suricata-rules", {
          name: `${props.name}-suricata`,
          type: "STATEFUL",
          capacity: 1000,
          ruleGroup: { rulesSource: { rulesString: suricata.join("\n") }, statefulRuleOptions: { ruleOrder: "STRICT_ORDER" } },
          ...lifecycle,
        })
      : undefined;
  const domainGroup =
    props.allowedDomains.length > 0
      ? new NetworkfirewallRuleGroup(scope, "egress-domain-allow-list", {
          name: `${props.name}-egress-domains`,
          type: "STATEFUL",
          capacity: 100,
          ruleGroup: {
            ruleVariables: { ipSets: [{ key: "HOME_NET", ipSet: { definition: [...props.homeNet] } }] },
            rulesSource: {
              rulesSourceList: {
                generatedRulesType: "ALLOWLIST",
                targetTypes: ["TLS_SNI", "HTTP_HOST"],
                targets: [...props.allowedDomains],
              },
            },
            statefulRuleOptions: { ruleOrder: "STRICT_ORDER" },
          },
          ...lifecycle,
        })
      : undefined;
  const policy = new NetworkfirewallFirewallPolicy(scope, "policy", {
    name: `${props.name}-policy`,
    firewallPolicy: {
      policyVariables: { ruleVariables: [{ key: "HOME_NET", ipSet: { definition: [...props.homeNet] } }] },
      statelessDefaultActions: ["aws:forward_to_sfe"],
      statelessFragmentDefaultActions: ["aws:forward_to_sfe"],
      statefulEngineOptions: { ruleOrder: "STRICT_ORDER" },
      statefulDefaultActions: ["aws:drop_established", "aws:alert_established"],
      statefulRuleGroupReference: [
        ...(suricataGroup ? [{ priority: 100, resourceArn: suricataGroup.arn }] : []),
        ...(domainGroup ? [{ priority: 200, resourceArn: domainGroup.arn }] : []),
      ],
    },
    ...lifecycle,
  });
  const firewall = new NetworkfirewallFirewall(scope, "firewall", {
    name: props.name,
    vpcId: props.vpcId,
    firewallPolicyArn: policy.arn,
    subnetMapping: props.subnetIds.map((subnetId) => ({ subnetId })),
    deleteProtection: props.preventDestroy ?? false,
    subnetChangeProtection: props.preventDestroy ?? false,
    firewallPolicyChangeProtection: props.preventDestroy ?? false,
    tags: { Name: props.name },
    ...lifecycle,
  });
  const logGroup = (type: string) =>
    new CloudwatchLogGroup(scope, `${type}-log-group`, {
      name: `/aws/network-firewall/${props.name}/${type}`,
      retentionInDays: props.logRetentionDays,
      kmsKeyId: props.logKmsKeyArn,
    });
  const flow = logGroup("flow");
  const alert = logGroup("alert");
  new NetworkfirewallLoggingConfiguration(scope, "logging", {
    firewallArn: firewall.arn,
    loggingConfiguration: {
      logDestinationConfig: [
        { logType: "FLOW", logDestinationType: "CloudWatchLogs", logDestination: { logGroup: flow.name } },
        { logType: "ALERT", logDestinationType: "CloudWatchLogs", logDestination: { logGroup: alert.name } },
      ],
    },
  });
  // Endpoint id per AZ name, from the firewall's sync states.
  const endpoints = new TerraformLocal(
    scope,
    "firewall-endpoint-ids",
    `\${{ for s in ${firewall.fqn}.firewall_status[0].sync_states : s.availability_zone => s.attachment[0].endpoint_id }}`,
  );
  return { firewall, firewallArn: firewall.arn, endpointIdIn: (az) => Fn.lookup(endpoints.expression, az) as string };
}
