/**
 * Temporary config folders for tests: the shipped config with some files edited, or files given whole.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ConfigError, formatProblem, type Problem } from "../../src/config/index.js";
import { loadLandingZone } from "../../src/landing-zone.js";

/** The shipped config folder. */
export const SHIPPED_DIR = "environments";

const created: string[] = [];

/** Edits for {@link configWith}: file name → new text, a function of the old text, or `null` to delete the file. */
export type ConfigEdits = Record<string, string | ((old: string) => string) | null>;

/**
 * Copies the shipped config into a new temp folder and applies `edits` (see {@link configWith}). Returns the folder.
 */
export function shippedWith(edits: ConfigEdits = {}): string {
  return configWith(SHIPPED_DIR, edits);
}

/**
 * Copies the config folder `from` (a fixture under test/fixtures, or the shipped one) into a new temp folder and
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

/** Removes every folder made by {@link shippedWith} and {@link configWith}. Call from afterAll. */
export function cleanupConfigDirs(): void {
  for (const d of created.splice(0)) rmSync(d, { recursive: true, force: true });
}
