/**
 * The hub of hybrid DNS, in the VPC that hosts it: Route 53 Resolver inbound and outbound endpoints with their
 * security groups, the forwarding rules, their RAM share with the other workload accounts, and the private hosted
 * zones of every environment associated with this VPC, so that on-prem resolves them through the inbound endpoint.
 *
 * AWS behaviour followed:
 * - An endpoint takes IP addresses in at least two Availability Zones ("Considerations when creating inbound and
 *   outbound endpoints", https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/resolver-choose-vpc.html); one
 *   fixed address per AZ here, so on-prem conditional forwarders keep working when an endpoint is rebuilt.
 * - The security group of an inbound endpoint admits TCP and UDP 53 from the clients; the one of an outbound
 *   endpoint lets TCP and UDP out to the DNS servers it forwards to (CreateResolverEndpoint, SecurityGroupIds,
 *   https://docs.aws.amazon.com/Route53/latest/APIReference/API_route53resolver_CreateResolverEndpoint.html).
 *   Security groups are stateful, so replies need no rule of their own.
 * - A forwarding rule uses an outbound endpoint of its own account; other accounts use it through a RAM share and
 *   associate it with their VPCs ("Sharing Resolver rules with other AWS accounts",
 *   https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/resolver-rules-managing.html#resolver-rules-managing-sharing).
 * - Private hosted zones associated with the VPC of an inbound endpoint answer on-prem queries forwarded to it, as in
 *   "Route 53 Resolver endpoints and forwarding rules" (https://docs.aws.amazon.com/whitepapers/latest/hybrid-cloud-dns-options-for-vpc/route-53-resolver-endpoints-and-forwarding-rules.html),
 *   where the private hosted zones sit in the shared-services VPC.
 */
import { RamPrincipalAssociation } from "@cdktf/provider-aws/lib/ram-principal-association";
import { RamResourceAssociation } from "@cdktf/provider-aws/lib/ram-resource-association";
import { RamResourceShare } from "@cdktf/provider-aws/lib/ram-resource-share";
import { Route53ResolverEndpoint } from "@cdktf/provider-aws/lib/route53-resolver-endpoint";
import { Route53ResolverRule } from "@cdktf/provider-aws/lib/route53-resolver-rule";
import { Route53ResolverRuleAssociation } from "@cdktf/provider-aws/lib/route53-resolver-rule-association";
import { Route53Zone } from "@cdktf/provider-aws/lib/route53-zone";
import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { VpcSecurityGroupEgressRule } from "@cdktf/provider-aws/lib/vpc-security-group-egress-rule";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";
import { Construct } from "constructs";

/** DNS runs on port 53 over UDP and TCP (TCP for large answers and zone-sized replies). */
export const DNS_PORT = 53;
const DNS_PROTOCOLS = ["udp", "tcp"] as const;

/** One address of an endpoint: the subnet (one per AZ) and the fixed IPv4 address in it. */
export interface ResolverEndpointIp {
  readonly subnetId: string;
  readonly ip: string;
}

/** A forwarding rule of {@link ResolverHub}. */
export interface ResolverHubRule {
  /** Rule name; the other accounts find the shared rule by it. */
  readonly name: string;
  readonly domainName: string;
  /** Addresses the outbound endpoint forwards to, on port 53. */
  readonly targetIps: readonly string[];
  /** Whether the rule is also associated with this VPC. */
  readonly associateWithVpc: boolean;
}

/** Props of {@link ResolverHub}. */
export interface ResolverHubProps {
  /** Name prefix: endpoints `<name>-inbound`/`-outbound`, their security groups likewise. */
  readonly name: string;
  readonly vpcId: string;
  /** Inbound endpoint addresses, at least two, in different AZs. */
  readonly inbound: readonly ResolverEndpointIp[];
  /** Outbound endpoint addresses, at least two, in different AZs. */
  readonly outbound: readonly ResolverEndpointIp[];
  /** On-prem CIDRs the inbound endpoint admits queries from (TCP and UDP 53). */
  readonly onPremisesCidrs: readonly string[];
  /** The forwarding rules. */
  readonly rules: readonly ResolverHubRule[];
  /** RAM share of the rules. */
  readonly resourceShare: {
    readonly name: string;
    /** Accounts the rules are shared with (not this one). @default none: no principal association */
    readonly accountIds: readonly string[];
    /** true: RAM sharing with AWS Organizations is on (no external principals, no acceptance). */
    readonly sharingWithAwsOrganization: boolean;
  };
  /** Names of the private hosted zones associated with this VPC. */
  readonly privateZoneNames: readonly string[];
  /** `lifecycle.prevent_destroy` on the endpoints and zones. @default false */
  readonly preventDestroy?: boolean;
}

/** Resolver endpoints both ways, forwarding rules shared through RAM, and private hosted zones. */
export class ResolverHub extends Construct {
  readonly inboundEndpointId: string;
  readonly outboundEndpointId: string;
  /** The inbound endpoint's addresses, as configured (on-prem conditional forwarders point at them). */
  readonly inboundIps: readonly string[];
  /** Rule ids by rule name. */
  readonly ruleIds: Readonly<Record<string, string>>;
  /** Zone ids by zone name. */
  readonly zoneIds: Readonly<Record<string, string>>;
  readonly resourceShareArn: string;

