/**
 * The plan guard for a decommission (`terraform plan -destroy` of a stack whose environment left the config):
 * every stateful resource the plan deletes is still listed, one by one, and passes only because the operator
 * typed the stack's name as an acknowledgement (decommission.yml's input, `lz plan-guard --acknowledge-destroy`).
 * Replaces stay blocked: a destroy plan has none, so one means the plan is not what the operator acknowledged.
 */
import { evaluatePlan, type PlanGuardAllowEntry, type PlanGuardOptions, type PlanGuardReport } from "./evaluate.js";

/** The reason shown next to every acknowledged delete. */
export function acknowledgedReason(stack: string): string {
  return `decommission of ${stack}: the operator acknowledged the loss of its data`;
}

/**
 * Evaluates `plan` like {@link evaluatePlan}, then accepts every blocked `delete` of a stateful resource with
 * {@link acknowledgedReason}. The report lists those deletes under `allowed`, so the reviewer sees each one.
 *
 * @param plan the parsed `terraform show -json` of the destroy plan.
 * @param stack the stack being decommissioned.
 * @param allow the config's `planGuard.allow` entries (still reported as used or unused).
 * @param options as for {@link evaluatePlan} (the stack's import blocks: a replace of an adopted resource stays blocked).
 * @throws PlanFormatError as {@link evaluatePlan} does.
 */
export function evaluateDecommission(
  plan: unknown,
  stack: string,
  allow: readonly PlanGuardAllowEntry[],
  options: PlanGuardOptions = {},
): PlanGuardReport {
  const first = evaluatePlan(plan, stack, allow, options);
  const acknowledged: PlanGuardAllowEntry[] = first.blocked
    .filter((f) => f.action === "delete")
    .map((f) => ({ stack, address: f.address, actions: ["delete"], reason: acknowledgedReason(stack) }));
  if (acknowledged.length === 0) return first;
  const report = evaluatePlan(plan, stack, [...allow, ...acknowledged], options);
  // The synthetic entries are all used; only the config's own entries can be stale.
  return { ...report, unusedAllowEntries: report.unusedAllowEntries.filter((e) => !acknowledged.includes(e)) };
}
