/** LZ-DATA1: prod RDS databases are Multi-AZ, backed up, deletion-protected and prevent_destroy. */
import { block, isTrue } from "../stack.js";
import { NOT_APPLICABLE, outcomeOf, type PolicyRule } from "../types.js";

/** Days of automated backups a prod database keeps at least. */
export const MIN_PROD_BACKUP_DAYS = 7;

/**
 * In stacks whose data is protected (hub and prod segment, {@link StackFacts.preventDestroy}):
 * `aws_db_instance` has `multi_az`, `backup_retention_period >= 7`, `deletion_protection` and
 * `lifecycle.prevent_destroy`; read replicas (`replicate_source_db`) skip the Multi-AZ and backup
 * checks. `aws_rds_cluster` has the same minus `multi_az` (Aurora spreads storage over three AZs).
 * Not applicable elsewhere.
 */
export const rdsProdResilience: PolicyRule = {
  id: "LZ-DATA1",
  level: "error",
  title: "In prod, RDS databases are Multi-AZ, keep 7+ days of backups, have deletion protection and prevent_destroy",
  rationale: "A prod database must survive an AZ failure, a bad migration and a mistaken terraform destroy.",
  sources: ["FSBP RDS.5", "FSBP RDS.7", "FSBP RDS.8", "FSBP RDS.11", "CKV_AWS_157", "CKV_AWS_293", "CKV_AWS_133"],
  resourceTypes: ["aws_db_instance", "aws_rds_cluster"],
  check: (r, stack) => {
    if (!stack.facts.preventDestroy) return NOT_APPLICABLE;
    const b = r.body;
    const replica = b.replicate_source_db !== undefined;
    const problems: string[] = [];
    if (r.type === "aws_db_instance" && !replica && !isTrue(b.multi_az)) problems.push("multi_az is not true");
    if (!replica && Number(b.backup_retention_period ?? 0) < MIN_PROD_BACKUP_DAYS)
      problems.push(`backup_retention_period is below ${MIN_PROD_BACKUP_DAYS} days`);
    if (!isTrue(b.deletion_protection)) problems.push("deletion_protection is not true");
    if (!isTrue(block(b.lifecycle)?.prevent_destroy)) problems.push("lifecycle.prevent_destroy is not set");
    return outcomeOf(
      problems.length ? [`${problems.join(", ")}. Prod databases must be highly available and protected from deletion`] : [],
    );
  },
};
