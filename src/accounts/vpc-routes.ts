/**
 * The routing plan of one workload VPC (src/routing/vpc-plan.ts) as the plain props of `WorkloadVpc` and
 * `TransitGatewaySpoke`: its routes by next hop, its network ACLs, the IGW edge routes of a per-vpc firewall, its
 * gateway endpoints' route tables. A
 * translation only: every route and rule comes from the plan, and a plan entry the constructs cannot build is an
 * error here rather than a silently missing route.
 */
import type { GatewayEndpointServiceName, WorkloadNetworkAclRule, WorkloadRouteTier, WorkloadVpcRoute } from "../modules/vpc/index.js";
import type { NetworkAclRule, PlanTier, VpcPlan } from "../routing/plan.js";

/** Route tiers of a workload VPC, in the order their route tables are handed to the spoke. */
const ROUTE_TIERS = ["privateApp", "privateData", "public", "transit", "firewall"] as const satisfies readonly WorkloadRouteTier[];

/** What {@link workloadVpcRouting} returns. */
export interface WorkloadVpcRouting {
  /** Routes that `WorkloadVpc` builds (internet gateway, NAT gateway, firewall endpoint). */
  readonly routes: WorkloadVpcRoute[];
  /** Network ACL rules per tier. */
  readonly networkAcls: Partial<
    Record<"public" | "privateApp" | "privateData" | "transit", { ingress: WorkloadNetworkAclRule[]; egress: WorkloadNetworkAclRule[] }>
  >;
  /** IGW edge routes (per-vpc firewall), empty without one. */
  readonly edgeRoutes: { destination: string; targetAz: number }[];
  /**
   * Destinations each route table sends to the transit gateway, by tier and AZ: the privateApp tables, then the
   * privateData tables (always, so the spoke's route ids `route-<i>-<destination>` stay put), then the tables of
   * other tiers that have such a route.
   */
  readonly transitGatewayRoutes: { tier: WorkloadRouteTier; az: number; destinations: string[] }[];
  /** Gateway endpoints (S3, DynamoDB) and the route tables, by tier and AZ, they are associated with. */
  readonly gatewayEndpoints: { service: GatewayEndpointServiceName; routeTables: { tier: WorkloadRouteTier; az: number }[] }[];
}

/**
 * Splits `vpc`'s plan into construct props.
 * @throws Error for a route the workload VPC cannot build (a target it has no such hop for, a tier it lacks).
 */
export function workloadVpcRouting(vpc: VpcPlan): WorkloadVpcRouting {
  const routes: WorkloadVpcRoute[] = [];
  const transitGatewayRoutes: WorkloadVpcRouting["transitGatewayRoutes"] = [];
  for (const tier of ROUTE_TIERS) {
    (vpc.routeTables[tier] ?? []).forEach((table, az) => {
      const viaTgw = table.filter((r) => r.target.kind === "transit-gateway").map((r) => r.destination);
      if (tier === "privateApp" || tier === "privateData" || viaTgw.length > 0)
        transitGatewayRoutes.push({ tier, az, destinations: viaTgw });
      for (const r of table) {
        const t = r.target;
        if (t.kind === "local" || t.kind === "transit-gateway") continue;
        routes.push({ tier, az, destination: r.destination, target: t.kind, ...("az" in t ? { targetAz: t.az } : {}) });
      }
    });
  }
  const unknown = (Object.keys(vpc.routeTables) as PlanTier[]).filter((t) => !(ROUTE_TIERS as readonly string[]).includes(t));
  if (unknown.length > 0) throw new Error(`routing plan of ${vpc.name}: a workload VPC has no ${unknown.join(", ")} tier`);
  const networkAcls: WorkloadVpcRouting["networkAcls"] = {};
  for (const [tier, acl] of Object.entries(vpc.networkAcls) as [
    PlanTier,
    { ingress: readonly NetworkAclRule[]; egress: readonly NetworkAclRule[] },
  ][]) {
    if (tier !== "public" && tier !== "privateApp" && tier !== "privateData" && tier !== "transit")
      throw new Error(`routing plan of ${vpc.name}: no network ACL can be built for the ${tier} tier`);
    networkAcls[tier] = { ingress: acl.ingress.map(aclRule), egress: acl.egress.map(aclRule) };
  }
  const edgeRoutes = (vpc.gatewayRoutes ?? []).map((r) => {
    if (r.target.kind !== "firewall-endpoint")
      throw new Error(`routing plan of ${vpc.name}: edge route ${r.destination} must go to a firewall endpoint`);
    return { destination: r.destination, targetAz: r.target.az };
  });
  const gatewayEndpoints = (vpc.gatewayEndpoints ?? []).map((e) => ({
    service: e.service,
    routeTables: e.routeTables.map(({ tier, az }) => {
      if (!(ROUTE_TIERS as readonly string[]).includes(tier) || !vpc.routeTables[tier]?.[az])
        throw new Error(
          `routing plan of ${vpc.name}: the ${e.service} gateway endpoint names a ${tier} route table in AZ ${az}, which the VPC lacks`,
        );
      return { tier: tier as WorkloadRouteTier, az };
    }),
  }));
  return { routes, networkAcls, edgeRoutes, transitGatewayRoutes, gatewayEndpoints };
}

const aclRule = (r: NetworkAclRule): WorkloadNetworkAclRule => ({
  ruleNo: r.ruleNo,
  action: r.action,
  protocol: r.protocol,
  cidrBlock: r.cidr,
  fromPort: r.fromPort,
  toPort: r.toPort,
});
