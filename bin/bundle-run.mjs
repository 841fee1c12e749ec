/**
 * Bundles one TypeScript entry of this project with esbuild and runs it in the calling node process.
 * Shared by scripts/synth.mjs (`npm run synth`, `cdktf synth`) and bin/lz.mjs (the `lz` command).
 *
 * The entry and the project's own modules go into one CommonJS file (about 10 ms; dependencies stay
 * external and load from node_modules as usual). Running it in plain node is about 0.6 s faster than
 * tsx (no second process, no per-import hooks, no source-map handling of cdktf's large embedded maps;
 * see bench/README.md).
 *
 * The bundle is written to node_modules/.cache/landing-zone/<name>-<content hash>.cjs: concurrent runs
 * never see a half-written file (write to a private name, then rename), and a stale bundle is never
 * run (a changed source is a new name). The program reads its arguments from process.argv as usual.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildSync } from "esbuild";

/** The repository root (this file lives in `<root>/bin/`). */
export const root = join(dirname(fileURLToPath(import.meta.url)), "..");

/**
 * Bundles `entry` and runs it.
 * @param {string} entry path of the TypeScript entry, relative to the repository root.
 * @param {string} name prefix of the cached bundle's file name.
 */
export function bundleAndRun(entry, name) {
  const result = buildSync({
    entryPoints: [join(root, entry)],
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
  const bundle = join(cacheDir, `${name}-${createHash("sha256").update(code).digest("hex").slice(0, 16)}.cjs`);
  if (!existsSync(bundle)) {
    mkdirSync(cacheDir, { recursive: true });
    const partial = `${bundle}.${process.pid}.tmp`;
    writeFileSync(partial, code);
    renameSync(partial, bundle);
  }
  createRequire(import.meta.url)(bundle);
}
