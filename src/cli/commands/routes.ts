/**
 * `lz routes`: proves the routing intents of the config with the offline routing verifier, on every path (every
 * AZ of the source and destination tiers, every AZ the transit gateway may pick for a flow), normally and under
 * each failure (directconnect-down, vpn-tunnel-1-down, vpn-tunnel-2-down, az-<x>-down; with named links also
 * directconnect-<name>-down, dx-location-<code>-down, vpn-<name>-down, vpn-<name>-tunnel-<n>-down). Prints a table of intent ×
 * scenario (ok with the number of paths, or VIOLATED) and the hops of every failing path, forward and back;
 * `--hops` prints the hops of every path (attachment or subnet → route table → matched route → next).
 * The intents are the config's `routing.intents` and those derived from `networkHub.dns` (src/routing/dns-intents.ts).
 * Exit status 1 when an intent is violated.
 */
import { Option, type Command } from "commander";
import { ConfigError, loadConfig } from "../../config/index.js";
import { planRouting, routingInput } from "../../routing/plan.js";
import { intentResultsJson, renderIntentReport, renderIntentSummary, renderRouteTables } from "../../routing/format.js";
import { allIntents } from "../../routing/intents-check.js";
import { verifyIntents } from "../../routing/verify.js";
import { configDir, CONFIG_OPTION_HELP, type Context } from "../context.js";
import { CliError, renderConfigError } from "../errors.js";

export function defineRoutes(cmd: Command, ctx: Context): void {
  cmd
    .description("prove the routing intents offline, in every AZ, normally and under injected failures")
    .option("--config <dir>", CONFIG_OPTION_HELP)
    .option("--intent <name>", "check only this intent")
    .option("--hops", "print the hops of every path, forward and back (by default only those of failing paths)")
    .option("--tables", "also print the effective routes of every TGW and VPC route table")
    .addOption(new Option("--format <format>", "text for people, json for tools").choices(["text", "json"]).default("text"))
    .addHelpText(
      "after",
      `
Scenarios: normal, then each failure that applies to the config: directconnect-down, vpn-tunnel-1-down,
vpn-tunnel-2-down, az-a-down, az-b-down, az-c-down (a = first AZ of every VPC). With transitVirtualInterfaces
and vpns: directconnect-<name>-down, dx-location-<code>-down, vpn-<name>-down, vpn-<name>-tunnel-<1|2>-down.
An intent's failures: map says what it expects under a failure; otherwise its expect: applies.

Paths: every AZ of the source and destination tiers that is up, and every AZ the transit gateway may pick
for the flow, forward and back. On every path that gets through, both directions must cross the same
firewall endpoints and the same on-prem link (Direct Connect or the same VPN connection); every transit VIF and
VPN connection a flow may take is walked. A cell reads ok <paths>, or
VIOLATED <failing>/<paths>; the failing paths follow with their hops.

Exit status: 0 every intent holds, 1 a violated intent or a config problem, 2 bad command line.

Examples:
  $ lz routes
  $ lz routes --intent onprem-to-prod-app --hops
  $ lz routes --tables --format json`,
    )
    .action((opts: { config?: string; intent?: string; hops?: boolean; tables?: boolean; format: "text" | "json" }) => {
      const dir = configDir(opts.config, ctx.io.env);
      let model: ReturnType<typeof loadConfig>;
      try {
        model = loadConfig(dir);
      } catch (e) {
        if (!(e instanceof ConfigError)) throw e;
        throw new CliError(renderConfigError(e, ctx.err));
      }
      // The config's intents and those derived from networkHub.dns (src/routing/dns-intents.ts).
      const every = allIntents(model);
      const intents = opts.intent ? every.filter((i) => i.name === opts.intent) : every;
      if (opts.intent && intents.length === 0) {
        throw new CliError(
          `${ctx.err.red("no intent named")} ${opts.intent}. Intents: ${every.map((i) => i.name).join(", ") || "(none)"}.`,
        );
      }
      const plan = planRouting(routingInput(model));
      const results = verifyIntents(plan, intents);
      const ok = results.every((r) => r.ok);
      if (opts.format === "json") {
        const intentsJson = intentResultsJson(results, opts.hops === true);
        ctx.io.stdout.write(`${JSON.stringify({ ok, config: dir, intents: intentsJson, ...(opts.tables ? { plan } : {}) })}\n`);
      } else {
        if (opts.tables) ctx.io.stdout.write(`${renderRouteTables(plan)}\n\n`);
        ctx.io.stdout.write(`${(opts.hops ? renderIntentReport : renderIntentSummary)(results, ctx.out)}\n`);
      }
      if (!ok) throw new CliError("");
    });
}
