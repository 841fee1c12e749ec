/**
 * `lz synth`: the synthesis of `npm run synth`/`cdktf synth`, written all at once. The stacks are built
 * into a temporary sibling of the output folder, which replaces the output only when synthesis has
 * succeeded (see ../staged-output.ts); on any failure the previous output stays byte for byte.
 * Then it prints each stack in deploy order with its resource and data source counts.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { isAbsolute, join, relative, resolve } from "node:path";
import type { Command } from "commander";
import { ConfigError, vendingNotice, type LandingZoneModel } from "../../config/index.js";
import { loadLandingZone } from "../../landing-zone.js";
import { CDKTF_OUT, stackMatrix } from "../../pipeline/stacks.js";
import { deployOrder } from "../../pipeline/deploy-order.js";
import { configDir, CONFIG_OPTION_HELP, type Context } from "../context.js";
import { CliError, renderConfigError } from "../errors.js";
import { Progress, type Style } from "../io.js";
import { StagedOutput } from "../staged-output.js";
import { PolicyError, policySummaryLine, renderSuppressed, renderWarnings } from "../../policy/format.js";
import type { PolicyReport } from "../../policy/types.js";
import type { SynthResult } from "../context.js";

/** Resource and data source counts of one synthesized stack. */
export interface StackCounts {
  readonly stack: string;
  /** Entries under `resource` (every `<type>.<name>`). */
  readonly resources: number;
  /** Entries under `data`. */
  readonly dataSources: number;
}

type Blocks = Record<string, Record<string, unknown>> | undefined;
const entries = (blocks: Blocks) => Object.values(blocks ?? {}).reduce((n, byName) => n + Object.keys(byName).length, 0);

/** Counts the resources and data sources of `<outdir>/stacks/<stack>/cdk.tf.json`. */
export function countStack(outdir: string, stack: string): StackCounts {
  const json = JSON.parse(readFileSync(join(outdir, "stacks", stack, "cdk.tf.json"), "utf8")) as { resource?: Blocks; data?: Blocks };
  return { stack, resources: entries(json.resource), dataSources: entries(json.data) };
}

/** The summary table: one row per stack, then the total; numbers right-aligned. */
export function renderSummary(outdir: string, counts: readonly StackCounts[], s: Style): string {
  const total: StackCounts = {
    stack: "total",
    resources: counts.reduce((n, c) => n + c.resources, 0),
    dataSources: counts.reduce((n, c) => n + c.dataSources, 0),
  };
  const rows = [...counts, total];
  const width = (values: readonly (string | number)[]) => Math.max(...values.map((v) => String(v).length));
  const [nameW, resW, dataW] = [
    width(rows.map((r) => r.stack)),
    width(rows.map((r) => r.resources)),
    width(rows.map((r) => r.dataSources)),
  ];
  const line = (r: StackCounts) =>
    `  ${r.stack.padEnd(nameW)}  ${String(r.resources).padStart(resW)} ${(r.resources === 1 ? "resource" : "resources").padEnd(9)}  ` +
    `${String(r.dataSources).padStart(dataW)} ${r.dataSources === 1 ? "data source" : "data sources"}`;
  const stacks = `${counts.length} stack${counts.length === 1 ? "" : "s"}`;
  return [`${s.green("Synthesized")} ${stacks} into ${outdir}, in deploy order:`, ...counts.map(line), s.bold(line(total))].join("\n");
}

/**
 * Why `out` must not be replaced, or undefined when it may: `lz synth` replaces the whole folder, so a
 * mistyped `--out` must not take the working directory, the config or an unrelated folder with it.
 * A folder may be replaced when it is missing, empty or holds a cdktf `manifest.json`.
 */
export function unsafeOutput(out: string, configDir: string): string | undefined {
  const abs = resolve(out);
  const within = (path: string) => {
    const rel = relative(abs, resolve(path));
    return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
  };
  if (within(process.cwd())) return "it holds the working directory";
  if (within(configDir)) return `it holds the config folder ${configDir}`;
  if (!existsSync(abs)) return undefined;
  if (!statSync(abs).isDirectory()) return "it is a file";
  const names = readdirSync(abs);
  return names.length === 0 || names.includes("manifest.json") ? undefined : "it is not a synthesized output (it has no manifest.json)";
}

async function defaultSynthesize(model: LandingZoneModel, outdir: string): Promise<SynthResult> {
  // Loaded here, not at the top: cdktf and the AWS provider cost about half a second, which the other
  // commands do not need.
  const { synthesizeChecked } = await import("../../app.js");
  return synthesizeChecked(model, outdir);
}

