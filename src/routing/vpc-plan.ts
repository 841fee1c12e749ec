/**
 * The VPC side of the routing plan (./plan.ts): the route tables of every workload VPC and of the central
 * inspection VPC, per tier and AZ, their network ACLs rule by rule, and the IGW edge route table of a per-vpc
 * firewall. The stacks build exactly these routes and rules (src/accounts/workload-stack.ts, hybrid.ts), and the
 * packet walk (./trace.ts) evaluates exactly these.
 */
import { parseCidr } from "../net/cidr.js";
import type { RoutingInput, TierAccessInput, VpcPlan, VpcRoute } from "./plan.js";

/**
 * One rule of a network ACL, as AWS evaluates it: lowest `ruleNo` first, the first rule matching the packet
 * decides; no rule matching: denied ("Network ACL rules",
 * https://docs.aws.amazon.com/vpc/latest/userguide/nacl-rules.html). `protocol` `-1` is every protocol (ports
 * then do not apply; written as 0-0, as Terraform's `aws_network_acl` expects).
 */
export interface NetworkAclRule {
  readonly ruleNo: number;
  readonly action: "allow" | "deny";
  readonly protocol: "-1" | "tcp" | "udp";
  /** Source CIDR of an inbound rule, destination CIDR of an outbound rule. */
  readonly cidr: string;
  readonly fromPort: number;
  readonly toPort: number;
}

/** The network ACL of one subnet tier (every AZ's subnet of the tier): inbound and outbound rules. */
export interface NetworkAclPlan {
  readonly ingress: readonly NetworkAclRule[];
  readonly egress: readonly NetworkAclRule[];
}

/** On-prem CIDRs a tier routes to the TGW: all of them, none, or the listed ones. */
export function tierOnPremisesCidrs(access: TierAccessInput, onPremisesCidrs: readonly string[]): readonly string[] {
  if (access === "all") return onPremisesCidrs;
  if (access === "none") return [];
  return access;
}

/** The segment whose environments are centrally inspected, if any (the validator allows only one). */
export function centralSegment(input: RoutingInput): "prod" | "nonprod" | undefined {
  if (!input.inspection) return undefined;
  const segment = input.environments.find((e) => e.inspection === "central")?.segment;
  return segment === "shared" ? undefined : segment;
}

/**
 * The VPC CIDRs `env`'s privateApp tier routes to the transit gateway for the shared-services segment: for a prod
 * or nonprod VPC, every shared-services VPC; for a shared-services VPC, every other workload VPC (prod, nonprod and
 * shared: it serves them all, and its replies need the way back). Empty without a shared-services environment.
 * prod and nonprod VPCs get no route to each other: the TGW tables would drop the packet anyway, and the VPC route
 * table says the same.
 */
export function sharedServicesDestinations(input: RoutingInput, env: RoutingInput["environments"][number]): string[] {
  return input.environments
    .filter((e) => e.name !== env.name && (env.segment === "shared" || e.segment === "shared"))
    .map((e) => e.vpc.cidr);
}

const contains = (cidr: string, ip: bigint) => {
  const c = parseCidr(cidr);
  return c.first <= ip && ip <= c.last;
};

/**
 * Whether inbound rules `acl` admit a packet from `source` whatever its protocol and port: the first rule (by
 * `ruleNo`) of protocol `-1` whose CIDR holds the source decides; rules for one protocol (TCP return ports) are
 * skipped, so a UDP packet is judged like any other. No such rule: denied (the implicit deny).
 */
export function networkAclAdmits(rules: readonly NetworkAclRule[], source: bigint): boolean {
  const ordered = [...rules].sort((a, b) => a.ruleNo - b.ruleNo);
  const rule = ordered.find((r) => r.protocol === "-1" && contains(r.cidr, source));
  return rule?.action === "allow";
}

