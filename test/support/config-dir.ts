/**
 * Temporary config folders for tests: the shipped config with some files edited, or files given whole.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ConfigError, formatProblem, type Problem } from "../../src/config/index.js";
import { loadLandingZone } from "../../src/landing-zone.js";

/**
 * The reference config the tool's tests run on: a frozen copy of the config the project shipped when these tests
 * were written (a network hub plus dev, test and prod). Tests never read `environments/`, which the platform team
 * edits; `test/environments.test.ts` checks that folder and every `examples/` folder by invariants that hold for
 * any valid config.
 */
export const REFERENCE_DIR = "test/fixtures/reference";

const created: string[] = [];

/** Edits for {@link configWith}: file name → new text, a function of the old text, or `null` to delete the file. */
export type ConfigEdits = Record<string, string | ((old: string) => string) | null>;

/**
 * Copies the reference config ({@link REFERENCE_DIR}) into a new temp folder and applies `edits` (see {@link configWith}). Returns the folder.
 */
export function referenceWith(edits: ConfigEdits = {}): string {
  return configWith(REFERENCE_DIR, edits);
}

/**
 * Copies the config folder `from` (a fixture under test/fixtures) into a new temp folder and
 * applies `edits`. Returns the folder.
 */
export function configWith(from: string, edits: ConfigEdits = {}): string {
  const dir = mkdtempSync(join(tmpdir(), "lz-config-"));
  created.push(dir);
  for (const name of readdirSync(from)) writeFileSync(join(dir, name), readFileSync(join(from, name)));
  for (const [name, edit] of Object.entries(edits)) {
    const path = join(dir, name);
    if (edit === null) rmSync(path);
    else if (typeof edit === "string") writeFileSync(path, edit);
    else writeFileSync(path, edit(readFileSync(path, "utf8")));
  }
  return dir;
}

/** Replaces `from` by `to` in a text, failing loudly when `from` is absent (so edits cannot silently miss). */
export function replace(from: string | RegExp, to: string): (old: string) => string {
  return (old) => {
    const next = old.replace(from, to);
    if (next === old) throw new Error(`test edit did not apply: ${String(from)} not found`);
    return next;
  };
}

/**
 * Loads `dir` as the commands do (the config, then the routing intents) expecting a ConfigError and returns its
 * problems; throws when the config loads.
 */
export function structuredProblemsOf(dir: string): readonly Problem[] {
  try {
    loadLandingZone(dir);
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
  throw new Error(`expected ${dir} to be rejected, but it loaded`);
}

/** The problems of `dir` as printed lines (`file:line:col path: message`), with `dir/` shown as `<dir>/`. */
export function problemsOf(dir: string): string[] {
  return structuredProblemsOf(dir).map((p) => formatProblem(p).split(`${dir}/`).join("<dir>/"));
}

/** Removes every folder made by {@link referenceWith} and {@link configWith}. Call from afterAll. */
export function cleanupConfigDirs(): void {
  for (const d of created.splice(0)) rmSync(d, { recursive: true, force: true });
}
