import { existsSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig, type LandingZoneModel } from "../../src/config/index.js";
import { githubMatrix, selectStacks, StackManifestError, stackMatrix, type CdktfManifest } from "../../src/pipeline/stacks.js";
import { REFERENCE_DIR } from "../support/config-dir.js";

const model = loadConfig(REFERENCE_DIR);

/** A manifest in the form `npm run synth` writes it, for the given stack → dependencies. */
function manifestOf(stacks: Record<string, string[]>): CdktfManifest {
  return {
    stacks: Object.fromEntries(
      Object.entries(stacks).map(([name, dependencies]) => [
        name,
        {
          annotations: [],
          constructPath: name,
          dependencies,
          name,
          workingDirectory: `stacks/${name}`,
          synthesizedStackPath: `stacks/${name}/cdk.tf.json`,
        },
      ]),
    ),
  } as CdktfManifest;
}

const SHIPPED_MANIFEST = {
  "network-hub": [],
  "workload-dev": ["network-hub"],
  "workload-prod": ["network-hub"],
  "workload-test": ["network-hub"],
};

function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error("expected a throw");
}

describe("stackMatrix on the shipped config", () => {
  const entries = stackMatrix(model);

  it("lists the network hub first, then the workloads sorted by name", () => {
    expect(entries.map((e) => e.stack)).toEqual(["network-hub", "workload-dev", "workload-prod", "workload-test"]);
  });

  it("makes every workload depend on the network hub, and the hub on nothing", () => {
    expect(Object.fromEntries(entries.map((e) => [e.stack, e.dependsOn]))).toEqual(SHIPPED_MANIFEST);
  });

  it("builds the GitHub plan and apply role ARNs in each stack's own account", () => {
    expect(entries.map((e) => [e.stack, e.planRoleArn, e.applyRoleArn])).toEqual([
      [
        "network-hub",
        "arn:aws:iam::111111111111:role/landing-zone-github-plan",
        "arn:aws:iam::111111111111:role/landing-zone-github-apply",
      ],
      [
        "workload-dev",
        "arn:aws:iam::222222222222:role/landing-zone-github-plan",
        "arn:aws:iam::222222222222:role/landing-zone-github-apply",
      ],
      [
        "workload-prod",
        "arn:aws:iam::444444444444:role/landing-zone-github-plan",
        "arn:aws:iam::444444444444:role/landing-zone-github-apply",
      ],
      [
        "workload-test",
        "arn:aws:iam::333333333333:role/landing-zone-github-plan",
        "arn:aws:iam::333333333333:role/landing-zone-github-apply",
      ],
    ]);
  });

  it("gives the full entry of prod: account, Region, GitHub environment and synthesized folder", () => {
    expect(entries.find((e) => e.stack === "workload-prod")).toEqual({
      stack: "workload-prod",
      accountId: "444444444444",
      region: "eu-west-1",
      dependsOn: ["network-hub"],
      planRoleArn: "arn:aws:iam::444444444444:role/landing-zone-github-plan",
      planRoleName: "landing-zone-github-plan",
      applyRoleArn: "arn:aws:iam::444444444444:role/landing-zone-github-apply",
      githubEnvironment: "prod",
      workingDirectory: "cdktf.out/stacks/workload-prod",
    });
  });

  it("names the hub's GitHub environment network-hub and each workload's after its environment", () => {
    expect(entries.map((e) => e.githubEnvironment)).toEqual(["network-hub", "dev", "prod", "test"]);
  });

  it("uses the partition of the account's Region in the role ARNs", () => {
    const gov: LandingZoneModel = { ...model, networkHub: { ...model.networkHub, partition: "aws-us-gov" } };
    const hub = stackMatrix(gov)[0]!;
    expect(hub.planRoleArn).toBe("arn:aws-us-gov:iam::111111111111:role/landing-zone-github-plan");
    expect(hub.applyRoleArn).toBe("arn:aws-us-gov:iam::111111111111:role/landing-zone-github-apply");
  });

  it("follows the role names configured under organization.github", () => {
    const renamed: LandingZoneModel = {
      ...model,
      organization: { ...model.organization, github: { ...model.organization.github, planRoleName: "ci-read", applyRoleName: "ci-write" } },
    };
    expect(stackMatrix(renamed)[1]).toMatchObject({
      planRoleArn: "arn:aws:iam::222222222222:role/ci-read",
      applyRoleArn: "arn:aws:iam::222222222222:role/ci-write",
    });
  });

  it("sorts workloads by stack name even when the model lists them in another order", () => {
    const shuffled: LandingZoneModel = { ...model, environments: [...model.environments].reverse() };
    expect(stackMatrix(shuffled).map((e) => e.stack)).toEqual(["network-hub", "workload-dev", "workload-prod", "workload-test"]);
  });
});

