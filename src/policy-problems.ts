/**
 * Policy-pack findings as config problems: each finding on a synthesized resource is traced back to the YAML
 * setting that produced it, so `lz validate` reports what synthesis would refuse as `file:line:col path: message`.
 *
 * The stack names the file: a workload stack is its environment file, the network hub and the bootstrap stack are
 * `shared.yaml` (under `networkHub` and `bootstrap`). Inside the file, the resource type names the setting
 * ({@link SETTING_OF_TYPE}: a database finding points at `app.database`, a VPC's at `vpc`); a type the table does
 * not know points at the top of the stack's section (the environment file's first line, or `networkHub:`). The
 * message always names the stack, the resource address and the rule, so the finding can be found in the JSON too.
 * Nothing here imports cdktf: the findings come from `checkLandingZone` (src/app.ts).
 */
import type { ConfigSources, LandingZoneModel, Problem } from "./config/index.js";
import type { SourceFile } from "./config/source.js";
import type { Finding } from "./policy/types.js";

/**
 * Config path (inside the stack's file) of the setting each resource type comes from, by type prefix; the first
 * matching prefix wins, so longer prefixes come first. Paths under `app` apply to workload stacks.
 */
export const SETTING_OF_TYPE: readonly (readonly [prefix: string, path: readonly string[]])[] = [
  ["aws_db_", ["app", "database"]],
  ["aws_rds_", ["app", "database"]],
  ["aws_elasticache_", ["app", "cache"]],
  ["aws_ecs_", ["app", "services"]],
  ["aws_ecr_", ["app", "services"]],
  ["aws_appautoscaling_", ["app", "services"]],
  ["aws_lb", ["app", "domain"]],
  ["aws_cloudfront_", ["app", "domain"]],
  ["aws_acm_", ["app", "domain"]],
  ["aws_route53_", ["app", "domain"]],
  ["aws_wafv2_", ["app"]],
  ["aws_shield_", ["app", "shieldAdvanced"]],
  ["aws_backup_", ["app"]],
  ["aws_vpc", ["vpc"]],
  ["aws_subnet", ["vpc"]],
  ["aws_nat_gateway", ["vpc", "natGateways"]],
  ["aws_flow_log", ["vpc", "flowLogs"]],
  ["aws_default_security_group", ["vpc"]],
  ["aws_security_group", ["vpc"]],
  ["aws_network_acl", ["vpc"]],
  ["aws_networkfirewall_", ["inspection"]],
  ["aws_sns_", ["alerts"]],
  ["aws_cloudwatch_metric_alarm", ["alarms"]],
];

/** The part of a stack's file its settings live under, and the file. */
interface StackSection {
  readonly source: SourceFile;
  /** Prefix of every path in the stack's section: `[]` for an environment file, `["networkHub"]` in shared.yaml. */
  readonly root: readonly string[];
  readonly workload: boolean;
}

function sectionOf(stack: string, model: LandingZoneModel, sources: ConfigSources): StackSection {
  if (model.bootstrap && stack === model.bootstrap.stackName) return { source: sources.shared, root: ["bootstrap"], workload: false };
  const env = model.environments.find((e) => e.stackName === stack);
  const source = env && sources.environments.find((s) => (s.data as { name?: unknown } | null)?.name === env.name);
  if (source) return { source, root: [], workload: true };
  return { source: sources.shared, root: ["networkHub"], workload: false };
}

/** True when `path` was written in `source` (every key present). */
function written(source: SourceFile, path: readonly string[]): boolean {
  let node: unknown = source.data;
  for (const key of path) {
    if (typeof node !== "object" || node === null || !Object.hasOwn(node, key)) return false;
    node = (node as Record<string, unknown>)[key];
  }
  return true;
}

/**
 * What to write for a finding whose cause is a setting left out, when the table points at it: today only a
 * missing `app.domain`, without which the app is served over plain HTTP (no ACM certificate for the ALB or
 * CloudFront), which LZ-TLS1 and LZ-TLS2 refuse.
 */
function missingSettingHint(finding: Finding, path: readonly string[], source: SourceFile): string | undefined {
  if (path.join(".") !== "app.domain" || written(source, path)) return undefined;
  if (finding.ruleId !== "LZ-TLS1" && finding.ruleId !== "LZ-TLS2") return undefined;
  return "Without app.domain the load balancer and CloudFront have no ACM certificate and serve plain HTTP: add app.domain (hostedZoneName, recordName) with a hosted zone in this account";
}

/**
 * One config problem per finding: located at the setting the resource comes from (see {@link SETTING_OF_TYPE}),
 * else at the stack's section (the first line of an environment file; `networkHub` or `bootstrap` in shared.yaml).
 * The problem's `path` is the dotted setting as written (its closest written parent when the setting is absent);
 * the message is `policy pack <rule> (<stack> <address>): <finding>. <what to do>`.
 * @param findings policy-pack findings, each on a stack of `model`.
 * @param model the model the stacks were built from.
 * @param sources the files `model` was loaded from.
 */
export function findingProblems(findings: readonly Finding[], model: LandingZoneModel, sources: ConfigSources): Problem[] {
  return findings.map((f) => {
    const { source, root, workload } = sectionOf(f.stack, model, sources);
    const type = f.address.split(".")[0] ?? "";
    const setting = SETTING_OF_TYPE.find(([prefix, path]) => type.startsWith(prefix) && (workload || path[0] !== "app"))?.[1];
    const path = setting ? [...root, ...setting] : root;
    const hint =
      missingSettingHint(f, path, source) ??
      `Change the setting that produces it, or accept the finding with a policy.suppressions entry (rule ${f.ruleId}, a reason) in ${workload ? "this file" : "shared.yaml's networkHub"}; docs/rules.md lists the rules`;
    const message = `policy pack ${f.ruleId} (${f.stack} ${f.address}): ${f.message.replace(/\.?$/, ".")} ${hint}.`;
    // A setting that is not written is reported at its closest written parent's key, and named so.
    let shown = [...path];
    while (shown.length > 0 && !written(source, shown)) shown = shown.slice(0, -1);
    if (shown.length === 0) return { file: source.file, line: 1, col: 1, path: "(file)", message };
    return { ...source.problem(shown, message, { key: true }), path: shown.join(".") };
  });
}
