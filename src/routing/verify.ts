/**
 * The routing verifier: follows a packet hop by hop through a {@link RoutingPlan}, in the normal state or under
 * injected failures, and checks routing intents against the result. Pure: no AWS calls, no I/O.
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
 *   VPN (the routes of the VPN attachment's TGW table); for the same prefix it prefers Direct Connect, which is
 *   the customer-side rule the README asks for (local preference or AS-path prepending on the VPN).
 * - From the internet: a packet enters through the internet gateway of the VPC holding the destination, and only
 *   public subnets have addresses the internet reaches. The IGW edge route table, when the VPC has one (ingress
 *   routing, https://docs.aws.amazon.com/vpc/latest/userguide/gateway-route-tables.html), decides the next hop
 *   by longest prefix over its routes and the implicit local route; without one the gateway delivers directly.
 */
import { parseCidr } from "../net/cidr.js";
import {
  ROUTE_ORIGINS,
  type AttachmentId,
  type AttachmentPlan,
  type PlanTier,
  type RoutingPlan,
  type TgwTablePlan,
  type VpcPlan,
  type VpcRoute,
} from "./plan.js";

/** Injected failures. AZ letters are AZ indexes: `a` is the first AZ a VPC uses, `b` the second, `c` the third. */
export type Failure = "directconnect-down" | "vpn-tunnel-1-down" | "vpn-tunnel-2-down" | `az-${"a" | "b" | "c"}-down`;
/** A path waypoint an intent can require. */
export type Waypoint = "directconnect" | "vpn" | "inspection";
/** What an intent expects in one scenario. */
export type Expectation = "denied" | { readonly via: Waypoint | readonly Waypoint[] };

/** A routing intent (see `routing.intents` in shared.yaml). */
export interface Intent {
  readonly name: string;
  readonly from: string;
  readonly to: string;
  readonly expect: Expectation;
  /** Expectation per failure, where it differs from `expect`. */
  readonly failures: Readonly<Partial<Record<string, Expectation>>>;
}

/** Where a packet starts or ends. */
export type Endpoint =
  | { readonly kind: "onprem"; readonly ip: string }
  | { readonly kind: "internet"; readonly ip: string }
  | { readonly kind: "subnet"; readonly vpc: string; readonly tier: PlanTier; readonly az: number; readonly ip: string };

/** One hop: where the packet is, the table consulted, the route that matched, where it goes next. */
export interface Hop {
  readonly at: string;
  readonly table: string;
  readonly matched: string;
  readonly next: string;
}

/** A packet's path in one direction. */
export interface Trace {
  readonly reached: boolean;
  readonly hops: readonly Hop[];
  /** Why the packet was dropped (when not reached). */
  readonly dropped?: string;
  readonly waypoints: readonly Waypoint[];
  /** AZ index of each firewall endpoint crossed, in order. */
  readonly firewallAzs: readonly number[];
}

/** A representative public address for the `internet` location (TEST-NET-2, RFC 5737). */
export const INTERNET_ADDRESS = "198.51.100.10";
const AZ_LETTERS = ["a", "b", "c"] as const;
const MAX_HOPS = 24;

const ipOf = (ip: string) => parseCidr(`${ip}/32`).first;
const inCidr = (cidr: string, ip: bigint) => {
  const c = parseCidr(cidr);
  return c.first <= ip && ip <= c.last;
};
const prefixOf = (cidr: string) => parseCidr(cidr).prefixLength;
/** The route with the longest prefix containing `ip`; first listed wins a tie. */
function longestMatch<T extends { readonly destination: string }>(routes: readonly T[], ip: bigint): T | undefined {
  let best: T | undefined;
  for (const r of routes) if (inCidr(r.destination, ip) && (!best || prefixOf(r.destination) > prefixOf(best.destination))) best = r;
  return best;
}
/** A host address inside a subnet: the first after the four AWS reserves. */
function hostIn(cidr: string): string {
  const c = parseCidr(cidr);
  const n = c.first + (c.last - c.first > 8n ? 4n : 0n);
  return [24n, 16n, 8n, 0n].map((s) => String((n >> s) & 255n)).join(".");
}
const azName = (az: number) => `az-${AZ_LETTERS[az] ?? az}`;
const describeTarget = (t: VpcRoute["target"]) =>
  t.kind === "nat-gateway" || t.kind === "firewall-endpoint" ? `${t.kind} ${azName(t.az)}` : t.kind;

