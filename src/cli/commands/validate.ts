/**
 * `lz validate`: loads the config (shape, then meaning across files) and reports every problem, as
 * lines for people or as JSON for CI annotations. Writes nothing.
 */
import { Option, type Command } from "commander";
import { ConfigError, type Problem } from "../../config/index.js";
import { loadLandingZone } from "../../landing-zone.js";
import { githubAnnotations } from "../../pipeline/annotations.js";
import { stackMatrix } from "../../pipeline/stacks.js";
import { configDir, CONFIG_OPTION_HELP, type Context } from "../context.js";
import { CliError, renderConfigError } from "../errors.js";

/** What `lz validate --format json` prints, on one line. */
export type ValidateReport =
  | { readonly ok: true; readonly config: string; readonly stacks: readonly string[]; readonly problems: readonly [] }
  | { readonly ok: false; readonly config: string; readonly problems: readonly Problem[] };

export function defineValidate(cmd: Command, ctx: Context): void {
  cmd
    .description("check the config (shape, then meaning across files) and report every problem; writes nothing")
    .option("--config <dir>", CONFIG_OPTION_HELP)
    .addOption(
      new Option("--format <format>", "text for people, json for CI, github for annotations on the YAML lines")
        .choices(["text", "json", "github"])
        .default("text"),
    )
    .addHelpText(
      "after",
      `
Output:
  text  on success one line on stdout; on problems "config has N problems:" and one line per
        problem, file:line:col path: message, on stderr
  json  one line on stdout, success or not:
        {"ok":true,"config":"environments","stacks":["bootstrap","network-hub",...],"problems":[]}
        {"ok":false,"config":"environments","problems":[{"file","line","col","path","message"},...]}
  github one GitHub Actions command per problem on stdout, shown on the file's line in a pull request:
        ::error file=environments/dev.yaml,line=9,col=9,title=vpc.cidr::message

Exit status: 0 valid, 1 any problem, 2 bad command line.

Examples:
  $ lz validate
  $ lz validate --config path/to/dir --format json
  $ lz validate --format github                        # in a GitHub Actions step`,
    )
    .action((opts: { config?: string; format: "text" | "json" | "github" }) => {
      const dir = configDir(opts.config, ctx.io.env);
      const report = validate(dir);
      if (opts.format === "json") {
        ctx.io.stdout.write(`${JSON.stringify(report)}\n`);
      } else if (opts.format === "github") {
        ctx.io.stdout.write(report.ok ? `OK ${dir}: ${report.stacks.length} stacks\n` : githubAnnotations(report.problems));
      } else if (report.ok) {
        const { out } = ctx;
        ctx.io.stdout.write(`${out.green("OK")} ${dir}: ${report.stacks.length} stacks (${report.stacks.join(", ")})\n`);
      } else {
        ctx.io.stderr.write(`${renderConfigError(new ConfigError(report.problems), ctx.err)}\n`);
      }
      if (!report.ok) throw new CliError("");
    });
}

/** Loads `dir` and returns the report; throws only for failures other than config problems. */
export function validate(dir: string): ValidateReport {
  try {
    const model = loadLandingZone(dir);
    // Every stack synth writes: the hand-applied bootstrap stack (when configured), then the pipeline's.
    const stacks = [...(model.bootstrap ? [model.bootstrap.stackName] : []), ...stackMatrix(model).map((e) => e.stack)];
    return { ok: true, config: dir, stacks, problems: [] };
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    const problems = e.problems.map(({ file, line, col, path, message }) => ({ file, line, col, path, message }));
    return { ok: false, config: dir, problems };
  }
}
