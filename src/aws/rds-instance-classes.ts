/**
 * RDS DB instance classes per DB engine: the `db.<family>.<size>` names RDS accepts for a new DB instance of
 * that engine.
 *
 * Source: "Supported DB engines for DB instance classes" ({@link RDS_INSTANCE_CLASS_DOC}), checked 2026-11.
 * Families marked "docs" are the rows of that table for MySQL 8.0 in its last edition published as Markdown
 * (awsdocs/amazon-rds-user-guide, doc_source/Concepts.DBInstanceClass.md, June 2023). The families added since
 * (db.m6id, db.m6idn, db.m6in, db.r6id, db.r6idn, db.r6in, db.m7i, db.r7i, db.m8g, db.m8gd, db.r8g, db.r8gd) and
 * their sizes come from the AWS Price List for RDS for MySQL (as generated per Region into cfn-lint's
 * `dbinstanceclass_enum.json`, snapshot 2026-08-19): the current page's rows could not be read in full when
 * checked. The Price List also has `db.m9g` (Graviton5) in four Regions; the
 * documentation did not show it, so it is left out until it does.
 *
 * What this table does not say:
 * - Region availability. AWS publishes no per-Region table for RDS instance classes: "Determining DB instance
 *   class support in AWS Regions" (Concepts.DBInstanceClass.RegionSupport.html) points to the pricing calculator
 *   and `aws rds describe-orderable-db-instance-options`, both live queries, and `lz validate` never calls AWS.
 *   A class that exists for the engine but not in the environment's Region fails at apply time
 *   ("InvalidParameterCombination: RDS does not support creating a DB instance with the following combination"),
 *   not here.
 * - Engine-version limits. Some classes need a minimum minor version (db.m6g/db.r6g MySQL 8.0.23, db.m7g/db.r7g
 *   8.0.28, per the same page); every MySQL minor version RDS still offers is newer
 *   (./rds-engine-versions.ts), so the check would never fire.
 * - Previous generation. db.t2, db.m3, db.m4, db.r3 and db.r4 are still listed for MySQL; AWS recommends moving
 *   off db.m3 and db.r3 but the documentation does not say new instances are refused, so they are accepted.
 *
 * Neutral data: no cdktf, no config. To support another engine, add its key to {@link RdsEngine} and its
 * families from the same page.
 */

/** The RDS documentation page the table follows. */
export const RDS_INSTANCE_CLASS_DOC = "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Concepts.DBInstanceClass.Support.html";

/** The Aurora documentation page of the Aurora rows ({@link RDS_INSTANCE_FAMILIES} `aurora-mysql`, `aurora-postgresql`). */
export const AURORA_INSTANCE_CLASS_DOC =
  "https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Concepts.DBInstanceClass.SupportAurora.html";

/**
 * The DB engines the table covers (the RDS `Engine` value): RDS for MySQL (`mysql`), RDS for PostgreSQL
 * (`postgres`), Aurora MySQL (`aurora-mysql`) and Aurora PostgreSQL (`aurora-postgresql`).
 */
export type RdsEngine = "mysql" | "postgres" | "aurora-mysql" | "aurora-postgresql";

/** How the engine is called in messages. */
export const RDS_ENGINE_LABEL: Readonly<Record<RdsEngine, string>> = Object.freeze({
  mysql: "RDS for MySQL",
  postgres: "RDS for PostgreSQL",
  "aurora-mysql": "Aurora MySQL",
  "aurora-postgresql": "Aurora PostgreSQL",
});

/** The page an engine's rows follow: {@link RDS_INSTANCE_CLASS_DOC} for RDS, {@link AURORA_INSTANCE_CLASS_DOC} for Aurora. */
export function instanceClassDocOf(engine: RdsEngine): string {
  return engine.startsWith("aurora") ? AURORA_INSTANCE_CLASS_DOC : RDS_INSTANCE_CLASS_DOC;
}

/** One instance class family (`db.r6g`) and the sizes RDS offers of it for an engine, smallest first. */
export interface RdsInstanceFamily {
  /** `db.<type>`, for example `db.r6g`. */
  readonly family: string;
  /** Size names as in the class name (`micro` … `48xlarge`), smallest first. */
  readonly sizes: readonly string[];
}

const BURSTABLE = ["micro", "small", "medium", "large", "xlarge", "2xlarge"] as const;
const TO_16X = ["large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge"] as const;
const TO_24X = [...TO_16X, "24xlarge"] as const;
const TO_32X = [...TO_24X, "32xlarge"] as const;
const TO_48X = [...TO_24X, "48xlarge"] as const;

const fam = (family: string, sizes: readonly string[]): RdsInstanceFamily => ({ family, sizes });

