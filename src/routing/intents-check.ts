/**
 * The routing intents as a config check: the verifier (./verify.ts) proves every intent in `routing.intents` on
 * the plan of a loaded model, normally and under every injected failure, and each violated intent becomes a
 * config problem located at the intent's `expect` (or its `failures.<name>` entry) in shared.yaml, naming the
 * scenario and the hop where the path goes wrong. Runs after `loadConfig`, from `validateLandingZone`
 * (src/landing-zone.ts).
 */
import type { LandingZoneModel, Problem, SourceFile } from "../config/index.js";
import { planRouting, routingInput } from "./plan.js";
import { verifyIntents, type IntentResult } from "./verify.js";

/** Results of the verifier on `model`'s intents (every intent, every scenario). */
export function intentResults(model: LandingZoneModel): IntentResult[] {
  return verifyIntents(planRouting(routingInput(model)), model.routing.intents);
}

/**
 * One problem per violated intent (its first failing scenario, naming the others), located in `shared`, the
 * parsed file declaring `routing.intents`. Empty when every intent holds.
 */
export function intentProblems(model: LandingZoneModel, shared: SourceFile): Problem[] {
  return intentResults(model).flatMap((result, i) => {
    const failed = result.scenarios.filter((s) => !s.ok);
    const first = failed[0];
    if (!first) return [];
    const listed = first.scenario !== "normal" && result.intent.failures[first.scenario] !== undefined;
    const path = ["routing", "intents", i, ...(listed ? ["failures", first.scenario] : ["expect"])];
    const others =
      failed.length > 1
        ? ` (also fails under ${failed
            .slice(1)
            .map((s) => s.scenario)
            .join(", ")})`
        : "";
    return [
      shared.problem(
        path,
        `intent ${result.intent.name} is violated ${first.scenario === "normal" ? "in the normal state" : `under ${first.scenario}`}${others}: ${first.problem}. Fix the routing config or the intent; lz routes --intent ${result.intent.name} prints the failing paths hop by hop.`,
      ),
    ];
  });
}
