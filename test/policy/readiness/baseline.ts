/** Cases of the deploy-readiness rules (AWS constraints beyond the schema) for the baseline, logging and inspection rules. */
import type { RuleCase } from "../case.js";

/** Cases per rule id. */
export const BASELINE_READINESS_CASES: Readonly<Record<string, readonly RuleCase[]>> = {};
