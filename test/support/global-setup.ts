/**
 * Vitest global setup (vitest.config.ts `globalSetup`): one scratch folder for the whole run, handed to the
 * workers as `inject("scratchRoot")` and removed when the run ends. Test workers are killed at the end
 * without running exit handlers, so what they share between test files (test/support/synth.ts) lives here.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** A folder that exists for the whole test run and is removed after it. */
    scratchRoot: string;
  }
}

export default function setup(project: TestProject): () => void {
  const root = mkdtempSync(join(tmpdir(), "lz-test-run-"));
  project.provide("scratchRoot", root);
  return () => rmSync(root, { recursive: true, force: true });
}