/**
 * Rules of the data-tier network ACL. Network ACLs are stateless
 * (https://docs.aws.amazon.com/vpc/latest/userguide/vpc-network-acls.html), so return traffic is allowed
 * explicitly. Inbound: everything from the app-tier subnets (rules 100+) and from the data-tier subnets
 * themselves (200+: replication between database and cache nodes), and TCP ephemeral ports from the VPC (300:
 * replies to connections the data tier opened). Outbound: the VPC only (100). Everything else, on-prem included,
 * hits the implicit deny, except the `onPremisesCidrs` admitted in and out (rules 400+).
 */
export function dataTierAclRules(
  vpcCidr: string,
  appCidrs: readonly string[],
  dataCidrs: readonly string[],
  onPremisesCidrs: readonly string[] = [],
): NetworkAclPlan {
  const allowAll = (ruleNo: number, cidr: string): NetworkAclRule => ({
    ruleNo,
    action: "allow",
    protocol: "-1",
    cidr,
    fromPort: 0,
    toPort: 0,
  });
  return {
    ingress: [
      ...appCidrs.map((c, i) => allowAll(100 + i, c)),
      ...dataCidrs.map((c, i) => allowAll(200 + i, c)),
      { ruleNo: 300, action: "allow", protocol: "tcp", cidr: vpcCidr, fromPort: 1024, toPort: 65535 },
      ...onPremisesCidrs.map((c, i) => allowAll(400 + i, c)),
    ],
    egress: [allowAll(100, vpcCidr), ...onPremisesCidrs.map((c, i) => allowAll(400 + i, c))],
  };
}

/**
 * Routes of a workload VPC, per tier and AZ. public: local + 0.0.0.0/0 → IGW (per-vpc: → the AZ's firewall
 * endpoint). privateApp: local, the on-prem CIDRs it may reach → TGW, 0.0.0.0/0 → the AZ's NAT gateway (or → TGW
 * when centrally inspected: egress through the inspection VPC, the VPC has no NAT gateway; "Centralized egress to
 * internet", https://docs.aws.amazon.com/whitepapers/latest/building-scalable-secure-multi-vpc-network-infrastructure/centralized-egress-to-internet.html).
 * privateData: local, its on-prem CIDRs → TGW. transit: local only. Per-vpc also: firewall: local + 0.0.0.0/0 →
 * IGW, and the IGW edge route table: each public subnet CIDR → that AZ's firewall endpoint. Gateway endpoints (S3,
 * DynamoDB) are associated with the privateApp route tables only: the data tier's network ACL admits only the VPC
 * and its on-prem CIDRs, and a network ACL cannot name a prefix list, so S3 and DynamoDB traffic from the data tier
 * is denied whatever its route ("Gateway endpoints for Amazon S3", considerations,
 * https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-s3.html); the public tier reaches them through
 * the internet gateway, and the transit tier holds only the transit gateway's interfaces. `natGateways: none`
 * without central inspection (which the config rejects) leaves privateApp without a default route. Throws `Error`
 * for per-vpc without firewall subnets (stage-3 invariant).
 */
