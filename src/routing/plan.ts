/**
 * The routing plan: which transit gateway (TGW) route tables exist, which attachment each table is associated
 * with, which attachments propagate into it, its static routes, and the routes of every VPC route table.
 *
 * This is the single source of routing decisions. The account stacks create exactly these associations,
 * propagations and routes (src/accounts/*), and the verifier (./verify.ts) evaluates exactly this plan, so the
 * two cannot drift apart.
 *
 * Segments. A TGW forwards a packet with the route table associated with the attachment it arrived on
 * (https://docs.aws.amazon.com/vpc/latest/tgw/how-transit-gateways-work.html). prod VPCs propagate into the
 * prod table, nonprod VPCs into the nonprod table; neither propagates into the other, so prod and nonprod never
 * reach each other. On-prem (the Direct Connect gateway and VPN attachments, both associated with the onprem
 * table) propagates into the tables of the segments it may reach.
 *
 * Shared services (environments that say `segment: shared`; docs/shared-services.md): a `shared` table of their own,
 * created only when such an environment exists. Shared VPCs propagate into it, into onprem, and into the prod and
 * nonprod tables; prod and nonprod VPCs propagate into it. prod and nonprod still never propagate into each
 * other, and a VPC delivers only what is addressed to it (the transit subnets, where the TGW hands packets to the
 * VPC, route locally only), so the shared segment bridges neither: a packet from prod to nonprod finds no route
 * in the prod table, and one that reached a shared VPC goes no further. With central inspection of a segment, that
 * segment's traffic with shared crosses the inspection VPC both ways (the segment's table does not learn the
 * shared CIDRs and keeps its 0.0.0.0/0 to inspection; the shared table holds a static route per inspected VPC CIDR
 * to the inspection attachment; the inspection table learns the shared CIDRs; the firewall passes that traffic,
 * src/modules/inspection/inspection-vpc.ts).
 *
 * Central inspection (one segment, the one whose environments say `inspection: central`): the segment's table
 * holds a static 0.0.0.0/0 to the inspection VPC attachment and no on-prem routes; the onprem table holds a
 * static route per inspected VPC CIDR to the inspection attachment; the inspection table (associated with the
 * inspection attachment) learns the inspected VPCs and on-prem. Appliance mode on the inspection attachment keeps
 * both directions of a flow in one AZ ("Appliance in a shared services VPC",
 * https://docs.aws.amazon.com/vpc/latest/tgw/transit-gateway-appliance-scenario.html).
 *
 * Per-vpc inspection (environments that say `inspection: per-vpc`): the VPC has a firewall subnet tier with an
 * AWS Network Firewall endpoint per AZ, placed between the public subnets and the internet gateway ("Distributed
 * deployment model with an internet gateway",
 * https://docs.aws.amazon.com/network-firewall/latest/developerguide/arch-igw-ngw.html). Public subnets send
 * 0.0.0.0/0 to their AZ's endpoint; firewall subnets send it to the internet gateway; the IGW edge route table
 * (ingress routing, https://docs.aws.amazon.com/vpc/latest/userguide/gateway-route-tables.html) sends each public
 * subnet CIDR to the same AZ's endpoint, so a flow crosses one endpoint both ways. NAT gateways stay in the public
 * subnets, so private-tier egress (→ NAT → endpoint → IGW) is inspected too. The TGW side is as for `none`:
 * per-vpc inspects internet traffic only, not east-west.
 */

import { centralSegment, planInspectionVpc, planWorkloadVpc, type NetworkAclPlan } from "./vpc-plan.js";

export {
  centralSegment,
  dataTierAclRules,
  networkAclAdmits,
  planInspectionVpc,
  planWorkloadVpc,
  tierOnPremisesCidrs,
  type NetworkAclPlan,
  type NetworkAclRule,
} from "./vpc-plan.js";

/**
 * Route tables of the TGW. `inspection` exists only with a central inspection VPC, `shared` only with an
 * environment in the shared-services segment.
 */
export type TgwTableName = "prod" | "nonprod" | "onprem" | "inspection" | "shared";

/** The routing segment of a workload VPC (`segment:` of its environment file). */
export type VpcSegment = "prod" | "nonprod" | "shared";

/**
 * A TGW attachment: `vpc:<env>`, `vpc:inspection`, `directconnect` (the DX gateway, whatever the number of its
 * transit VIFs), `vpn` (the first VPN connection) or `vpn:<link>` (each further VPN connection, by its config name).
 */
