/**
 * The workload VPC: four subnet tiers repeated in every AZ, an internet gateway, NAT gateways (none when
 * central inspection carries the egress), one route table per tier and AZ, a closed default security group, the
 * network ACLs it is given, and flow logs; with `firewall`, a fifth tier holding an AWS Network Firewall endpoint
 * per AZ (per-vpc inspection).
 *
 * It decides no route: the caller passes every route (`routes`, from the routing plan, src/routing/vpc-plan.ts)
 * and every network ACL rule (`networkAcls`); routes to the transit gateway are added by `TransitGatewaySpoke`.
 * The transit tier holds the transit gateway attachment ENIs
 * (https://docs.aws.amazon.com/vpc/latest/tgw/tgw-best-design-practices.html: a small dedicated subnet per AZ).
 *
 * With `firewall`, an IGW edge route table (a gateway route table associated with the internet gateway: VPC
 * ingress routing, https://docs.aws.amazon.com/vpc/latest/userguide/gateway-route-tables.html) holds the
 * firewall's `edgeRoutes` (each public subnet CIDR to that subnet's AZ's firewall endpoint, so both directions of
 * a flow cross the same endpoint: "Distributed deployment model with an internet gateway",
 * https://docs.aws.amazon.com/network-firewall/latest/developerguide/arch-igw-ngw.html).
 */
import { DefaultSecurityGroup } from "@cdktf/provider-aws/lib/default-security-group";
import { Eip } from "@cdktf/provider-aws/lib/eip";
import { InternetGateway } from "@cdktf/provider-aws/lib/internet-gateway";
import { NatGateway } from "@cdktf/provider-aws/lib/nat-gateway";
import { NetworkAcl, type NetworkAclEgress, type NetworkAclIngress } from "@cdktf/provider-aws/lib/network-acl";
import { Route } from "@cdktf/provider-aws/lib/route";
import { RouteTable } from "@cdktf/provider-aws/lib/route-table";
import { RouteTableAssociation } from "@cdktf/provider-aws/lib/route-table-association";
import { Subnet } from "@cdktf/provider-aws/lib/subnet";
import { Vpc } from "@cdktf/provider-aws/lib/vpc";
import { Construct } from "constructs";
import { addNetworkFirewall } from "../inspection/network-firewall.js";
import { VpcFlowLogs } from "./flow-logs.js";

/** The subnet tiers of a workload VPC. */
export const WORKLOAD_SUBNET_TIERS = ["public", "privateApp", "privateData", "transit"] as const;
/** One subnet tier. */
export type WorkloadSubnetTier = (typeof WORKLOAD_SUBNET_TIERS)[number];

const TIER_IDS: Readonly<Record<WorkloadSubnetTier, string>> = {
  public: "public",
  privateApp: "private-app",
  privateData: "private-data",
  transit: "transit",
};

/** A tier of a {@link WorkloadVpc}'s route tables: the four subnet tiers and the per-vpc firewall tier. */
export type WorkloadRouteTier = WorkloadSubnetTier | "firewall";

const ROUTE_TIER_IDS: Readonly<Record<WorkloadRouteTier, string>> = { ...TIER_IDS, firewall: "firewall" };

/** A route of one route table of a {@link WorkloadVpc} (local routes are implicit; transit gateway routes are the spoke's). */
export interface WorkloadVpcRoute {
  readonly tier: WorkloadRouteTier;
  /** AZ index of the route table. */
  readonly az: number;
  readonly destination: string;
  /** Next hop; a NAT gateway or firewall endpoint is the one of AZ `targetAz`. */
  readonly target: "internet-gateway" | "nat-gateway" | "firewall-endpoint";
  /** AZ index of the NAT gateway or firewall endpoint. @default az */
  readonly targetAz?: number;
}

/** A network ACL rule of a {@link WorkloadVpc} (`aws_network_acl` inline rule; `protocol` `-1` is every protocol). */
export interface WorkloadNetworkAclRule {
  readonly ruleNo: number;
  readonly action: "allow" | "deny";
  readonly protocol: string;
  readonly cidrBlock: string;
  readonly fromPort: number;
  readonly toPort: number;
}