export function planWorkloadVpc(input: RoutingInput, env: RoutingInput["environments"][number]): VpcPlan {
  const natGateways = env.vpc.natGateways ?? "one-per-az";
  const central = env.inspection === "central" && centralSegment(input) !== undefined;
  const perVpc = env.inspection === "per-vpc";
  if (perVpc && !env.vpc.subnets.firewall) throw new Error(`routing plan: ${env.name} uses per-vpc inspection but has no firewall subnets`);
  const azs = Array.from({ length: env.vpc.azCount }, (_, i) => i);
  const local: VpcRoute = { destination: env.vpc.cidr, target: { kind: "local" } };
  const tgw = (cidrs: readonly string[]): VpcRoute[] => cidrs.map((destination) => ({ destination, target: { kind: "transit-gateway" } }));
  const app = tierOnPremisesCidrs(env.onPremisesAccess.privateApp, input.onPremisesCidrs);
  const data = tierOnPremisesCidrs(env.onPremisesAccess.privateData, input.onPremisesCidrs);
  return {
    name: env.name,
    cidr: env.vpc.cidr,
    segment: env.segment,
    azCount: env.vpc.azCount,
    subnets: env.vpc.subnets,
    routeTables: {
      public: azs.map((az) => [
        local,
        { destination: "0.0.0.0/0", target: perVpc ? { kind: "firewall-endpoint", az } : { kind: "internet-gateway" } },
      ]),
      privateApp: azs.map((az) => [
        local,
        ...tgw(app),
        ...tgw(sharedServicesDestinations(input, env)),
        ...(central
          ? [{ destination: "0.0.0.0/0", target: { kind: "transit-gateway" } } as const]
          : natGateways === "none"
            ? []
            : [{ destination: "0.0.0.0/0", target: { kind: "nat-gateway", az: natGateways === "single" ? 0 : az } } as const]),
      ]),
      privateData: azs.map(() => [local, ...tgw(data)]),
      transit: azs.map(() => [local]),
      ...(perVpc
        ? { firewall: azs.map((): VpcRoute[] => [local, { destination: "0.0.0.0/0", target: { kind: "internet-gateway" } }]) }
        : {}),
    },
    networkAcls: {
      privateData: dataTierAclRules(
        env.vpc.cidr,
        env.vpc.subnets.privateApp.slice(0, env.vpc.azCount),
        env.vpc.subnets.privateData.slice(0, env.vpc.azCount),
        data,
      ),
    },
    ...((env.vpc.gatewayEndpoints ?? []).length > 0
      ? {
          gatewayEndpoints: (env.vpc.gatewayEndpoints ?? []).map((service) => ({
            service,
            routeTables: azs.map((az) => ({ tier: "privateApp" as const, az })),
          })),
        }
      : {}),
    ...(perVpc
      ? {
          gatewayRoutes: azs.map(
            (az): VpcRoute => ({ destination: env.vpc.subnets.public[az]!, target: { kind: "firewall-endpoint", az } }),
          ),
        }
      : {}),
  };
}

/**
 * Routes of the central inspection VPC, per AZ: TGW subnets → the AZ's firewall endpoint; firewall subnets →
 * TGW for private destinations (inspected VPCs and on-prem), NAT gateway for the internet; public subnets →
 * IGW, and back to the AZ's firewall endpoint for the inspected VPCs (so return traffic is inspected in the
 * same AZ: symmetric flows). The shared-services VPCs count among the private destinations: the inspected
 * segment's traffic with them crosses the firewall.
 */
export function planInspectionVpc(input: RoutingInput): VpcPlan | undefined {
  const insp = input.inspection;
  if (!insp || !centralSegment(input)) return undefined;
  const inspected = input.environments.filter((e) => e.inspection === "central").map((e) => e.vpc.cidr);
  const shared = input.environments.filter((e) => e.segment === "shared").map((e) => e.vpc.cidr);
  const privateDestinations = [...inspected, ...shared, ...input.onPremisesCidrs];
  const local: VpcRoute = { destination: insp.vpcCidr, target: { kind: "local" } };
  const azs = Array.from({ length: insp.azCount }, (_, i) => i);
  return {
    name: "inspection",
    cidr: insp.vpcCidr,
    azCount: insp.azCount,
    subnets: { transitGateway: insp.subnets.transitGateway, firewall: insp.subnets.firewall, public: insp.subnets.public },
    routeTables: {
      transitGateway: azs.map((az) => [local, { destination: "0.0.0.0/0", target: { kind: "firewall-endpoint", az } }]),
      firewall: azs.map((az) => [
        local,
        ...privateDestinations.map((destination): VpcRoute => ({ destination, target: { kind: "transit-gateway" } })),
        { destination: "0.0.0.0/0", target: { kind: "nat-gateway", az } },
      ]),
      public: azs.map((az) => [
        local,
        ...inspected.map((destination): VpcRoute => ({ destination, target: { kind: "firewall-endpoint", az } })),
        { destination: "0.0.0.0/0", target: { kind: "internet-gateway" } },
      ]),
    },
    networkAcls: {},
  };
}