export type AttachmentId = `vpc:${string}` | "directconnect" | "vpn" | `vpn:${string}`;

/** True for the attachment of a VPN connection (`vpn`, `vpn:<link>`). */
export const isVpnAttachment = (id: string): id is "vpn" | `vpn:${string}` => id === "vpn" || id.startsWith("vpn:");

/**
 * The attachment id of the VPN connection at `index` of the model's list: `vpn` for the first (so the single-VPN
 * form and the first entry of `vpns` keep their Terraform addresses), `vpn:<link>` after it.
 * @throws Error when a connection after the first has no link name.
 */
export function vpnAttachment(link: string | undefined, index: number): "vpn" | `vpn:${string}` {
  if (index === 0) return "vpn";
  if (!link) throw new Error(`VPN connection ${index + 1} needs a link name`);
  return `vpn:${link}`;
}

/** One transit VIF as the verifier sees it: its config name and location (both absent in the single-VIF form). */
export interface DirectConnectInterfacePlan {
  readonly link?: string;
  readonly location?: string;
}

/**
 * The on-prem links behind the on-prem attachments: the Direct Connect gateway's transit VIFs, and each VPN
 * connection's attachment with its config name (absent for the single-VPN form). The failure scenarios of
 * `lz routes` are made from these (trace.ts, {@link applicableFailures}).
 */
export interface OnPremisesLinksPlan {
  /** The transit VIFs of the DX gateway; one unnamed entry when the config names none (a single VIF, or VIFs made outside). */
  readonly directConnect: readonly DirectConnectInterfacePlan[];
  readonly vpns: readonly { readonly attachment: "vpn" | `vpn:${string}`; readonly link?: string }[];
}

/**
 * How a TGW route was learned, in AWS's order of preference for the same prefix: static, prefix-list
 * reference, VPC-propagated, Direct Connect gateway-propagated, Connect-propagated, private-IP VPN-propagated,
 * VPN-propagated ("Route evaluation order",
 * https://docs.aws.amazon.com/vpc/latest/tgw/how-transit-gateways-work.html#tgw-route-evaluation-overview).
 */
export const ROUTE_ORIGINS = ["static", "prefix-list", "vpc", "directconnect", "connect", "private-ip-vpn", "vpn"] as const;
/** One of {@link ROUTE_ORIGINS}. */
export type RouteOrigin = (typeof ROUTE_ORIGINS)[number];

/** A static TGW route: to an attachment, or a blackhole (drop). */
export interface TgwStaticRoute {
  readonly destination: string;
  readonly target: AttachmentId | "blackhole";
}

/** One TGW route table of the plan. */
export interface TgwTablePlan {
  readonly name: TgwTableName;
  /** Attachments associated with this table (each attachment has exactly one table). */
  readonly associations: readonly AttachmentId[];
  /** Attachments that propagate their routes into this table. */
  readonly propagations: readonly AttachmentId[];
  readonly staticRoutes: readonly TgwStaticRoute[];
}

/** A TGW attachment and the prefixes it propagates. */
export interface AttachmentPlan {
  readonly id: AttachmentId;
  /** How its propagated routes rank (see {@link ROUTE_ORIGINS}). */
  readonly origin: Exclude<RouteOrigin, "static" | "prefix-list" | "connect" | "private-ip-vpn">;
  /** Prefixes it propagates: a VPC's CIDR, or the on-prem prefixes learned over BGP. Empty for a static-only VPN. */
  readonly propagates: readonly string[];
  /** Appliance mode: the TGW keeps both directions of a flow on one AZ of this VPC attachment. */
  readonly applianceMode: boolean;
  /** AZ indexes the attachment has an ENI in (VPC attachments only). */
  readonly azs: readonly number[];
}

/** Next hop of a VPC route. */
export type VpcTarget =
  | { readonly kind: "local" }
  | { readonly kind: "transit-gateway" }
  | { readonly kind: "internet-gateway" }
  | { readonly kind: "nat-gateway"; readonly az: number }
  | { readonly kind: "firewall-endpoint"; readonly az: number };

/** A route of a VPC route table. */
export interface VpcRoute {
  readonly destination: string;
  readonly target: VpcTarget;
}

/** Tiers of a workload VPC and of the inspection VPC. */
export type PlanTier = "public" | "privateApp" | "privateData" | "transit" | "firewall" | "transitGateway";

