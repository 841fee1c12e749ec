/**
 * `lz diagram`: the topology of the config (accounts, VPC tiers per AZ, the Transit Gateway's route tables
 * and which attachments associate and propagate to each, DX and VPN to on-prem, the inspection VPC, the app
 * tier) as SVG, DOT or Mermaid. See
 * src/diagram/. Graphviz (WebAssembly) is loaded only when SVG is asked for.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { Option, type Command } from "commander";
import { loadLandingZone } from "../../landing-zone.js";
import { DIAGRAM_FORMATS, renderDiagram, type DiagramFormat } from "../../diagram/index.js";
import { configDir, CONFIG_OPTION_HELP, type Context } from "../context.js";
import { CliError, EXIT_FAILURE, EXIT_USAGE } from "../errors.js";

/** Where the README's diagram lives; `lz diagram --out docs/topology.svg` regenerates it. */
export const TOPOLOGY_SVG = "docs/topology.svg";

export function defineDiagram(cmd: Command, ctx: Context): void {
  cmd
    .description("draw the network topology of the config as SVG, Graphviz DOT or Mermaid")
    .option("--config <dir>", CONFIG_OPTION_HELP)
    .addOption(new Option("--format <format>", "output format").choices([...DIAGRAM_FORMATS]).default("svg"))
    .option("--out <file>", "write to this file instead of stdout")
    .option("--check <file>", "write nothing; exit 1 when <file> differs from what --out would write (CI's docs check)")
    .addHelpText(
      "after",
      `
Accounts are frames; each VPC shows one box per subnet tier listing its subnet in every AZ; the Transit
Gateway shows the route tables of the routing plan (what the stacks deploy), with a solid arrow from each
attachment (VPCs, Direct Connect, VPN, inspection) to the table it is associated with, dotted arrows to the
tables it propagates into and bold arrows for static routes. On-prem reaches the hub over Direct Connect
(solid, primary) and the VPN (dashed, backup); the inspection VPC shows its firewall endpoints per AZ and
the segment it inspects; each app tier shows CloudFront → WAF → ALB → services → RDS primary, standby and
read replicas, and Redis. SVG is rendered with Graphviz compiled to
WebAssembly (no native install); the same config always gives the same bytes.

Exit status: 0 drawn (or, with --check, up to date), 1 config problem, unwritable file or (with --check) a
stale file, 2 bad command line.

Examples:
  $ lz diagram
  $ lz diagram --out ${TOPOLOGY_SVG}          # the README's picture
  $ lz diagram --format mermaid > topology.mmd
  $ lz diagram --format dot | dot -Tpng > topology.png
  $ lz diagram --check ${TOPOLOGY_SVG}        # CI: is the README's picture up to date?`,
    )
    .action(async (opts: { config?: string; format: DiagramFormat; out?: string; check?: string }) => {
      if (opts.check !== undefined && opts.out !== undefined)
        throw new CliError("--check and --out exclude each other: write one.", EXIT_USAGE);
      const model = loadLandingZone(configDir(opts.config, ctx.io.env));
      const text = await renderDiagram(model, opts.format);
      if (opts.check !== undefined) {
        const fix = `run npx lz diagram${opts.format === "svg" ? "" : ` --format ${opts.format}`} --out ${opts.check}`;
        if (!existsSync(opts.check)) throw new CliError(`${opts.check} does not exist: ${fix}`, EXIT_FAILURE);
        if (readFileSync(opts.check, "utf8") !== text)
          throw new CliError(`${opts.check} is out of date with the config: ${fix}`, EXIT_FAILURE);
        ctx.io.stdout.write(`${opts.check} is up to date\n`);
        return;
      }
      if (opts.out === undefined) {
        ctx.io.stdout.write(text.endsWith("\n") ? text : `${text}\n`);
        return;
      }
      writeFileSync(opts.out, text);
      ctx.io.stdout.write(`wrote ${opts.out} (${opts.format})\n`);
    });
}
