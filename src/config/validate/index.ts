/** Stage 2 of validation: one validator per area, all run, all problems collected. */
import type { Problem } from "../problems.js";
import { validateAccounts } from "./accounts.js";
import { validateAdopt } from "./adopt.js";
import { validateApp } from "./app.js";
import { validateAppCompute } from "./app-compute.js";
import { validateAsns } from "./asns.js";
import { validateAwsTypes } from "./aws-types.js";
import { validateBootstrap } from "./bootstrap.js";
import { validateCidrs } from "./cidrs.js";
import { validateDns } from "./dns.js";
import { validateHybrid } from "./hybrid.js";
import { validateHybridLinks } from "./hybrid-links.js";
import { validateIdentityCenter } from "./identity-center.js";
import { validateInspection } from "./inspection.js";
import { validateOrganizationBaseline } from "./organization-baseline.js";
import { validateOrganizations } from "./organizations.js";
import { validateRouting } from "./routing.js";
import { validateServiceControlPolicies } from "./service-control-policies.js";
import type { ParsedConfig, Validator } from "./context.js";
import { validatePlanGuard } from "./plan-guard.js";
import { validatePolicy } from "./policy.js";
import { validateRegions } from "./regions.js";

export type { Located, ParsedConfig, PartialEnvironment, Validator } from "./context.js";
export { isPrivateAsn } from "./asns.js";

/** Every semantic validator, in reporting order. */
export const VALIDATORS: readonly Validator[] = [
  validateAccounts,
  validateOrganizations,
  validateServiceControlPolicies,
  validateOrganizationBaseline,
  validateIdentityCenter,
  validateRegions,
  validateCidrs,
  validateAsns,
  validatePlanGuard,
  validateBootstrap,
  validateApp,
  validateAppCompute,
  validateAwsTypes,
  validateHybrid,
  validateHybridLinks,
  validateInspection,
  validateDns,
  validateRouting,
  validatePolicy,
  validateAdopt,
];

/** Runs every validator and returns all problems (empty when the config is valid). */
export function validateSemantics(config: ParsedConfig): Problem[] {
  return VALIDATORS.flatMap((v) => v(config));
}
