/**
 * The routing verifier: checks routing intents against the packet walk of ./trace.ts, in the normal state and
 * under every injected failure. For each scenario it walks every path of the intent (every AZ of the source and
 * destination tiers that is up, every AZ the transit gateway could pick by flow hash), forward and back, and
 * requires what the intent expects: the destination reached (or not, for `denied`), every waypoint crossed both
 * ways; and on every path that gets through, the invariants (the same firewall endpoints both ways,
 * {@link firewallAsymmetry}; the same on-prem link both ways, {@link linkAsymmetry}; no VPN while Direct Connect is
 * up, {@link vpnWhileDirectConnectUp}). See ./trace.ts for the AWS routing rules encoded. Pure: no AWS calls, no
 * I/O.
 */
import { isVpnAttachment, type RoutingPlan } from "./plan.js";
import { azName, describeEndpoint, hostIn, INTERNET_ADDRESS, resolveLocation, scenarioLabel } from "./locations.js";
import { linksOf } from "./links.js";
import { applicableFailures, Network, type Endpoint, type Failure, type Hop, type Trace, type Waypoint } from "./trace.js";

export { azLabel, scenarioLabel } from "./locations.js";
export {
  applicableFailures,
  INTERNET_ADDRESS,
  Network,
  type Endpoint,
  type Failure,
  type Hop,
  type Trace,
  type Waypoint,
} from "./trace.js";

/**
 * What an intent expects in one scenario: `denied`; `reached` (both ways, whatever the path crosses, the
 * invariants kept); or `{ via }` (reached, every listed waypoint crossed both ways).
 */
export type Expectation = "denied" | "reached" | { readonly via: Waypoint | readonly Waypoint[] };

/** A routing intent (see `routing.intents` in shared.yaml). */
export interface Intent {
  readonly name: string;
  readonly from: string;
  readonly to: string;
  readonly expect: Expectation;
  /**
   * An environment whose VPC the packet is relayed through (`denied` intents only): see {@link checkRelay}.
   * @default no relay walk
   */
  readonly through?: string | undefined;
  /** Expectation per failure, where it differs from `expect`. */
  readonly failures: Readonly<Partial<Record<string, Expectation>>>;
}

/**
 * One path of an intent in one scenario: a source endpoint (one AZ's subnet, or on-prem), a destination endpoint,
 * and the AZ the transit gateway picks where it picks by the flow's hash; its forward and return walks.
 */
export interface PathResult {
  /** Where the path starts and ends (`prod/privateApp/az-b`, `onprem 172.16.10.10`, `internet`). */
  readonly from: string;
  readonly to: string;
  readonly ok: boolean;
  readonly forward: Trace;
  /** The return walk, from where the forward packet arrived back to the source (not for the internet). */
  readonly back?: Trace;
  /** Why the path violates the intent or an invariant, naming the hop. */
  readonly problem?: string;
}

/** Outcome of one intent in one scenario. */
export interface ScenarioResult {
  readonly scenario: "normal" | Failure;
  /** The scenario as `lz routes` prints it: an AZ failure with its AZ ID (`az-a-down (euw1-az1)`), see scenarioLabel. */
  readonly label: string;
  readonly expected: Expectation;
  /** False when the scenario removes the source or destination (its AZ, or every AZ, is down). */
  readonly applicable: boolean;
  readonly ok: boolean;
  /**
   * Every distinct path walked: each AZ of the source tier that is up × each AZ of the destination tier that is
   * up × each AZ the transit gateway could pick by flow hash; paths whose walks are identical count once.
   */
  readonly paths: readonly PathResult[];
  /** The first failing path's walks, else the first path's (what a one-line report shows). */
  readonly forward?: Trace;
  readonly back?: Trace;
  /** Why the scenario fails: the first failing path, naming it and the hop, and how many paths fail. */
  readonly problem?: string;
  readonly note?: string;
}

/** Outcome of one intent. */
export interface IntentResult {
  readonly intent: Intent;
  readonly ok: boolean;
  readonly scenarios: readonly ScenarioResult[];
}

const viaList = (e: Expectation): readonly Waypoint[] =>
  e === "denied" || e === "reached" ? [] : typeof e.via === "string" ? [e.via] : e.via;
/** `denied`, `reached` or `via a, b`. */
export const describeExpectation = (e: Expectation) => (e === "denied" || e === "reached" ? e : `via ${viaList(e).join(", ")}`);
/** One hop as text. */
export const describeHop = (h: Hop, i: number) => `hop ${i + 1} ${h.at}: ${h.table} matched ${h.matched} → ${h.next}`;

