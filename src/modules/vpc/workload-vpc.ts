/**
 * The workload VPC: four subnet tiers repeated in every AZ, an internet gateway, NAT gateways (none when
 * central inspection carries the egress), one route table per tier and AZ, a closed default security group, a network ACL on the data tier, and
 * flow logs; with `firewall`, a fifth tier holding an AWS Network Firewall endpoint per AZ (per-vpc inspection).
 *
 * Routing per tier (transit gateway routes are added by `TransitGatewaySpoke`):
 * - public: 0.0.0.0/0 → internet gateway; with `firewall`, → the same AZ's firewall endpoint;
 * - privateApp: 0.0.0.0/0 → the AZ's NAT gateway (or the single one); with `privateAppDefaultRoute: none`, none
 *   here (the transit gateway spoke adds 0.0.0.0/0 → TGW for central inspection);
 * - privateData: no internet route at all;
 * - transit: local only; it holds the transit gateway attachment ENIs
 *   (https://docs.aws.amazon.com/vpc/latest/tgw/tgw-best-design-practices.html: a small dedicated subnet per AZ);
 * - firewall (with `firewall`): 0.0.0.0/0 → internet gateway.
 *
 * With `firewall`, an IGW edge route table (a gateway route table associated with the internet gateway: VPC
 * ingress routing, https://docs.aws.amazon.com/vpc/latest/userguide/gateway-route-tables.html) sends traffic
 * arriving from the internet for each public subnet CIDR to that subnet's AZ's firewall endpoint, so both
 * directions of a flow cross the same endpoint ("Distributed deployment model with an internet gateway",
 * https://docs.aws.amazon.com/network-firewall/latest/developerguide/arch-igw-ngw.html). NAT gateways stay in
 * the public subnets, so egress from the private tiers crosses the firewall too.
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

/** Props of {@link WorkloadVpc}. */
export interface WorkloadVpcProps {
  /** Name tag prefix, for example `acme-prod`. */
  readonly name: string;
  /** VPC IPv4 CIDR. Changing it replaces the VPC. */
  readonly cidrBlock: string;
  /** AZ names (or tokens), one per AZ used; index i pairs with index i of every tier's CIDR list. */
  readonly availabilityZones: readonly string[];
  /** Subnet CIDRs per tier, one per AZ, same length as `availabilityZones`. */
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
   * Next hop of the privateApp tier's 0.0.0.0/0: `nat-gateway` (this VPC's NAT gateways), or `none` when the
   * caller routes it elsewhere (through the transit gateway to central inspection). @default "nat-gateway"
   */
  readonly privateAppDefaultRoute?: "nat-gateway" | "none";
  /** On-prem CIDRs the data-tier network ACL admits (in and out). @default [] (on-prem never reaches the data tier) */
  readonly dataTierOnPremisesCidrs?: readonly string[];
  /** Per-vpc inspection: a firewall subnet tier with an AWS Network Firewall endpoint per AZ. @default none (no firewall) */
  readonly firewall?: WorkloadFirewallProps;
}

/** The per-vpc firewall tier of a {@link WorkloadVpc}. */
export interface WorkloadFirewallProps {
  /** Firewall subnet CIDRs, one per AZ (a /28 is enough: it holds one endpoint), same length as `availabilityZones`. */
  readonly subnetCidrs: readonly string[];
  /**
   * TCP ports the firewall passes from the internet to the public subnets (the load balancer's listeners), for
   * example `[443]`. Without them the policy drops inbound connections once established. @default []
   */
  readonly ingressTcpPorts?: readonly number[];
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
 * A VPC laid out in tiers. Throws `Error` when the per-tier CIDR lists do not match the AZ list, or when
 * `natGateways` is `none` and the app tier's default route would go to a NAT gateway (stage-3 invariants: the
 * config layer never produces those).
 */
