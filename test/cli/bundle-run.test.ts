/**
 * bin/bundle-run.mjs (shared by bin/lz.mjs and scripts/synth.mjs) on a small project of its own in a temp folder:
 * it reuses a bundle while its sources are unchanged, never runs a stale one, and runs with V8's code cache.
 */
import { spawnSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const project = mkdtempSync(join(tmpdir(), "lz-bundle-run-"));
afterAll(() => rmSync(project, { recursive: true, force: true }));

// The project: bin/bundle-run.mjs as shipped, an entry importing a module of its own, and esbuild linked in.
mkdirSync(join(project, "bin"));
mkdirSync(join(project, "src"));
mkdirSync(join(project, "node_modules"));
copyFileSync("bin/bundle-run.mjs", join(project, "bin", "bundle-run.mjs"));
symlinkSync(resolve("node_modules", "esbuild"), join(project, "node_modules", "esbuild"));
writeFileSync(
  join(project, "entry.ts"),
  'import { message } from "./src/message.js";\nprocess.stdout.write(`${message}\\n`);\nif (process.env.FAIL) process.exitCode = 1;\n',
);
writeFileSync(join(project, "src", "message.ts"), 'export const message: string = "one";\n');
writeFileSync(
  join(project, "run.mjs"),
  'import { bundleAndRun } from "./bin/bundle-run.mjs";\nbundleAndRun("entry.ts", "fixture", { bundlePackages: true });\n',
);

writeFileSync(
  join(project, "no-esbuild.cjs"),
  `const Module = require("node:module");
const load = Module._load;
Module._load = function (request, ...rest) {
  if (request === "esbuild") throw new Error("esbuild was loaded");
  return load.call(this, request, ...rest);
};
`,
);

const cacheDir = join(project, "node_modules", ".cache", "landing-zone");
/**
 * Dates the project's files and folders a minute back (always to the same time), as if written well before the
 * next run: a build leaves out its stamp when an input changed less than two seconds before it started (it may
 * have missed the change).
 */
const past = new Date(Date.now() - 60_000);
const settle = () => {
  for (const p of ["", "bin", "bin/bundle-run.mjs", "src", "entry.ts", "run.mjs"]) utimesSync(join(project, p), past, past);
  for (const f of readdirSync(join(project, "src"))) utimesSync(join(project, "src", f), past, past);
};
const run = (env: Record<string, string> = {}) =>
  spawnSync(process.execPath, ["run.mjs"], { cwd: project, encoding: "utf8", env: { ...process.env, ...env } });
const codeCaches = () => readdirSync(cacheDir).filter((f) => f.endsWith(".v8cache"));
/** Runs with a preload that makes loading esbuild throw, so the run fails if it tries to bundle. */
const runWithoutEsbuild = () =>
  spawnSync(process.execPath, ["--require", "./no-esbuild.cjs", "run.mjs"], { cwd: project, encoding: "utf8" });

describe("bundleAndRun", () => {
  it("bundles and runs the entry, and records its inputs", () => {
    settle();
    const r = run();
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe("one\n");
    const stamp = JSON.parse(readFileSync(join(cacheDir, "fixture.inputs.json"), "utf8")) as { bundle: string; inputs: object };
    expect(existsSync(join(cacheDir, stamp.bundle))).toBe(true);
    expect(Object.keys(stamp.inputs)).toEqual(expect.arrayContaining(["entry.ts", "src/message.ts", "src", "bin/bundle-run.mjs"]));
  });

  it("reuses the bundle without loading esbuild while no source changed, with V8's code cache from the first run", () => {
    const r = runWithoutEsbuild();
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe("one\n");
    expect(codeCaches()).toHaveLength(1);
    expect(runWithoutEsbuild().stdout).toBe("one\n");
  });

  it("bundles again when a source changes, even to the same size and modification time", () => {
    writeFileSync(join(project, "src", "message.ts"), 'export const message: string = "two";\n');
    settle();
    expect(run().stdout).toBe("two\n");
    expect(runWithoutEsbuild().stdout).toBe("two\n");
  });

  it("writes a bundle's code cache after its first successful run only", () => {
    writeFileSync(join(project, "src", "message.ts"), 'export const message: string = "three";\n');
    settle();
    const before = codeCaches();
    const failed = run({ FAIL: "1" });
    expect([failed.status, failed.stdout]).toEqual([1, "three\n"]);
    expect(codeCaches()).toEqual(before);
    expect(run().stdout).toBe("three\n");
    expect(codeCaches()).toHaveLength(before.length + 1);
  });

  it("bundles again when a file is added next to a source, since it could change how an import resolves", () => {
    writeFileSync(join(project, "src", "other.ts"), "export {};\n");
    settle();
    expect(runWithoutEsbuild().stderr).toContain("esbuild was loaded");
    expect(run().stdout).toBe("three\n");
    expect(runWithoutEsbuild().stdout).toBe("three\n");
  });

  it("runs the program again when the code cache is damaged", () => {
    for (const f of codeCaches()) writeFileSync(join(cacheDir, f), "not a code cache");
    const r = runWithoutEsbuild();
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe("three\n");
  });
});
