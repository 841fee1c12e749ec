/**
 * `lz pipeline`: writes or checks `.github/workflows/main.yml`, the main-branch workflow generated from the
 * config's promotion order (src/pipeline/workflow.ts). Never loads cdktf.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import type { Command } from "commander";
import { loadLandingZone } from "../../landing-zone.js";
import { promotionStages } from "../../pipeline/stages.js";
import { MAIN_WORKFLOW_PATH, mainWorkflow } from "../../pipeline/workflow.js";
import { configDir, CONFIG_OPTION_HELP, type Context } from "../context.js";
import { CliError, EXIT_FAILURE, EXIT_USAGE } from "../errors.js";

export function definePipeline(cmd: Command, ctx: Context): void {
  cmd
    .description("write or check the main-branch workflow (stages in promotion order) generated from the config")
    .option("--config <dir>", CONFIG_OPTION_HELP)
    .option("--out <file>", `write the workflow to this file (normally ${MAIN_WORKFLOW_PATH})`)
    .option("--check [file]", `write nothing; exit 1 when the file differs from what --out would write (default: ${MAIN_WORKFLOW_PATH})`)
    .addHelpText(
      "after",
      `
Without --out or --check, prints the workflow on stdout.

Exit status: 0 written, printed or (with --check) up to date, 1 config problem, unwritable file or (with
--check) a workflow that is missing or out of date, 2 bad command line.

Examples:
  $ lz pipeline
  $ lz pipeline --out ${MAIN_WORKFLOW_PATH}     # after adding or removing an environment
  $ lz pipeline --check                                # CI: npm run check:pipeline`,
    )
    .action((opts: { config?: string; out?: string; check?: string | true }) => {
      if (opts.check !== undefined && opts.out !== undefined)
        throw new CliError("--check and --out exclude each other: write one.", EXIT_USAGE);
      const model = loadLandingZone(configDir(opts.config, ctx.io.env));
      const text = mainWorkflow(model);
      if (opts.check !== undefined) {
        const file = opts.check === true ? MAIN_WORKFLOW_PATH : opts.check;
        const fix = `run npx lz pipeline --out ${file}${opts.config === undefined ? "" : ` --config ${opts.config}`} and commit it`;
        if (!existsSync(file)) throw new CliError(`${file} does not exist: ${fix}`, EXIT_FAILURE);
        if (readFileSync(file, "utf8") !== text)
          throw new CliError(`${file} is out of date with the config (stages, accounts or roles changed): ${fix}`, EXIT_FAILURE);
        ctx.io.stdout.write(`${file} is up to date\n`);
        return;
      }
      if (opts.out === undefined) {
        ctx.io.stdout.write(text);
        return;
      }
      writeFileSync(opts.out, text);
      const order = promotionStages(model).map((s) => s.name);
      ctx.io.stdout.write(`wrote ${opts.out}: ${order.join(" → ")}\n`);
    });
}
