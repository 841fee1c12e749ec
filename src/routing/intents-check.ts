/**
 * The routing intents as a config check: the verifier (./verify.ts) proves every intent in `routing.intents` and
 * the DNS intents derived from `networkHub.dns` (./dns-intents.ts) on the plan of a loaded model, normally and under
 * every injected failure, and each violated intent becomes a config problem located at the intent's `expect` (or its
 * `failures.<name>` entry) in shared.yaml, or for a DNS intent at its on-prem DNS server
 * (`networkHub.dns.onPremisesResolvers[i]`), naming the scenario and the hop where the path goes wrong. Runs after
 * `loadConfig`, from `validateLandingZone` (src/landing-zone.ts).
 */
import type { LandingZoneModel, Problem, SourceFile } from "../config/index.js";
import { dnsIntents } from "./dns-intents.js";
import { planRouting, routingInput } from "./plan.js";
import { verifyIntents, type Intent, type IntentResult } from "./verify.js";

/** Every intent the verifier proves for `model`: the config's `routing.intents`, then the derived DNS intents. */
export function allIntents(model: LandingZoneModel): Intent[] {
  return [...model.routing.intents, ...dnsIntents(model)];
}

/** Results of the verifier on `model`'s intents (every intent of {@link allIntents}, every scenario). */
export function intentResults(model: LandingZoneModel): IntentResult[] {
  return verifyIntents(planRouting(routingInput(model)), allIntents(model));
}

/**
 * One problem per violated intent (its first failing scenario, naming the others), located in `shared`, the
 * parsed file declaring `routing.intents` and `networkHub.dns`. Empty when every intent holds.
 */
export function intentProblems(model: LandingZoneModel, shared: SourceFile): Problem[] {
  const configured = model.routing.intents.length;
  const dns = dnsIntents(model);
  return intentResults(model).flatMap((result, i) => {
    const failed = result.scenarios.filter((s) => !s.ok);
    const first = failed[0];
    if (!first) return [];
    const listed = first.scenario !== "normal" && result.intent.failures[first.scenario] !== undefined;
    const derived = i >= configured ? dns[i - configured] : undefined;
    const path = derived
      ? ["networkHub", "dns", "onPremisesResolvers", derived.resolverIndex]
      : ["routing", "intents", i, ...(listed ? ["failures", first.scenario] : ["expect"])];
    const others =
      failed.length > 1
        ? ` (also fails under ${failed
            .slice(1)
            .map((s) => s.scenario)
            .join(", ")})`
        : "";
    const fix = derived
      ? `The DNS intents are derived from networkHub.dns: let the endpoint environment's onPremisesAccess.privateApp admit this DNS server and check the hybrid links`
      : "Fix the routing config or the intent";
    return [
      shared.problem(
        path,
        `intent ${result.intent.name} is violated ${first.scenario === "normal" ? "in the normal state" : `under ${first.scenario}`}${others}: ${first.problem}. ${fix}; lz routes --intent ${result.intent.name} prints the failing paths hop by hop.`,
      ),
    ];
  });
}
