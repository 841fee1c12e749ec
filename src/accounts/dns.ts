/**
 * Hybrid DNS in the workload stacks (`networkHub.dns`, docs/dns-endpoints.md). The stack of the endpoint
 * environment builds the Resolver endpoints in its privateApp subnets, the forwarding rules and their RAM share, the
 * private hosted zone of every environment, and outputs the inbound endpoint's addresses for on-prem conditional
 * forwarders. Every other workload stack accepts the share (without RAM sharing in AWS Organizations) and associates
 * the rules with its VPC; it depends on the endpoint stack (./landing-zone.ts), which deploys right after the hub
 * (src/pipeline/deploy-order.ts). Every workload VPC gets Resolver query logging and, when configured, DNS Firewall.
 */
import { TerraformOutput } from "cdktf";
import type { LandingZoneModel, WorkloadModel } from "../config/index.js";
import { DnsFirewall, ResolverHub, ResolverQueryLogging, SharedResolverRules } from "../modules/dns/index.js";
import type { WorkloadVpc } from "../modules/vpc/index.js";
import type { AccountStack } from "./account-stack.js";

/** Name of the Terraform output holding the inbound endpoint's addresses (in the endpoint environment's stack). */
export const INBOUND_RESOLVER_IPS_OUTPUT = "dns_inbound_resolver_ips";

/** What {@link addHybridDns} built in one workload stack. */
export interface WorkloadDns {
  /** The endpoints, rules and zones: only in the endpoint environment's stack. */
  readonly hub?: ResolverHub;
  readonly queryLogging?: ResolverQueryLogging;
  readonly firewall?: DnsFirewall;
}

/** Adds the hybrid DNS part of `env`'s stack (see the file comment); nothing without `model.dns`. */
export function addHybridDns(stack: AccountStack, model: LandingZoneModel, env: WorkloadModel, vpc: WorkloadVpc): WorkloadDns {
  const dns = model.dns;
  if (!dns) return {};
  const subnet = (az: number) => {
    const id = vpc.subnetIds.privateApp[az];
    if (!id) throw new Error(`${env.name}: hybrid DNS needs the privateApp subnet of AZ ${az}`);
    return id;
  };
  let hub: ResolverHub | undefined;
  if (env.name === dns.endpointEnvironment) {
    hub = new ResolverHub(stack, "dns-resolver", {
      name: dns.name,
      vpcId: vpc.vpcId,
      inbound: dns.inboundAddresses.map((a) => ({ subnetId: subnet(a.az), ip: a.ip })),
      outbound: dns.outboundAddresses.map((a) => ({ subnetId: subnet(a.az), ip: a.ip })),
      onPremisesCidrs: dns.onPremisesCidrs,
      rules: dns.forwardRules.map((r) => ({
        name: r.name,
        domainName: r.domainName,
        targetIps: r.targetIps,
        // This VPC resolves the private zones itself: a forwarding rule would win over its zone associations.
        associateWithVpc: r.kind === "on-premises",
      })),
      resourceShare: {
        name: dns.resourceShareName,
        accountIds: [...new Set(model.environments.map((e) => e.accountId))].filter((a) => a !== env.accountId).sort(),
        sharingWithAwsOrganization: model.organization.ramSharingWithAwsOrganization,
      },
      privateZoneNames: dns.privateZones.map((z) => z.zoneName),
      preventDestroy: stack.target.preventDestroy,
    });
    new TerraformOutput(stack, INBOUND_RESOLVER_IPS_OUTPUT, {
      value: hub.inboundIps,
      description: "Addresses of the Route 53 Resolver inbound endpoint: the targets of on-prem conditional forwarders",
    });
  } else {
    // An environment in the endpoint's account sees the rules as its own: nothing to accept.
    const accept = !model.organization.ramSharingWithAwsOrganization && env.accountId !== dns.endpointAccountId;
    new SharedResolverRules(stack, "dns-rules", {
      name: env.vpc.name,
      vpcId: vpc.vpcId,
      ruleNames: dns.forwardRules.map((r) => r.name),
      ...(accept ? { acceptResourceShareName: dns.resourceShareName } : {}),
    });
  }
  const queryLogging = dns.queryLogging
    ? new ResolverQueryLogging(stack, "dns-query-logging", {
        name: env.vpc.name,
        vpcId: vpc.vpcId,
        retentionDays: dns.queryLogging.retentionDays,
        kmsKeyArn: stack.keys.logs.keyArn,
      })
    : undefined;
  const firewall = dns.dnsFirewall
    ? new DnsFirewall(stack, "dns-firewall", {
        name: `${env.vpc.name}-dns-firewall`,
        vpcId: vpc.vpcId,
        blockedDomains: dns.dnsFirewall.blockedDomains,
      })
    : undefined;
  return { ...(hub ? { hub } : {}), ...(queryLogging ? { queryLogging } : {}), ...(firewall ? { firewall } : {}) };
}
