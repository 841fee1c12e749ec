/**
 * The packet walk of the routing verifier: follows a packet hop by hop through a {@link RoutingPlan}, in the normal
 * state or under injected failures (./verify.ts checks routing intents against the result). Pure: no AWS calls, no
 * I/O. {@link Network.trace} hands the packet from hop to hop; each kind of hop is one method: the internet
 * gateway (ingress), the on-prem router (Direct Connect or VPN), a transit gateway route table (and the
 * attachment it leads to), and a VPC subnet's route table (local delivery with its network ACL, the transit
 * gateway, the internet gateway, a NAT gateway or a firewall endpoint).
 *
 * Rules it encodes:
 * - VPC route tables: longest prefix match ("Route priority",
 *   https://docs.aws.amazon.com/vpc/latest/userguide/route-tables.html#route-tables-priority).
 * - TGW route tables: longest prefix first; for the same prefix static, then prefix-list, then VPC-, Direct
 *   Connect gateway-, Connect-, private-IP VPN- and VPN-propagated routes ("Route evaluation order",
 *   https://docs.aws.amazon.com/vpc/latest/tgw/how-transit-gateways-work.html#tgw-route-evaluation-overview).
 *   Propagated routes of an attachment that is down are withdrawn; static routes stay (and drop traffic).
 * - AZ affinity: a TGW sends a packet to the destination VPC's ENI in the AZ it came from when it can. With
 *   appliance mode it picks one AZ per flow (a hash of the flow) for both directions
 *   (https://docs.aws.amazon.com/vpc/latest/tgw/transit-gateway-appliance-scenario.html). A stateful firewall
 *   drops a return packet that comes back through another AZ's endpoint: the verifier reports that asymmetry.
 * - On-prem router: longest prefix over the routes learned on Direct Connect (the allowed prefixes) and on the
 *   VPN (the routes of the VPN attachment's TGW table); for the same prefix it prefers Direct Connect, as AWS asks
 *   the customer's device to be configured
 *   (https://aws.amazon.com/premiumsupport/knowledge-center/direct-connect-asymmetric-routing/; see
 *   ./onprem-preference.ts, which refuses allowed prefixes that lose to the VPN's routes).
 * - From the internet: a packet enters through the internet gateway of the VPC holding the destination, and only
 *   public subnets have addresses the internet reaches. The IGW edge route table, when the VPC has one (ingress
 *   routing, https://docs.aws.amazon.com/vpc/latest/userguide/gateway-route-tables.html), decides the next hop
 *   by longest prefix over its routes and the implicit local route; without one the gateway delivers directly.
 */
import { describeInterface, LinkState, linkFailures, type LinkFailure } from "./links.js";
import { Packet, type Endpoint, type Trace } from "./packet.js";
import { AZ_LETTERS, azName, cidrOf, inCidr, ipOf, resolveLocation } from "./locations.js";
import {
  isVpnAttachment,
  networkAclAdmits,
  ROUTE_ORIGINS,
  type AttachmentId,
  type AttachmentPlan,
  type PlanTier,
  type RoutingPlan,
  type TgwTablePlan,
  type VpcPlan,
  type VpcRoute,
  type VpcTarget,
} from "./plan.js";

export { azName, INTERNET_ADDRESS } from "./locations.js";
export type { Endpoint, Hop, Trace, Waypoint } from "./packet.js";

/**
 * Injected failures: an on-prem link ({@link LinkFailure}, ./links.ts) or an AZ. AZ letters are AZ indexes: `a` is
 * the first AZ a VPC uses, `b` the second, `c` the third.
 */
export type Failure = LinkFailure | `az-${"a" | "b" | "c"}-down`;
const MAX_HOPS = 24;

const prefixOf = (cidr: string) => cidrOf(cidr).prefixLength;
/** The route with the longest prefix containing `ip`; first listed wins a tie. */
function longestMatch<T extends { readonly destination: string }>(routes: readonly T[], ip: bigint): T | undefined {
  let best: T | undefined;
  for (const r of routes) if (inCidr(r.destination, ip) && (!best || prefixOf(r.destination) > prefixOf(best.destination))) best = r;
  return best;
}
const describeTarget = (t: VpcRoute["target"]) =>
  t.kind === "nat-gateway" || t.kind === "firewall-endpoint" ? `${t.kind} ${azName(t.az)}` : t.kind;

