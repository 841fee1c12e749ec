/**
 * Whole-config syntheses (the shipped config, the per-vpc scenario) shared by the test files of one worker.
 *
 * With `isolate: false` (vitest.config.ts) the test files that one worker runs share their modules, so the
 * cache here lives as long as the worker: one synthesis of the shipped config serves every file that reads it,
 * instead of one per file (about 1.5 s of CPU each). The outputs live in the run's scratch folder
 * (test/support/global-setup.ts), which is removed when the run ends.
 */
import { mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inject } from "vitest";
import { type SynthOutcome, synthesizeChecked } from "../../src/app.js";
import { type LandingZoneModel, loadConfig } from "../../src/config/index.js";
import { REFERENCE_DIR } from "./config-dir.js";
import { perVpcConfigDir } from "./per-vpc.js";
import type { StackJson } from "./synth.js";

/**
 * A config synthesized through `synthesizeChecked` into a folder of its own. Shared by every test file that
 * asks for it in one test worker, so it is read-only: copy `outdir` before writing into it.
 */
export interface SharedSynthesis {
  /** The loaded model that was synthesized. */
  readonly model: LandingZoneModel;
  /** The output folder: `manifest.json` and `stacks/<stack>/cdk.tf.json`. */
  readonly outdir: string;
  /** What `synthesizeChecked` returned: stack names in deploy order and the policy-pack report. */
  readonly outcome: SynthOutcome;
  /** The text of `stacks/<stack>/cdk.tf.json`. Throws if the stack was not synthesized. */
  text(stack: string): string;
  /** `stacks/<stack>/cdk.tf.json`, parsed anew on every call (so a test may change its copy). */
  json(stack: string): StackJson;
}

const cache = new Map<string, SharedSynthesis>();

/** Synthesizes the config in `configDir()` once per worker under `key`; later calls return the same result. */
function shared(key: string, configDir: () => string): SharedSynthesis {
  const known = cache.get(key);
  if (known) return known;
  const model = loadConfig(configDir());
  const workerDir = join(inject("scratchRoot") ?? tmpdir(), `worker-${process.pid}`);
  mkdirSync(workerDir, { recursive: true });
  const outdir = mkdtempSync(join(workerDir, `${key}-`));
  const outcome = synthesizeChecked(model, outdir);
  const text = (stack: string) => readFileSync(join(outdir, "stacks", stack, "cdk.tf.json"), "utf8");
  const result: SharedSynthesis = { model, outdir, outcome, text, json: (stack) => JSON.parse(text(stack)) as StackJson };
  cache.set(key, result);
  return result;
}

/** The reference config (test/fixtures/reference), synthesized once per test worker (see {@link SharedSynthesis}). */
export function referenceSynthesis(): SharedSynthesis {
  return shared("reference", () => REFERENCE_DIR);
}

/**
 * The platform team's config (`environments/`), synthesized once per test worker (see {@link SharedSynthesis}).
 * Only for checks that hold for any valid config (test/environments.test.ts, the real Terraform): the team edits
 * this folder, and its contents must never decide whether a test passes.
 */
export function environmentsSynthesis(): SharedSynthesis {
  return shared("environments", () => "environments");
}

/**
 * Any config folder (an `examples/<name>/`), synthesized once per test worker (see {@link SharedSynthesis}). Only
 * for invariants that hold for any valid config, like {@link environmentsSynthesis}.
 */
export function configSynthesis(dir: string): SharedSynthesis {
  return shared(`config-${dir.replace(/[^a-z0-9-]/gi, "-")}`, () => dir);
}

/**
 * The per-vpc inspection scenario (test/support/per-vpc.ts), synthesized once per test worker (see
 * {@link SharedSynthesis}). Its temp config folder goes with the next `cleanupConfigDirs()`.
 */
export function perVpcSynthesis(): SharedSynthesis {
  return shared("per-vpc", perVpcConfigDir);
}