export function defineSynth(cmd: Command, ctx: Context): void {
  cmd
    .description("synthesize every stack into the output folder, replacing it only when synthesis succeeds")
    .option("--config <dir>", CONFIG_OPTION_HELP)
    .option("--out <dir>", `output folder (default: $CDKTF_OUTDIR, else "${CDKTF_OUT}")`)
    .addHelpText(
      "after",
      `
The stacks are written to a temporary sibling (.<out>.tmp-<pid>) that replaces <out> only when every
stack has been synthesized. On a config problem or any other failure the previous <out> is left exactly
as it was. Then each stack is listed in deploy order with its resource and data source counts.
<out> must be missing, empty or an earlier output (holding manifest.json), and must not hold the
working directory or the config.
Progress goes to stderr, only on a terminal and when CI is not set.

The policy pack (docs/rules.md) runs on every stack before anything is written: an error-level finding
fails the synthesis with a list of stack, resource address, rule id and message. The summary ends with
a policy-pack line and every finding the config suppresses, with its reason.

Exit status: 0 synthesized, 1 config problem, policy-pack error or failed synthesis (nothing written), 2 bad command line.

Examples:
  $ lz synth
  $ lz synth --config path/to/dir --out /tmp/lz.out`,
    )
    .action(async (opts: { config?: string; out?: string }) => {
      const dir = configDir(opts.config, ctx.io.env);
      const out = opts.out ?? (ctx.io.env.CDKTF_OUTDIR || CDKTF_OUT);
      const unchanged = `Nothing was synthesized; ${out} is unchanged.`;
      const progress = new Progress(ctx.io);
      const synthesize = ctx.deps.synthesize ?? defaultSynthesize;
      const unsafe = unsafeOutput(out, dir);
      if (unsafe !== undefined) {
        throw new CliError(
          `${ctx.err.red(`refusing to replace ${out}:`)} ${unsafe}. lz synth replaces the whole output folder; choose a folder of its own with --out, such as ${CDKTF_OUT}.\n${unchanged}`,
        );
      }

      let model: LandingZoneModel;
      try {
        model = await progress.step(
          `Loading ${dir}`,
          (m) => `Loaded ${dir}: ${stackMatrix(m).length} stacks`,
          () => loadLandingZone(dir),
        );
      } catch (e) {
        if (!(e instanceof ConfigError)) throw e;
        throw new CliError(`${renderConfigError(e, ctx.err)}\n${unchanged}`);
      }
      // The bootstrap stack (applied by hand) is listed first, then the pipeline's stacks in deploy order.
      const order = deployOrder(model);

      const staged = StagedOutput.begin(out);
      let stacks: readonly string[] = [];
      let policy: PolicyReport | undefined;
      let failed = "synthesis failed:";
      try {
        const result = await progress.step(
          `Synthesizing ${order.length} stacks`,
          (r) => `Synthesized ${(Array.isArray(r) ? r : (r as { stacks: readonly string[] }).stacks).length} stacks`,
          () => synthesize(model, staged.path),
        );
        if (Array.isArray(result)) stacks = result as readonly string[];
        else ({ stacks, policy } = result as { stacks: readonly string[]; policy?: PolicyReport });
        failed = `could not replace ${out}:`;
        await progress.step(
          `Replacing ${out}`,
          () => `Replaced ${out}`,
          () => staged.commit(),
        );
      } catch (e) {
        staged.discard();
        if (e instanceof PolicyError) throw new CliError(`${e.message}\n${unchanged}`, undefined, { cause: e });
        const reason = e instanceof Error ? e.message : String(e);
        throw new CliError(`${ctx.err.red(failed)} ${reason}\n${unchanged}`, undefined, { cause: e });
      }

      const rank = (name: string) => (order.includes(name) ? order.indexOf(name) : order.length);
      const counts = [...stacks].sort((a, b) => rank(a) - rank(b)).map((name) => countStack(out, name));
      ctx.io.stdout.write(`${renderSummary(out, counts, ctx.out)}\n`);
      const notice = vendingNotice(model.awsOrganizations);
      if (notice) ctx.io.stderr.write(`${ctx.err.yellow(notice)}\n`);
      if (policy) {
        ctx.io.stdout.write(`${[policySummaryLine(policy), ...renderSuppressed(policy)].join("\n")}\n`);
        const warnings = renderWarnings(policy);
        if (warnings.length > 0) ctx.io.stderr.write(`${warnings.join("\n")}\n`);
      }
    });
}
