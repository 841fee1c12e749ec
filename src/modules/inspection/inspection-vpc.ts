/**
 * The central inspection VPC: per AZ a transit gateway subnet, a firewall subnet with an AWS Network Firewall
 * endpoint, and a public subnet with a NAT gateway (central egress); one route table per tier and AZ; the TGW
 * attachment with appliance mode on; the firewall, its policy and rule groups, and FLOW + ALERT logs.
 *
 * Design: "Deployment models for AWS Network Firewall" and "centralized inspection architecture with AWS Gateway
 * Load Balancer and AWS Transit Gateway" (https://docs.aws.amazon.com/network-firewall/latest/developerguide/architectures.html).
 * Appliance mode keeps both directions of a flow on one AZ's endpoint
 * (https://docs.aws.amazon.com/vpc/latest/tgw/transit-gateway-appliance-scenario.html). Routes are given by the
 * caller (the routing plan), so the verifier and the synthesized routes are the same data.
 *
 * Policy (built by `addNetworkFirewall`, ./network-firewall.ts): stateless default `aws:forward_to_sfe`;
 * stateful engine in strict order with default actions `aws:drop_established` + `aws:alert_established`; rule
 * groups in order: the east-west pass rule and the extra Suricata rules (one Suricata-compatible group), then the
 * egress domain allow-list (TLS SNI and HTTP Host). `HOME_NET` (policy variable): `homeNetCidrs` and the
 * inspection VPC's own CIDR.
 */
import { Ec2TransitGatewayVpcAttachment } from "@cdktf/provider-aws/lib/ec2-transit-gateway-vpc-attachment";
import { Eip } from "@cdktf/provider-aws/lib/eip";
import { InternetGateway } from "@cdktf/provider-aws/lib/internet-gateway";
import { NatGateway } from "@cdktf/provider-aws/lib/nat-gateway";
import { Route } from "@cdktf/provider-aws/lib/route";
import { RouteTable } from "@cdktf/provider-aws/lib/route-table";
import { RouteTableAssociation } from "@cdktf/provider-aws/lib/route-table-association";
import { Subnet } from "@cdktf/provider-aws/lib/subnet";
import { DefaultSecurityGroup } from "@cdktf/provider-aws/lib/default-security-group";
import { Vpc } from "@cdktf/provider-aws/lib/vpc";
import { Construct } from "constructs";
import { VpcFlowLogs } from "../vpc/flow-logs.js";
import { addNetworkFirewall } from "./network-firewall.js";

/** Subnet tiers of the inspection VPC. */
export const INSPECTION_TIERS = ["transitGateway", "firewall", "public"] as const;
/** One tier. */
export type InspectionTier = (typeof INSPECTION_TIERS)[number];
const TIER_IDS: Readonly<Record<InspectionTier, string>> = { transitGateway: "tgw", firewall: "firewall", public: "public" };

/** A route of the inspection VPC (local routes are implicit). */
export interface InspectionRoute {
  readonly tier: InspectionTier;
  /** AZ index. */
  readonly az: number;
  readonly destination: string;
  /** Next hop; `firewall-endpoint` and `nat-gateway` are the ones in AZ `targetAz`. */
  readonly target: "transit-gateway" | "internet-gateway" | "firewall-endpoint" | "nat-gateway";
  readonly targetAz?: number;
}

