/** Cases of the deploy-readiness rules (AWS constraints beyond the schema) for the database, cache and container rules. */
import type { RuleCase } from "../case.js";

/** Cases per rule id. */
export const DATA_READINESS_CASES: Readonly<Record<string, readonly RuleCase[]>> = {};