/** Props of {@link WorkloadVpc}. */
export interface WorkloadVpcProps {
  /** Name tag prefix, for example `acme-prod`. */
  readonly name: string;
  /** VPC IPv4 CIDR. Changing it replaces the VPC. */
  readonly cidrBlock: string;
  /**
   * AZ IDs (`euw1-az1`), one per AZ used; index i pairs with index i of every tier's CIDR list. Subnets are placed
   * by AZ ID (`availability_zone_id`), the same physical zone in every account
   * (https://docs.aws.amazon.com/ram/latest/userguide/working-with-az-ids.html). Changing one replaces the subnets.
   */
  readonly availabilityZoneIds: readonly string[];
  /** Subnet CIDRs per tier, one per AZ, same length as `availabilityZoneIds`. */
  readonly subnetCidrs: Readonly<Record<WorkloadSubnetTier, readonly string[]>>;
  /**
   * `one-per-az`: a NAT gateway (and its Elastic IP) in each AZ's public subnet. `single`: one NAT gateway in the
   * first AZ. `none`: no NAT gateway and no Elastic IP, for a VPC whose egress leaves through the transit gateway
   * (central inspection; requires `privateAppDefaultRoute: "none"`).
   */
  readonly natGateways: "one-per-az" | "single" | "none";
  /** Flow-log settings (traffic type ALL). */
  readonly flowLogs: {
    readonly retentionDays: number;
    readonly kmsKeyArn: string;
    readonly accountId: string;
    readonly region: string;
    /** @default "aws" */
    readonly partition?: string;
  };
  /**
   * Every route of the VPC's route tables except local ones and those to the transit gateway, in order. Construct
   * ids: `<tier>-default-route-<az>` for 0.0.0.0/0, else `<tier>-route-<az>-<destination>`.
   */
  readonly routes: readonly WorkloadVpcRoute[];
  /**
   * A network ACL per tier that has one (construct id `<tier>-network-acl`), associated with every subnet of the
   * tier; a tier without one keeps the VPC's default ACL. @default {} (none)
   */
  readonly networkAcls?: Readonly<
    Partial<
      Record<
        WorkloadSubnetTier,
        { readonly ingress: readonly WorkloadNetworkAclRule[]; readonly egress: readonly WorkloadNetworkAclRule[] }
      >
    >
  >;
  /** Per-vpc inspection: a firewall subnet tier with an AWS Network Firewall endpoint per AZ. @default none (no firewall) */
  readonly firewall?: WorkloadFirewallProps;
  /**
   * Existing resources to import (a Terraform `import` block each) instead of creating them: the VPC (`vpc-…`), its
   * internet gateway (`igw-…`), and subnets per tier (`subnet-…`, index = AZ index; `firewall` for the firewall tier).
   * @default {} (everything is created)
   */
  readonly importIds?: WorkloadVpcImportIds;
}

/** Import ids of a {@link WorkloadVpc}; see `WorkloadVpcProps.importIds`. */
export interface WorkloadVpcImportIds {
  readonly vpc?: string;
  readonly internetGateway?: string;
  readonly subnets?: Readonly<Partial<Record<WorkloadSubnetTier | "firewall", readonly string[]>>>;
}

/** The per-vpc firewall tier of a {@link WorkloadVpc}. */
export interface WorkloadFirewallProps {
  /** Firewall subnet CIDRs, one per AZ (a /28 is enough: it holds one endpoint), same length as `availabilityZoneIds`. */
  readonly subnetCidrs: readonly string[];
  /**
   * TCP ports the firewall passes from the internet to the public subnets (the load balancer's listeners), for
   * example `[443]`. Without them the policy drops inbound connections once established. @default []
   */
  readonly ingressTcpPorts?: readonly number[];
  /**
   * Routes of the IGW edge route table, in order (construct ids `edge-route-<i>`): a destination (a public subnet
   * CIDR of this VPC) and the AZ index of the firewall endpoint it goes to.
   */
  readonly edgeRoutes: readonly { readonly destination: string; readonly targetAz: number }[];
  /** Egress domains allowed for sources in the VPC (`.example.com` matches subdomains). Empty: all egress is dropped. */
  readonly allowedDomains: readonly string[];
  /** Extra Suricata rules, evaluated after the ingress pass rules. @default [] */
  readonly suricataRules?: readonly string[];
  /** Retention of the FLOW and ALERT log groups, in days; they are encrypted with `flowLogs.kmsKeyArn`. */
  readonly logRetentionDays: number;
  /**
   * `lifecycle.prevent_destroy` on the firewall, its policy and rule groups, and the firewall's delete,
   * subnet-change and policy-change protection. @default false
   */
  readonly preventDestroy?: boolean;
}

/**
 * A VPC laid out in tiers. Throws `Error` when the per-tier CIDR lists (or `importIds.subnets` lists) do not match
 * the AZ list, when a route targets a NAT gateway that `natGateways` does not build, a firewall endpoint without
 * `firewall`, or a tier or AZ the VPC does not have, or when an edge route is not a public subnet CIDR (stage-3
 * invariants: the routing plan and the config layer never produce those).
 */