const MYSQL_FAMILIES: readonly RdsInstanceFamily[] = [
  // Burstable (docs).
  fam("db.t4g", BURSTABLE),
  fam("db.t3", BURSTABLE),
  fam("db.t2", BURSTABLE),
  // General purpose (docs).
  fam("db.m7g", TO_16X),
  fam("db.m6g", TO_16X),
  fam("db.m6gd", TO_16X),
  fam("db.m6i", TO_32X),
  fam("db.m5d", TO_24X),
  fam("db.m5", TO_24X),
  fam("db.m4", ["large", "xlarge", "2xlarge", "4xlarge", "10xlarge", "16xlarge"]),
  fam("db.m3", ["medium", "large", "xlarge", "2xlarge"]),
  // General purpose, added since 2023 (Price List).
  fam("db.m8g", TO_48X),
  fam("db.m8gd", TO_48X),
  fam("db.m7i", TO_48X),
  fam("db.m6id", TO_32X),
  fam("db.m6idn", TO_32X),
  fam("db.m6in", TO_32X),
  // Memory optimized (docs).
  fam("db.r7g", TO_16X),
  fam("db.r6g", TO_16X),
  fam("db.r6gd", TO_16X),
  fam("db.r6i", TO_32X),
  fam("db.r5d", TO_24X),
  fam("db.r5b", TO_24X),
  fam("db.r5", TO_24X),
  fam("db.r4", ["large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "16xlarge"]),
  fam("db.r3", ["large", "xlarge", "2xlarge", "4xlarge", "8xlarge"]),
  fam("db.x2g", TO_16X),
  fam("db.x2idn", ["16xlarge", "24xlarge", "32xlarge"]),
  fam("db.x2iedn", ["xlarge", "2xlarge", "4xlarge", "8xlarge", "16xlarge", "24xlarge", "32xlarge"]),
  // Memory optimized, added since 2023 (Price List).
  fam("db.r8g", TO_48X),
  fam("db.r8gd", TO_48X),
  fam("db.r7i", TO_48X),
  fam("db.r6id", TO_32X),
  fam("db.r6idn", TO_32X),
  fam("db.r6in", TO_32X),
];

/** Previous-generation families RDS for PostgreSQL 16 and 17 do not run (the table's rows name only older major versions for them). */
const NOT_POSTGRES_16_17 = ["db.t2", "db.m3", "db.m4", "db.r3", "db.r4"];

/**
 * Aurora instance classes (AURORA_INSTANCE_CLASS_DOC, checked 2026-12): the burstable classes only from medium
 * (db.t3.medium, db.t3.large, db.t4g.medium, db.t4g.large; Aurora has no micro or small class), the
 * memory-optimized families (db.r5 to db.r8g, with the Optimized Reads db.r6gd, db.r6id and db.r8gd), and db.x2g.
 * Aurora has no general-purpose db.m class for provisioned instances of current versions. `db.serverless`
 * (Aurora Serverless v2) is left out: the app tier creates provisioned instances. The page's per-version limits
 * (for example db.r8g needs Aurora MySQL 3.08 or Aurora PostgreSQL 16.4 and later) are not checked; the default
 * versions are newer.
 */
const AURORA_FAMILIES: readonly RdsInstanceFamily[] = [
  fam("db.t4g", ["medium", "large"]),
  fam("db.t3", ["medium", "large"]),
  fam("db.r8g", TO_48X),
  fam("db.r8gd", TO_48X),
  fam("db.r7g", TO_16X),
  fam("db.r7i", TO_48X),
  fam("db.r6g", TO_16X),
  fam("db.r6gd", TO_16X),
  fam("db.r6i", TO_32X),
  fam("db.r6id", TO_32X),
  fam("db.r5", TO_24X),
  fam("db.x2g", TO_16X),
];

/**
 * Engine → its instance class families. `postgres` uses the MySQL rows without the previous-generation families
 * that PostgreSQL 16 and 17 do not run (the same page lists the same current families for both engines).
 */
export const RDS_INSTANCE_FAMILIES: Readonly<Record<RdsEngine, readonly RdsInstanceFamily[]>> = Object.freeze({
  mysql: MYSQL_FAMILIES,
  postgres: MYSQL_FAMILIES.filter((f) => !NOT_POSTGRES_16_17.includes(f.family)),
  "aurora-mysql": AURORA_FAMILIES,
  "aurora-postgresql": AURORA_FAMILIES,
});

/** Every instance class name of `engine` (`db.r6g.large`, ...), in table order. */
export function rdsInstanceClasses(engine: RdsEngine): readonly string[] {
  return RDS_INSTANCE_FAMILIES[engine].flatMap((f) => f.sizes.map((s) => `${f.family}.${s}`));
}

/** The family entry of `instanceClass` (`db.r6g.lurge` → the `db.r6g` entry), or `undefined` for an unknown family. */
export function rdsInstanceFamilyOf(engine: RdsEngine, instanceClass: string): RdsInstanceFamily | undefined {
  const family = instanceClass.split(".").slice(0, 2).join(".");
  return RDS_INSTANCE_FAMILIES[engine].find((f) => f.family === family);
}

/** True when RDS offers `instanceClass` for `engine` (in at least one Region; see the file comment). */
export function isRdsInstanceClass(engine: RdsEngine, instanceClass: string): boolean {
  const [, , size, ...rest] = instanceClass.split(".");
  return rest.length === 0 && size !== undefined && (rdsInstanceFamilyOf(engine, instanceClass)?.sizes.includes(size) ?? false);
}