/** Props of {@link InspectionVpc}. */
export interface InspectionVpcProps {
  readonly name: string;
  readonly cidrBlock: string;
  /**
   * AZ IDs (`euw1-az1`); index i pairs with index i of every tier's CIDRs. Subnets are placed by AZ ID, the same
   * physical zone in every account (https://docs.aws.amazon.com/ram/latest/userguide/working-with-az-ids.html).
   */
  readonly availabilityZoneIds: readonly string[];
  readonly subnetCidrs: Readonly<Record<InspectionTier, readonly string[]>>;
  readonly transitGatewayId: string;
  readonly routes: readonly InspectionRoute[];
  /** Egress domains allowed (`.example.com` matches subdomains). */
  readonly allowedDomains: readonly string[];
  /**
   * Private ranges whose traffic to each other the firewall passes: inspected VPCs and on-prem, and inspected VPCs
   * and the shared-services VPCs (`sharedServicesCidrs`, @default [] : no such rule).
   */
  readonly eastWest: {
    readonly inspectedCidrs: readonly string[];
    readonly onPremisesCidrs: readonly string[];
    readonly sharedServicesCidrs?: readonly string[];
  };
  /**
   * CIDRs of the VPCs whose traffic reaches the firewall through the transit gateway (the routing plan's
   * `inspectedVpcCidrs`). With the inspection VPC's own CIDR they are the policy's Suricata `HOME_NET`; without
   * them `HOME_NET` would be the inspection VPC alone, and rules on `$HOME_NET`/`$EXTERNAL_NET` would never match
   * the inspected traffic (https://docs.aws.amazon.com/network-firewall/latest/APIReference/API_PolicyVariables.html).
   */
  readonly homeNetCidrs: readonly string[];
  /** Extra Suricata rules, evaluated after the east-west pass rule. @default [] */
  readonly suricataRules?: readonly string[];
  readonly logRetentionDays: number;
  readonly logKmsKeyArn: string;
  /**
   * `lifecycle.prevent_destroy` on the firewall, its policy and rule groups, and the firewall's delete,
   * subnet-change and policy-change protection. @default false
   */
  readonly preventDestroy?: boolean;
  /** VPC flow logs (traffic type ALL) of the inspection VPC, in a log group encrypted with `logKmsKeyArn`. */
  readonly flowLogs: { readonly retentionDays: number; readonly accountId: string; readonly region: string; readonly partition?: string };
}

/** The inspection VPC with its firewall and TGW attachment. */
export class InspectionVpc extends Construct {
  readonly vpcId: string;
  /** TGW attachment id (appliance mode on). */
  readonly attachmentId: string;
  readonly firewallArn: string;

