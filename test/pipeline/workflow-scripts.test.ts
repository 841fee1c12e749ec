/**
 * Runs the bash steps of the workflows that decide what to destroy, with `npx --no lz` shimmed to this
 * repository's bin/lz.mjs, on scratch projects built from the reference config: the decommission workflow's
 * target check, and the main workflow's warning for a removed environment.
 */
import { execFile, spawnSync } from "node:child_process";
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { loadConfig } from "../../src/config/index.js";
import { mainWorkflow } from "../../src/pipeline/workflow.js";
import { REFERENCE_DIR } from "../support/config-dir.js";

const hasTools = ["jq", "git", "bash"].every((t) => spawnSync(t, ["--version"]).status === 0);
if (!hasTools) console.warn("Skipping the workflow script tests: jq, git or bash is missing");

const scratch = mkdtempSync(join(tmpdir(), "lz-wf-scripts-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

// `npx --no lz …` → `node bin/lz.mjs …`.
const shims = join(scratch, "bin");
mkdirSync(shims);
writeFileSync(
  join(shims, "npx"),
  `#!/bin/sh\nshift 2\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(resolve("bin/lz.mjs"))} "$@"\n`,
);
chmodSync(join(shims, "npx"), 0o755);

/** The reference config without its `test` environment (file and routing intent), as a removal PR leaves it. */
function writeConfigWithoutTest(dir: string): void {
  cpSync(REFERENCE_DIR, dir, { recursive: true });
  rmSync(join(dir, "test.yaml"));
  const shared = readFileSync(join(dir, "shared.yaml"), "utf8");
  const without = shared.replace(
    "    - name: test-to-prod-denied\n      from: test/privateApp\n      to: prod/privateData\n      expect: denied\n",
    "",
  );
  expect(without).not.toBe(shared);
  writeFileSync(join(dir, "shared.yaml"), without);
}

type Step = { id?: string; name?: string; run?: string };
const stepsOf = (text: string, job: string) => (parse(text) as { jobs: Record<string, { steps: Step[] }> }).jobs[job]!.steps;

/**
 * Runs `script` with `bash -e` in `cwd`, asynchronously (a synchronous child would block the test worker), and
 * returns its exit status, streams and what it wrote to $GITHUB_OUTPUT.
 */
async function runStep(script: string, cwd: string, env: Record<string, string>) {
  const output = join(cwd, "github-output.txt");
  writeFileSync(output, "");
  const r = await new Promise<{ status: number | null; stdout: string; stderr: string }>((done) => {
    execFile(
      "bash",
      ["-e", "-c", script],
      {
        cwd,
        encoding: "utf8",
        timeout: 120_000,
        env: { ...process.env, PATH: `${shims}:${process.env.PATH}`, GITHUB_OUTPUT: output, LZ_CONFIG_DIR: "", ...env },
      },
      (error, stdout, stderr) => done({ status: error ? (typeof error.code === "number" ? error.code : null) : 0, stdout, stderr }),
    );
  });
  return { ...r, output: readFileSync(output, "utf8") };
}

describe.skipIf(!hasTools)("decommission.yml: the target check", () => {
  const script = stepsOf(readFileSync(".github/workflows/decommission.yml", "utf8"), "build").find((s) => s.id === "target")!.run!;
  const project = join(scratch, "decommission");
  writeConfigWithoutTest(join(project, "environments"));
  cpSync(REFERENCE_DIR, join(project, "decommission-config"), { recursive: true });

  it("outputs the removed environment's stack, account, Region, apply role and GitHub environment", async () => {
    const r = await runStep(script, project, { ENVIRONMENT: "test", ACKNOWLEDGE: "workload-test" });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.output).toBe(
      "stack=workload-test\naccount-id=333333333333\nregion=eu-west-1\n" +
        "apply-role-arn=arn:aws:iam::333333333333:role/landing-zone-github-apply\ngithub-environment=test\n",
    );
  });

  it("refuses an acknowledgement that is not the stack name", async () => {
    const r = await runStep(script, project, { ENVIRONMENT: "test", ACKNOWLEDGE: "test" });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain("::error::acknowledge must be exactly workload-test to destroy it");
    expect(r.output).toBe("");
  });

  it("refuses an environment that is still in the current config", async () => {
    const r = await runStep(script, project, { ENVIRONMENT: "dev", ACKNOWLEDGE: "workload-dev" });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain("::error::workload-dev is still in the current config");
  });

  it("refuses an environment the given commit did not have", async () => {
    const r = await runStep(script, project, { ENVIRONMENT: "qa", ACKNOWLEDGE: "workload-qa" });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain("::error::environment qa is not in environments/ of the given commit");
  });
});

describe.skipIf(!hasTools)("main.yml: the warning for a removed environment", () => {
  const script = stepsOf(mainWorkflow(loadConfig(REFERENCE_DIR)), "build").find((s) => s.name === "environments removed by this push")!
    .run!;
  const repo = join(scratch, "repo");
  const git = (...args: string[]) => {
    const r = spawnSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.com", ...args], { cwd: repo, encoding: "utf8" });
    expect(r.status, r.stderr).toBe(0);
    return r.stdout.trim();
  };
  mkdirSync(repo);
  git("init", "-q");
  cpSync(REFERENCE_DIR, join(repo, "environments"), { recursive: true });
  git("add", "-A");
  git("commit", "-qm", "with test");
  const before = git("rev-parse", "HEAD");
  rmSync(join(repo, "environments"), { recursive: true });
  writeConfigWithoutTest(join(repo, "environments"));
  git("add", "-A");
  git("commit", "-qm", "without test");

  it("names the environment and the commit before the push", async () => {
    const r = await runStep(script, repo, { BEFORE: before });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout.trim()).toBe(
      `::warning title=decommission test::environment test left the config but its stack still exists in AWS. ` +
        `Run the decommission workflow with environment test and commit ${before} (docs/decommission.md).`,
    );
  });

  it("says nothing when no environment was removed", async () => {
    const r = await runStep(script, repo, { BEFORE: git("rev-parse", "HEAD") });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe("");
  });
});
