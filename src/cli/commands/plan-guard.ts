/**
 * `lz plan-guard`: reads one stack's `terraform show -json` plan, prints a summary of creates, updates,
 * replaces and deletes, and fails when the plan deletes or replaces a stateful resource (databases,
 * caches, KMS keys, buckets, the transit gateway, ...) that `planGuard.allow` in shared.yaml does not
 * accept. See src/plan-guard/ for the rules.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Option, type Command } from "commander";
import { loadLandingZone } from "../../landing-zone.js";
import { stackMatrix } from "../../pipeline/stacks.js";
import {
  evaluateDecommission,
  evaluatePlan,
  importedAddressesOf,
  parsePlanJson,
  PlanFormatError,
  renderReport,
} from "../../plan-guard/index.js";
import { configDir, CONFIG_OPTION_HELP, type Context } from "../context.js";
import { CliError, EXIT_FAILURE, EXIT_USAGE } from "../errors.js";

type Format = "text" | "markdown" | "json";

function readPlanText(file: string): string {
  try {
    return readFileSync(file === "-" ? 0 : file, "utf8");
  } catch (e) {
    throw new CliError(
      `${file === "-" ? "stdin" : file}: cannot read the plan (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}). Write it with: terraform show -json tfplan > plan.json`,
    );
  }
}

/**
 * The import blocks of the synthesized stack: `--stack-json`, else `cdktf.out/stacks/<stack>/cdk.tf.json` when it exists
 * (none when it does not: a plan made elsewhere is still checked for the imports it carries itself).
 * @throws CliError when the file given cannot be read or is not the Terraform JSON of a stack.
 */
function stackImports(file: string | undefined, stack: string): Map<string, string> {
  const path = file ?? join("cdktf.out", "stacks", stack, "cdk.tf.json");
  if (file === undefined && !existsSync(path)) return new Map();
  try {
    return importedAddressesOf(JSON.parse(readFileSync(path, "utf8")));
  } catch (e) {
    throw new CliError(
      `${path}: cannot read the stack's import blocks (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}). Pass the synthesized cdk.tf.json of ${stack} with --stack-json.`,
    );
  }
}

export function definePlanGuard(cmd: Command, ctx: Context): void {
  cmd
    .description("summarize a stack's plan and fail when it deletes or replaces a stateful resource")
    .requiredOption("--stack <name>", "the stack the plan belongs to, for example workload-prod")
    .option("--plan <file>", 'the output of terraform show -json <planfile>; "-" reads stdin', "-")
    .option(
      "--stack-json <file>",
      "the synthesized stack; its import blocks mark adopted resources, whose replace is blocked (default: cdktf.out/stacks/<stack>/cdk.tf.json when it exists)",
    )
    .option("--config <dir>", CONFIG_OPTION_HELP)
    .option(
      "--acknowledge-destroy <stack>",
      "decommission: accept every stateful delete of the plan (still listed); must repeat the --stack name",
    )
    .addOption(
      new Option("--format <format>", "text, markdown (for $GITHUB_STEP_SUMMARY) or json")
        .choices(["text", "markdown", "json"])
        .default("text"),
    )
    .addHelpText(
      "after",
      `
Exit status: 0 nothing guarded would be lost, 1 a guarded delete or replace (or an unreadable plan or
config), 2 bad command line. A replace of an adopted resource (imported by the plan, or by an import block
of the stack) is blocked too: align the config with the existing resource (docs/adopt.md). Accept a change on
purpose with an entry under planGuard.allow in shared.yaml: stack, address, actions and a reason of at least 10
characters. A decommission (a plan -destroy of a removed environment, synthesized from its last config with
--config) passes only with --acknowledge-destroy repeating the stack name; replaces stay blocked.

Examples:
  $ terraform -chdir=cdktf.out/stacks/workload-prod show -json tfplan | lz plan-guard --stack workload-prod
  $ lz plan-guard --stack workload-prod --plan plan.json --format markdown >> "$GITHUB_STEP_SUMMARY"
  $ lz plan-guard --config old-config --stack workload-qa --plan destroy.json --acknowledge-destroy workload-qa`,
    )
    .action((opts: { stack: string; plan: string; stackJson?: string; config?: string; format: Format; acknowledgeDestroy?: string }) => {
      const model = loadLandingZone(configDir(opts.config, ctx.io.env));
      const stacks = stackMatrix(model).map((e) => e.stack);
      if (!stacks.includes(opts.stack))
        throw new CliError(`--stack ${opts.stack}: no such stack. Write one of: ${stacks.join(", ")}.`, EXIT_USAGE);
      const ack = opts.acknowledgeDestroy;
      if (ack !== undefined && ack !== opts.stack)
        throw new CliError(`--acknowledge-destroy ${ack}: must repeat the stack name, ${opts.stack}.`, EXIT_USAGE);
      let report: ReturnType<typeof evaluatePlan>;
      try {
        const plan = parsePlanJson(readPlanText(opts.plan));
        const options = { importedAddresses: stackImports(opts.stackJson, opts.stack) };
        report =
          ack === undefined
            ? evaluatePlan(plan, opts.stack, model.planGuard.allow, options)
            : evaluateDecommission(plan, opts.stack, model.planGuard.allow, options);
      } catch (e) {
        if (e instanceof PlanFormatError) throw new CliError(`${opts.plan === "-" ? "stdin" : opts.plan}: ${e.message}`);
        throw e;
      }
      ctx.io.stdout.write(
        opts.format === "json" ? `${JSON.stringify(report, null, 2)}\n` : renderReport(report, { markdown: opts.format === "markdown" }),
      );
      if (!report.ok) throw new CliError("", EXIT_FAILURE);
    });
}
