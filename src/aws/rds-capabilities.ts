/**
 * What an RDS DB instance supports, by engine, engine version and instance class: the facts that
 * `terraform validate` cannot see and that make `CreateDBInstance` fail (`InvalidParameterCombination`) or
 * silently produce nothing (an empty CloudWatch log stream). The app tier's stack decides from these
 * tables what to turn on, and the policy pack (LZ-AWS5, LZ-AWS6) checks any synthesized stack against them.
 *
 * Checked against the AWS documentation on 2026-11-29:
 * - Performance Insights / Database Insights by instance class:
 *   https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_DatabaseInsights.Engines.html (RDS) and
 *   https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/USER_DatabaseInsights.Engines.html (Aurora);
 * - what each CloudWatch Logs export needs:
 *   https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_LogAccess.MySQLDB.PublishtoCloudWatchLogs.html,
 *   https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_LogAccess.MariaDB.PublishtoCloudWatchLogs.html;
 * - the MariaDB audit plugin on RDS for MySQL (8.0.28 and later 8.0 versions, every 5.7 and 8.4 version): the
 *   options table of https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Appendix.MySQL.Options.html (the
 *   plugin's own page, .../Appendix.MySQL.Options.AuditPlugin.html, has its settings; one copy of its version
 *   note still lists only 8.0 and 5.7).
 *
 * Separate from the validate-time tables of instance classes per Region (`src/aws/`, `lz validate`): this file
 * holds capabilities of a class or version, not whether a class exists.
 */

/** Date the tables below were last checked against the AWS documentation (ISO 8601). */
export const RDS_CAPABILITIES_CHECKED = "2026-11-29";

/**
 * Instance classes on which Performance Insights (Database Insights) cannot be turned on, per engine
 * (`aws_db_instance.engine`). An engine that is not a key is not covered: its support is unknown here.
 * Aurora MySQL excludes every db.t2 and db.t3 size, listed as family prefixes ending in `.`; Aurora PostgreSQL
 * supports every class. RDS for PostgreSQL is not covered yet (its row could not be read when checked), so the app
 * tier leaves Performance Insights off there.
 */
export const PERFORMANCE_INSIGHTS_UNSUPPORTED_CLASSES: Readonly<Record<string, readonly string[]>> = {
  mysql: ["db.t2.micro", "db.t2.small", "db.t3.micro", "db.t3.small", "db.t4g.micro", "db.t4g.small"],
  mariadb: ["db.t2.micro", "db.t2.small", "db.t3.micro", "db.t3.small", "db.t4g.micro", "db.t4g.small"],
  "aurora-mysql": ["db.t2.", "db.t3.", "db.t4g.micro", "db.t4g.small"],
  // Aurora PostgreSQL: "Instance class restrictions: Not applicable" (the Aurora page, checked 2026-12).
  "aurora-postgresql": [],
};

/** The AWS page {@link PERFORMANCE_INSIGHTS_UNSUPPORTED_CLASSES} follows for RDS engines. */
export const PERFORMANCE_INSIGHTS_CLASSES_DOC = "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_DatabaseInsights.Engines.html";

/**
 * Whether Performance Insights can be turned on for `engine` on `instanceClass` (for example `mysql`,
 * `db.t4g.micro` → false). Undefined when the engine is not in {@link PERFORMANCE_INSIGHTS_UNSUPPORTED_CLASSES}.
 */
export function supportsPerformanceInsights(engine: string, instanceClass: string): boolean | undefined {
  const unsupported = PERFORMANCE_INSIGHTS_UNSUPPORTED_CLASSES[engine];
  if (!unsupported) return undefined;
  return !unsupported.some((c) => (c.endsWith(".") ? instanceClass.startsWith(c) : instanceClass === c));
}

/** The option an RDS for MySQL or MariaDB option group needs for the `audit` log to have entries. */
export const AUDIT_PLUGIN_OPTION = "MARIADB_AUDIT_PLUGIN";

/** A DB parameter setting (`aws_db_parameter_group.parameter`): name and value as RDS stores them. */
export interface DbParameterSetting {
  readonly name: string;
  readonly value: string;
}

/**
 * What one CloudWatch Logs export (`enabled_cloudwatch_logs_exports`) of RDS for MySQL or MariaDB needs to have
 * entries: the option group option, and parameter settings of which at least one per inner list must be set
 * (MariaDB accepts `slow_query_log` or `log_slow_query`). `error` and `iam-db-auth-error` need nothing.
 */
export interface LogExportRequirement {
  /** Option the DB instance's option group must have. @default none */
  readonly option?: string;
  /** Each entry: alternatives, one of which the DB parameter group must set. @default none */
  readonly parameters?: readonly (readonly DbParameterSetting[])[];
}