export class WorkloadVpc extends Construct {
  readonly vpcId: string;
  readonly cidrBlock: string;
  /**
   * The AZ names of the subnets, index = AZ index: references to the private data subnets' `availability_zone`,
   * which AWS resolves from their AZ IDs (a name maps to a different zone in each account).
   */
  readonly availabilityZones: readonly string[];
  /** Subnet ids per tier, index = AZ index. */
  readonly subnetIds: Readonly<Record<WorkloadSubnetTier, readonly string[]>>;
  /** Route table ids per tier, index = AZ index. */
  readonly routeTableIds: Readonly<Record<WorkloadSubnetTier, readonly string[]>>;
  /** NAT gateway ids, index = AZ index (one with `single`, none with `none`). */
  readonly natGatewayIds: readonly string[];
  readonly flowLogGroupArn: string;
  /** Per-vpc firewall: subnet ids and route table ids per AZ, the firewall ARN, the IGW edge route table id. Undefined without `firewall`. */
  readonly firewall?: {
    readonly subnetIds: readonly string[];
    readonly routeTableIds: readonly string[];
    readonly firewallArn: string;
    readonly edgeRouteTableId: string;
  };

  constructor(scope: Construct, id: string, props: WorkloadVpcProps) {
    super(scope, id);
    const azs = props.availabilityZoneIds;
    for (const tier of WORKLOAD_SUBNET_TIERS) {
      if (props.subnetCidrs[tier].length !== azs.length) {
        throw new Error(`WorkloadVpc ${props.name}: tier ${tier} has ${props.subnetCidrs[tier].length} CIDRs for ${azs.length} AZs`);
      }
    }
    if (props.firewall && props.firewall.subnetCidrs.length !== azs.length) {
      throw new Error(`WorkloadVpc ${props.name}: tier firewall has ${props.firewall.subnetCidrs.length} CIDRs for ${azs.length} AZs`);
    }
    for (const [tier, ids] of Object.entries(props.importIds?.subnets ?? {})) {
      if (ids && (ids.length !== azs.length || (tier === "firewall" && !props.firewall)))
        throw new Error(
          `WorkloadVpc ${props.name}: importIds.subnets.${tier} has ${ids.length} ids for ${props.firewall || tier !== "firewall" ? azs.length : 0} subnets`,
        );
    }
    const natCount = props.natGateways === "none" ? 0 : props.natGateways === "single" ? 1 : azs.length;
    for (const r of props.routes) {
      const where = `WorkloadVpc ${props.name}: route ${r.destination} of ${r.tier} AZ ${r.az}`;
      if (r.az >= azs.length || (r.tier === "firewall" && !props.firewall)) throw new Error(`${where}: no such route table`);
      const targetAz = r.targetAz ?? r.az;
      if (r.target === "nat-gateway" && targetAz >= natCount)
        throw new Error(`${where}: targets NAT gateway ${targetAz}, and natGateways "${props.natGateways}" builds ${natCount}`);
      if (r.target === "firewall-endpoint" && (!props.firewall || targetAz >= azs.length))
        throw new Error(`${where}: targets a firewall endpoint the VPC does not have`);
    }
    for (const e of props.firewall?.edgeRoutes ?? []) {
      if (!props.subnetCidrs.public.includes(e.destination) || e.targetAz >= azs.length)
        throw new Error(`WorkloadVpc ${props.name}: edge route ${e.destination} is not a public subnet CIDR to an endpoint of the VPC`);
    }
    const vpc = new Vpc(this, "vpc", {
      cidrBlock: props.cidrBlock,
      enableDnsHostnames: true,
      enableDnsSupport: true,
      tags: { Name: props.name },
    });
    if (props.importIds?.vpc) vpc.importFrom(props.importIds.vpc);
    this.vpcId = vpc.id;
    this.cidrBlock = props.cidrBlock;

    // Adopting the default security group removes all its rules; nothing may use it.
    new DefaultSecurityGroup(this, "default-security-group", { vpcId: vpc.id, tags: { Name: `${props.name}-default-closed` } });

    const subnets = {} as Record<WorkloadSubnetTier, Subnet[]>;
    const routeTables = {} as Record<WorkloadSubnetTier, RouteTable[]>;
    for (const tier of WORKLOAD_SUBNET_TIERS) {
      const tierId = TIER_IDS[tier];
      subnets[tier] = [];
      routeTables[tier] = [];
      azs.forEach((az, i) => {
        const subnet = new Subnet(this, `${tierId}-subnet-${i}`, {
          vpcId: vpc.id,
          cidrBlock: props.subnetCidrs[tier][i]!,
          availabilityZoneId: az,
          mapPublicIpOnLaunch: false,
          tags: { Name: `${props.name}-${tierId}-${i}`, Tier: tierId },
        });
        const importId = props.importIds?.subnets?.[tier]?.[i];
        if (importId) subnet.importFrom(importId);
        const table = new RouteTable(this, `${tierId}-route-table-${i}`, {
          vpcId: vpc.id,
          tags: { Name: `${props.name}-${tierId}-${i}`, Tier: tierId },
        });
        new RouteTableAssociation(this, `${tierId}-route-table-association-${i}`, { subnetId: subnet.id, routeTableId: table.id });
        subnets[tier].push(subnet);
        routeTables[tier].push(table);
      });
    }
    // AZ names differ per account for one AZ ID; AWS resolves each subnet's name from its ID.
    this.availabilityZones = subnets.privateData.map((s) => s.availabilityZone);

    const igw = new InternetGateway(this, "internet-gateway", { vpcId: vpc.id, tags: { Name: props.name } });
    if (props.importIds?.internetGateway) igw.importFrom(props.importIds.internetGateway);
    const firewall = props.firewall ? this.addFirewallTier(vpc, igw, azs, props, props.firewall, subnets.public) : undefined;
    const nats: NatGateway[] = [];
    const addRoute = (r: WorkloadVpcRoute, tableId: string) => {
      const targetAz = r.targetAz ?? r.az;
      const id =
        r.destination === "0.0.0.0/0"
          ? `${ROUTE_TIER_IDS[r.tier]}-default-route-${r.az}`
          : `${ROUTE_TIER_IDS[r.tier]}-route-${r.az}-${r.destination.replace(/[./]/g, "-")}`;
      new Route(this, id, {
        routeTableId: tableId,
        destinationCidrBlock: r.destination,
        ...(r.target === "internet-gateway"
          ? { gatewayId: igw.id }
          : r.target === "nat-gateway"
            ? { natGatewayId: nats[targetAz]!.id }
            : { vpcEndpointId: firewall!.endpointIdIn(targetAz) }),
      });
    };
    // Firewall-tier routes are made with the firewall tier; public routes before the NAT gateways, the others after.
    for (const r of props.routes) if (r.tier === "firewall") addRoute(r, firewall!.attributes.routeTableIds[r.az]!);
    for (const r of props.routes) if (r.tier === "public") addRoute(r, routeTables.public[r.az]!.id);

    for (let i = 0; i < natCount; i++) {
      const eip = new Eip(this, `nat-eip-${i}`, { domain: "vpc", tags: { Name: `${props.name}-nat-${i}` } });
      nats.push(
        new NatGateway(this, `nat-gateway-${i}`, {
          allocationId: eip.allocationId,
          subnetId: subnets.public[i]!.id,
          connectivityType: "public",
          tags: { Name: `${props.name}-nat-${i}` },
          dependsOn: [igw],
        }),
      );
    }
    for (const r of props.routes) if (r.tier !== "firewall" && r.tier !== "public") addRoute(r, routeTables[r.tier][r.az]!.id);

    for (const tier of WORKLOAD_SUBNET_TIERS) {
      const acl = props.networkAcls?.[tier];
      if (!acl) continue;
      new NetworkAcl(this, `${TIER_IDS[tier]}-network-acl`, {
        vpcId: vpc.id,
        subnetIds: subnets[tier].map((s) => s.id),
        ingress: acl.ingress.map(aclRule),
        egress: acl.egress.map(aclRule),
        tags: { Name: `${props.name}-${TIER_IDS[tier]}` },
      });
    }

    const flowLogs = new VpcFlowLogs(this, "flow-logs", {
      vpcId: vpc.id,
      logGroupName: `/aws/vpc/flow-logs/${props.name}`,
      retentionDays: props.flowLogs.retentionDays,
      kmsKeyArn: props.flowLogs.kmsKeyArn,
      accountId: props.flowLogs.accountId,
      region: props.flowLogs.region,
      partition: props.flowLogs.partition ?? "aws",
    });

    this.subnetIds = mapTiers((t) => subnets[t].map((s) => s.id));
    this.routeTableIds = mapTiers((t) => routeTables[t].map((r) => r.id));
    this.natGatewayIds = nats.map((n) => n.id);
    this.flowLogGroupArn = flowLogs.logGroupArn;
    if (firewall) this.firewall = firewall.attributes;
  }

