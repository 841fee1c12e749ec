/**
 * `lz stacks`: the stacks in deploy order, for people or as the GitHub Actions matrix the workflows
 * plan and apply (see src/pipeline/stacks.ts). Never loads cdktf.
 */
import { readFileSync } from "node:fs";
import { Option, type Command } from "commander";
import { loadLandingZone } from "../../landing-zone.js";
import {
  githubMatrix,
  selectStacks,
  STACK_SELECTIONS,
  stackMatrix,
  type CdktfManifest,
  type StackEntry,
  type StackSelection,
} from "../../pipeline/stacks.js";
import { inDeployOrder } from "../../pipeline/deploy-order.js";
import { configDir, CONFIG_OPTION_HELP, type Context } from "../context.js";
import { CliError } from "../errors.js";
import type { Style } from "../io.js";

function readManifest(path: string): CdktfManifest {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    throw new CliError(`${path}: cannot read the cdktf manifest. Run \`lz synth\` (or \`npm run synth\`) first.`);
  }
  try {
    return JSON.parse(text) as CdktfManifest;
  } catch (e) {
    throw new CliError(`${path}: not valid JSON (${(e as Error).message}). Run \`lz synth\` to write it again.`);
  }
}

/**
 * The readable list: one block per stack with its account, Region, GitHub environment, roles and folder; first,
 * when `bootstrap` names it, the hand-applied bootstrap stack as step 0.
 */
export function renderStacks(entries: readonly StackEntry[], s: Style, bootstrap?: string): string {
  const width = Math.max(0, ...entries.map((e) => e.stack.length));
  const lines = entries.map((e, i) => {
    const after = e.dependsOn.length > 0 ? `after ${e.dependsOn.join(", ")}` : "first";
    return (
      `${String(i + 1).padStart(2)}. ${s.bold(e.stack.padEnd(width))}  account ${e.accountId}  ${e.region}  ` +
      `environment ${e.githubEnvironment}  ${after}\n` +
      `    plan:  ${e.planRoleArn}\n` +
      `    apply: ${e.applyRoleArn}\n` +
      `    dir:   ${e.workingDirectory}`
    );
  });
  const first = bootstrap
    ? [` 0. ${s.bold(bootstrap.padEnd(width))}  applied by hand with administrator credentials (README, Day 0), never by the pipeline`]
    : [];
  return `Stacks in deploy order:\n${[...first, ...lines].join("\n")}\n`;
}

export function defineStacks(cmd: Command, ctx: Context): void {
  cmd
    .description(
      "list the stacks in deploy order (bootstrap by hand, the organization and core accounts when configured, the hub, then the shared, nonprod and prod segments), or print the GitHub Actions matrix",
    )
    .option("--config <dir>", CONFIG_OPTION_HELP)
    .option("--json", 'print the GitHub Actions matrix, {"include":[...]}, as one line of JSON')
    .addOption(
      new Option("--only <kind>", "network (the network hub) or workloads (every other stack)")
        .choices([...STACK_SELECTIONS])
        .default("all"),
    )
    .option("--manifest <file>", "also check the stacks against a synthesized cdktf.out/manifest.json")
    .addHelpText(
      "after",
      `
Exit status: 0 listed, 1 config problem or a manifest that is unreadable or does not match the
config, 2 bad command line.

Examples:
  $ lz stacks
  $ lz stacks --json --only workloads --manifest cdktf.out/manifest.json   # in .github/workflows/`,
    )
    .action((opts: { config?: string; json?: boolean; only: StackSelection; manifest?: string }) => {
      const model = loadLandingZone(configDir(opts.config, ctx.io.env));
      const manifest = opts.manifest === undefined ? undefined : readManifest(opts.manifest);
      const entries = inDeployOrder(model, selectStacks(stackMatrix(model, manifest), opts.only), (e) => e.stack);
      const bootstrap = opts.only === "all" ? model.bootstrap?.stackName : undefined;
      ctx.io.stdout.write(opts.json ? `${JSON.stringify(githubMatrix(entries))}\n` : renderStacks(entries, ctx.out, bootstrap));
    });
}
