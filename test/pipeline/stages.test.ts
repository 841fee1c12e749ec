import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { loadConfig } from "../../src/config/index.js";
import { promotionStages } from "../../src/pipeline/stages.js";
import { stackMatrix } from "../../src/pipeline/stacks.js";
import { APPLY_CONCURRENCY_GROUP, DEPLOY_STACK_WORKFLOW, mainWorkflow } from "../../src/pipeline/workflow.js";
import { actionlint } from "../support/actionlint.js";
import { cleanupConfigDirs, REFERENCE_DIR, referenceWith, replace } from "../support/config-dir.js";

afterAll(cleanupConfigDirs);

const model = loadConfig(REFERENCE_DIR);

/** A new environment file copied from the reference's test.yaml, as a platform engineer adds one. */
function copyOfTest(name: string, accountId: string, cidrSecondOctet: number, segment: "nonprod" | "prod" = "nonprod"): string {
  const edits = [
    replace("name: test", `name: ${name}`),
    replace('accountId: "333333333333"', `accountId: "${accountId}"`),
    replace("cidr: 10.20.0.0/16", `cidr: 10.${cidrSecondOctet}.0.0/16`),
    replace("hostedZoneName: test.acme.example", `hostedZoneName: ${name}.acme.example`),
    ...(segment === "prod"
      ? [replace("segment: nonprod", "segment: prod\ninspection: central"), replace("natGateways: single", "natGateways: none")]
      : []),
  ];
  return edits.reduce((text, edit) => edit(text), readFileSync(`${REFERENCE_DIR}/test.yaml`, "utf8"));
}

interface Job {
  readonly name?: string;
  readonly needs?: string[];
  readonly if?: string;
  readonly uses?: string;
  readonly permissions?: Record<string, string>;
  readonly with?: Record<string, string>;
  readonly steps?: { run?: string; uses?: string; with?: Record<string, unknown> }[];
}
interface Workflow {
  readonly on: Record<string, unknown>;
  readonly concurrency: { group: string; "cancel-in-progress": boolean };
  readonly jobs: Record<string, Job>;
}

describe("promotionStages", () => {
  it("puts the network hub first, then dev, test and prod: nonprod before prod", () => {
    expect(promotionStages(model).map((s) => s.stacks.map((e) => e.stack))).toEqual([
      ["network-hub"],
      ["workload-dev"],
      ["workload-test"],
      ["workload-prod"],
    ]);
    expect(promotionStages(model).map((s) => s.name)).toEqual(["network-hub", "dev", "test", "prod"]);
  });

  it("places an added nonprod environment before prod, and an added prod-segment one after the nonprod ones", () => {
    const dir = referenceWith({
      "staging.yaml": copyOfTest("staging", "555555555555", 50),
      "prod2.yaml": copyOfTest("prod2", "666666666666", 60, "prod"),
    });
    expect(promotionStages(loadConfig(dir)).map((s) => s.name)).toEqual(["network-hub", "dev", "staging", "test", "prod", "prod2"]);
  });

  it("gives every stack its lz stacks entry plus an approval environment named after its GitHub environment", () => {
    const stacks = promotionStages(model).flatMap((s) => s.stacks);
    for (const s of stacks) {
      const { approvalEnvironment, ...entry } = s;
      expect(stackMatrix(model)).toContainEqual(entry);
      expect(approvalEnvironment).toBe(`${s.githubEnvironment}-approval`);
    }
    expect(stacks.map((s) => s.stack)).not.toContain("bootstrap");
  });
});

describe("mainWorkflow", () => {
  const wf = parse(mainWorkflow(model)) as Workflow;

  it("serializes runs with a workflow-level concurrency group that never cancels a run in progress", () => {
    expect(wf.concurrency).toEqual({ group: APPLY_CONCURRENCY_GROUP, "cancel-in-progress": false });
    expect(wf.on).toEqual({ push: { branches: ["main"] }, workflow_dispatch: null });
  });

  it("chains the stages: each stack job needs the stage before, the hub needs the build", () => {
    const needs = Object.fromEntries(
      Object.entries(wf.jobs)
        .filter(([id]) => id !== "build")
        .map(([id, job]) => [id, job.needs]),
    );
    expect(needs).toEqual({
      "network-hub": ["build"],
      "workload-dev": ["network-hub"],
      "workload-test": ["workload-dev"],
      "workload-prod": ["workload-test"],
    });
  });

  it("deploys each stack through deploy-stack.yml with its account, Region, apply role and environments, on main only", () => {
    const prod = wf.jobs["workload-prod"]!;
    expect(prod.uses).toBe(DEPLOY_STACK_WORKFLOW);
    expect(prod.if).toBe("github.ref == 'refs/heads/main'");
    expect(prod.permissions).toEqual({ "id-token": "write", contents: "read" });
    expect(prod.with).toEqual({
      stack: "workload-prod",
      "account-id": "444444444444",
      region: "eu-west-1",
      "apply-role-arn": "arn:aws:iam::444444444444:role/landing-zone-github-apply",
      environment: "prod",
      "approval-environment": "prod-approval",
    });
  });

  it("follows the config: an added environment gets a job in its place, and the chain moves", async () => {
    const dir = referenceWith({ "staging.yaml": copyOfTest("staging", "555555555555", 50) });
    const added = parse(mainWorkflow(loadConfig(dir))) as Workflow;
    expect(added.jobs["workload-staging"]!.needs).toEqual(["workload-dev"]);
    expect(added.jobs["workload-test"]!.needs).toEqual(["workload-staging"]);
    expect(added.jobs["workload-staging"]!.with).toMatchObject({ "account-id": "555555555555", environment: "staging" });
    expect(await actionlint(mainWorkflow(loadConfig(dir)), "main.yml")).toEqual([]);
  });

  it("passes actionlint, and is the same text for the same config", async () => {
    expect(await actionlint(mainWorkflow(model), "main.yml")).toEqual([]);
    expect(mainWorkflow(loadConfig(REFERENCE_DIR))).toBe(mainWorkflow(model));
  });

  it("warns on a push that removes an environment, naming the decommission to run with the previous commit", () => {
    const step = wf.jobs.build!.steps!.find((s) => (s as { name?: string }).name === "environments removed by this push") as
      | { if?: string; env?: Record<string, string>; run?: string }
      | undefined;
    expect(step?.if).toBe("github.event_name == 'push'");
    expect(step?.env).toEqual({ BEFORE: "${{ github.event.before }}" });
    expect(step?.run).toContain('git archive "$BEFORE" environments | tar -x -C before');
    expect(step?.run).toContain("npx --no lz stacks --json --config before/environments > before.json");
    expect(step?.run).toContain("Run the decommission workflow with environment $env and commit $BEFORE");
  });

  it("copies the committed lock file into every stack and uploads it with the hidden files", () => {
    const steps = wf.jobs.build!.steps!;
    const copy = steps.findIndex((s) => s.run?.includes('cp .terraform.lock.hcl "$dir"'));
    const synth = steps.findIndex((s) => s.run === "npm run synth");
    const upload = steps.findIndex((s) => s.uses?.startsWith("actions/upload-artifact@"));
    expect(synth).toBeGreaterThan(-1);
    expect(copy).toBeGreaterThan(synth);
    expect(upload).toBeGreaterThan(copy);
    expect(steps[upload]!.with).toMatchObject({ name: "cdktf-out", path: "cdktf.out", "include-hidden-files": true });
  });
});