  /**
   * The firewall tier: subnets and route tables per AZ (their routes come from `routes`), the Network Firewall
   * (endpoints in those subnets), and the IGW edge route table with the firewall's `edgeRoutes`.
   */
  private addFirewallTier(
    vpc: Vpc,
    igw: InternetGateway,
    azs: readonly string[],
    props: WorkloadVpcProps,
    fw: WorkloadFirewallProps,
    publicSubnets: readonly Subnet[],
  ) {
    const subnets = azs.map((az, i) => {
      const subnet = new Subnet(this, `firewall-subnet-${i}`, {
        vpcId: vpc.id,
        cidrBlock: fw.subnetCidrs[i]!,
        availabilityZoneId: az,
        mapPublicIpOnLaunch: false,
        tags: { Name: `${props.name}-firewall-${i}`, Tier: "firewall" },
      });
      const importId = props.importIds?.subnets?.firewall?.[i];
      if (importId) subnet.importFrom(importId);
      return subnet;
    });
    const tables = subnets.map((subnet, i) => {
      const table = new RouteTable(this, `firewall-route-table-${i}`, {
        vpcId: vpc.id,
        tags: { Name: `${props.name}-firewall-${i}`, Tier: "firewall" },
      });
      new RouteTableAssociation(this, `firewall-route-table-association-${i}`, { subnetId: subnet.id, routeTableId: table.id });
      return table;
    });
    const nfw = addNetworkFirewall(this, {
      name: props.name,
      vpcId: vpc.id,
      subnetIds: subnets.map((s) => s.id),
      passRules: ingressPassRules(props.subnetCidrs.public, fw.ingressTcpPorts ?? []),
      suricataRules: fw.suricataRules ?? [],
      allowedDomains: fw.allowedDomains,
      homeNet: [props.cidrBlock],
      logRetentionDays: fw.logRetentionDays,
      logKmsKeyArn: props.flowLogs.kmsKeyArn,
      preventDestroy: fw.preventDestroy ?? false,
    });
    // The firewall reports its endpoints by AZ name: look each up by the name of the AZ its subnet landed in.
    const endpointIdIn = (i: number) => nfw.endpointIdIn(subnets[i]!.availabilityZone);
    // Ingress routing: the edge route table is associated with the internet gateway, not with a subnet.
    const edge = new RouteTable(this, "edge-route-table", { vpcId: vpc.id, tags: { Name: `${props.name}-igw-edge`, Tier: "edge" } });
    new RouteTableAssociation(this, "edge-route-table-association", { gatewayId: igw.id, routeTableId: edge.id });
    // A gateway route's destination must be a whole subnet CIDR of an existing subnet: depend on the subnet.
    fw.edgeRoutes.forEach((r, i) => {
      new Route(this, `edge-route-${i}`, {
        routeTableId: edge.id,
        destinationCidrBlock: r.destination,
        vpcEndpointId: endpointIdIn(r.targetAz),
        dependsOn: [publicSubnets[props.subnetCidrs.public.indexOf(r.destination)]!],
      });
    });
    return {
      endpointIdIn,
      attributes: {
        subnetIds: subnets.map((s) => s.id),
        routeTableIds: tables.map((t) => t.id),
        firewallArn: nfw.firewallArn,
        edgeRouteTableId: edge.id,
      },
    };
  }
}