const lastHop = (t: Trace) => (t.hops.length > 0 ? describeHop(t.hops[t.hops.length - 1]!, t.hops.length - 1) : "before the first hop");

/**
 * The invariants every path that gets through both ways must keep, whatever the intent expects: the stateful
 * symmetry of {@link firewallAsymmetry} and the one on-prem link of {@link linkAsymmetry}. Returns the first
 * violation, or undefined.
 */
export function invariantProblem(forward: Trace, back: Trace): string | undefined {
  return firewallAsymmetry(forward, back) ?? linkAsymmetry(forward, back);
}

/**
 * Stateful symmetry: forward and return cross the same firewall endpoints (in reverse order), or none both ways.
 * AWS Network Firewall does not support asymmetric routing: request and response must reach the same endpoint
 * (https://docs.aws.amazon.com/network-firewall/latest/developerguide/asymmetric-routing.html); with central
 * inspection that takes appliance mode on the inspection attachment and TGW route tables that send both directions
 * to it (https://docs.aws.amazon.com/vpc/latest/tgw/transit-gateway-appliance-scenario.html).
 */
export function firewallAsymmetry(forward: Trace, back: Trace): string | undefined {
  const there = forward.firewallEndpoints;
  if (there.join(",") === [...back.firewallEndpoints].reverse().join(",")) return undefined;
  const names = (e: readonly string[]) => e.join(", ") || "none";
  return `the flow is asymmetric through the stateful firewall (forward ${names(there)}, return ${names(back.firewallEndpoints)}): AWS Network Firewall drops what it sees in one direction only. Route both directions through the same endpoint (appliance mode on the inspection attachment; the TGW tables of both ends through the inspection VPC)`;
}

/**
 * One on-prem link both ways: a flow that enters over the VPN and returns over Direct Connect (or the reverse) is
 * asymmetric routing, which stateful on-prem devices drop
 * (https://repost.aws/knowledge-center/direct-connect-configure-vpn-failover). The same holds between two VPN
 * connections, which end on different customer gateways: the walk takes the same connection both ways wherever
 * both directions may use it (ECMP, ./links.ts), so a flow that cannot return the way it came is a connection one
 * direction never uses (its attachment not associated, or not propagating, like the others). Names the hop
 * choosing each link.
 */
export function linkAsymmetry(forward: Trace, back: Trace): string | undefined {
  const link = (t: Trace) => t.hops.find((h) => h.next === "directconnect" || isVpnAttachment(h.next))?.next;
  const fwd = link(forward);
  const ret = link(back);
  if (!fwd || !ret || fwd === ret) return undefined;
  const decided = (t: Trace, l: string) => {
    const i = t.hops.findIndex((h) => h.next === l);
    return i >= 0 ? describeHop(t.hops[i]!, i) : lastHop(t);
  };
  const both = `the flow goes over ${fwd} (${decided(forward, fwd)}) and returns over ${ret} (${decided(back, ret)})`;
  if (isVpnAttachment(fwd) && isVpnAttachment(ret))
    return `${both}: asymmetric across VPN connections, which end on different customer gateways. Associate every VPN attachment with the onprem TGW table and propagate each into the same tables, so either direction can use each connection`;
  return `${both}: asymmetric routing, which stateful on-prem devices drop. Both directions must use Direct Connect while it is up: on-prem prefers the longest prefix, so allowedPrefixes must be at least as specific as every route the VPN advertises`;
}

/**
 * Direct Connect first: while Direct Connect is up, no path crosses the VPN, in either direction (the VPN is the
 * backup; on-prem prefers the longest prefix, then Direct Connect, and the TGW prefers Direct Connect-propagated
 * routes over VPN-propagated ones, https://repost.aws/knowledge-center/direct-connect-gateway-primary-connection).
 * Names the hop that chose the VPN.
 */
export function vpnWhileDirectConnectUp(net: Network, forward: Trace, back: Trace | undefined): string | undefined {
  const dx = net.plan.attachments.find((a) => a.id === "directconnect");
  if (!dx || !net.attachmentUp(dx)) return undefined;
  for (const [dir, t] of [
    ["forward", forward],
    ["return", back],
  ] as const) {
    if (!t?.waypoints.includes("vpn")) continue;
    const i = t.hops.findIndex((h) => h.next === "vpn" || h.next.startsWith("vpn:"));
    return `the ${dir} path takes the VPN while Direct Connect is up (${i >= 0 ? describeHop(t.hops[i]!, i) : lastHop(t)}). Advertise the range over Direct Connect at least as specifically as over the VPN, and route on-prem prefixes by propagation, not by static routes to the VPN`;
  }
  return undefined;
}