  /** @throws Error when an endpoint has fewer than two addresses, or a rule has no target (stage-3 invariants). */
  constructor(scope: Construct, id: string, props: ResolverHubProps) {
    super(scope, id);
    for (const [direction, ips] of [
      ["inbound", props.inbound],
      ["outbound", props.outbound],
    ] as const)
      if (ips.length < 2) throw new Error(`ResolverHub ${props.name}: the ${direction} endpoint needs at least two addresses (two AZs)`);
    const lifecycle = props.preventDestroy ? { lifecycle: { preventDestroy: true } } : {};

    const group = (direction: "inbound" | "outbound") =>
      new SecurityGroup(this, `${direction}-security-group`, {
        namePrefix: `${props.name}-${direction}-`,
        description: `Route 53 Resolver ${direction} endpoint: DNS (53/udp, 53/tcp) ${direction === "inbound" ? "from on-prem and the outbound endpoint" : "to the on-prem DNS servers and the inbound endpoint"}`,
        vpcId: props.vpcId,
        tags: { Name: `${props.name}-${direction}` },
        lifecycle: { createBeforeDestroy: true },
      });
    const inboundSg = group("inbound");
    const outboundSg = group("outbound");
    for (const protocol of DNS_PROTOCOLS) {
      const port = { ipProtocol: protocol, fromPort: DNS_PORT, toPort: DNS_PORT };
      for (const cidr of props.onPremisesCidrs)
        new VpcSecurityGroupIngressRule(this, `inbound-${protocol}-${cidr.replace(/[./]/g, "-")}`, {
          securityGroupId: inboundSg.id,
          description: `DNS ${protocol} from on-prem ${cidr}`,
          cidrIpv4: cidr,
          ...port,
        });
      new VpcSecurityGroupIngressRule(this, `inbound-${protocol}-outbound-endpoint`, {
        securityGroupId: inboundSg.id,
        description: `DNS ${protocol} from the outbound endpoint (private hosted zones forwarded by the other VPCs)`,
        referencedSecurityGroupId: outboundSg.id,
        ...port,
      });
      const targets = [...new Set(props.rules.flatMap((r) => r.targetIps))].filter((ip) => !props.inbound.some((a) => a.ip === ip));
      for (const ip of targets)
        new VpcSecurityGroupEgressRule(this, `outbound-${protocol}-${ip.replace(/\./g, "-")}`, {
          securityGroupId: outboundSg.id,
          description: `DNS ${protocol} to ${ip}`,
          cidrIpv4: `${ip}/32`,
          ...port,
        });
      new VpcSecurityGroupEgressRule(this, `outbound-${protocol}-inbound-endpoint`, {
        securityGroupId: outboundSg.id,
        description: `DNS ${protocol} to the inbound endpoint`,
        referencedSecurityGroupId: inboundSg.id,
        ...port,
      });
    }

    const endpoint = (direction: "INBOUND" | "OUTBOUND", sg: SecurityGroup, ips: readonly ResolverEndpointIp[]) =>
      new Route53ResolverEndpoint(this, direction.toLowerCase(), {
        name: `${props.name}-${direction.toLowerCase()}`,
        direction,
        resolverEndpointType: "IPV4",
        protocols: ["Do53"],
        securityGroupIds: [sg.id],
        ipAddress: ips.map((a) => ({ subnetId: a.subnetId, ip: a.ip })),
        tags: { Name: `${props.name}-${direction.toLowerCase()}` },
        ...lifecycle,
      });
    const inbound = endpoint("INBOUND", inboundSg, props.inbound);
    const outbound = endpoint("OUTBOUND", outboundSg, props.outbound);

    const share = new RamResourceShare(this, "resource-share", {
      name: props.resourceShare.name,
      allowExternalPrincipals: !props.resourceShare.sharingWithAwsOrganization,
      tags: { Name: props.resourceShare.name },
    });
    for (const account of props.resourceShare.accountIds)
      new RamPrincipalAssociation(this, `share-${account}`, { principal: account, resourceShareArn: share.arn });

    const ruleIds: Record<string, string> = {};
    for (const r of props.rules) {
      if (r.targetIps.length === 0) throw new Error(`ResolverHub ${props.name}: rule ${r.name} has no target address`);
      const rule = new Route53ResolverRule(this, `rule-${r.name}`, {
        name: r.name,
        domainName: r.domainName,
        ruleType: "FORWARD",
        resolverEndpointId: outbound.id,
        targetIp: r.targetIps.map((ip) => ({ ip, port: DNS_PORT, protocol: "Do53" })),
        tags: { Name: r.name },
      });
      new RamResourceAssociation(this, `share-rule-${r.name}`, { resourceArn: rule.arn, resourceShareArn: share.arn });
      if (r.associateWithVpc)
        new Route53ResolverRuleAssociation(this, `rule-association-${r.name}`, {
          name: `${r.name}-${props.name}`,
          resolverRuleId: rule.id,
          vpcId: props.vpcId,
        });
      ruleIds[r.name] = rule.id;
    }

    const zoneIds: Record<string, string> = {};
    for (const zoneName of props.privateZoneNames) {
      const zone = new Route53Zone(this, `zone-${zoneName.replace(/\./g, "-")}`, {
        name: zoneName,
        comment: `Private hosted zone ${zoneName}: resolved in the landing zone's VPCs and, through the inbound endpoint, on-prem`,
        vpc: [{ vpcId: props.vpcId }],
        tags: { Name: zoneName },
        ...lifecycle,
      });
      zoneIds[zoneName] = zone.zoneId;
    }

    this.inboundEndpointId = inbound.id;
    this.outboundEndpointId = outbound.id;
    this.inboundIps = props.inbound.map((a) => a.ip);
    this.ruleIds = ruleIds;
    this.zoneIds = zoneIds;
    this.resourceShareArn = share.arn;
  }
}
