import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const scratch = mkdtempSync(join(tmpdir(), "lz-lint-workflows-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Runs the script asynchronously (a synchronous child would block the test worker). */
const run = (...args: string[]) =>
  new Promise<{ status: number | null; stdout: string; stderr: string }>((done) => {
    execFile(process.execPath, ["scripts/lint-workflows.mjs", ...args], { encoding: "utf8" }, (error, stdout, stderr) =>
      done({ status: error ? (typeof error.code === "number" ? error.code : null) : 0, stdout, stderr }),
    );
  });

describe("npm run lint:workflows (scripts/lint-workflows.mjs)", () => {
  it("passes the repository's workflows with a one-line summary", async () => {
    const r = await run();
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^actionlint: \d+ workflow file\(s\), no problems\n$/);
  });

  it("fails with file:line:col, the message and the rule for every problem", async () => {
    writeFileSync(join(scratch, "ok.yml"), "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ok\n");
    writeFileSync(
      join(scratch, "broken.yml"),
      "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ matrix.nope }}\n",
    );
    const r = await run(scratch);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${join(scratch, "broken.yml")}:6:23 property "nope" is not defined in object type {} [expression]\n`);
    expect(r.stderr).toContain("actionlint: 1 problem(s) in 2 workflow file(s)");
  });

  it("fails on a folder without workflow files", async () => {
    const empty = mkdtempSync(join(scratch, "empty-"));
    const r = await run(empty);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`${empty}: no workflow files (*.yml, *.yaml)\n`);
  });
});
