/**
 * Plan guard: reads `terraform show -json <planfile>` for one stack and blocks deletes and replaces of
 * stateful resources that `planGuard.allow` does not accept, and replaces of adopted (imported) resources. Pure functions; reading files and setting
 * the exit code belong to the CLI.
 *
 * Format followed: https://developer.hashicorp.com/terraform/internals/json-format
 */
export {
  ADOPTED_REASON,
  evaluatePlan,
  parsePlanJson,
  PLAN_JSON_FORMAT_URL,
  PlanFormatError,
  type GuardedAction,
  type PlanChangeCounts,
  type PlanGuardAllowedFinding,
  type PlanGuardAllowEntry,
  type PlanGuardFinding,
  type PlanGuardOptions,
  type PlanGuardReport,
  type PlanImports,
} from "./evaluate.js";
export { acknowledgedReason, evaluateDecommission } from "./decommission.js";
export { importedAddressesOf } from "./imports.js";
export { describeCause, renderReport, type RenderOptions } from "./format.js";
export { STATEFUL_RESOURCE_TYPES, statefulReason } from "./stateful.js";
