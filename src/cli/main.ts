/**
 * Entry of the `lz` command: bin/lz.mjs bundles this file with esbuild and runs it in plain node.
 * Run `lz --help`, or see docs/cli.md.
 */
import { processIo } from "./io.js";
import { runCli } from "./program.js";

// No top-level await: the bundle is CommonJS. Set the code rather than exit, so piped output is flushed.
void runCli(process.argv.slice(2), processIo()).then((code) => {
  process.exitCode = code;
});