/**
 * Suricata pass rules of a per-vpc firewall for connections from the internet to the public subnets on
 * `tcpPorts` (sids 999000 onward; keep config rules outside 999000-999099). Empty without ports.
 */
export function ingressPassRules(publicCidrs: readonly string[], tcpPorts: readonly number[]): string[] {
  if (tcpPorts.length === 0) return [];
  const ports = tcpPorts.length === 1 ? String(tcpPorts[0]) : `[${tcpPorts.join(",")}]`;
  return [
    `pass tcp any any -> [${publicCidrs.join(",")}] ${ports} (flow:to_server; msg:"ingress: internet -> public subnets"; sid:999000; rev:1;)`,
  ];
}

function mapTiers<T>(f: (tier: WorkloadSubnetTier) => T): Record<WorkloadSubnetTier, T> {
  return Object.fromEntries(WORKLOAD_SUBNET_TIERS.map((t) => [t, f(t)])) as Record<WorkloadSubnetTier, T>;
}

/** A network ACL rule as the inline `ingress`/`egress` block of `aws_network_acl`. */
function aclRule(r: WorkloadNetworkAclRule): NetworkAclIngress & NetworkAclEgress {
  return { ruleNo: r.ruleNo, action: r.action, protocol: r.protocol, cidrBlock: r.cidrBlock, fromPort: r.fromPort, toPort: r.toPort };
}
