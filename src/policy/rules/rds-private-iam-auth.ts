/** LZ-DATA3: RDS and Aurora databases are not publicly accessible and use IAM database authentication. */
import { isTrue } from "../stack.js";
import { outcomeOf, type PolicyRule } from "../types.js";
import { engineOf } from "./rds-instances.js";

/**
 * Engines with IAM database authentication (MySQL, MariaDB, PostgreSQL and their Aurora editions,
 * https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/UsingWithRDS.IAMDBAuth.html#UsingWithRDS.IAMDBAuth.Availability);
 * Oracle, SQL Server and Db2 have none, so the IAM check does not apply to them.
 */
const IAM_AUTH_ENGINES = /^(mysql|mariadb|postgres|aurora-mysql|aurora-postgresql)$/;

/**
 * - `aws_db_instance` (primary or replica) and `aws_rds_cluster_instance`: `publicly_accessible` is not true
 *   (the provider's default is false);
 * - `aws_db_instance` and `aws_rds_cluster` of an engine with IAM database authentication (a replica: its source's
 *   engine): `iam_database_authentication_enabled` is true, so applications connect with short-lived IAM tokens
 *   instead of a stored password. An engine that is an expression or unknown is not judged for IAM.
 */
export const rdsPrivateIamAuth: PolicyRule = {
  id: "LZ-DATA3",
  level: "error",
  title: "RDS and Aurora databases are not publicly accessible and use IAM database authentication",
  rationale:
    "A publicly accessible database gets a public DNS answer and is one security-group mistake away from the internet; without IAM authentication every client needs a long-lived password.",
  sources: [
    "FSBP RDS.2",
    "FSBP RDS.10",
    "FSBP RDS.12",
    "CKV_AWS_17",
    "CKV_AWS_161",
    "CKV_AWS_162",
    "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/UsingWithRDS.IAMDBAuth.html",
  ],
  resourceTypes: ["aws_db_instance", "aws_rds_cluster", "aws_rds_cluster_instance"],
  check: (r, stack) => {
    const b = r.body;
    const problems: string[] = [];
    if (r.type !== "aws_rds_cluster" && isTrue(b.publicly_accessible))
      problems.push("publicly_accessible is true: set it to false and reach the database from inside the VPC");
    if (r.type !== "aws_rds_cluster_instance") {
      const engine = engineOf(r, stack);
      if (engine !== undefined && IAM_AUTH_ENGINES.test(engine) && !isTrue(b.iam_database_authentication_enabled))
        problems.push(
          "iam_database_authentication_enabled is not true: turn it on and let applications connect with IAM tokens (rds-db:connect)",
        );
    }
    return outcomeOf(problems);
  },
};