/** Failures that make sense for `plan`: DX down, each VPN tunnel down, each AZ that some VPC uses down. */
export function applicableFailures(plan: RoutingPlan): Failure[] {
  const has = (id: AttachmentId) => plan.attachments.some((a) => a.id === id);
  const azs = Math.max(0, ...plan.vpcs.map((v) => v.azCount));
  return [
    ...(has("directconnect") ? (["directconnect-down"] as const) : []),
    ...(has("vpn") ? (["vpn-tunnel-1-down", "vpn-tunnel-2-down"] as const) : []),
    ...AZ_LETTERS.slice(0, azs).map((l): Failure => `az-${l}-down`),
  ];
}

/** Follows packets through a plan under a set of failures. */
export class Network {
  private readonly down: ReadonlySet<Failure>;

  constructor(
    readonly plan: RoutingPlan,
    failures: Iterable<Failure> = [],
  ) {
    this.down = new Set(failures);
  }

  /** True when AZ index `az` is down. */
  azDown(az: number): boolean {
    return this.down.has(`az-${AZ_LETTERS[az]}-down` as Failure);
  }

  /** Whether an attachment can carry traffic: DX unless `directconnect-down`; VPN while a tunnel is up; a VPC attachment while an AZ of it is up. */
  attachmentUp(a: AttachmentPlan): boolean {
    if (a.id === "directconnect") return !this.down.has("directconnect-down");
    if (a.id === "vpn") return !(this.down.has("vpn-tunnel-1-down") && this.down.has("vpn-tunnel-2-down"));
    return a.azs.some((az) => !this.azDown(az));
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
   * Without an AZ, the first AZ that is up. Returns a string when the location is not applicable under the
   * current failures (its AZ is down) or does not exist.
   */
  resolve(location: string): Endpoint | string {
    if (location === "internet") return { kind: "internet", ip: INTERNET_ADDRESS };
    if (location === "onprem") {
      const first = this.plan.onPremisesCidrs[0];
      return first ? { kind: "onprem", ip: hostIn(first) } : "no on-prem CIDRs";
    }
    if (location.startsWith("onprem:")) return { kind: "onprem", ip: location.slice("onprem:".length) };
    const m = /^([a-z][a-z0-9-]*)\/(public|privateApp|privateData)(?:\/([abc]))?$/.exec(location);
    if (m) {
      const vpc = this.vpc(m[1]!);
      if (!vpc) return `no environment ${m[1]}`;
      const tier = m[2] as PlanTier;
      const az = m[3] ? AZ_LETTERS.indexOf(m[3] as "a") : vpc.subnets[tier]!.slice(0, vpc.azCount).findIndex((_, i) => !this.azDown(i));
      if (az < 0 || az >= vpc.azCount) return `${location}: no such AZ, or every AZ is down`;
      if (this.azDown(az)) return `${location} is in ${azName(az)}, which is down`;
      return { kind: "subnet", vpc: vpc.name, tier, az, ip: hostIn(vpc.subnets[tier]![az]!) };
    }
    const at = this.subnetOf(location);
    if (at)
      return this.azDown(at.az)
        ? `${location} is in ${azName(at.az)}, which is down`
        : { kind: "subnet", vpc: at.vpc.name, tier: at.tier, az: at.az, ip: location };
    if (this.plan.onPremisesCidrs.some((c) => inCidr(c, ipOf(location)))) return { kind: "onprem", ip: location };
    return `${location} is in no VPC subnet and no on-prem range`;
  }

  /** Follows a packet from `from` to address `toIp`. */
  trace(from: Endpoint, toIp: string): Trace {
    const hops: Hop[] = [];
    const waypoints = new Set<Waypoint>();
    const firewallAzs: number[] = [];
    const src = ipOf(from.ip);
    const dst = ipOf(toIp);
    const done = (reached: boolean, dropped?: string): Trace => ({
      reached,
      hops,
      waypoints: [...waypoints],
      firewallAzs,
      ...(dropped ? { dropped } : {}),
    });
    const isPrivate = (ip: bigint) =>
      ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10"].some((c) => inCidr(c, ip)) ||
      this.plan.vpcs.some((v) => inCidr(v.cidr, ip)) ||
      this.plan.onPremisesCidrs.some((c) => inCidr(c, ip));

    /** Delivery inside `vpc` by its local route: the destination subnet must be up and its network ACL admit the source. */
    const deliver = (vpc: VpcPlan): Trace => {
      const sub = this.subnetOf(toIp);
      if (!sub || sub.vpc !== vpc) return done(false, `${toIp} is in no subnet of ${vpc.name}`);
      if (this.azDown(sub.az)) return done(false, `${toIp} is in ${azName(sub.az)}, which is down`);
      const admits = vpc.networkAclAdmits[sub.tier];
      if (admits && !admits.some((c) => inCidr(c, src))) {
        hops.push({
          at: `${vpc.name}/${sub.tier}/${azName(sub.az)}`,
          table: "network ACL",
          matched: `${from.ip} not admitted`,
          next: "drop",
        });
        return done(false, `the network ACL of ${vpc.name}/${sub.tier} does not admit ${from.ip}`);
      }
      return done(true);
    };

    type Position =
      | { at: "subnet"; vpc: VpcPlan; tier: PlanTier; az: number }
      | { at: "tgw"; attachment: AttachmentId; az?: number }
      | { at: "onprem-router" };
    let pos: Position;
    if (from.kind === "internet") {
      // Ingress: through the internet gateway of the VPC holding the destination.
      const sub = this.subnetOf(toIp);
      if (!sub) return done(false, `${toIp} is in no VPC subnet, so no internet gateway leads there`);
      const vpc = sub.vpc;
      const at = `internet-gateway ${vpc.name}`;
      const hasIgw = Object.values(vpc.routeTables).some((tables) =>
        tables?.some((t) => t.some((r) => r.target.kind === "internet-gateway")),
      );
      if (!hasIgw) return done(false, `${vpc.name} has no route to an internet gateway`);
      if (sub.tier !== "public") {
        hops.push({ at, table: "internet gateway", matched: `${toIp} in ${vpc.name}/${sub.tier}`, next: "drop" });
        return done(false, `${toIp} is in ${vpc.name}/${sub.tier}; only public subnets have addresses the internet reaches`);
      }
      const edge: readonly VpcRoute[] = [{ destination: vpc.cidr, target: { kind: "local" } }, ...(vpc.gatewayRoutes ?? [])];
      const route = longestMatch(edge, dst)!;
      const table = vpc.gatewayRoutes ? "igw edge route table" : "igw (no edge route table)";
      hops.push({ at, table, matched: route.destination, next: route.target.kind === "local" ? "deliver" : describeTarget(route.target) });
      const t = route.target;
      if (t.kind === "local") return deliver(vpc);
      if (t.kind !== "firewall-endpoint")
        return done(
          false,
          `the edge route table of ${vpc.name} sends ${route.destination} to ${describeTarget(t)}, which the verifier does not model`,
        );
      if (this.azDown(t.az)) return done(false, `${describeTarget(t)} is down`);
      waypoints.add("inspection");
      firewallAzs.push(t.az);
      pos = { at: "subnet", vpc, tier: "firewall", az: t.az };
    } else if (from.kind === "onprem") pos = { at: "onprem-router" };
    else pos = { at: "subnet", vpc: this.vpc(from.vpc)!, tier: from.tier, az: from.az };

    for (let step = 0; step < MAX_HOPS; step++) {
      const here: Position = pos;
      if (here.at === "onprem-router") {
        if (this.plan.onPremisesCidrs.some((c) => inCidr(c, dst))) return done(true);
        const dx = this.attachment("directconnect");
        const vpn = this.attachment("vpn");
        const candidates: { destination: string; via: "directconnect" | "vpn" }[] = [];
        if (dx && this.attachmentUp(dx))
          candidates.push(...this.plan.directConnectAdvertises.map((destination) => ({ destination, via: "directconnect" as const })));
        if (vpn && this.attachmentUp(vpn))
          candidates.push(...this.tableRoutes("vpn").map((r) => ({ destination: r.destination, via: "vpn" as const })));
        const best = longestMatch(candidates, dst);
        if (!best) {
          hops.push({ at: "on-prem router", table: "BGP (DX, VPN)", matched: "no route", next: "drop" });
          return done(false, `the on-prem router learns no route to ${toIp} over Direct Connect or the VPN`);
        }
        hops.push({
          at: "on-prem router",
          table: "BGP (DX, VPN)",
          matched: `${best.destination} via ${best.via}${best.via === "directconnect" ? " (DX preferred)" : ""}`,
          next: best.via,
        });
        waypoints.add(best.via);
        pos = { at: "tgw", attachment: best.via };
        continue;
      }
      if (here.at === "tgw") {
        const entered: AttachmentId = here.attachment;
        const table = this.plan.tables.find((t) => t.associations.includes(entered));
        if (!table) return done(false, `${entered} is associated with no TGW route table`);
        const route = this.selectTgwRoute(table, dst);
        if (!route) {
          hops.push({ at: `tgw ← ${here.attachment}`, table: `tgw ${table.name}`, matched: "no route", next: "drop" });
          return done(false, `TGW table ${table.name} has no route to ${toIp}`);
        }
        const matched = `${route.destination} (${route.origin})`;
        if (route.target === "blackhole") {
          hops.push({ at: `tgw ← ${here.attachment}`, table: `tgw ${table.name}`, matched, next: "blackhole" });
          return done(false, `TGW table ${table.name} blackholes ${route.destination}`);
        }
        const target = this.attachment(route.target)!;
        hops.push({ at: `tgw ← ${here.attachment}`, table: `tgw ${table.name}`, matched, next: route.target });
        if (!this.attachmentUp(target))
          return done(
            false,
            `TGW table ${table.name} sends ${route.destination} to ${route.target}, which is down (a static route is not withdrawn)`,
          );
        if (target.id === "directconnect" || target.id === "vpn") {
          waypoints.add(target.id);
          if (target.id === "vpn")
            hops.push({
              at: "vpn",
              table: "tunnels",
              matched: this.down.has("vpn-tunnel-1-down") ? "tunnel 2" : "tunnel 1",
              next: "on-prem",
            });
          if (!this.plan.onPremisesCidrs.some((c) => inCidr(c, dst)))
            return done(false, `${toIp} is not on-prem, but ${route.target} leads there`);
          return done(true);
        }
        const vpc = this.vpc(target.id.slice("vpc:".length))!;
        const up = target.azs.filter((az) => !this.azDown(az));
        const az: number = target.applianceMode
          ? up[Number((src ^ dst) % BigInt(up.length))]!
          : here.az !== undefined && up.includes(here.az)
            ? here.az
            : up[Number((src ^ dst) % BigInt(up.length))]!;
        pos = { at: "subnet", vpc, tier: vpc.name === "inspection" ? "transitGateway" : "transit", az };
        continue;
      }
      // In a subnet: consult its route table.
      const vpc: VpcPlan = here.vpc;
      const tier: PlanTier = here.tier;
      const az: number = here.az;
      const table: readonly VpcRoute[] = vpc.routeTables[tier]?.[az] ?? [];
      const route: VpcRoute | undefined = longestMatch(table, dst);
      const where = `${vpc.name}/${tier}/${azName(az)}`;
      if (!route) {
        hops.push({ at: where, table: "vpc route table", matched: "no route", next: "drop" });
        return done(false, `the route table of ${where} has no route to ${toIp}`);
      }
      const t: VpcRoute["target"] = route.target;
      hops.push({
        at: where,
        table: "vpc route table",
        matched: route.destination,
        next: t.kind === "local" ? "deliver" : describeTarget(t),
      });
      if (t.kind === "local") return deliver(vpc);
      if (t.kind === "transit-gateway") {
        pos = { at: "tgw", attachment: `vpc:${vpc.name}`, az };
        continue;
      }
      if (t.kind === "internet-gateway") {
        if (isPrivate(dst)) return done(false, `${toIp} is a private address: it is not routable on the internet`);
        return done(true);
      }
      if (this.azDown(t.az)) return done(false, `${describeTarget(t)} is down`);
      if (t.kind === "nat-gateway") pos = { at: "subnet", vpc, tier: "public", az: t.az };
      else {
        waypoints.add("inspection");
        firewallAzs.push(t.az);
        pos = { at: "subnet", vpc, tier: "firewall", az: t.az };
      }
    }
    return done(false, `routing loop: more than ${MAX_HOPS} hops`);
  }

  /** Effective routes of a TGW table: static routes and routes propagated by attachments that are up. */
  effectiveTgwRoutes(
    table: TgwTablePlan,
  ): { destination: string; origin: (typeof ROUTE_ORIGINS)[number]; target: AttachmentId | "blackhole" }[] {
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

/** Outcome of one intent in one scenario. */
export interface ScenarioResult {
  readonly scenario: "normal" | Failure;
  readonly expected: Expectation;
  /** False when the scenario removes the source or destination (its AZ is down). */
  readonly applicable: boolean;
  readonly ok: boolean;
  readonly forward?: Trace;
  readonly back?: Trace;
  /** Why the scenario fails, naming the hop. */
  readonly problem?: string;
  readonly note?: string;
}

/** Outcome of one intent. */
export interface IntentResult {
  readonly intent: Intent;
  readonly ok: boolean;
  readonly scenarios: readonly ScenarioResult[];
}

const viaList = (e: Expectation): readonly Waypoint[] => (e === "denied" ? [] : typeof e.via === "string" ? [e.via] : e.via);
/** `denied` or `via a, b`. */
export const describeExpectation = (e: Expectation) => (e === "denied" ? "denied" : `via ${viaList(e).join(", ")}`);
/** One hop as text. */
export const describeHop = (h: Hop, i: number) => `hop ${i + 1} ${h.at}: ${h.table} matched ${h.matched} → ${h.next}`;

/**
 * Checks one intent in one scenario: the forward path, then (when the destination is not the internet) the
 * return path from where the packet arrived, which must also get through, cross the same waypoints, and
 * cross the firewall in the same AZs in reverse order (a stateful firewall drops asymmetric flows).
 */
export function checkScenario(plan: RoutingPlan, intent: Intent, scenario: "normal" | Failure): ScenarioResult {
  const expected = scenario === "normal" ? intent.expect : (intent.failures[scenario] ?? intent.expect);
  const net = new Network(plan, scenario === "normal" ? [] : [scenario]);
  const from = net.resolve(intent.from);
  const to = net.resolve(intent.to);
  if (typeof from === "string" || typeof to === "string")
    return { scenario, expected, applicable: false, ok: true, note: typeof from === "string" ? from : (to as string) };
  const forward = net.trace(from, to.ip);
  let back: Trace | undefined;
  let problem: string | undefined;
  if (forward.reached && to.kind !== "internet") {
    const arrived = to.kind === "subnet" ? net.subnetOf(to.ip) : undefined;
    const start: Endpoint =
      to.kind === "onprem" || !arrived ? to : { kind: "subnet", vpc: arrived.vpc.name, tier: arrived.tier, az: arrived.az, ip: to.ip };
    back = net.trace(start, from.ip);
  }
  const reached = forward.reached && (back?.reached ?? true);
  const lastHop = (t: Trace) => (t.hops.length > 0 ? describeHop(t.hops[t.hops.length - 1]!, t.hops.length - 1) : "before the first hop");
  if (expected === "denied") {
    if (reached) {
      const tgwHops = forward.hops.map((h, i) => (h.at.startsWith("tgw") || h.at === "on-prem router" ? i : -1)).filter((i) => i >= 0);
      const i = tgwHops[tgwHops.length - 1] ?? 0;
      problem = `expected denied, but ${intent.to} is reached: ${forward.hops[i] ? describeHop(forward.hops[i]!, i) : "locally"}`;
    }
  } else if (!forward.reached) {
    problem = `expected ${describeExpectation(expected)}, but the packet is dropped at ${lastHop(forward)}: ${forward.dropped}`;
  } else if (back && !back.reached) {
    problem = `expected ${describeExpectation(expected)}, but the return packet is dropped at ${lastHop(back)}: ${back.dropped}`;
  } else {
    for (const w of viaList(expected)) {
      for (const [dir, t] of [
        ["forward", forward],
        ["return", back],
      ] as const) {
        if (!t || t.waypoints.includes(w)) continue;
        const i = t.hops.findIndex((h) =>
          ["directconnect", "vpn", "inspection"].some(
            (x) => h.next.startsWith(x) || h.next.includes("firewall") || h.next === "vpc:inspection",
          ),
        );
        const at = i >= 0 ? describeHop(t.hops[i]!, i) : lastHop(t);
        problem ??= `expected ${describeExpectation(expected)}, but the ${dir} path does not cross ${w} (it crosses ${t.waypoints.join(", ") || "nothing"}); deciding ${at}`;
      }
    }
    if (!problem && back && forward.firewallAzs.length > 0) {
      const there = forward.firewallAzs.join(",");
      const backAgain = [...back.firewallAzs].reverse().join(",");
      if (there !== backAgain) {
        problem = `expected ${describeExpectation(expected)}, but the flow is asymmetric through the stateful firewall (forward ${forward.firewallAzs.map(azName).join(", ")}, return ${back.firewallAzs.map(azName).join(", ") || "none"}): the firewall drops the return packets. Enable appliance mode on the inspection attachment.`;
      }
    }
  }
  return {
    scenario,
    expected,
    applicable: true,
    ok: problem === undefined,
    forward,
    ...(back ? { back } : {}),
    ...(problem ? { problem } : {}),
  };
}

/** Checks `intent` in the normal state and under each of `failures` (default: every applicable failure). */
export function checkIntent(plan: RoutingPlan, intent: Intent, failures: readonly Failure[] = applicableFailures(plan)): IntentResult {
  const scenarios = (["normal", ...failures] as const).map((s) => checkScenario(plan, intent, s));
  return { intent, ok: scenarios.every((s) => s.ok), scenarios };
}

/** Checks every intent. */
export function verifyIntents(plan: RoutingPlan, intents: readonly Intent[]): IntentResult[] {
  const failures = applicableFailures(plan);
  return intents.map((i) => checkIntent(plan, i, failures));
}
