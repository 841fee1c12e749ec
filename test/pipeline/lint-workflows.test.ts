import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const scratch = mkdtempSync(join(tmpdir(), "lz-lint-workflows-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const run = (...args: string[]) => spawnSync(process.execPath, ["scripts/lint-workflows.mjs", ...args], { encoding: "utf8" });

describe("npm run lint:workflows (scripts/lint-workflows.mjs)", () => {
  it("passes the repository's workflows with a one-line summary", () => {
    const r = run();
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^actionlint: \d+ workflow file\(s\), no problems\n$/);
  });

  it("fails with file:line:col, the message and the rule for every problem", () => {
    writeFileSync(join(scratch, "ok.yml"), "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ok\n");
    writeFileSync(
      join(scratch, "broken.yml"),
      "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ matrix.nope }}\n",
    );
    const r = run(scratch);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${join(scratch, "broken.yml")}:6:23 property "nope" is not defined in object type {} [expression]\n`);
    expect(r.stderr).toContain("actionlint: 1 problem(s) in 2 workflow file(s)");
  });

  it("fails on a folder without workflow files", () => {
    const empty = mkdtempSync(join(scratch, "empty-"));
    const r = run(empty);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`${empty}: no workflow files (*.yml, *.yaml)\n`);
  });
});
