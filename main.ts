/**
 * Reads the config, builds the stacks, synthesizes. Nothing else.
 *
 * Usage: `tsx main.ts [--config DIR] [--without-bootstrap]`; `npm run synth` runs it bundled, through
 * scripts/synth.mjs, and so does the cdktf CLI (cdktf.json "app"), with `--without-bootstrap`: the hand-applied
 * bootstrap stack is then not synthesized, so `cdktf deploy '*'` can never apply it (docs/cdktf.md).
 * Config folder: `--config DIR`, else `LZ_CONFIG_DIR`, else `environments/`. On any config problem it
 * prints every problem as `file:line:col path: message`, writes nothing, and exits 1; so does an
 * error-level finding of the policy pack (printed as `stack  address  rule-id  message`).
 */
import { parseArgs } from "node:util";
import { synthesizeChecked } from "./src/app.js";
import { ConfigError, DEFAULT_CONFIG_DIR } from "./src/config/index.js";
import { loadLandingZone } from "./src/landing-zone.js";
import { PolicyError, renderWarnings } from "./src/policy/index.js";

function fail(message: string, code: number): void {
  process.stderr.write(`${message}\n`);
  process.exitCode = code;
}

let configDir: string | undefined;
let withoutBootstrap = false;
try {
  const { values } = parseArgs({ options: { config: { type: "string" }, "without-bootstrap": { type: "boolean" } }, strict: true });
  configDir = values.config;
  withoutBootstrap = values["without-bootstrap"] === true;
} catch (e) {
  fail(`${(e as Error).message}\nUsage: tsx main.ts [--config DIR] [--without-bootstrap]`, 2);
}

if (process.exitCode === undefined) {
  try {
    const model = loadLandingZone(configDir ?? (process.env.LZ_CONFIG_DIR || DEFAULT_CONFIG_DIR));
    const { policy } = synthesizeChecked(model, undefined, { bootstrap: !withoutBootstrap });
    const warnings = renderWarnings(policy);
    if (warnings.length > 0) process.stderr.write(`${warnings.join("\n")}\n`);
  } catch (e) {
    if (!(e instanceof ConfigError) && !(e instanceof PolicyError)) throw e;
    fail(`${e.message}\nNothing was synthesized; cdktf.out is unchanged.`, 1);
  }
}