/**
 * Failures that make sense for `plan`, one at a time: each link failure of ./links.ts (all DX, each transit VIF,
 * each DX location, each VPN connection and tunnel), then each AZ that some VPC uses.
 */
export function applicableFailures(plan: RoutingPlan): Failure[] {
  const azs = Math.max(0, ...plan.vpcs.map((v) => v.azCount));
  return [...linkFailures(plan), ...AZ_LETTERS.slice(0, azs).map((l): Failure => `az-${l}-down`)];
}

/** In the subnet of `vpc`'s `tier` in AZ index `az`. */
type SubnetPosition = { readonly at: "subnet"; readonly vpc: VpcPlan; readonly tier: PlanTier; readonly az: number };
/** In the transit gateway, having entered on `attachment` (from subnets in AZ `az`, when it came from a VPC). */
type TgwPosition = { readonly at: "tgw"; readonly attachment: AttachmentId; readonly az?: number };
/** Where the packet is between two hops: a subnet, the transit gateway, or the on-prem router. */
type Position = SubnetPosition | TgwPosition | { readonly at: "onprem-router" };

/** What a hop does with the packet: hands it on to the `next` position, or `end`s the trace. */
type Step = { readonly next: Position } | { readonly end: Trace };

/** How the walk settles what AWS decides per flow. */
export interface NetworkOptions {
  /**
   * Where the transit gateway picks a VPC attachment's AZ by a hash of the flow (appliance mode, or no ENI up in
   * the AZ the packet came from), it takes the AZ at this index among the attachment's AZs that are up (modulo
   * their number), for both directions of the flow, as appliance mode does. The verifier tries every index, so
   * every AZ the hash could pick is walked. @default the walk hashes the source and destination addresses
   */
  readonly flowAz?: number;
  /**
   * Where a flow could take one of several on-prem links that are up (transit VIFs of the DX gateway; VPN
   * connections tying for a prefix, ECMP), it takes the one at this index among them (modulo their number), both
   * ways. The verifier tries every index. @default 0
   */
  readonly flowLink?: number;
}

/** A route of a TGW table as the table holds it: destination, how it was learned, target. */
export interface TgwRoute {
  readonly destination: string;
  readonly origin: (typeof ROUTE_ORIGINS)[number];
  readonly target: AttachmentId | "blackhole";
}

/** Follows packets through a plan under a set of failures. */
export class Network {
  private readonly down: ReadonlySet<Failure>;
  private readonly links: LinkState;
  /** Effective routes per TGW table (they depend only on the plan and the failures, both fixed). */
  private readonly effective = new Map<TgwTablePlan, TgwRoute[]>();

  constructor(
    readonly plan: RoutingPlan,
    failures: Iterable<Failure> = [],
    private readonly options: NetworkOptions = {},
  ) {
    this.down = new Set(failures);
    this.links = new LinkState(plan, this.down);
  }

  /** True when AZ index `az` is down. */
  azDown(az: number): boolean {
    return this.down.has(`az-${AZ_LETTERS[az]}-down` as Failure);
  }

  /** Whether an attachment can carry traffic: DX while a transit VIF is up; a VPN while a tunnel is up; a VPC attachment while an AZ of it is up. */
  attachmentUp(a: AttachmentPlan): boolean {
    if (a.id === "directconnect" || isVpnAttachment(a.id)) return this.links.onPremAttachmentUp(a.id);
    return a.azs.some((az) => !this.azDown(az));
  }

  /** Of several equal choices (links, ECMP), the one this walk takes: {@link NetworkOptions.flowLink}; marks the flow hashed. */
  private pickLink<T>(p: Packet, choices: readonly T[]): T {
    if (choices.length > 1) p.flowHashed = true;
    return choices[(this.options.flowLink ?? 0) % choices.length]!;
  }

  private attachment(id: AttachmentId): AttachmentPlan | undefined {
    return this.plan.attachments.find((a) => a.id === id);
  }

  private vpc(name: string): VpcPlan | undefined {
    return this.plan.vpcs.find((v) => v.name === name);
  }

