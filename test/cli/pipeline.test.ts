import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/index.js";
import { mainWorkflow } from "../../src/pipeline/workflow.js";
import { REFERENCE_DIR } from "../support/config-dir.js";
import { lz, STACK_FRAME } from "./lz.js";

const scratch = mkdtempSync(join(tmpdir(), "lz-pipeline-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("lz pipeline", () => {
  const expected = mainWorkflow(loadConfig(REFERENCE_DIR));

  it("prints the main workflow of the config on stdout", () => {
    const r = lz(["pipeline"]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe(expected);
  });

  it("writes it with --out and names the stages in promotion order", () => {
    const out = join(scratch, "main.yml");
    const r = lz(["pipeline", "--out", out]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe(`wrote ${out}: network-hub → dev → test → prod\n`);
    expect(readFileSync(out, "utf8")).toBe(expected);
  });

  it("--check passes on an up-to-date file and fails with the fixing command on a stale or missing one", () => {
    const file = join(scratch, "check.yml");
    writeFileSync(file, expected);
    expect(lz(["pipeline", "--check", file])).toMatchObject({ status: 0, stdout: `${file} is up to date\n` });
    writeFileSync(file, expected.replace("workload-test", "workload-tst"));
    const stale = lz(["pipeline", "--check", file]);
    expect(stale.status).toBe(1);
    expect(stale.stderr).toBe(
      `${file} is out of date with the config (stages, accounts or roles changed): run npx lz pipeline --out ${file} and commit it\n`,
    );
    expect(stale.stderr).not.toMatch(STACK_FRAME);
    const missing = lz(["pipeline", "--check", join(scratch, "none.yml")]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain("none.yml does not exist: run npx lz pipeline --out");
  });

  it("--check without a file checks .github/workflows/main.yml of the project", () => {
    const project = mkdtempSync(join(scratch, "project-"));
    cpSync(REFERENCE_DIR, join(project, "environments"), { recursive: true });
    mkdirSync(join(project, ".github", "workflows"), { recursive: true });
    expect(lz(["pipeline", "--check"], { cwd: project }).stderr).toContain(".github/workflows/main.yml does not exist");
    writeFileSync(join(project, ".github", "workflows", "main.yml"), expected);
    expect(lz(["pipeline", "--check"], { cwd: project })).toMatchObject({ status: 0 });
  });

  it("rejects --check with --out with exit 2", () => {
    expect(lz(["pipeline", "--check", "--out", "x.yml"]).status).toBe(2);
  });
});

describe("lz validate --format github", () => {
  it("prints one annotation per problem on its YAML line and exits 1", () => {
    const project = mkdtempSync(join(scratch, "bad-"));
    cpSync(REFERENCE_DIR, join(project, "environments"), { recursive: true });
    const dev = join(project, "environments", "dev.yaml");
    writeFileSync(dev, readFileSync(dev, "utf8").replace("cidr: 10.10.0.0/16", "cidr: 10.10.0.0/33"));
    const r = lz(["validate", "--format", "github"], { cwd: project });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe(
      '::error file=environments/dev.yaml,line=9,col=9,title=vpc.cidr::Write an IPv4 CIDR block such as 10.20.0.0/16 (got string "10.10.0.0/33").\n',
    );
  });

  it("prints one OK line and exits 0 on a valid config", () => {
    expect(lz(["validate", "--format", "github"])).toMatchObject({ status: 0, stdout: "OK environments: 5 stacks\n" });
  });
});

describe("lz plan-guard --acknowledge-destroy", () => {
  const args = ["plan-guard", "--stack", "workload-test", "--plan", "test/fixtures/plans/destroy-bucket.json"];

  it("passes a plan deleting a stateful resource only when the stack name is repeated, still listing it", () => {
    expect(lz(args).status).toBe(1);
    const r = lz([...args, "--acknowledge-destroy", "workload-test"]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain("aws_s3_bucket.exports_bucket_2B7A4C90");
    expect(r.stdout).toContain("decommission of workload-test: the operator acknowledged the loss of its data");
  });

  it("rejects an acknowledgement naming another stack with exit 2", () => {
    const r = lz([...args, "--acknowledge-destroy", "workload-prod"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe("--acknowledge-destroy workload-prod: must repeat the stack name, workload-test.\n");
  });
});
