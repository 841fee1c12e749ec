/** LZ-AWS5: Performance Insights is turned on only where the DB instance class supports it. */
import { PERFORMANCE_INSIGHTS_CLASSES_DOC, supportsPerformanceInsights } from "../../aws/rds-capabilities.js";
import { isExpression, isTrue } from "../stack.js";
import { COMPLIANT, nonCompliant, NOT_APPLICABLE, type PolicyRule } from "../types.js";
import { engineOf } from "./rds-instances.js";

/**
 * An `aws_db_instance` or `aws_rds_cluster_instance` with `performance_insights_enabled = true` (or
 * `database_insights_mode = "advanced"`, which needs it) runs an instance class that supports Performance Insights
 * for its engine (the replica's engine is its source's). RDS for MySQL and MariaDB refuse it on db.t2, db.t3 and
 * db.t4g micro and small; Aurora MySQL on every db.t2 and db.t3 and db.t4g micro and small
 * (src/aws/rds-capabilities.ts). Not applicable with Performance Insights off, an engine the table does not cover,
 * or a class that is an expression.
 */
export const rdsPerformanceInsightsClass: PolicyRule = {
  id: "LZ-AWS5",
  level: "error",
  title: "Performance Insights is enabled only on DB instance classes that support it",
  rationale:
    "RDS refuses Performance Insights on micro and small burstable classes: CreateDBInstance fails with InvalidParameterCombination, after validate and plan passed.",
  sources: [
    PERFORMANCE_INSIGHTS_CLASSES_DOC,
    "https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/USER_DatabaseInsights.Engines.html",
  ],
  resourceTypes: ["aws_db_instance", "aws_rds_cluster_instance"],
  check: (r, stack) => {
    const b = r.body;
    const advanced = b.database_insights_mode === "advanced";
    if (!isTrue(b.performance_insights_enabled) && !advanced) return NOT_APPLICABLE;
    const engine = engineOf(r, stack);
    const instanceClass = b.instance_class;
    if (engine === undefined || typeof instanceClass !== "string" || isExpression(instanceClass)) return NOT_APPLICABLE;
    const supported = supportsPerformanceInsights(engine, instanceClass);
    if (supported === undefined) return NOT_APPLICABLE;
    if (supported) return COMPLIANT;
    const setting = advanced ? 'database_insights_mode = "advanced"' : "performance_insights_enabled = true";
    return nonCompliant(
      `${setting} on ${instanceClass}, which does not support Performance Insights for ${engine}: RDS rejects it with InvalidParameterCombination. ` +
        `Set performance_insights_enabled = false (and leave out its KMS key and retention) on this class, or use a class of at least medium size (${PERFORMANCE_INSIGHTS_CLASSES_DOC}).`,
    );
  },
};