  /** The VPC subnet holding `ip`, if any. */
  subnetOf(ip: string): { vpc: VpcPlan; tier: PlanTier; az: number } | undefined {
    const n = ipOf(ip);
    for (const vpc of this.plan.vpcs) {
      if (!inCidr(vpc.cidr, n)) continue;
      for (const [tier, cidrs] of Object.entries(vpc.subnets) as [PlanTier, readonly string[]][]) {
        const az = cidrs.slice(0, vpc.azCount).findIndex((c) => inCidr(c, n));
        if (az >= 0) return { vpc, tier, az };
      }
    }
    return undefined;
  }

  /**
   * Resolves an intent location: `onprem`, `onprem:<ip>`, `internet`, `<env>/<tier>[/<az>]`, or an IP inside a VPC.
   * Without an AZ, the first AZ that is up ({@link resolveLocation} with `everyAz` gives every one). Returns a
   * string when the location is not applicable under the current failures (its AZ is down) or does not exist.
   */
  resolve(location: string): Endpoint | string {
    const all = resolveLocation(this, location, false);
    return typeof all === "string" ? all : all[0]!;
  }

  /** Follows a packet from `from` to address `toIp`, one hop at a time (at most {@link MAX_HOPS}). */
  trace(from: Endpoint, toIp: string): Trace {
    const p = new Packet(from, toIp);
    let step: Step =
      from.kind === "internet"
        ? this.enterFromInternet(p)
        : from.kind === "onprem"
          ? { next: { at: "onprem-router" } }
          : { next: { at: "subnet", vpc: this.vpc(from.vpc)!, tier: from.tier, az: from.az } };
    for (let hop = 0; hop < MAX_HOPS && "next" in step; hop++) step = this.hop(p, step.next);
    return "end" in step ? step.end : p.stop(false, `routing loop: more than ${MAX_HOPS} hops`).end;
  }

  /** One hop from `here`. */
  private hop(p: Packet, here: Position): Step {
    if (here.at === "onprem-router") return this.atOnPremRouter(p);
    if (here.at === "tgw") return this.atTransitGateway(p, here);
    return this.inSubnet(p, here);
  }

  /**
   * Ingress from the internet: through the internet gateway of the VPC holding the destination, which must be in a
   * public subnet; the IGW edge route table (or, without one, the implicit local route) picks the next hop.
   */
  private enterFromInternet(p: Packet): Step {
    const sub = this.subnetOf(p.toIp);
    if (!sub) return p.stop(false, `${p.toIp} is in no VPC subnet, so no internet gateway leads there`);
    const vpc = sub.vpc;
    const at = `internet-gateway ${vpc.name}`;
    const hasIgw = Object.values(vpc.routeTables).some((tables) =>
      tables?.some((t) => t.some((r) => r.target.kind === "internet-gateway")),
    );
    if (!hasIgw) return p.stop(false, `${vpc.name} has no route to an internet gateway`);
    if (sub.tier !== "public") {
      p.hops.push({ at, table: "internet gateway", matched: `${p.toIp} in ${vpc.name}/${sub.tier}`, next: "drop" });
      return p.stop(false, `${p.toIp} is in ${vpc.name}/${sub.tier}; only public subnets have addresses the internet reaches`);
    }
    const edge: readonly VpcRoute[] = [{ destination: vpc.cidr, target: { kind: "local" } }, ...(vpc.gatewayRoutes ?? [])];
    const route = longestMatch(edge, p.dst)!;
    const table = vpc.gatewayRoutes ? "igw edge route table" : "igw (no edge route table)";
    p.hops.push({ at, table, matched: route.destination, next: route.target.kind === "local" ? "deliver" : describeTarget(route.target) });
    const t = route.target;
    if (t.kind === "local") return this.deliver(p, vpc);
    if (t.kind !== "firewall-endpoint")
      return p.stop(
        false,
        `the edge route table of ${vpc.name} sends ${route.destination} to ${describeTarget(t)}, which the verifier does not model`,
      );
    return this.toAzTarget(p, vpc, t);
  }