const LOG_OUTPUT_FILE: DbParameterSetting = { name: "log_output", value: "FILE" };

/**
 * Requirements per export of RDS for MySQL (`mysql`) and RDS for MariaDB (`mariadb`): `audit` needs the
 * {@link AUDIT_PLUGIN_OPTION} option; `general` needs `general_log = 1`, `slowquery` `slow_query_log = 1`
 * (MariaDB: or `log_slow_query = 1`), both `log_output = FILE` (the default is TABLE, which CloudWatch Logs
 * never sees).
 */
export const LOG_EXPORT_REQUIREMENTS: Readonly<Record<string, Readonly<Record<string, LogExportRequirement>>>> = {
  mysql: {
    audit: { option: AUDIT_PLUGIN_OPTION },
    general: { parameters: [[{ name: "general_log", value: "1" }], [LOG_OUTPUT_FILE]] },
    slowquery: { parameters: [[{ name: "slow_query_log", value: "1" }], [LOG_OUTPUT_FILE]] },
  },
  mariadb: {
    audit: { option: AUDIT_PLUGIN_OPTION },
    general: { parameters: [[{ name: "general_log", value: "1" }], [LOG_OUTPUT_FILE]] },
    slowquery: {
      parameters: [
        [
          { name: "slow_query_log", value: "1" },
          { name: "log_slow_query", value: "1" },
        ],
        [LOG_OUTPUT_FILE],
      ],
    },
  },
};

/**
 * Requirements per export of an Aurora MySQL cluster (`aws_rds_cluster`, engine `aurora-mysql`), all in its cluster
 * parameter group: `audit` needs `server_audit_logging = 1` (Advanced Auditing), `general` `general_log = 1`,
 * `slowquery` `slow_query_log = 1`, both `log_output = FILE` ({@link AURORA_LOG_EXPORTS_DOC}).
 */
export const AURORA_LOG_EXPORT_REQUIREMENTS: Readonly<Record<string, Readonly<Record<string, LogExportRequirement>>>> = {
  "aurora-mysql": {
    audit: { parameters: [[{ name: "server_audit_logging", value: "1" }]] },
    general: { parameters: [[{ name: "general_log", value: "1" }], [LOG_OUTPUT_FILE]] },
    slowquery: { parameters: [[{ name: "slow_query_log", value: "1" }], [LOG_OUTPUT_FILE]] },
  },
};

/** The Aurora page {@link AURORA_LOG_EXPORT_REQUIREMENTS} follows. */
export const AURORA_LOG_EXPORTS_DOC =
  "https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/AuroraMySQL.Integrating.CloudWatch.html";

/** The AWS page {@link LOG_EXPORT_REQUIREMENTS} follows for MySQL. */
export const LOG_EXPORTS_DOC = "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_LogAccess.MySQLDB.PublishtoCloudWatchLogs.html";

/**
 * The parameter settings and option an RDS for MySQL instance needs so that every log in `exports` has entries:
 * the first alternative of each requirement of {@link LOG_EXPORT_REQUIREMENTS}, without duplicates, in export order.
 * @throws Error for an export that RDS for MySQL does not have (a programming error).
 */
export function mysqlLogSettings(exports: readonly string[]): { readonly parameters: DbParameterSetting[]; readonly options: string[] } {
  const parameters: DbParameterSetting[] = [];
  const options: string[] = [];
  for (const name of exports) {
    if (name === "error" || name === "iam-db-auth-error") continue;
    const requirement = LOG_EXPORT_REQUIREMENTS.mysql?.[name];
    if (!requirement) throw new Error(`RDS for MySQL has no CloudWatch Logs export named ${name}`);
    for (const [first] of requirement.parameters ?? []) if (first && !parameters.some((p) => p.name === first.name)) parameters.push(first);
    if (requirement.option && !options.includes(requirement.option)) options.push(requirement.option);
  }
  return { parameters, options };
}

/**
 * Whether RDS for MySQL `engineVersion` (`"8.0"`, `"8.0.40"`, `"5.7"`, `"8.4.3"`) supports the MariaDB audit
 * plugin: every 5.7 and 8.4 version, 8.0 from 8.0.28 (a bare `"8.0"` means the latest 8.0 minor version).
 * Undefined for a version this table does not know.
 */
export function mysqlSupportsAuditPlugin(engineVersion: string): boolean | undefined {
  const m = /^(\d+)\.(\d+)(?:\.(\d+))?/.exec(engineVersion);
  if (!m) return undefined;
  const [major, minor, patch] = [Number(m[1]), Number(m[2]), m[3] === undefined ? undefined : Number(m[3])];
  if (major === 5 && minor === 7) return true;
  if (major === 8 && minor === 4) return true;
  if (major === 8 && minor === 0) return patch === undefined || patch >= 28;
  return undefined;
}
