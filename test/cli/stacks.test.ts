import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/index.js";
import { deployOrder, inDeployOrder } from "../../src/pipeline/deploy-order.js";
import { stackMatrix } from "../../src/pipeline/stacks.js";
import { lz, STACK_FRAME } from "./lz.js";
import { REFERENCE_DIR } from "../support/config-dir.js";

const scratch = mkdtempSync(join(tmpdir(), "lz-cli-stacks-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const model = loadConfig(REFERENCE_DIR);

/** A manifest file in the form `lz synth` writes it, for the given stack → dependencies. */
function manifestFile(name: string, stacks: Record<string, string[]>): string {
  const path = join(scratch, name);
  const entries = Object.entries(stacks).map(([stack, dependencies]) => [
    stack,
    { name: stack, dependencies, workingDirectory: `stacks/${stack}` },
  ]);
  writeFileSync(path, JSON.stringify({ version: "0.21.0", stacks: Object.fromEntries(entries) }));
  return path;
}

describe("lz stacks", () => {
  it("prints the whole GitHub Actions matrix as one line of JSON with --json", () => {
    const r = lz(["stacks", "--json"]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout.trimEnd()).not.toContain("\n");
    expect(JSON.parse(r.stdout)).toEqual({ include: inDeployOrder(model, stackMatrix(model), (e) => e.stack) });
  });

  it("selects the network hub with --only network, and the workloads in deploy order with --only workloads", () => {
    const stacksOf = (r: { stdout: string }) => (JSON.parse(r.stdout) as { include: { stack: string }[] }).include.map((e) => e.stack);
    expect(stacksOf(lz(["stacks", "--json", "--only", "network"]))).toEqual(["network-hub"]);
    expect(stacksOf(lz(["stacks", "--json", "--only", "workloads"]))).toEqual(["workload-dev", "workload-test", "workload-prod"]);
  });

  it("prints a readable list in deploy order without --json: bootstrap by hand, the hub, then dev, test and prod", () => {
    const r = lz(["stacks"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Stacks in deploy order:\n 0\. bootstrap +applied by hand .*\n 1\. network-hub .* first\n/);
    expect(r.stdout.match(/^ *\d+\. \S+/gm)).toEqual([
      " 0. bootstrap",
      " 1. network-hub",
      " 2. workload-dev",
      " 3. workload-test",
      " 4. workload-prod",
    ]);
    expect(r.stdout).toContain(" 4. workload-prod  account 444444444444  eu-west-1  environment prod  after network-hub\n");
    expect(r.stdout).toContain("    plan:  arn:aws:iam::444444444444:role/landing-zone-github-plan\n");
  });

  it("accepts a manifest with the config's stacks and dependencies", () => {
    const manifest = manifestFile("good.json", {
      "network-hub": [],
      "workload-dev": ["network-hub"],
      "workload-prod": ["network-hub"],
      "workload-test": ["network-hub"],
    });
    const r = lz(["stacks", "--json", "--manifest", manifest]);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ include: inDeployOrder(model, stackMatrix(model), (e) => e.stack) });
  });

  it("rejects a manifest that does not match the config with exit 1, listing the differences", () => {
    const manifest = manifestFile("stale.json", { "network-hub": [], "workload-dev": ["network-hub"], "workload-prod": ["network-hub"] });
    const r = lz(["stacks", "--json", "--manifest", manifest]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("  - stack workload-test is in the config but not in the manifest\n");
    expect(r.stderr).not.toMatch(STACK_FRAME);
  });

  it("rejects a missing or malformed manifest with exit 1 and what to do", () => {
    const missing = lz(["stacks", "--manifest", join(scratch, "none.json")]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toBe(
      `${join(scratch, "none.json")}: cannot read the cdktf manifest. Run \`lz synth\` (or \`npm run synth\`) first.\n`,
    );
    const path = join(scratch, "broken.json");
    writeFileSync(path, "{");
    const malformed = lz(["stacks", "--manifest", path]);
    expect(malformed.status).toBe(1);
    expect(malformed.stderr).toMatch(/^.*broken\.json: not valid JSON \(.+\)\. Run `lz synth` to write it again\.\n$/);
  });

  it("rejects a config with problems: prints them without a stack trace and exits 1", () => {
    const r = lz(["stacks", "--config", "test/fixtures/many-mistakes", "--json"]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^config has \d+ problems:\ntest\/fixtures\/many-mistakes\//);
    expect(r.stderr).not.toMatch(STACK_FRAME);
  });

  it("rejects an unknown --only value with exit 2, naming the choices", () => {
    const r = lz(["stacks", "--only", "hub"]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("error: option '--only <kind>' argument 'hub' is invalid. Allowed choices are all, network, workloads.");
  });
});

describe("deploy order", () => {
  it("puts bootstrap, the hub, every nonprod environment by name, then every prod environment by name", () => {
    const env = (name: string, segment: "prod" | "nonprod") => ({
      ...model.environments[0]!,
      name,
      segment,
      stackName: `workload-${name}`,
    });
    const shuffled = {
      ...model,
      environments: [env("prod", "prod"), env("test", "nonprod"), env("dr", "prod"), env("dev", "nonprod"), env("staging", "nonprod")],
    };
    expect(deployOrder(shuffled)).toEqual([
      "bootstrap",
      "network-hub",
      "workload-dev",
      "workload-staging",
      "workload-test",
      "workload-dr",
      "workload-prod",
    ]);
    expect(deployOrder({ ...shuffled, bootstrap: undefined } as unknown as typeof model)[0]).toBe("network-hub");
  });
});
