/**
 * Reads the config, builds the stacks, synthesizes. Nothing else.
 *
 * Config folder: `--config DIR`, else `LZ_CONFIG_DIR`, else `environments/`. On any config problem it
 * prints every problem as `file:line:col path: message`, writes nothing, and exits 1.
 */
import { ConfigError, DEFAULT_CONFIG_DIR, loadConfig } from "./src/config/index.js";
import { synthesize } from "./src/app.js";

function configDir(argv: readonly string[]): string {
  const i = argv.indexOf("--config");
  if (i >= 0 && argv[i + 1]) return argv[i + 1]!;
  const eq = argv.find((a) => a.startsWith("--config="));
  if (eq) return eq.slice("--config=".length);
  return process.env.LZ_CONFIG_DIR || DEFAULT_CONFIG_DIR;
}

try {
  const model = loadConfig(configDir(process.argv.slice(2)));
  synthesize(model);
} catch (e) {
  if (!(e instanceof ConfigError)) throw e;
  process.stderr.write(`${e.message}\nNothing was synthesized; cdktf.out is unchanged.\n`);
  process.exitCode = 1;
}
