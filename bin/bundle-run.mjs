/**
 * Bundles one TypeScript entry of this project with esbuild and runs it in the calling node process.
 * Shared by scripts/synth.mjs (`npm run synth`, `cdktf synth`) and bin/lz.mjs (the `lz` command).
 *
 * The entry and the project's own modules go into one CommonJS file (about 10 ms). Dependencies stay external
 * and load from node_modules as usual, unless `bundlePackages` is set: then they go into the file too, which
 * saves resolving, reading and compiling several hundred files one by one (scripts/synth.mjs does that).
 * Running the bundle in plain node is about 0.6 s faster than tsx (no second process, no per-import hooks, no
 * source-map handling of cdktf's large embedded maps; see bench/README.md).
 *
 * Everything lives in node_modules/.cache/landing-zone/:
 * - `<name>-<content hash>.cjs`, the bundle. Concurrent runs never see a half-written file (write to a private
 *   name, then rename), and a stale bundle is never run (a changed source is a new name).
 * - `<name>.inputs.json`, which bundle the sources last produced and a signature (inode, size, modification and
 *   change time) of every file esbuild read and of the folders holding them. While none of them changed, the
 *   next run starts that bundle without loading esbuild at all (about 0.1 s). A changed, added or removed file
 *   changes a signature (a folder's times change when an entry is added or removed), so esbuild runs again.
 * - `<bundle>.<node version>-<arch>.v8cache`: V8's code cache of the bundle, written at exit of the first
 *   successful run of a bundle, so later runs skip most of the parsing and compiling, including of the
 *   functions compiled lazily during that run (`vm.Script` `cachedData`; Node 20 has no
 *   `module.enableCompileCache()`). V8 checks the cache against its version, flags and the source, and a
 *   rejected cache is written again. Only for a bundle without `import()` of an external module (the lz
 *   bundle imports @hpcc-js/wasm-graphviz so): on Node 20 a `vm.Script` can only load one through an
 *   experimental option, which fails with a code cache. Such a bundle is `require`d as usual.
 * Files of older bundles are removed an hour after they were written.
 *
 * The program reads its arguments from process.argv as usual.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import Module, { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import vm from "node:vm";

/** The repository root (this file lives in `<root>/bin/`). */
export const root = join(dirname(fileURLToPath(import.meta.url)), "..");

const cacheDir = join(root, "node_modules", ".cache", "landing-zone");

/** Files besides esbuild's inputs whose change must rebuild: this file (the options), the configs, esbuild itself. */
const EXTRA_INPUTS = ["bin/bundle-run.mjs", "tsconfig.json", "package.json", "package-lock.json", "node_modules/esbuild/package.json"];

/** An input modified less than this before a build started (ms) leaves that build without a stamp. */
const RACE_MARGIN_MS = 2000;

/** Files of bundles other than the current one are removed once they are older than this (ms). */
const PRUNE_AFTER_MS = 60 * 60 * 1000;

/**
 * Bundles `entry` (or reuses the bundle its unchanged sources produced last time) and runs it.
 * @param {string} entry path of the TypeScript entry, relative to the repository root.
 * @param {string} name prefix of the cached bundle's file name.
 * @param {{ bundlePackages?: boolean }} [options] `bundlePackages`: put the dependencies into the bundle too
 *   (@default false: they load from node_modules).
 */
export function bundleAndRun(entry, name, options = {}) {
  const key = JSON.stringify({ entry, bundlePackages: options.bundlePackages === true });
  const { bundle, codeCache } = reusableBundle(name, key) ?? build(entry, name, key, options);
  if (codeCache) runWithCodeCache(bundle);
  else createRequire(import.meta.url)(bundle);
}

/**
 * `<name>.inputs.json`'s bundle and whether it may run with a code cache, when the bundle exists, was built with
 * `key`, and no recorded input changed since.
 */
function reusableBundle(name, key) {
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(join(cacheDir, `${name}.inputs.json`), "utf8"));
  } catch {
    return undefined;
  }
  if (stamp?.key !== key || typeof stamp.bundle !== "string" || typeof stamp.inputs !== "object") return undefined;
  const bundle = join(cacheDir, stamp.bundle);
  if (!existsSync(bundle)) return undefined;
  for (const [path, sig] of Object.entries(stamp.inputs)) if (signature(join(root, path)) !== sig) return undefined;
  return { bundle, codeCache: stamp.codeCache === true };
}

