/**
 * `lz cost`: the monthly cost estimate of every account (or one, with `--env`) per component, from the
 * versioned price tables in src/cost/prices/, with the comparison of the environments. See src/cost/.
 */
import { Option, type Command } from "commander";
import { loadLandingZone } from "../../landing-zone.js";
import { costInputsFromModel, estimateCosts, PriceLookupError, renderCostText } from "../../cost/index.js";
import { configDir, CONFIG_OPTION_HELP, type Context } from "../context.js";
import { CliError, EXIT_FAILURE, EXIT_USAGE } from "../errors.js";

/** Output formats of `lz cost`. */
export const COST_FORMATS = ["table", "json"] as const;

export function defineCost(cmd: Command, ctx: Context): void {
  cmd
    .description("estimate the monthly AWS cost of every account per component, and compare the environments")
    .option("--config <dir>", CONFIG_OPTION_HELP)
    .option("--env <name>", "only this account: an environment name, or network-hub (the comparison still covers every environment)")
    .addOption(new Option("--format <format>", "output format").choices([...COST_FORMATS]).default("table"))
    .addHelpText(
      "after",
      `
Prices are on-demand list prices in USD from the versioned table of the account's Region
(src/cost/prices/<region>.ts, with its date, where its figures come from and the AWS pricing page of
every entry); the header says so. They are not checked against the AWS Price List API: verify before
quoting. A valid RDS instance class or ElastiCache node type the table lacks prints "unpriced" (0 in
every total, which says so) and a note naming where to add the price. Usage (traffic
GB, requests, log GB, events; 730 hours a month) comes from costAssumptions in each environment file,
with defaults; the assumptions are printed with the result. Shield Advanced's $3,000/month is billed
once per organization and split between the accounts that subscribe. Data transfer out, free tiers,
savings plans, taxes and support are not included.

Exit status: 0 estimated (also with unpriced lines), 1 config problem or a Region without a price
table, 2 bad command line (including an unknown --env).

Examples:
  $ lz cost
  $ lz cost --env prod
  $ lz cost --format json > cost.json`,
    )
    .action((opts: { config?: string; env?: string; format: (typeof COST_FORMATS)[number] }) => {
      const model = loadLandingZone(configDir(opts.config, ctx.io.env));
      const subjects = costInputsFromModel(model);
      if (opts.env !== undefined && !subjects.some((s) => s.name === opts.env)) {
        const names = subjects.map((s) => s.name).join(", ");
        throw new CliError(
          `${ctx.err.red("error:")} option '--env <name>' argument '${opts.env}' is not an account of the config. Available names: ${names}.\n(run "lz cost --help" for usage)`,
          EXIT_USAGE,
        );
      }
      let report: ReturnType<typeof estimateCosts>;
      try {
        report = estimateCosts(subjects, opts.env === undefined ? undefined : [opts.env]);
      } catch (e) {
        if (e instanceof PriceLookupError) throw new CliError(`${ctx.err.red("error:")} ${e.message}`, EXIT_FAILURE, { cause: e });
        throw e;
      }
      ctx.io.stdout.write(opts.format === "json" ? `${JSON.stringify(report)}\n` : renderCostText(report, ctx.out));
    });
}
