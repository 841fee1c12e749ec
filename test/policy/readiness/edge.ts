/** Cases of the deploy-readiness rules (AWS constraints beyond the schema) for the edge, load balancer and deployment-ordering rules. */
import type { RuleCase } from "../case.js";

/** Cases per rule id. */
export const EDGE_READINESS_CASES: Readonly<Record<string, readonly RuleCase[]>> = {};
