/**
 * The routing verifier: checks routing intents against the packet walk of ./trace.ts, in the normal state and
 * under every injected failure. For each scenario it traces the forward path and the return path, and requires
 * what the intent expects: the destination reached (or not, for `denied`), every waypoint crossed both ways, and
 * a stateful firewall crossed in the same AZ both ways (see ./trace.ts for the AWS routing rules encoded). Pure:
 * no AWS calls, no I/O.
 */
import type { RoutingPlan } from "./plan.js";
import { applicableFailures, azName, Network, type Endpoint, type Failure, type Hop, type Trace, type Waypoint } from "./trace.js";

export {
  applicableFailures,
  azLabel,
  INTERNET_ADDRESS,
  Network,
  scenarioLabel,
  type Endpoint,
  type Failure,
  type Hop,
  type Trace,
  type Waypoint,
} from "./trace.js";

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
