/**
 * `lz validate`: loads the config (shape, then meaning across files), then builds every stack in memory and runs
 * the policy pack on it, as synthesis does, and reports every problem, as lines for people or as JSON for CI
 * annotations. A policy-pack finding is reported at the YAML setting it comes from (src/policy-problems.ts).
 * Writes nothing.
 */
import { Option, type Command } from "commander";
import { ConfigError, formatProblem, vendingNotice, type Problem } from "../../config/index.js";
import { loadLandingZoneWithSources } from "../../landing-zone.js";
import { githubAnnotations } from "../../pipeline/annotations.js";
import { deployOrder } from "../../pipeline/deploy-order.js";
import { findingProblems } from "../../policy-problems.js";
import { configDir, CONFIG_OPTION_HELP, type Context } from "../context.js";
import { CliError, renderConfigError } from "../errors.js";
import { Progress, type Style } from "../io.js";

/** A problem of the report: a config problem, or a policy-pack finding located in the config (with its rule id). */
export type ReportedProblem = Problem & { readonly rule?: string };

/** What `lz validate --format json` prints, on one line. `warnings` holds the policy pack's warning-level findings. */
export type ValidateReport =
  | {
      readonly ok: true;
      readonly config: string;
      readonly stacks: readonly string[];
      readonly problems: readonly [];
      readonly warnings?: readonly ReportedProblem[];
      /** Set while a core account is still to be created: only the organization stack is built (see vendingNotice). */
      readonly notice?: string;
    }
  | {
      readonly ok: false;
      readonly config: string;
      readonly problems: readonly ReportedProblem[];
      readonly warnings?: readonly ReportedProblem[];
    };

/** Options of {@link validate}. */
export interface ValidateOptions {
  /** Build the stacks in memory and run the policy pack on them (about a second). @default true */
  readonly policyPack?: boolean;
  /** Shows the policy-pack step on a terminal. @default no progress */
  readonly progress?: Progress;
}

export function defineValidate(cmd: Command, ctx: Context): void {
  cmd
    .description("check the config (shape, meaning across files, then the policy pack on the stacks built in memory); writes nothing")
    .option("--config <dir>", CONFIG_OPTION_HELP)
    .addOption(
      new Option("--format <format>", "text for people, json for CI, github for annotations on the YAML lines")
        .choices(["text", "json", "github"])
        .default("text"),
    )
    .option("--no-policy-pack", "skip building the stacks and the policy pack (faster; misses what synthesis would refuse)")
    .addHelpText(
      "after",
      `
What it checks, in order: the shape of every file; the meaning across fields and files; the routing
intents; then, when all of that passes, every stack is built in memory (nothing is written) and the
policy pack (docs/rules.md) runs on it, as \`lz synth\` does. A policy-pack error is reported at the YAML
setting its resource comes from (an environment's database finding at app.database, a hub finding under
networkHub), naming the stack, the resource address and the rule; a warning is printed, not counted.

Output:
  text  on success one line on stdout; on problems "config has N problems:" and one line per
        problem, file:line:col path: message, on stderr
  json  one line on stdout, success or not:
        {"ok":true,"config":"environments","stacks":["bootstrap","network-hub",...],"problems":[]}
        {"ok":false,"config":"environments","problems":[{"file","line","col","path","message","rule"?},...]}
        policy-pack warnings, when there are any, in "warnings" (same form)
  github one GitHub Actions command per problem on stdout, shown on the file's line in a pull request:
        ::error file=environments/dev.yaml,line=9,col=9,title=vpc.cidr::message   (::warning for warnings)

Exit status: 0 valid, 1 any problem (including a policy-pack error), 2 bad command line.

Examples:
  $ lz validate
  $ lz validate --no-policy-pack          # the config alone, about 0.3 s
  $ lz validate --config path/to/dir --format json
  $ lz validate --format github           # in a GitHub Actions step`,
    )
    .action(async (opts: { config?: string; format: "text" | "json" | "github"; policyPack: boolean }) => {
      const dir = configDir(opts.config, ctx.io.env);
      const report = await validate(dir, { policyPack: opts.policyPack, progress: new Progress(ctx.io) });
      if (opts.format === "json") ctx.io.stdout.write(`${JSON.stringify(report)}\n`);
      else if (opts.format === "github") writeGithub(report, dir, ctx);
      else writeText(report, dir, ctx);
      if (!report.ok) throw new CliError("");
    });
}

