/** LZ-AWS6: every log an RDS instance exports to CloudWatch Logs is backed by the settings that make it have entries. */
import {
  AURORA_LOG_EXPORT_REQUIREMENTS,
  AURORA_LOG_EXPORTS_DOC,
  LOG_EXPORT_REQUIREMENTS,
  LOG_EXPORTS_DOC,
  type DbParameterSetting,
} from "../../aws/rds-capabilities.js";
import { asList, type SynthResource } from "../stack.js";
import { NOT_APPLICABLE, outcomeOf, type PolicyRule } from "../types.js";
import { engineOf, groupOf, type GroupOf } from "./rds-instances.js";

/** A parameter value as RDS compares it: trimmed, upper case, with ON/TRUE read as 1 and OFF/FALSE as 0. */
function normalized(value: unknown): string {
  const v = String(value ?? "")
    .trim()
    .toUpperCase();
  return v === "ON" || v === "TRUE" ? "1" : v === "OFF" || v === "FALSE" ? "0" : v;
}

const setsAny = (group: SynthResource, alternatives: readonly DbParameterSetting[]) =>
  asList<Record<string, unknown>>(group.body.parameter).some((p) =>
    alternatives.some((a) => String(p.name).toLowerCase() === a.name && normalized(p.value) === normalized(a.value)),
  );

const hasOption = (group: SynthResource, option: string) =>
  asList<Record<string, unknown>>(group.body.option).some((o) => String(o.option_name).toUpperCase() === option);

const written = (alternatives: readonly DbParameterSetting[]) => alternatives.map((a) => `${a.name} = ${a.value}`).join(" or ");

const quoted = (exports: readonly string[]) => exports.map((e) => `"${e}"`).join(" and ");

/**
 * The problem of the exports `exported` whose requirement `group` does not meet: `onResource` says what the group
 * resource lacks, `onDefault` what the engine's default group lacks. None when the group is unknown (made elsewhere).
 */
function groupProblem(group: GroupOf, exported: readonly string[], onResource: string, onDefault: string, fix: string): string | undefined {
  if (group.kind === "unknown") return undefined;
  const why = group.kind === "default" ? onDefault : `${group.group.address} ${onResource}`;
  const plural = exported.length > 1;
  return `${quoted(exported)} ${plural ? "are" : "is"} exported, but ${why}, so ${plural ? "those logs stay" : "the log stays"} empty. ${fix}`;
}

/**
 * For an `aws_db_instance` of engine `mysql` or `mariadb` (a replica: its source's engine and, when it names none,
 * its source's groups), each entry of `enabled_cloudwatch_logs_exports` is backed
 * ({@link LOG_EXPORT_REQUIREMENTS}, "Publishing MySQL logs to Amazon CloudWatch Logs"): `audit` needs an option
 * group with the MARIADB_AUDIT_PLUGIN option; `general` a parameter group with `general_log = 1`; `slowquery`
 * `slow_query_log = 1` (MariaDB: or `log_slow_query = 1`); both `log_output = FILE` (the default is TABLE).
 * Groups are found by reference or by literal name; a group the stack does not hold is not judged (neither: not applicable).
 * For an `aws_rds_cluster` of engine `aurora-mysql` the same in its cluster parameter group
 * (`db_cluster_parameter_group_name`, {@link AURORA_LOG_EXPORT_REQUIREMENTS}): `audit` needs `server_audit_logging = 1`.
 */
export const rdsLogExports: PolicyRule = {
  id: "LZ-AWS6",
  level: "error",
  title: "Every RDS log exported to CloudWatch Logs is switched on by its parameter or option group",
  rationale:
    "RDS accepts an export of the audit, general or slow query log without the plugin or parameters that write it; the log group then stays empty and nobody notices until an investigation needs it.",
  sources: [
    LOG_EXPORTS_DOC,
    "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_LogAccess.MariaDB.PublishtoCloudWatchLogs.html",
    "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Appendix.MySQL.Options.AuditPlugin.html",
    AURORA_LOG_EXPORTS_DOC,
  ],
  resourceTypes: ["aws_db_instance", "aws_rds_cluster"],
  check: (r, stack) => {
    const exports = asList(r.body.enabled_cloudwatch_logs_exports).filter((e): e is string => typeof e === "string");
    const cluster = r.type === "aws_rds_cluster";
    const engine = engineOf(r, stack);
    const requirements = engine === undefined ? undefined : (cluster ? AURORA_LOG_EXPORT_REQUIREMENTS : LOG_EXPORT_REQUIREMENTS)[engine];
    if (!requirements) return NOT_APPLICABLE;
    const needed = exports.filter((e) => requirements[e] !== undefined);
    if (needed.length === 0) return NOT_APPLICABLE;
    const parameters = cluster
      ? groupOf(r, stack, "db_cluster_parameter_group_name", "aws_rds_cluster_parameter_group")
      : groupOf(r, stack, "parameter_group_name", "aws_db_parameter_group");
    const options = groupOf(r, stack, "option_group_name", "aws_db_option_group");
    if (parameters.kind === "unknown" && options.kind === "unknown") return NOT_APPLICABLE;
    const missingOptions = new Map<string, string[]>();
    const missingParameters = new Map<string, { readonly alternatives: readonly DbParameterSetting[]; readonly exports: string[] }>();
    for (const name of needed) {
      const requirement = requirements[name]!;
      const option = requirement.option;
      if (option && !(options.kind === "resource" && hasOption(options.group, option)))
        missingOptions.set(option, [...(missingOptions.get(option) ?? []), name]);
      for (const alternatives of requirement.parameters ?? []) {
        if (parameters.kind === "resource" && setsAny(parameters.group, alternatives)) continue;
        const key = written(alternatives);
        const entry = missingParameters.get(key) ?? { alternatives, exports: [] };
        entry.exports.push(name);
        missingParameters.set(key, entry);
      }
    }
    const problems = [
      ...[...missingOptions].map(([option, exported]) =>
        groupProblem(
          options,
          exported,
          `has no ${option} option`,
          `the instance names no option group (the default one has no ${option} option)`,
          `Add an aws_db_option_group with the ${option} option and set option_group_name to it (${LOG_EXPORTS_DOC})`,
        ),
      ),
      ...[...missingParameters].map(([setting, { exports }]) =>
        groupProblem(
          parameters,
          exports,
          `does not set ${setting}`,
          `the ${cluster ? "cluster" : "instance"} names no parameter group (the default one does not set ${setting})`,
          cluster
            ? `Set ${setting} in the cluster's aws_rds_cluster_parameter_group (${AURORA_LOG_EXPORTS_DOC})`
            : `Set ${setting} in the instance's aws_db_parameter_group (${LOG_EXPORTS_DOC})`,
        ),
      ),
    ].filter((p): p is string => p !== undefined);
    return outcomeOf(problems);
  },
};
