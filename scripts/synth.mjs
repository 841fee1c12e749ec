#!/usr/bin/env node
/**
 * Fast entry for `npm run synth` and `cdktf synth` (cdktf.json "app"): bundles main.ts and the project's
 * own modules with esbuild into one CommonJS file (about 10 ms; dependencies stay external), then runs
 * it in this plain node process.
 *
 * Why: running main.ts through tsx costs about 0.6 s more (tsx startup, a second process, per-import
 * hooks and source-map handling of cdktf's large embedded maps); see bench/README.md for the figures.
 * The bundle is written to node_modules/.cache/landing-zone/ under a name derived from its content, so
 * concurrent runs never see a half-written file and a stale bundle is never run.
 *
 * Arguments are passed through to main.ts (`--config DIR`).
 */
import { createHash } from "node:crypto";
import { mkdirSync, renameSync, writeFileSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildSync } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const result = buildSync({
  entryPoints: [join(root, "main.ts")],
  bundle: true,
  packages: "external",
  platform: "node",
  format: "cjs",
  target: "node20",
  write: false,
  logLevel: "warning",
});
const code = result.outputFiles[0].contents;
const cacheDir = join(root, "node_modules", ".cache", "landing-zone");
const bundle = join(cacheDir, `main-${createHash("sha256").update(code).digest("hex").slice(0, 16)}.cjs`);
if (!existsSync(bundle)) {
  mkdirSync(cacheDir, { recursive: true });
  const partial = `${bundle}.${process.pid}.tmp`;
  writeFileSync(partial, code);
  renameSync(partial, bundle);
}
createRequire(import.meta.url)(bundle);