export class WorkloadVpc extends Construct {
  readonly vpcId: string;
  readonly cidrBlock: string;
  /** The AZ names of the subnets, index = AZ index (as passed in `availabilityZones`). */
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
    const azs = props.availabilityZones;
    for (const tier of WORKLOAD_SUBNET_TIERS) {
      if (props.subnetCidrs[tier].length !== azs.length) {
        throw new Error(`WorkloadVpc ${props.name}: tier ${tier} has ${props.subnetCidrs[tier].length} CIDRs for ${azs.length} AZs`);
      }
    }
    if (props.firewall && props.firewall.subnetCidrs.length !== azs.length) {
      throw new Error(`WorkloadVpc ${props.name}: tier firewall has ${props.firewall.subnetCidrs.length} CIDRs for ${azs.length} AZs`);
    }
    if (props.natGateways === "none" && props.privateAppDefaultRoute !== "none") {
      throw new Error(`WorkloadVpc ${props.name}: natGateways "none" needs privateAppDefaultRoute "none" (no NAT gateway to route to)`);
    }
    const vpc = new Vpc(this, "vpc", {
      cidrBlock: props.cidrBlock,
      enableDnsHostnames: true,
      enableDnsSupport: true,
      tags: { Name: props.name },
    });
    this.vpcId = vpc.id;
    this.cidrBlock = props.cidrBlock;
    this.availabilityZones = [...props.availabilityZones];

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
          availabilityZone: az,
          mapPublicIpOnLaunch: false,
          tags: { Name: `${props.name}-${tierId}-${i}`, Tier: tierId },
        });
        const table = new RouteTable(this, `${tierId}-route-table-${i}`, {
          vpcId: vpc.id,
          tags: { Name: `${props.name}-${tierId}-${i}`, Tier: tierId },
        });
        new RouteTableAssociation(this, `${tierId}-route-table-association-${i}`, { subnetId: subnet.id, routeTableId: table.id });
        subnets[tier].push(subnet);
        routeTables[tier].push(table);
      });
    }

    const igw = new InternetGateway(this, "internet-gateway", { vpcId: vpc.id, tags: { Name: props.name } });
    const firewall = props.firewall ? this.addFirewallTier(vpc, igw, azs, props, props.firewall, subnets.public) : undefined;
    routeTables.public.forEach((table, i) => {
      new Route(this, `public-default-route-${i}`, {
        routeTableId: table.id,
        destinationCidrBlock: "0.0.0.0/0",
        ...(firewall ? { vpcEndpointId: firewall.endpointIdIn(i) } : { gatewayId: igw.id }),
      });
    });

    const natCount = props.natGateways === "none" ? 0 : props.natGateways === "single" ? 1 : azs.length;
    const nats: NatGateway[] = [];
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
    routeTables.privateApp.forEach((table, i) => {
      if (props.privateAppDefaultRoute === "none") return;
      const nat = nats[props.natGateways === "single" ? 0 : i]!;
      new Route(this, `private-app-default-route-${i}`, {
        routeTableId: table.id,
        destinationCidrBlock: "0.0.0.0/0",
        natGatewayId: nat.id,
      });
    });

    new NetworkAcl(this, "private-data-network-acl", {
      vpcId: vpc.id,
      subnetIds: subnets.privateData.map((s) => s.id),
      ...dataTierAclRules(
        props.cidrBlock,
        props.subnetCidrs.privateApp,
        props.subnetCidrs.privateData,
        props.dataTierOnPremisesCidrs ?? [],
      ),
      tags: { Name: `${props.name}-private-data` },
    });

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
   * The firewall tier: subnets and route tables per AZ (0.0.0.0/0 → internet gateway), the Network Firewall
   * (endpoints in those subnets), and the IGW edge route table sending each public subnet CIDR to its AZ's
   * endpoint.
   */
  private addFirewallTier(
    vpc: Vpc,
    igw: InternetGateway,
    azs: readonly string[],
    props: WorkloadVpcProps,
    fw: WorkloadFirewallProps,
    publicSubnets: readonly Subnet[],
  ) {
    const subnets = azs.map(
      (az, i) =>
        new Subnet(this, `firewall-subnet-${i}`, {
          vpcId: vpc.id,
          cidrBlock: fw.subnetCidrs[i]!,
          availabilityZone: az,
          mapPublicIpOnLaunch: false,
          tags: { Name: `${props.name}-firewall-${i}`, Tier: "firewall" },
        }),
    );
    const tables = subnets.map((subnet, i) => {
      const table = new RouteTable(this, `firewall-route-table-${i}`, {
        vpcId: vpc.id,
        tags: { Name: `${props.name}-firewall-${i}`, Tier: "firewall" },
      });
      new RouteTableAssociation(this, `firewall-route-table-association-${i}`, { subnetId: subnet.id, routeTableId: table.id });
      new Route(this, `firewall-default-route-${i}`, { routeTableId: table.id, destinationCidrBlock: "0.0.0.0/0", gatewayId: igw.id });
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
    const endpointIdIn = (i: number) => nfw.endpointIdIn(azs[i]!);
    // Ingress routing: the edge route table is associated with the internet gateway, not with a subnet.
    const edge = new RouteTable(this, "edge-route-table", { vpcId: vpc.id, tags: { Name: `${props.name}-igw-edge`, Tier: "edge" } });
    new RouteTableAssociation(this, "edge-route-table-association", { gatewayId: igw.id, routeTableId: edge.id });
    // A gateway route's destination must be a whole subnet CIDR of an existing subnet: depend on the subnet.
    publicSubnets.forEach((subnet, i) => {
      new Route(this, `edge-route-${i}`, {
        routeTableId: edge.id,
        destinationCidrBlock: props.subnetCidrs.public[i]!,
        vpcEndpointId: endpointIdIn(i),
        dependsOn: [subnet],
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

/**
 * Rules of the data-tier network ACL. Network ACLs are stateless
 * (https://docs.aws.amazon.com/vpc/latest/userguide/vpc-network-acls.html), so return traffic is
 * allowed explicitly. Inbound: everything from the app-tier subnets and from the data-tier subnets
 * themselves (replication between database and cache nodes), and TCP ephemeral ports from the VPC
 * (replies to connections the data tier opened). Outbound: the VPC only. Everything else, on-prem
 * included, hits the implicit deny, except the `onPremisesCidrs` admitted in and out (rules 400+).
 */
export function dataTierAclRules(
  vpcCidr: string,
  appCidrs: readonly string[],
  dataCidrs: readonly string[],
  onPremisesCidrs: readonly string[] = [],
): { ingress: NetworkAclIngress[]; egress: NetworkAclEgress[] } {
  const allowAll = (ruleNo: number, cidrBlock: string) => ({ ruleNo, action: "allow", protocol: "-1", cidrBlock, fromPort: 0, toPort: 0 });
  return {
    ingress: [
      ...appCidrs.map((c, i) => allowAll(100 + i, c)),
      ...dataCidrs.map((c, i) => allowAll(200 + i, c)),
      { ruleNo: 300, action: "allow", protocol: "tcp", cidrBlock: vpcCidr, fromPort: 1024, toPort: 65535 },
      ...onPremisesCidrs.map((c, i) => allowAll(400 + i, c)),
    ],
    egress: [allowAll(100, vpcCidr), ...onPremisesCidrs.map((c, i) => allowAll(400 + i, c))],
  };
}