/** A VPC of the plan: its CIDR, subnets per tier and AZ, and a route table per tier and AZ. */
export interface VpcPlan {
  /** Environment name, or `inspection`. */
  readonly name: string;
  readonly cidr: string;
  readonly segment?: VpcSegment;
  readonly azCount: number;
  /** Subnet CIDRs per tier, index = AZ index. */
  readonly subnets: Readonly<Partial<Record<PlanTier, readonly string[]>>>;
  /** Route table per tier, index = AZ index. */
  readonly routeTables: Readonly<Partial<Record<PlanTier, readonly (readonly VpcRoute[])[]>>>;
  /** The network ACL of a tier, rule by rule, for tiers that have one of their own (a missing tier: the VPC's default ACL, which admits everything). */
  readonly networkAcls: Readonly<Partial<Record<PlanTier, NetworkAclPlan>>>;
  /**
   * Routes of the IGW edge route table (ingress routing), consulted for traffic arriving from the internet;
   * absent: the internet gateway delivers to the destination subnet (the implicit local route).
   */
  readonly gatewayRoutes?: readonly VpcRoute[];
  /** Gateway VPC endpoints (S3, DynamoDB) and the route tables they add their prefix-list route to. @default [] */
  readonly gatewayEndpoints?: readonly GatewayEndpointPlan[];
}

/** A service with a gateway VPC endpoint (https://docs.aws.amazon.com/vpc/latest/privatelink/gateway-endpoints.html). */
export type GatewayEndpointService = "s3" | "dynamodb";

/**
 * A gateway VPC endpoint and the route tables it is associated with. AWS adds to each of them a route whose
 * destination is the service's prefix list and whose target is the endpoint; it is more specific than
 * `0.0.0.0/0`, so the service's traffic leaves through the endpoint, not the NAT gateway or the transit gateway
 * ("Routing", https://docs.aws.amazon.com/vpc/latest/privatelink/gateway-endpoints.html#gateway-endpoint-routing).
 * A gateway endpoint serves only its own VPC: on-prem and other VPCs cannot use it through the transit gateway.
 */
export interface GatewayEndpointPlan {
  readonly service: GatewayEndpointService;
  /** The route tables (tier and AZ index) that get the endpoint's prefix-list route. */
  readonly routeTables: readonly { readonly tier: PlanTier; readonly az: number }[];
}

/** The whole plan. */
export interface RoutingPlan {
  readonly tables: readonly TgwTablePlan[];
  readonly attachments: readonly AttachmentPlan[];
  readonly vpcs: readonly VpcPlan[];
  /** On-prem CIDRs (what on-prem advertises over BGP). */
  readonly onPremisesCidrs: readonly string[];
  /** Prefixes AWS advertises to on-prem over Direct Connect (the association's allowed prefixes). */
  readonly directConnectAdvertises: readonly string[];
  /** The links behind the on-prem attachments. @default one unnamed VIF behind `directconnect`, one unnamed VPN behind `vpn` */
  readonly onPremisesLinks?: OnPremisesLinksPlan;
  /**
   * AZ ID of each AZ index (`euw1-az1` for index 0, ...): every VPC of the plan places AZ index i on the i-th AZ
   * ID, so an `az-a-down` scenario is one physical zone down in every account. @default [] (AZs by index only)
   */
  readonly availabilityZoneIds?: readonly string[];
}

/** On-prem access of one tier (see the environment file's `onPremisesAccess`). */
export type TierAccessInput = "all" | "none" | readonly string[];