/**
 * The reply from the internet to a packet that left through an internet gateway: to the address of the NAT gateway
 * it crossed (its AZ's public subnet), which translates it back and sends it on to the source; without a NAT
 * gateway, straight to the source's own address. One trace: the hops of both legs, with a `nat-gateway` hop
 * between them. Undefined for a source that is not in a VPC.
 */
function internetReply(net: Network, from: Endpoint, forward: Trace): Trace | undefined {
  const nat = forward.natGateway;
  const internet: Endpoint = { kind: "internet", ip: INTERNET_ADDRESS };
  if (!nat) return from.kind === "subnet" ? net.trace(internet, from.ip) : undefined;
  const vpc = net.plan.vpcs.find((v) => v.name === nat.vpc)!;
  const natIp = hostIn(vpc.subnets.public![nat.az]!);
  const toNat = net.trace(internet, natIp);
  if (!toNat.reached) return toNat;
  const onward = net.trace({ kind: "subnet", vpc: vpc.name, tier: "public", az: nat.az, ip: natIp }, from.ip);
  const translate: Hop = { at: `nat-gateway ${vpc.name} ${azName(nat.az)}`, table: "NAT", matched: `reply to ${natIp}`, next: from.ip };
  return {
    ...onward,
    hops: [...toNat.hops, translate, ...onward.hops],
    waypoints: [...new Set([...toNat.waypoints, ...onward.waypoints])],
    firewallAzs: [...toNat.firewallAzs, ...onward.firewallAzs],
    firewallEndpoints: [...toNat.firewallEndpoints, ...onward.firewallEndpoints],
    flowHashed: toNat.flowHashed || onward.flowHashed,
  };
}

/**
 * Checks one path: the forward walk, then the return walk from where the packet arrived (from the internet: to
 * the NAT gateway it left through, {@link internetReply}), which must also get through, cross the same waypoints,
 * and keep the {@link invariantProblem} invariants.
 */
function checkPath(net: Network, expected: Expectation, from: Endpoint, to: Endpoint, toLabel: string): PathResult {
  const forward = net.trace(from, to.ip);
  let back: Trace | undefined;
  let problem: string | undefined;
  if (forward.reached && to.kind === "internet") {
    back = internetReply(net, from, forward);
  } else if (forward.reached) {
    const arrived = to.kind === "subnet" ? net.subnetOf(to.ip) : undefined;
    const start: Endpoint =
      to.kind === "onprem" || !arrived ? to : { kind: "subnet", vpc: arrived.vpc.name, tier: arrived.tier, az: arrived.az, ip: to.ip };
    back = net.trace(start, from.ip);
  }
  const reached = forward.reached && (back?.reached ?? true);
  if (expected === "denied") {
    if (reached) {
      const tgwHops = forward.hops.map((h, i) => (h.at.startsWith("tgw") || h.at === "on-prem router" ? i : -1)).filter((i) => i >= 0);
      const i = tgwHops[tgwHops.length - 1] ?? 0;
      problem = `expected denied, but ${toLabel} is reached: ${forward.hops[i] ? describeHop(forward.hops[i]!, i) : "locally"}`;
    }
  } else if (!forward.reached) {
    problem = `expected ${describeExpectation(expected)}, but the packet is dropped at ${lastHop(forward)}: ${forward.dropped}`;
  } else if (back && !back.reached) {
    problem = `expected ${describeExpectation(expected)}, but the return packet is dropped at ${lastHop(back)}: ${back.dropped}`;
  } else if (back && firewallAsymmetry(forward, back)) {
    problem = `expected ${describeExpectation(expected)}, but ${firewallAsymmetry(forward, back)}`;
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
    const linkBroken = (back && linkAsymmetry(forward, back)) ?? vpnWhileDirectConnectUp(net, forward, back);
    if (!problem && linkBroken) problem = `expected ${describeExpectation(expected)}, but ${linkBroken}`;
  }
  return {
    from: describeEndpoint(from),
    to: describeEndpoint(to),
    ok: problem === undefined,
    forward,
    ...(back ? { back } : {}),
    ...(problem ? { problem } : {}),
  };
}

