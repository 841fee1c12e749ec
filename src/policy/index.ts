/** The synth-time policy pack: rules over the synthesized Terraform JSON of each stack. See docs/rules.md. */
export { hasObjectLock, objectLockBucketNames } from "./facts.js";
export { PolicyError, policySummaryLine, renderFindings, renderSuppressed, renderWarnings } from "./format.js";
export { conditionValues, policyStatements, type NormalizedStatement } from "./iam-policy.js";
export { evaluateRule, LANDING_ZONE_PACK, RULE_IDS, runPack } from "./pack.js";
export { asList, block, isTrue, SynthStack, type StackFacts, type StackJsonLike, type SynthResource } from "./stack.js";
export {
  COMPLIANT,
  nonCompliant,
  NOT_APPLICABLE,
  type Finding,
  type PolicyReport,
  type PolicyRule,
  type RuleLevel,
  type RuleOutcome,
  type SuppressedFinding,
  type Suppression,
} from "./types.js";