/** What the plan is computed from: a structural subset of the config model (`LandingZoneModel` maps onto it with {@link routingInput}). */
export interface RoutingInput {
  readonly onPremisesCidrs: readonly string[];
  /** AZ IDs by AZ index (see {@link RoutingPlan.availabilityZoneIds}). @default [] */
  readonly availabilityZoneIds?: readonly string[];
  readonly directConnect?: {
    readonly allowedPrefixes: readonly string[];
    /** The transit VIFs (config name and DX location in the plural form). @default one unnamed VIF */
    readonly transitVirtualInterfaces?: readonly DirectConnectInterfacePlan[];
  };
  /** The VPN connections in config order; the first is attachment `vpn`, the others `vpn:<link>`. */
  readonly vpns?: readonly { readonly link?: string; readonly staticRoutesOnly: boolean }[];
  readonly inspection?: {
    readonly vpcCidr: string;
    readonly azCount: number;
    readonly subnets: {
      readonly transitGateway: readonly string[];
      readonly firewall: readonly string[];
      readonly public: readonly string[];
    };
  };
  readonly staticRoutes: readonly {
    readonly routeTable: "prod" | "nonprod" | "onprem";
    readonly destinationCidr: string;
    readonly target: "vpn" | "blackhole";
  }[];
  readonly environments: readonly {
    readonly name: string;
    readonly segment: VpcSegment;
    readonly inspection: "central" | "per-vpc" | "none";
    readonly vpc: {
      readonly cidr: string;
      readonly azCount: number;
      /** `none`: no NAT gateway, only with central inspection (egress goes through the hub). @default "one-per-az" */
      readonly natGateways?: "one-per-az" | "single" | "none";
      /** Services given a gateway VPC endpoint. @default [] */
      readonly gatewayEndpoints?: readonly GatewayEndpointService[];
      /** `firewall`: the per-vpc firewall subnets (required with `inspection: per-vpc`). */
      readonly subnets: Readonly<Record<"public" | "privateApp" | "privateData" | "transit", readonly string[]>> & {
        readonly firewall?: readonly string[];
      };
    };
    readonly onPremisesAccess: { readonly privateApp: TierAccessInput; readonly privateData: TierAccessInput };
  }[];
}

/** The subset of `LandingZoneModel` that {@link routingInput} reads. */
export interface RoutingModelLike {
  readonly networkHub: {
    readonly onPremises: { readonly cidrs: readonly string[] };
    readonly availabilityZoneIds?: readonly string[];
    readonly hybrid?: {
      readonly directConnect?: RoutingInput["directConnect"];
      readonly vpns?: RoutingInput["vpns"];
      readonly inspection?: RoutingInput["inspection"];
    };
  };
  readonly routing: { readonly staticRoutes: RoutingInput["staticRoutes"] };
  readonly environments: RoutingInput["environments"];
}

/** Maps the config model onto {@link RoutingInput}. */
export function routingInput(model: RoutingModelLike): RoutingInput {
  const h = model.networkHub.hybrid;
  return {
    onPremisesCidrs: model.networkHub.onPremises.cidrs,
    ...(model.networkHub.availabilityZoneIds ? { availabilityZoneIds: model.networkHub.availabilityZoneIds } : {}),
    ...(h?.directConnect ? { directConnect: h.directConnect } : {}),
    ...(h?.vpns ? { vpns: h.vpns } : {}),
    ...(h?.inspection ? { inspection: h.inspection } : {}),
    staticRoutes: model.routing.staticRoutes,
    environments: model.environments,
  };
}

/** The id of an environment's VPC attachment. */
export const vpcAttachment = (env: string): AttachmentId => `vpc:${env}`;
/** The id of the central inspection VPC attachment. */
export const INSPECTION_ATTACHMENT: AttachmentId = "vpc:inspection";

/**
 * The TGW side of the plan: tables, associations, propagations, static routes.
 * Static routes from the config (`routing.staticRoutes`) are added to their table as written.
 */
