/**
 * The hybrid DNS part of the model (`networkHub.dns`, docs/dns-endpoints.md): where the Route 53 Resolver endpoints
 * sit and with which addresses, the forwarding rules, the private hosted zones, and the per-VPC query logging and
 * DNS Firewall. Built from validated files by {@link buildDns}.
 */
import { blockAt, parseCidr } from "../net/cidr.js";
import type { EnvironmentFile, SharedFile } from "./schema/index.js";
import { planSubnets } from "./subnet-plan.js";

/** One IP address of a Resolver endpoint: its AZ index, the privateApp subnet of that AZ, and the fixed address. */
export interface ResolverEndpointAddress {
  /** AZ index (0 = AZ a). */
  readonly az: number;
  readonly subnetCidr: string;
  /** The address in `subnetCidr`, fixed so on-prem forwarders and the routing verifier know it. */
  readonly ip: string;
}

/** A Route 53 Resolver forwarding rule. */
export interface ForwardRuleModel {
  /** Rule name (`<org>-fwd-<domain with dots as dashes>`); workload stacks find the shared rule by it. */
  readonly name: string;
  readonly domainName: string;
  /**
   * `on-premises`: to the on-prem DNS servers, associated with every workload VPC. `private-zones`: the private
   * hosted zones' parent domain to the inbound endpoint, associated with every workload VPC but the endpoint VPC,
   * which resolves the zones itself: Resolver applies forwarding rules before private hosted zones
   * (https://repost.aws/knowledge-center/route-53-override-reverse-dns-rules), so there the rule would send the
   * inbound endpoint's queries back to itself.
   */
  readonly kind: "on-premises" | "private-zones";
  /** Target addresses on port 53. */
  readonly targetIps: readonly string[];
}

/** Hybrid DNS of the landing zone. */
export interface DnsModel {
  /** Environment whose VPC hosts the endpoints, the rules and the zones. */
  readonly endpointEnvironment: string;
  /** Its stack (`workload-<env>`); every other workload stack depends on it. */
  readonly endpointStackName: string;
  readonly endpointAccountId: string;
  /** Name prefix of the endpoints and their security groups: `<org>-dns`. */
  readonly name: string;
  /** Inbound endpoint addresses, one per AZ of the endpoint VPC (the second-to-last address of each privateApp subnet). */
  readonly inboundAddresses: readonly ResolverEndpointAddress[];
  /** Outbound endpoint addresses, one per AZ (the third-to-last address of each privateApp subnet). */
  readonly outboundAddresses: readonly ResolverEndpointAddress[];
  readonly onPremisesCidrs: readonly string[];
  readonly onPremisesResolvers: readonly string[];
  /** The on-premises rules, then the private-zones rule. */
  readonly forwardRules: readonly ForwardRuleModel[];
  /** Name of the RAM share of the rules (`<org>-dns-rules`). */
  readonly resourceShareName: string;
  /** One private hosted zone per environment, in the endpoint account, associated with the endpoint VPC. */
  readonly privateZones: readonly { readonly environment: string; readonly zoneName: string }[];
  readonly privateZoneDomain: string;
  /** Resolver query logging of every workload VPC; absent when disabled. */
  readonly queryLogging?: { readonly retentionDays: number };
  /** DNS Firewall on every workload VPC; absent when not configured. */
  readonly dnsFirewall?: { readonly blockedDomains: readonly string[] };
}

/** `corp.acme.example` → `corp-acme-example`. */
const dashed = (domain: string) => domain.replace(/\./g, "-");

/** The address `fromEnd` addresses before the last (broadcast) address of `cidr`, as `a.b.c.d`. */
export function addressFromEnd(cidr: string, fromEnd: number): string {
  const c = parseCidr(cidr);
  return blockAt(c, c.last - c.first - BigInt(fromEnd), 32).split("/")[0]!;
}

/**
 * The DNS model, or undefined without `networkHub.dns`. Call only after validation: throws `Error` when the
 * endpoint environment is missing or its subnet plan does not fit (stage 2 rejects both).
 */
export function buildDns(orgName: string, shared: SharedFile, environments: readonly EnvironmentFile[]): DnsModel | undefined {
  const dns = shared.networkHub.dns;
  if (!dns) return undefined;
  const env = environments.find((e) => e.name === dns.resolverEndpointsIn);
  if (!env) throw new Error(`networkHub.dns.resolverEndpointsIn: no environment ${dns.resolverEndpointsIn}`);
  const plan = planSubnets(env.vpc.cidr, env.vpc.subnetPrefixLengths, env.vpc.azCount, { firewall: env.inspection === "per-vpc" });
  if (!plan.fits) throw new Error(`subnet plan of ${env.name} does not fit`);
  const subnets = plan.plan.privateApp.slice(0, env.vpc.azCount);
  // AWS reserves the first four and the last address of a subnet
  // (https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html): the last usable ones are free of them.
  const addresses = (fromEnd: number) => subnets.map((subnetCidr, az) => ({ az, subnetCidr, ip: addressFromEnd(subnetCidr, fromEnd) }));
  const inboundAddresses = addresses(1);
  return {
    endpointEnvironment: env.name,
    endpointStackName: `workload-${env.name}`,
    endpointAccountId: env.accountId,
    name: `${orgName}-dns`,
    inboundAddresses,
    outboundAddresses: addresses(2),
    onPremisesCidrs: [...shared.networkHub.onPremises.cidrs],
    onPremisesResolvers: [...dns.onPremisesResolvers],
    forwardRules: [
      ...dns.onPremisesDomains.map((d) => ({
        name: `${orgName}-fwd-${dashed(d)}`,
        domainName: d,
        kind: "on-premises" as const,
        targetIps: [...dns.onPremisesResolvers],
      })),
      {
        name: `${orgName}-fwd-${dashed(dns.privateZoneDomain)}`,
        domainName: dns.privateZoneDomain,
        kind: "private-zones" as const,
        targetIps: inboundAddresses.map((a) => a.ip),
      },
    ],
    resourceShareName: `${orgName}-dns-rules`,
    privateZones: [...environments]
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((e) => ({ environment: e.name, zoneName: `${e.name}.${dns.privateZoneDomain}` })),
    privateZoneDomain: dns.privateZoneDomain,
    ...(dns.queryLogging.enabled ? { queryLogging: { retentionDays: dns.queryLogging.retentionDays } } : {}),
    ...(dns.dnsFirewall ? { dnsFirewall: { blockedDomains: [...dns.dnsFirewall.blockedDomains] } } : {}),
  };
}