  /**
   * The on-prem router: delivers on-prem destinations, else picks the longest prefix learned over Direct Connect
   * (the allowed prefixes) or the VPN (its TGW table's routes), Direct Connect first for the same prefix.
   */
  private atOnPremRouter(p: Packet): Step {
    if (this.plan.onPremisesCidrs.some((c) => inCidr(c, p.dst))) return p.stop(true);
    const dx = this.attachment("directconnect");
    const candidates: { destination: string; via: AttachmentId }[] = [];
    if (dx && this.attachmentUp(dx))
      candidates.push(...this.plan.directConnectAdvertises.map((destination) => ({ destination, via: "directconnect" as const })));
    for (const vpn of this.links.links.vpns) {
      const a = this.attachment(vpn.attachment);
      if (a && this.attachmentUp(a))
        candidates.push(...this.tableRoutes(vpn.attachment).map((r) => ({ destination: r.destination, via: vpn.attachment })));
    }
    const longest = longestMatch(candidates, p.dst);
    // Direct Connect first for the same prefix; VPN connections tying for it are equal (ECMP on-prem).
    const tied = candidates.filter((c) => longest && c.destination === longest.destination && isVpnAttachment(c.via));
    const best = longest?.via === "directconnect" || tied.length < 2 ? longest : this.pickLink(p, tied);
    if (!best) {
      p.hops.push({ at: "on-prem router", table: "BGP (DX, VPN)", matched: "no route", next: "drop" });
      return p.stop(false, `the on-prem router learns no route to ${p.toIp} over Direct Connect or the VPN`);
    }
    p.hops.push({
      at: "on-prem router",
      table: "BGP (DX, VPN)",
      matched: `${best.destination} via ${best.via}${best.via === "directconnect" ? " (DX preferred)" : ""}`,
      next: best.via,
    });
    this.crossLink(p, best.via, "tgw");
    return { next: { at: "tgw", attachment: best.via } };
  }

  /**
   * Crosses the on-prem link of attachment `via` (either way): the `directconnect` or `vpn` waypoint, and, where
   * the config names its links, a hop naming the transit VIF or VPN connection and tunnel taken.
   */
  private crossLink(p: Packet, via: AttachmentId, next: "tgw" | "on-prem"): void {
    if (via === "directconnect") {
      p.waypoints.add("directconnect");
      const vifs = this.links.interfacesUp();
      if (vifs.some((v) => v.link)) {
        const vif = this.pickLink(p, vifs);
        p.hops.push({ at: "direct connect", table: "transit VIFs up (BGP, ECMP)", matched: describeInterface(vif), next });
      }
      return;
    }
    p.waypoints.add("vpn");
    const link = this.links.links.vpns.find((v) => v.attachment === via)?.link;
    const tunnel = this.links.tunnelsUp(via)[0] ?? 1;
    if (link) p.hops.push({ at: `vpn ${link}`, table: "tunnels", matched: `tunnel ${tunnel}`, next });
  }

  /**
   * The transit gateway: the route table associated with the attachment the packet entered on picks the route
   * ({@link selectTgwRoute}); the packet leaves to on-prem ({@link leaveToOnPrem}) or into a VPC
   * ({@link enterVpcAttachment}), unless the route blackholes it or its attachment is down.
   */
  private atTransitGateway(p: Packet, here: TgwPosition): Step {
    const entered: AttachmentId = here.attachment;
    const table = this.plan.tables.find((t) => t.associations.includes(entered));
    if (!table) return p.stop(false, `${entered} is associated with no TGW route table`);
    let route = this.selectTgwRoute(table, p.dst);
    // VPN ECMP: VPN connections propagating the same prefix share the flows (vpn_ecmp_support on the hub's TGW).
    const ecmp = this.effectiveTgwRoutes(table).filter(
      (r) =>
        route &&
        isVpnAttachment(r.target) &&
        isVpnAttachment(route.target) &&
        r.destination === route.destination &&
        r.origin === route.origin,
    );
    if (ecmp.length > 1) route = this.pickLink(p, ecmp);
    if (!route) {
      p.hops.push({ at: `tgw ← ${here.attachment}`, table: `tgw ${table.name}`, matched: "no route", next: "drop" });
      return p.stop(false, `TGW table ${table.name} has no route to ${p.toIp}`);
    }
    const matched = `${route.destination} (${route.origin})`;
    if (route.target === "blackhole") {
      p.hops.push({ at: `tgw ← ${here.attachment}`, table: `tgw ${table.name}`, matched, next: "blackhole" });
      return p.stop(false, `TGW table ${table.name} blackholes ${route.destination}`);
    }
    const target = this.attachment(route.target)!;
    p.hops.push({ at: `tgw ← ${here.attachment}`, table: `tgw ${table.name}`, matched, next: route.target });
    if (!this.attachmentUp(target))
      return p.stop(
        false,
        `TGW table ${table.name} sends ${route.destination} to ${route.target}, which is down (a static route is not withdrawn)`,
      );
    if (target.id === "directconnect" || isVpnAttachment(target.id)) return this.leaveToOnPrem(p, target.id);
    return this.enterVpcAttachment(p, target, here.az);
  }