export function planTransitGateway(input: RoutingInput): { tables: TgwTablePlan[]; attachments: AttachmentPlan[] } {
  const central = centralSegment(input);
  const vpns = input.vpns ?? [];
  const onPremAttachments: AttachmentId[] = [
    ...(input.directConnect ? (["directconnect"] as const) : []),
    ...vpns.map((v, i) => vpnAttachment(v.link, i)),
  ];
  const tables = new Map<TgwTableName, { associations: AttachmentId[]; propagations: AttachmentId[]; staticRoutes: TgwStaticRoute[] }>();
  const table = (name: TgwTableName) => {
    let t = tables.get(name);
    if (!t) {
      t = { associations: [], propagations: [], staticRoutes: [] };
      tables.set(name, t);
    }
    return t;
  };
  table("prod");
  table("nonprod");
  table("onprem").associations.push(...onPremAttachments);
  const attachments: AttachmentPlan[] = [];
  if (input.directConnect)
    attachments.push({ id: "directconnect", origin: "directconnect", propagates: input.onPremisesCidrs, applianceMode: false, azs: [] });
  attachments.push(
    ...vpns.map(
      (v, i): AttachmentPlan => ({
        id: vpnAttachment(v.link, i),
        origin: "vpn",
        propagates: v.staticRoutesOnly ? [] : input.onPremisesCidrs,
        applianceMode: false,
        azs: [],
      }),
    ),
  );
  if (central && input.inspection) {
    const insp = table("inspection");
    insp.associations.push(INSPECTION_ATTACHMENT);
    insp.propagations.push(...onPremAttachments);
    table(central).staticRoutes.push({ destination: "0.0.0.0/0", target: INSPECTION_ATTACHMENT });
    attachments.push({
      id: INSPECTION_ATTACHMENT,
      origin: "vpc",
      propagates: [input.inspection.vpcCidr],
      applianceMode: true,
      azs: Array.from({ length: input.inspection.azCount }, (_, i) => i),
    });
  }
  for (const segment of ["prod", "nonprod"] as const) {
    if (segment !== central) table(segment).propagations.push(...onPremAttachments);
  }
  const shared = hasSharedServices(input);
  if (shared) table("shared").propagations.push(...onPremAttachments);
  for (const env of input.environments) {
    const id = vpcAttachment(env.name);
    const routing =
      env.segment === "shared"
        ? sharedServicesRouting(central)
        : segmentRouting(env.segment, env.inspection === "central" && central !== undefined, shared);
    table(routing.associateWith).associations.push(id);
    for (const t of routing.propagateTo) table(t).propagations.push(id);
    if (routing.inspected) table("onprem").staticRoutes.push({ destination: env.vpc.cidr, target: INSPECTION_ATTACHMENT });
    if (routing.inspected && shared) table("shared").staticRoutes.push({ destination: env.vpc.cidr, target: INSPECTION_ATTACHMENT });
    if (onPremAttachments.length > 0)
      for (const destination of onPremisesClosedSubnets(env)) table("onprem").staticRoutes.push({ destination, target: "blackhole" });
    attachments.push({
      id,
      origin: "vpc",
      propagates: [env.vpc.cidr],
      applianceMode: false,
      azs: Array.from({ length: env.vpc.azCount }, (_, i) => i),
    });
  }
  for (const r of input.staticRoutes)
    table(r.routeTable).staticRoutes.push({ destination: r.destinationCidr, target: r.target === "vpn" ? "vpn" : "blackhole" });
  return { tables: [...tables].map(([name, t]) => ({ name, ...t })), attachments };
}

/**
 * Subnets of `env` that on-prem may not reach at all, in tier order: public, transit and firewall always, and
 * privateApp with `onPremisesAccess.privateApp: none` (the data tier's own network ACL already drops what its
 * `onPremisesAccess` does not admit, by source).
 *
 * The onprem TGW table (associated with the Direct Connect gateway and VPN attachments) holds a blackhole route
 * for each of them. The VPC's CIDR, propagated or statically routed to the inspection VPC, would otherwise carry
 * packets from on-prem to every tier; only the missing return route stopped them, so a one-way flow (UDP) still
 * arrived. A TGW route table decides by the most specific match and drops what a blackhole route matches
 * ("Create a static route", https://docs.aws.amazon.com/vpc/latest/tgw/tgw-create-static-route.html;
 * CreateTransitGatewayRoute, https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateTransitGatewayRoute.html),
 * so the /24 and /28 routes win over the VPC's /16 whatever its origin, before the packet reaches the VPC or the
 * firewall. Chosen over network ACLs: an admit-only ACL on the public tier would cost a deny rule per on-prem
 * CIDR out of 20 per direction ("Amazon VPC quotas", https://docs.aws.amazon.com/vpc/latest/userguide/amazon-vpc-limits.html),
 * and the transit subnet's ACL is not evaluated for traffic from the transit gateway to its own subnet ("Network
 * ACLs for transit gateways", https://docs.aws.amazon.com/vpc/latest/tgw/tgw-nacls.html). Direct Connect's allowed
 * prefixes still cover every VPC CIDR: on-prem keeps sending to the VPC's range over DX, and the TGW drops the
 * closed tiers.
 */
export function onPremisesClosedSubnets(env: RoutingInput["environments"][number]): string[] {
  const n = env.vpc.azCount;
  const s = env.vpc.subnets;
  return [
    ...s.public.slice(0, n),
    ...(env.onPremisesAccess.privateApp === "none" ? s.privateApp.slice(0, n) : []),
    ...s.transit.slice(0, n),
    ...(s.firewall ?? []).slice(0, n),
  ];
}

/** Association and propagations of a workload VPC attachment. */
export interface SegmentRouting {
  readonly associateWith: TgwTableName;
  readonly propagateTo: readonly TgwTableName[];
  /** Centrally inspected: the onprem table reaches this VPC through the inspection attachment (a static route). */
  readonly inspected: boolean;
}