  constructor(scope: Construct, id: string, props: InspectionVpcProps) {
    super(scope, id);
    const azs = props.availabilityZoneIds;
    const vpc = new Vpc(this, "vpc", {
      cidrBlock: props.cidrBlock,
      enableDnsHostnames: true,
      enableDnsSupport: true,
      tags: { Name: props.name },
    });
    this.vpcId = vpc.id;
    // The default security group keeps AWS's allow-all rules unless adopted; nothing here uses it.
    new DefaultSecurityGroup(this, "default-security-group", { vpcId: vpc.id, tags: { Name: `${props.name}-default-closed` } });
    new VpcFlowLogs(this, "flow-logs", {
      vpcId: vpc.id,
      logGroupName: `/aws/vpc/flow-logs/${props.name}`,
      retentionDays: props.flowLogs.retentionDays,
      kmsKeyArn: props.logKmsKeyArn,
      accountId: props.flowLogs.accountId,
      region: props.flowLogs.region,
      partition: props.flowLogs.partition ?? "aws",
    });
    const subnets = {} as Record<InspectionTier, Subnet[]>;
    const tables = {} as Record<InspectionTier, RouteTable[]>;
    for (const tier of INSPECTION_TIERS) {
      const t = TIER_IDS[tier];
      subnets[tier] = azs.map(
        (az, i) =>
          new Subnet(this, `${t}-subnet-${i}`, {
            vpcId: vpc.id,
            cidrBlock: props.subnetCidrs[tier][i]!,
            availabilityZoneId: az,
            tags: { Name: `${props.name}-${t}-${i}`, Tier: t },
          }),
      );
      tables[tier] = azs.map((_, i) => {
        const table = new RouteTable(this, `${t}-route-table-${i}`, { vpcId: vpc.id, tags: { Name: `${props.name}-${t}-${i}`, Tier: t } });
        new RouteTableAssociation(this, `${t}-route-table-association-${i}`, { subnetId: subnets[tier][i]!.id, routeTableId: table.id });
        return table;
      });
    }
    const igw = new InternetGateway(this, "internet-gateway", { vpcId: vpc.id, tags: { Name: props.name } });
    const nats = azs.map((_, i) => {
      const eip = new Eip(this, `nat-eip-${i}`, { domain: "vpc", tags: { Name: `${props.name}-nat-${i}` } });
      return new NatGateway(this, `nat-gateway-${i}`, {
        allocationId: eip.allocationId,
        subnetId: subnets.public[i]!.id,
        tags: { Name: `${props.name}-nat-${i}` },
        dependsOn: [igw],
      });
    });
    const attachment = new Ec2TransitGatewayVpcAttachment(this, "attachment", {
      transitGatewayId: props.transitGatewayId,
      vpcId: vpc.id,
      subnetIds: subnets.transitGateway.map((s) => s.id),
      applianceModeSupport: "enable",
      dnsSupport: "enable",
      transitGatewayDefaultRouteTableAssociation: false,
      transitGatewayDefaultRouteTablePropagation: false,
      tags: { Name: props.name },
    });
    this.attachmentId = attachment.id;

    const nfw = addNetworkFirewall(this, {
      name: props.name,
      vpcId: vpc.id,
      subnetIds: subnets.firewall.map((s) => s.id),
      passRules: [
        eastWestPassRule(props.eastWest.onPremisesCidrs, props.eastWest.inspectedCidrs),
        ...sharedServicesPassRules(props.eastWest.inspectedCidrs, props.eastWest.sharedServicesCidrs ?? []),
      ],
      suricataRules: props.suricataRules ?? [],
      allowedDomains: props.allowedDomains,
      homeNet: [...new Set([...props.homeNetCidrs, props.cidrBlock])],
      logRetentionDays: props.logRetentionDays,
      logKmsKeyArn: props.logKmsKeyArn,
      preventDestroy: props.preventDestroy ?? false,
    });
    this.firewallArn = nfw.firewallArn;
    props.routes.forEach((r) => {
      const table = tables[r.tier][r.az]!;
      const targetAz = r.targetAz ?? r.az;
      const target =
        r.target === "transit-gateway"
          ? { transitGatewayId: props.transitGatewayId }
          : r.target === "internet-gateway"
            ? { gatewayId: igw.id }
            : r.target === "nat-gateway"
              ? { natGatewayId: nats[targetAz]!.id }
              : { vpcEndpointId: nfw.endpointIdIn(subnets.firewall[targetAz]!.availabilityZone) };
      new Route(this, `${TIER_IDS[r.tier]}-route-${r.az}-${r.destination.replace(/[./]/g, "-")}`, {
        routeTableId: table.id,
        destinationCidrBlock: r.destination,
        ...target,
        ...(r.target === "transit-gateway" ? { dependsOn: [attachment] } : {}),
      });
    });
  }
}

/**
 * The pass rule of the central firewall for the inspected segment's traffic with the shared-services VPCs, both ways
 * (sid 999999, below the 1000000 of {@link eastWestPassRule} and the local range config rules use); none without a
 * shared-services VPC. Without it the policy's `aws:drop_established` default would drop that traffic, which the
 * routing sends through the firewall (docs/shared-services.md).
 */
function sharedServicesPassRules(inspectedCidrs: readonly string[], sharedCidrs: readonly string[]): string[] {
  if (inspectedCidrs.length === 0 || sharedCidrs.length === 0) return [];
  return [
    `pass ip [${inspectedCidrs.join(",")}] any <> [${sharedCidrs.join(",")}] any (msg:"east-west: inspected VPCs <-> shared services"; sid:999999; rev:1;)`,
  ];
}

/** The east-west pass rule of the central firewall: on-prem <-> inspected VPCs, both ways (sid 1000000). */
function eastWestPassRule(onPremisesCidrs: readonly string[], inspectedCidrs: readonly string[]): string {
  const cidrList = (c: readonly string[]) => `[${c.join(",")}]`;
  return `pass ip ${cidrList(onPremisesCidrs)} any <> ${cidrList(inspectedCidrs)} any (msg:"east-west: on-prem <-> inspected VPCs"; sid:1000000; rev:1;)`;
}