  /** Out of the transit gateway over Direct Connect or a VPN connection (through its first tunnel that is up) to on-prem. */
  private leaveToOnPrem(p: Packet, via: AttachmentId): Step {
    this.crossLink(p, via, "on-prem");
    if (via === "vpn" && !this.links.links.vpns[0]?.link)
      p.hops.push({ at: "vpn", table: "tunnels", matched: `tunnel ${this.links.tunnelsUp(via)[0] ?? 1}`, next: "on-prem" });
    if (!this.plan.onPremisesCidrs.some((c) => inCidr(c, p.dst))) return p.stop(false, `${p.toIp} is not on-prem, but ${via} leads there`);
    return p.stop(true);
  }

  /**
   * Out of the transit gateway into a VPC attachment's subnet: in the AZ the packet came from when that AZ is up
   * there, else (and always with appliance mode) in an AZ picked by a hash of the flow.
   */
  private enterVpcAttachment(p: Packet, target: AttachmentPlan, fromAz: number | undefined): Step {
    const vpc = this.vpc(target.id.slice("vpc:".length))!;
    const up = target.azs.filter((az) => !this.azDown(az));
    const hashed = target.applianceMode || fromAz === undefined || !up.includes(fromAz);
    if (hashed) p.flowHashed = true;
    const pick = this.options.flowAz ?? Number((p.src ^ p.dst) % BigInt(up.length));
    const az: number = hashed ? up[pick % up.length]! : fromAz;
    return { next: { at: "subnet", vpc, tier: vpc.name === "inspection" ? "transitGateway" : "transit", az } };
  }

  /**
   * A VPC subnet: its route table (longest prefix) sends the packet to local delivery, the transit gateway, the
   * internet gateway, or the NAT gateway or firewall endpoint of an AZ.
   */
  private inSubnet(p: Packet, here: SubnetPosition): Step {
    const { vpc, tier, az } = here;
    const table: readonly VpcRoute[] = vpc.routeTables[tier]?.[az] ?? [];
    const route: VpcRoute | undefined = longestMatch(table, p.dst);
    const where = `${vpc.name}/${tier}/${azName(az)}`;
    if (!route) {
      p.hops.push({ at: where, table: "vpc route table", matched: "no route", next: "drop" });
      return p.stop(false, `the route table of ${where} has no route to ${p.toIp}`);
    }
    const t: VpcRoute["target"] = route.target;
    p.hops.push({
      at: where,
      table: "vpc route table",
      matched: route.destination,
      next: t.kind === "local" ? "deliver" : describeTarget(t),
    });
    if (t.kind === "local") return this.deliver(p, vpc);
    if (t.kind === "transit-gateway") return this.toTransitGateway(p, vpc, az);
    if (t.kind === "internet-gateway") return this.exitToInternet(p);
    return this.toAzTarget(p, vpc, t);
  }

  /**
   * From a subnet in AZ `az` into the transit gateway: only through the VPC attachment's ENI in the same AZ ("traffic
   * is forwarded to the transit gateway only when the transit gateway has an attachment in a subnet in the same
   * Availability Zone", https://docs.aws.amazon.com/vpc/latest/tgw/tgw-vpc-attachments.html).
   */
  private toTransitGateway(p: Packet, vpc: VpcPlan, az: number): Step {
    const id: AttachmentId = `vpc:${vpc.name}`;
    const attachment = this.attachment(id);
    if (!attachment?.azs.includes(az))
      return p.stop(false, `${id} has no ENI in ${azName(az)}, so traffic from ${azName(az)} cannot reach the transit gateway`);
    return { next: { at: "tgw", attachment: id, az } };
  }

