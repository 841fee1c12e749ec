/**
 * Plan-guard exceptions: each names a stack that exists, and no stack/address pair is listed twice (two
 * entries with different reasons would leave it unclear which one a reviewer accepted).
 */
import { NETWORK_HUB_STACK } from "../model.js";
import { closest, type Problem } from "../problems.js";
import type { Validator } from "./context.js";

/** @see Validator */
export const validatePlanGuard: Validator = (config) => {
  const problems: Problem[] = [];
  const { shared, environments } = config;
  const stacks = [NETWORK_HUB_STACK, ...environments.map((e) => `workload-${e.value.name}`)];
  const seen = new Set<string>();
  shared.value.planGuard.allow.forEach((entry, i) => {
    const path = ["planGuard", "allow", i];
    if (!stacks.includes(entry.stack)) {
      const guess = closest(entry.stack, stacks);
      problems.push(
        shared.source.problem(
          [...path, "stack"],
          `no stack named "${entry.stack}". ${guess ? `Did you mean ${guess}? ` : ""}Write one of: ${stacks.join(", ")}.`,
        ),
      );
    }
    const key = `${entry.stack} ${entry.address}`;
    if (seen.has(key))
      problems.push(
        shared.source.problem(
          [...path, "address"],
          `${entry.address} in ${entry.stack} is already allowed above. Keep one entry, with one reason.`,
        ),
      );
    seen.add(key);
  });
  return problems;
};