/**
 * The relay walk of a `denied` intent with `through`: the packet from `from` to `to`, as the transit gateway hands
 * it to the relay VPC (its transit subnet in AZ `az`, where the VPC attachment's ENIs are), must go no further:
 * the transit subnet's route table decides what a VPC does with a packet not addressed to it ("Transit gateway
 * attachments to a VPC", routing, https://docs.aws.amazon.com/vpc/latest/tgw/tgw-vpc-attachments.html), and a
 * workload VPC's transit route tables route locally only. Stricter than the plain walk: the packet getting there
 * one way (a UDP datagram) already bridges the segments, so no return walk is needed to fail it.
 */
function checkRelay(net: Network, relay: string, az: number, from: Endpoint, to: Endpoint, toLabel: string): PathResult {
  const start: Endpoint = { kind: "subnet", vpc: relay, tier: "transit", az, ip: from.ip };
  const forward = net.trace(start, to.ip);
  const first = forward.hops[0];
  return {
    from: `${describeEndpoint(from)} relayed at ${describeEndpoint(start)}`,
    to: describeEndpoint(to),
    ok: !forward.reached,
    forward,
    ...(forward.reached
      ? {
          problem: `expected denied, but ${relay} passes the packet on to ${toLabel}: ${first ? describeHop(first, 0) : "locally"}`,
        }
      : {}),
  };
}

/** Number of flow-hash choices worth trying: the most AZs any VPC attachment of `plan` has. */
const flowChoices = (plan: RoutingPlan) => Math.max(1, ...plan.attachments.map((a) => a.azs.length));
/** Number of on-prem link choices worth trying: the most transit VIFs or VPN connections a flow could pick from. */
const linkChoices = (plan: RoutingPlan) => {
  const links = linksOf(plan);
  return Math.max(1, links.directConnect.length, links.vpns.length);
};

/**
 * Checks one intent in one scenario on every path: each source endpoint (every AZ of a tier that is up) to each
 * destination endpoint, and where the transit gateway picks an AZ by flow hash, each AZ it could pick.
 */
export function checkScenario(plan: RoutingPlan, intent: Intent, scenario: "normal" | Failure): ScenarioResult {
  const expected = scenario === "normal" ? intent.expect : (intent.failures[scenario] ?? intent.expect);
  const failures = scenario === "normal" ? [] : [scenario];
  const nets = Array.from({ length: linkChoices(plan) }, (_, flowLink) =>
    Array.from({ length: flowChoices(plan) }, (_, flowAz) => new Network(plan, failures, { flowAz, flowLink })),
  ).flat();
  const net = nets[0]!;
  const froms = resolveLocation(net, intent.from, true);
  const tos = resolveLocation(net, intent.to, true);
  if (typeof froms === "string" || typeof tos === "string")
    return {
      scenario,
      label: scenarioLabel(plan, scenario),
      expected,
      applicable: false,
      ok: true,
      paths: [],
      note: typeof froms === "string" ? froms : (tos as string),
    };
  const paths: PathResult[] = [];
  const seen = new Set<string>();
  for (const from of froms)
    for (const to of tos) {
      if (from.ip === to.ip) continue;
      for (const n of nets) {
        const path = checkPath(n, expected, from, to, intent.to);
        const key = JSON.stringify([path.from, path.to, path.forward.hops, path.back?.hops]);
        if (!seen.has(key)) {
          seen.add(key);
          paths.push(path);
        }
        if (!path.forward.flowHashed && !path.back?.flowHashed) break;
      }
    }
  const relay = intent.through !== undefined && expected === "denied" ? plan.vpcs.find((v) => v.name === intent.through) : undefined;
  if (relay)
    for (const from of froms)
      for (const to of tos)
        for (let az = 0; az < relay.azCount; az++) if (!net.azDown(az)) paths.push(checkRelay(net, relay.name, az, from, to, intent.to));
  const failed = paths.filter((p) => !p.ok);
  const shown = failed[0] ?? paths[0];
  const problem = failed[0]
    ? `${failed[0].from} → ${failed[0].to}${failed.length > 1 ? ` (and ${failed.length - 1} more of ${paths.length} paths)` : ""}: ${failed[0].problem}`
    : undefined;
  return {
    scenario,
    label: scenarioLabel(plan, scenario),
    expected,
    applicable: true,
    ok: failed.length === 0,
    paths,
    ...(shown ? { forward: shown.forward } : {}),
    ...(shown?.back ? { back: shown.back } : {}),
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
