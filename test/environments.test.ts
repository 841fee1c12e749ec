/**
 * The platform team's config (`environments/`) and every `examples/<name>/` folder, checked only by invariants that
 * hold for any valid config: it loads (shape, meaning across files, routing intents), it synthesizes through the
 * policy pack with no error, every stack the config implies is written, and every YAML file names its editor
 * schema. Adding, removing or editing an environment keeps these green as long as the config is valid. The real
 * Terraform runs on the same synthesis (test/terraform). The tool's own tests use test/fixtures/ instead.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadLandingZone } from "../src/landing-zone.js";
import { environmentsSynthesis } from "./support/shared-synthesis.js";

/** `environments/` plus every folder under `examples/` that holds a shared.yaml. */
const CONFIG_DIRS = [
  "environments",
  ...(existsSync("examples")
    ? readdirSync("examples")
        .map((name) => join("examples", name))
        .filter((dir) => statSync(dir).isDirectory() && existsSync(join(dir, "shared.yaml")))
    : []),
];

describe.each(CONFIG_DIRS)("the config in %s", (dir) => {
  it("loads: every file has the right shape, the files agree, and every routing intent holds", () => {
    expect(() => loadLandingZone(dir)).not.toThrow();
  });

  it("names its editor schema on the first line of every YAML file", () => {
    const depth = dir.split("/").length;
    const schemaDir = `${"../".repeat(depth)}schema`;
    for (const name of readdirSync(dir).filter((n) => n.endsWith(".yaml"))) {
      const first = readFileSync(join(dir, name), "utf8").split("\n")[0];
      const schema = name === "shared.yaml" ? "shared.schema.json" : "environment.schema.json";
      expect(first, name).toBe(`# yaml-language-server: $schema=${schemaDir}/${schema}`);
    }
  });
});

describe("the synthesis of environments/", () => {
  const synthesis = environmentsSynthesis();

  it("passes the policy pack with no error", () => {
    expect(synthesis.outcome.policy.errors).toEqual([]);
  });

  it("writes the network hub, one stack per environment file, and the bootstrap stack when shared.yaml has one", () => {
    const model = synthesis.model;
    const expected = [
      ...(model.bootstrap ? ["bootstrap"] : []),
      model.networkHub.stackName,
      ...model.environments.map((e) => e.stackName),
    ].sort();
    expect([...synthesis.outcome.stacks].sort()).toEqual(expected);
    const files = readdirSync("environments").filter((n) => n.endsWith(".yaml") && n !== "shared.yaml");
    expect(model.environments.map((e) => `${e.name}.yaml`).sort()).toEqual(files.sort());
    for (const stack of expected) expect(() => synthesis.json(stack), stack).not.toThrow();
  });
});