/** The github form: one annotation per problem and warning on stdout, or the OK line. */
function writeGithub(report: ValidateReport, dir: string, ctx: Context): void {
  if (report.ok) ctx.io.stdout.write(`OK ${dir}: ${report.stacks.length} stacks\n`);
  else ctx.io.stdout.write(githubAnnotations(report.problems));
  ctx.io.stdout.write(githubAnnotations(report.warnings ?? [], "warning"));
}

/** The text form: the OK line on stdout, or the problems on stderr; warnings on stderr either way. */
function writeText(report: ValidateReport, dir: string, ctx: Context): void {
  if (report.ok) ctx.io.stdout.write(`${ctx.out.green("OK")} ${dir}: ${report.stacks.length} stacks (${report.stacks.join(", ")})\n`);
  else ctx.io.stderr.write(`${renderConfigError(new ConfigError(report.problems), ctx.err)}\n`);
  if (report.ok && report.notice) ctx.io.stderr.write(`${ctx.err.yellow(report.notice)}\n`);
  const warnings = report.warnings ?? [];
  if (warnings.length > 0) ctx.io.stderr.write(`${renderWarningProblems(warnings, ctx.err)}\n`);
}

function renderWarningProblems(warnings: readonly ReportedProblem[], s: Style): string {
  const n = warnings.length;
  return [s.yellow(`policy pack: ${n} warning${n === 1 ? "" : "s"}:`), ...warnings.map(formatProblem)].join("\n");
}

const plain = ({ file, line, col, path, message }: Problem): Problem => ({ file, line, col, path, message });

/**
 * Loads `dir`, then (unless `options.policyPack` is false) builds the stacks in memory and runs the policy pack,
 * and returns the report.
 * @throws only for failures other than config problems and policy findings (a bug, an unreadable file).
 */
export async function validate(dir: string, options: ValidateOptions = {}): Promise<ValidateReport> {
  let loaded: ReturnType<typeof loadLandingZoneWithSources>;
  try {
    loaded = loadLandingZoneWithSources(dir);
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    return { ok: false, config: dir, problems: e.problems.map(plain) };
  }
  const { model, sources } = loaded;
  // Every stack synth writes, in deploy order: the hand-applied bootstrap stack (when configured), then the pipeline's.
  const stacks = deployOrder(model);
  const notice = vendingNotice(model.awsOrganizations);
  const noted = notice ? { notice } : {};
  if (options.policyPack === false) return { ok: true, config: dir, stacks, problems: [], ...noted };

  // Loaded here, not at the top: cdktf and the AWS provider cost about half a second.
  const { checkLandingZone } = await import("../../app.js");
  const check = () => checkLandingZone(model);
  const { policy } = options.progress
    ? await options.progress.step(`Building ${stacks.length} stacks in memory for the policy pack`, () => "Policy pack checked", check)
    : check();
  const located = (findings: typeof policy.errors) =>
    findingProblems(findings, model, sources).map((p, i) => ({ ...plain(p), rule: findings[i]!.ruleId }));
  const warnings = located(policy.warnings);
  const extra = warnings.length > 0 ? { warnings } : {};
  if (policy.errors.length === 0) return { ok: true, config: dir, stacks, problems: [], ...extra, ...noted };
  return { ok: false, config: dir, problems: new ConfigError(located(policy.errors)).problems, ...extra };
}
