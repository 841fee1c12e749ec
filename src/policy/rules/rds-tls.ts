/** LZ-TLS3: RDS databases refuse connections without TLS. */
import { asList } from "../stack.js";
import { COMPLIANT, nonCompliant, NOT_APPLICABLE, type PolicyRule } from "../types.js";

/** Parameter that forces TLS, per engine family (https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/mysql-ssl-connections.html, .../PostgreSQL.Concepts.General.SSL.html). */
function tlsParameter(engine: string): { name: string; value: string } | undefined {
  if (/mysql|mariadb/.test(engine)) return { name: "require_secure_transport", value: "1" };
  if (/postgres/.test(engine)) return { name: "rds.force_ssl", value: "1" };
  if (/sqlserver/.test(engine)) return { name: "rds.force_ssl", value: "1" };
  return undefined;
}

/**
 * `aws_db_instance` / `aws_rds_cluster` (MySQL, MariaDB, PostgreSQL, SQL Server) use a parameter group
 * of this stack (`aws_db_parameter_group` / `aws_rds_cluster_parameter_group`) that sets
 * `require_secure_transport = 1` (MySQL, MariaDB; `ON` is accepted too) or `rds.force_ssl = 1`. Replicas
 * inherit the source's parameters and are checked the same way; Oracle is not applicable.
 */
export const rdsTls: PolicyRule = {
  id: "LZ-TLS3",
  level: "error",
  title: "RDS databases require TLS (require_secure_transport / rds.force_ssl in their parameter group)",
  rationale: "Without it, a client may send credentials and queries in clear text inside the VPC.",
  sources: ["CKV2_AWS_69"],
  resourceTypes: ["aws_db_instance", "aws_rds_cluster"],
  check: (r, stack) => {
    const engine = String(r.body.engine ?? "");
    const wanted = tlsParameter(engine);
    if (!wanted) return NOT_APPLICABLE;
    const field = r.type === "aws_rds_cluster" ? "db_cluster_parameter_group_name" : "parameter_group_name";
    const group = stack.resolve(r.body[field]);
    if (!group)
      return nonCompliant(
        `${field} is ${r.body[field] === undefined ? "not set (the default group allows plain connections)" : "not a parameter group of this stack"}. Add an aws_db_parameter_group with ${wanted.name} = ${wanted.value} and reference it.`,
      );
    const params = asList<Record<string, unknown>>(group.body.parameter);
    const p = params.find((x) => String(x.name).toLowerCase() === wanted.name);
    const on = p !== undefined && ["1", "on", "true"].includes(String(p.value).toLowerCase());
    return on
      ? COMPLIANT
      : nonCompliant(`parameter group ${group.address} does not set ${wanted.name} = ${wanted.value}. Add that parameter.`);
  },
};
