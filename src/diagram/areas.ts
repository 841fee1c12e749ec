/**
 * The landing-zone model as a {@link Diagram}: one small function per area of the model, each reading its
 * part and adding clusters, nodes and edges. {@link DIAGRAM_AREAS} lists them in drawing order.
 *
 * To draw a new part of the model (issue #3: Direct Connect, VPN, the inspection VPC; issue #4: the app
 * tier), write one more `DiagramArea` that reads the optional model part and returns early when it is
 * absent, and add it to {@link DIAGRAM_AREAS}. Attach to existing clusters and nodes through {@link ids}:
 * a DX/VPN area adds its nodes to `ids.site()` and `ids.hubAccount()` and edges to the `onprem` route
 * table (`ids.routeTable("onprem")`), `style: "solid"` for primary paths and `"dashed"` for backups; the app
 * tier adds nodes inside `ids.vpc(env.name)` (CloudFront → WAF → ALB in `public`, services in
 * `private-app`, RDS primary/standby/replica and Redis in `private-data`).
 */
import type { LandingZoneModel, Segment, WorkloadModel } from "../config/index.js";
import { SUBNET_TIERS, type OptionalSubnetTier, type SubnetTier } from "../config/index.js";
import { DiagramBuilder, type Diagram } from "./graph.js";

/** Adds one area of the model to the diagram. */
export type DiagramArea = (model: LandingZoneModel, d: DiagramBuilder) => void;

/** Ids of the clusters and nodes other areas attach to. */
export const ids = {
  hubAccount: () => "account_hub",
  transitGateway: () => "tgw",
  routeTable: (segment: Segment) => `tgw_rt_${segment}`,
  site: () => "site_onprem",
  onPremises: () => "onprem",
  workloadAccount: (env: string) => `account_${env}`,
  vpc: (env: string) => `vpc_${env}`,
  tier: (env: string, tier: SubnetTier | OptionalSubnetTier) => `vpc_${env}_${tier}`,
  attachment: (env: string) => `vpc_${env}_attachment`,
} as const;

const TIER_NAMES: Readonly<Record<SubnetTier, string>> = { public: "public", privateApp: "private-app", privateData: "private-data", transit: "transit" };

/** The hub account: the Transit Gateway and one route table per segment. */
export const transitGatewayArea: DiagramArea = (model, d) => {
  const hub = model.networkHub;
  const tgw = hub.transitGateway;
  d.cluster(undefined, ids.hubAccount(), "account", `network hub · account ${hub.accountId} · ${hub.region}`);
  d.cluster(ids.hubAccount(), ids.transitGateway(), "transit-gateway", `Transit Gateway ${tgw.name} · ASN ${tgw.amazonSideAsn}`);
  for (const segment of ["prod", "nonprod", "onprem"] as const) {
    d.node(ids.transitGateway(), ids.routeTable(segment), "route-table", [`route table ${segment}`, tgw.routeTableNames[segment]]);
  }
};

/** The on-premises network. Without a DX or VPN attachment in the model, its link to the hub is muted. */
export const onPremisesArea: DiagramArea = (model, d) => {
  const onPrem = model.networkHub.onPremises;
  d.cluster(undefined, ids.site(), "site", "on-premises");
  d.node(ids.site(), ids.onPremises(), "site", ["data center", ...onPrem.cidrs, `BGP ASN ${onPrem.bgpAsn}`]);
  d.edge({ from: ids.onPremises(), to: ids.routeTable("onprem"), style: "dashed", label: "no DX/VPN yet", muted: true });
};

/** One cluster per workload account holding its VPC: a node per tier listing its subnet per AZ, and the TGW attachment. */
export const workloadVpcArea: DiagramArea = (model, d) => {
  for (const env of model.environments) workloadVpc(env, d);
};

function workloadVpc(env: WorkloadModel, d: DiagramBuilder): void {
  const vpc = env.vpc;
  d.cluster(undefined, ids.workloadAccount(env.name), "account", `${env.name} · account ${env.accountId} · segment ${env.segment}`);
  d.cluster(ids.workloadAccount(env.name), ids.vpc(env.name), "vpc", `VPC ${vpc.name} · ${vpc.cidr} · ${vpc.azCount} AZs`);
  // Declared transit first: in this left-to-right layout Graphviz stacks a rank's nodes bottom-up, so public ends on top.
  for (const tier of [...SUBNET_TIERS].reverse()) {
    const subnets = vpc.subnets[tier].slice(0, vpc.azCount).map((cidr, az) => `AZ${az + 1} ${cidr}`);
    const extra = tier === "public" ? [`IGW · NAT ×${vpc.natGateways === "one-per-az" ? vpc.azCount : 1} (${vpc.natGateways})`] : [];
    d.node(ids.vpc(env.name), ids.tier(env.name, tier), "subnet-tier", [TIER_NAMES[tier], ...subnets, ...extra]);
  }
  // Per-vpc inspection: the firewall tier sits between the public subnets and the internet gateway (on top).
  const firewall = vpc.subnets.firewall;
  if (firewall) {
    const subnets = firewall.slice(0, vpc.azCount).map((cidr, az) => `AZ${az + 1} ${cidr}`);
    d.node(ids.vpc(env.name), ids.tier(env.name, "firewall"), "subnet-tier", ["firewall", ...subnets, "Network Firewall endpoint per AZ · IGW edge route table"]);
  }
  d.node(ids.vpc(env.name), ids.attachment(env.name), "attachment", ["TGW attachment", "ENIs in the transit subnets", `flow logs: ${vpc.flowLogRetentionDays} days`]);
  // The attachment faces the hub; the tiers stack in one column to its right.
  for (const tier of [...SUBNET_TIERS].reverse()) d.edge({ from: ids.attachment(env.name), to: ids.tier(env.name, tier), style: "solid", invisible: true });
  if (firewall) d.edge({ from: ids.attachment(env.name), to: ids.tier(env.name, "firewall"), style: "solid", invisible: true });
}

/**
 * Segment wiring on the Transit Gateway: each attachment is associated with its segment's table (solid) and
 * propagates into its segment's table and `onprem` (dotted). Mirrors src/accounts/segments.ts.
 */
export const segmentWiringArea: DiagramArea = (model, d) => {
  for (const env of model.environments) {
    d.edge({ from: ids.attachment(env.name), to: ids.routeTable(env.segment), style: "solid", layoutBackward: true });
    for (const segment of [env.segment, "onprem"] as const) {
      d.edge({ from: ids.attachment(env.name), to: ids.routeTable(segment), style: "dotted", layoutBackward: true });
    }
  }
};

/** Every area, in drawing order. Add new ones here (see the file comment). */
export const DIAGRAM_AREAS: readonly DiagramArea[] = [transitGatewayArea, onPremisesArea, workloadVpcArea, segmentWiringArea];

/** The topology of `model`, drawn by `areas`. @default areas {@link DIAGRAM_AREAS} */
export function buildDiagram(model: LandingZoneModel, areas: readonly DiagramArea[] = DIAGRAM_AREAS): Diagram {
  const d = new DiagramBuilder(
    `${model.organization.name} landing zone`,
    "solid arrow: attachment associated with a route table · dotted: propagates its CIDR into it · grey dashed: not modelled yet",
  );
  for (const area of areas) area(model, d);
  return d.build();
}