/** Inode, size, modification and change time (ns) of a file or folder; "missing" when it does not exist. */
function signature(path) {
  try {
    const s = statSync(path, { bigint: true });
    return `${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;
  } catch {
    return "missing";
  }
}

/**
 * Runs esbuild, writes the bundle under its content hash and the inputs stamp, and returns the bundle's path and
 * whether it may run with a code cache (no `import()` of an external module).
 */
function build(entry, name, key, options) {
  const startedMs = Date.now();
  // Loaded only when a build is needed: a run that reuses its bundle never starts esbuild.
  const { buildSync } = createRequire(import.meta.url)("esbuild");
  const result = buildSync({
    absWorkingDir: root,
    entryPoints: [join(root, entry)],
    bundle: true,
    ...(options.bundlePackages ? {} : { packages: "external" }),
    platform: "node",
    format: "cjs",
    target: "node20",
    write: false,
    metafile: true,
    logLevel: "warning",
  });
  const code = result.outputFiles[0].contents;
  const codeCache = !Object.values(result.metafile.outputs).some((o) => o.imports.some((i) => i.external && i.kind === "dynamic-import"));
  const file = `${name}-${createHash("sha256").update(code).digest("hex").slice(0, 16)}.cjs`;
  const bundle = join(cacheDir, file);
  mkdirSync(cacheDir, { recursive: true });
  if (!existsSync(bundle)) {
    writeAtomically(bundle, code);
    prune(name, file);
  }
  const read = Object.keys(result.metafile.inputs).filter((p) => !p.includes(":"));
  // The folders of the inputs too, except the root: entries come and go there (cdktf.out), and a file added at
  // the root cannot change how an import resolves (the entries import from src/).
  const folders = read.map((p) => dirname(p)).filter((d) => d !== ".");
  const paths = new Set([...read, ...folders, ...EXTRA_INPUTS]);
  const inputs = {};
  for (const path of [...paths].sort()) {
    const abs = join(root, path);
    // A file written while esbuild ran may not be in this bundle: leave the stamp out, so the next run builds.
    // The margin covers file systems that keep modification times in whole seconds.
    if (modifiedSince(abs, startedMs - RACE_MARGIN_MS)) return { bundle, codeCache };
    inputs[relative(root, abs)] = signature(abs);
  }
  writeAtomically(join(cacheDir, `${name}.inputs.json`), `${JSON.stringify({ key, bundle: file, codeCache, inputs }, null, 1)}\n`);
  return { bundle, codeCache };
}

/** Whether `path` was modified at or after `ms` (epoch milliseconds); false when it does not exist. */
function modifiedSince(path, ms) {
  try {
    return statSync(path).mtimeMs >= ms;
  } catch {
    return false;
  }
}

/** Writes to a private name, then renames, so a concurrent reader sees the whole file or none. */
function writeAtomically(path, data) {
  const partial = `${path}.${process.pid}.tmp`;
  writeFileSync(partial, data);
  renameSync(partial, path);
}

/** Removes files of `name`'s earlier bundles (bundle, code cache, leftovers) written more than an hour ago. */
function prune(name, current) {
  const cutoff = Date.now() - PRUNE_AFTER_MS;
  for (const f of readdirSync(cacheDir)) {
    if (!f.startsWith(`${name}-`) || f.startsWith(current)) continue;
    const path = join(cacheDir, f);
    try {
      if (statSync(path).mtimeMs < cutoff) rmSync(path, { force: true });
    } catch {
      // Removed by a concurrent run.
    }
  }
}

/**
 * Runs the CommonJS bundle as node's `require` would (same wrapper, `module`, `require` resolving from the
 * bundle's folder, file name in stack traces), compiled through `vm.Script` with V8's code cache.
 */
function runWithCodeCache(bundle) {
  const cacheFile = `${bundle}.${process.version}-${process.arch}.v8cache`;
  let cachedData;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(Module.wrap(readFileSync(bundle, "utf8")), { filename: bundle, ...(cachedData ? { cachedData } : {}) });
  if (cachedData === undefined || script.cachedDataRejected) {
    // At exit, the cache also holds the functions V8 compiled lazily while the program ran. Only after a run that
    // succeeded: one that stopped early (a config error) compiled a small part of the program, and an accepted
    // cache is never written again.
    process.once("exit", (code) => {
      if (code !== 0) return;
      try {
        writeAtomically(cacheFile, script.createCachedData());
      } catch {
        // A read-only or full cache folder only costs speed.
      }
    });
  }
  const mod = new Module(bundle, undefined);
  mod.filename = bundle;
  mod.paths = Module._nodeModulePaths(dirname(bundle));
  script.runInThisContext().call(mod.exports, mod.exports, createRequire(bundle), mod, bundle, dirname(bundle));
  mod.loaded = true;
}