/**
 * Routing of a VPC attachment in `segment`: associated with the segment's table; propagated into it and into
 * onprem, or, when centrally inspected, into the segment's table and the inspection table (on-prem then reaches
 * the VPC only through the firewall). With `sharedServices` (a shared-services segment exists), a VPC that is not
 * centrally inspected also propagates into the shared table; an inspected one does not (the shared table reaches
 * it through the inspection attachment, a static route the plan adds).
 */
export function segmentRouting(segment: "prod" | "nonprod", centrallyInspected = false, sharedServices = false): SegmentRouting {
  return centrallyInspected
    ? { associateWith: segment, propagateTo: [segment, "inspection"], inspected: true }
    : { associateWith: segment, propagateTo: [segment, "onprem", ...(sharedServices ? (["shared"] as const) : [])], inspected: false };
}

/** True when an environment is in the shared-services segment (the plan then has a `shared` table). */
export const hasSharedServices = (input: Pick<RoutingInput, "environments">): boolean =>
  input.environments.some((e) => e.segment === "shared");

/**
 * Routing of a shared-services VPC attachment: associated with the shared table; propagated into it (shared VPCs
 * reach each other), into onprem (on-prem reaches DNS resolvers and directory servers there, as far as the
 * environment's `onPremisesAccess` admits), and into the prod and nonprod tables, except the table of the
 * `centralSegment`, if any: that segment reaches shared through its 0.0.0.0/0 to the inspection VPC, so the shared
 * CIDRs go into the inspection table instead (the firewall then sees both directions: the shared table sends the
 * inspected VPCs' CIDRs to the inspection attachment). Never centrally inspected itself (the config refuses
 * `inspection: central` in the shared segment).
 */
export function sharedServicesRouting(centralSegment?: "prod" | "nonprod"): SegmentRouting {
  const segments = (["prod", "nonprod"] as const).filter((s) => s !== centralSegment);
  return {
    associateWith: "shared",
    propagateTo: ["shared", "onprem", ...segments, ...(centralSegment ? (["inspection"] as const) : [])],
    inspected: false,
  };
}

/**
 * CIDRs of the VPCs whose traffic reaches the central inspection firewall through the transit gateway: every VPC
 * attachment associated with a TGW route table that has a static route to the inspection attachment (their
 * internet and on-prem traffic, and anything else their table does not route directly, goes through it), in plan
 * order. Empty without central inspection. This is what the firewall's Suricata `HOME_NET` must cover
 * (https://docs.aws.amazon.com/network-firewall/latest/APIReference/API_PolicyVariables.html).
 */
export function inspectedVpcCidrs(plan: RoutingPlan): string[] {
  const viaInspection = plan.tables.filter((t) => t.staticRoutes.some((r) => r.target === INSPECTION_ATTACHMENT));
  const attachments = viaInspection.flatMap((t) => t.associations).filter((a) => a.startsWith("vpc:") && a !== INSPECTION_ATTACHMENT);
  const cidrs = attachments.flatMap((id) => plan.attachments.find((a) => a.id === id)?.propagates ?? []);
  return [...new Set(cidrs)];
}

/** The whole routing plan of `input`. */
export function planRouting(input: RoutingInput): RoutingPlan {
  const { tables, attachments } = planTransitGateway(input);
  const inspection = planInspectionVpc(input);
  return {
    tables,
    attachments,
    vpcs: [...input.environments.map((e) => planWorkloadVpc(input, e)), ...(inspection ? [inspection] : [])],
    onPremisesCidrs: input.onPremisesCidrs,
    availabilityZoneIds: input.availabilityZoneIds ?? [],
    directConnectAdvertises: input.directConnect?.allowedPrefixes ?? [],
    onPremisesLinks: onPremisesLinks(input),
  };
}

/** The links behind the on-prem attachments of `input` (see {@link OnPremisesLinksPlan}). */
export function onPremisesLinks(input: Pick<RoutingInput, "directConnect" | "vpns">): OnPremisesLinksPlan {
  const vifs = input.directConnect?.transitVirtualInterfaces ?? [];
  return {
    directConnect: !input.directConnect
      ? []
      : vifs.length > 0
        ? vifs.map((v) => ({ ...(v.link ? { link: v.link } : {}), ...(v.location ? { location: v.location } : {}) }))
        : [{}],
    vpns: (input.vpns ?? []).map((v, i) => ({ attachment: vpnAttachment(v.link, i), ...(v.link ? { link: v.link } : {}) })),
  };
}