describe("stackMatrix with a synthesized manifest", () => {
  it("accepts a manifest with the same stacks and dependencies, in any key order", () => {
    const reordered = Object.fromEntries(Object.entries(SHIPPED_MANIFEST).reverse());
    expect(stackMatrix(model, manifestOf(reordered))).toEqual(stackMatrix(model));
  });

  it("accepts the manifest that npm run synth wrote, when there is one", () => {
    const path = "cdktf.out/manifest.json";
    if (!existsSync(path)) return; // CI runs the tests before synth.
    expect(() => stackMatrix(model, JSON.parse(readFileSync(path, "utf8")) as CdktfManifest)).not.toThrow();
  });

  it("throws when the manifest lacks a stack of the config", () => {
    const { "workload-test": _, ...rest } = SHIPPED_MANIFEST;
    expect(() => stackMatrix(model, manifestOf(rest))).toThrow(StackManifestError);
    expect(messageOf(() => stackMatrix(model, manifestOf(rest)))).toBe(
      "cdktf.out/manifest.json does not match the config:\n" +
        "  - stack workload-test is in the config but not in the manifest\n" +
        "Run `npm run synth` with the same config folder, then try again.",
    );
  });

  it("throws when the manifest has a stack the config does not, listing every difference", () => {
    const { "workload-dev": _, ...rest } = SHIPPED_MANIFEST;
    const err = (() => {
      try {
        stackMatrix(model, manifestOf({ ...rest, "workload-staging": ["network-hub"] }));
      } catch (e) {
        return e as StackManifestError;
      }
      throw new Error("expected a throw");
    })();
    expect(err).toBeInstanceOf(Error);
    expect(err.differences).toEqual([
      "stack workload-dev is in the config but not in the manifest",
      "stack workload-staging is in the manifest but not in the config",
    ]);
  });

  it("throws when the manifest records different dependencies", () => {
    expect(messageOf(() => stackMatrix(model, manifestOf({ ...SHIPPED_MANIFEST, "workload-prod": [] })))).toContain(
      "stack workload-prod depends on [] in the manifest but on [network-hub] in the config",
    );
  });

  it("throws when the manifest has no stacks object", () => {
    expect(messageOf(() => stackMatrix(model, {} as CdktfManifest))).toContain("it has no `stacks` object");
  });
});

describe("selectStacks and githubMatrix", () => {
  const entries = stackMatrix(model);

  it("selects the network hub alone, or every workload in deploy order", () => {
    expect(selectStacks(entries, "network").map((e) => e.stack)).toEqual(["network-hub"]);
    expect(selectStacks(entries, "workloads").map((e) => e.stack)).toEqual(["workload-dev", "workload-prod", "workload-test"]);
    expect(selectStacks(entries, "all")).toEqual(entries);
  });

  it("wraps the entries as a GitHub Actions matrix include list", () => {
    expect(githubMatrix(entries)).toEqual({ include: entries });
  });
});

describe("src/pipeline/stacks.ts", () => {
  /** Every project file `file` imports, transitively, through relative imports. */
  function importClosure(file: string, seen = new Set<string>()): Set<string> {
    if (seen.has(file)) return seen;
    seen.add(file);
    const text = readFileSync(file, "utf8");
    for (const m of text.matchAll(/(?:from|import)\s*\(?\s*["'](\.[^"']+)["']/g)) {
      importClosure(resolve(dirname(file), m[1]!.replace(/\.js$/, ".ts")), seen);
    }
    return seen;
  }

  it("never loads cdktf, constructs or the AWS provider, even through the config layer", () => {
    const files = [...importClosure(resolve("src/pipeline/stacks.ts"))];
    const offenders = files.filter((f) => /from\s+["'](cdktf|constructs|@cdktf\/[^"']+)["']/.test(readFileSync(f, "utf8")));
    expect(files.length).toBeGreaterThan(1);
    expect(offenders).toEqual([]);
  });
});
