/**
 * Stage 2b: after the model is built, the routing verifier proves every intent in `routing.intents`, normally
 * and under every injected failure. A violated intent is a config problem located at the intent's `expect` (or
 * its `failures.<name>` entry), naming the scenario and the hop where the path goes wrong.
 */
import { planRouting, routingInput } from "../routing/plan.js";
import { verifyIntents, type IntentResult } from "../routing/verify.js";
import type { LandingZoneModel } from "./model.js";
import type { Problem } from "./problems.js";
import type { SourceFile } from "./source.js";

/** Results of the verifier on `model`'s intents (every intent, every scenario). */
export function intentResults(model: LandingZoneModel): IntentResult[] {
  return verifyIntents(planRouting(routingInput(model)), model.routing.intents);
}

/** One problem per violated intent and scenario, located in `shared` (the file declaring `routing.intents`). */
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
        `intent ${result.intent.name} is violated ${first.scenario === "normal" ? "in the normal state" : `under ${first.scenario}`}${others}: ${first.problem}. Fix the routing config or the intent; lz routes --intent ${result.intent.name} prints every hop.`,
      ),
    ];
  });
}