  /** Delivery inside `vpc` by its local route: the destination subnet must be up and its network ACL admit the source. */
  private deliver(p: Packet, vpc: VpcPlan): Step {
    const sub = this.subnetOf(p.toIp);
    if (!sub || sub.vpc !== vpc) return p.stop(false, `${p.toIp} is in no subnet of ${vpc.name}`);
    if (this.azDown(sub.az)) return p.stop(false, `${p.toIp} is in ${azName(sub.az)}, which is down`);
    const acl = vpc.networkAcls[sub.tier];
    if (acl && !networkAclAdmits(acl.ingress, p.src)) {
      p.hops.push({
        at: `${vpc.name}/${sub.tier}/${azName(sub.az)}`,
        table: "network ACL",
        matched: `${p.from.ip} not admitted`,
        next: "drop",
      });
      return p.stop(false, `the network ACL of ${vpc.name}/${sub.tier} does not admit ${p.from.ip}`);
    }
    return p.stop(true);
  }

  /** Egress through the internet gateway: reached, unless the destination is a private address. */
  private exitToInternet(p: Packet): Step {
    if (this.isPrivate(p.dst)) return p.stop(false, `${p.toIp} is a private address: it is not routable on the internet`);
    return p.stop(true);
  }

  /**
   * Into the NAT gateway or firewall endpoint of an AZ, which must be up: the NAT gateway sits in that AZ's public
   * subnet; a firewall endpoint in its firewall subnet, and crossing it counts as inspection in that AZ.
   */
  private toAzTarget(p: Packet, vpc: VpcPlan, t: Extract<VpcTarget, { readonly az: number }>): Step {
    if (this.azDown(t.az)) return p.stop(false, `${describeTarget(t)} is down`);
    if (t.kind === "nat-gateway") {
      p.natGateway = { vpc: vpc.name, az: t.az };
      return { next: { at: "subnet", vpc, tier: "public", az: t.az } };
    }
    p.waypoints.add("inspection");
    p.firewallAzs.push(t.az);
    p.firewallEndpoints.push(`${vpc.name} ${azName(t.az)}`);
    return { next: { at: "subnet", vpc, tier: "firewall", az: t.az } };
  }

  /** Whether `ip` is private: RFC 1918, shared address space (RFC 6598), a VPC of the plan, or on-prem. */
  private isPrivate(ip: bigint): boolean {
    return (
      ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10"].some((c) => inCidr(c, ip)) ||
      this.plan.vpcs.some((v) => inCidr(v.cidr, ip)) ||
      this.plan.onPremisesCidrs.some((c) => inCidr(c, ip))
    );
  }

  /** Effective routes of a TGW table: static routes and routes propagated by attachments that are up. */
  effectiveTgwRoutes(table: TgwTablePlan): readonly TgwRoute[] {
    let routes = this.effective.get(table);
    if (!routes) {
      routes = this.computeEffectiveTgwRoutes(table);
      this.effective.set(table, routes);
    }
    return routes;
  }

  private computeEffectiveTgwRoutes(table: TgwTablePlan): TgwRoute[] {
    const propagated = table.propagations.flatMap((id) => {
      const a = this.attachment(id);
      return a && this.attachmentUp(a) ? a.propagates.map((destination) => ({ destination, origin: a.origin, target: a.id })) : [];
    });
    return [...table.staticRoutes.map((r) => ({ destination: r.destination, origin: "static" as const, target: r.target })), ...propagated];
  }

  /** The route a TGW table uses for `dst`: longest prefix, then {@link ROUTE_ORIGINS} order. */
  selectTgwRoute(table: TgwTablePlan, dst: bigint) {
    const matching = this.effectiveTgwRoutes(table).filter((r) => inCidr(r.destination, dst));
    matching.sort(
      (a, b) => prefixOf(b.destination) - prefixOf(a.destination) || ROUTE_ORIGINS.indexOf(a.origin) - ROUTE_ORIGINS.indexOf(b.origin),
    );
    return matching[0];
  }

  /** Routes of the table associated with `attachment` (what the TGW advertises to a VPN peer over BGP). */
  private tableRoutes(attachment: AttachmentId) {
    const table = this.plan.tables.find((t) => t.associations.includes(attachment));
    return table ? this.effectiveTgwRoutes(table).filter((r) => r.target !== "blackhole") : [];
  }
}
