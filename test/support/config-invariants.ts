/**
 * The invariants every valid config folder satisfies, whatever it holds: it loads (shape, meaning across files,
 * routing intents), it synthesizes through the policy pack with no error, it writes the stacks its files imply,
 * and (for a folder in the repository) every YAML file names its editor schema. They are what checks
 * `environments/` and every `examples/<name>/` (test/environments.test.ts), and the edited copies that show a valid
 * edit keeps them (test/config-edits.test.ts). Nothing here names an environment, a stack or a count of the config.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { LOG_ARCHIVE_STACK, SECURITY_TOOLING_STACK } from "../../src/config/index.js";
import { loadLandingZone } from "../../src/landing-zone.js";
import type { SharedSynthesis } from "./shared-synthesis.js";

/** Folder of the example configs, relative to the repository root. */
export const EXAMPLES_DIR = "examples";

/**
 * The config folders of the repository that CI checks by invariants: `environments/`, then every folder under
 * `examples/` holding a shared.yaml, by name. Paths are relative to the repository root (the tests' cwd).
 */
export function checkedConfigDirs(): string[] {
  const examples = existsSync(EXAMPLES_DIR)
    ? readdirSync(EXAMPLES_DIR)
        .sort()
        .map((name) => join(EXAMPLES_DIR, name))
        .filter((dir) => statSync(dir).isDirectory() && existsSync(join(dir, "shared.yaml")))
    : [];
  return ["environments", ...examples];
}

/** Options of {@link itSatisfiesConfigInvariants}. */
export interface ConfigInvariantOptions {
  /**
   * Also check that every YAML file's first line names its editor schema by a path relative to `dir`, which is
   * then a path relative to the repository root. Off for temp copies, whose schema lines point nowhere.
   * @default true
   */
  readonly schemaComment?: boolean;
}

/**
 * Registers, in the current `describe`, the tests of the invariants of the config in `dir`: it loads with its
 * routing intents; `synthesis()` (called when the tests run, so a folder that does not load fails one test, not
 * the collection) passed the policy pack with no error-level finding; it wrote exactly the network hub, one
 * stack per environment file and the bootstrap stack when shared.yaml has a `bootstrap:` block, each a readable
 * cdk.tf.json; and, unless `schemaComment` is false, the first line of every YAML file is its yaml-language-server
 * schema comment.
 */
export function itSatisfiesConfigInvariants(dir: string, synthesis: () => SharedSynthesis, options: ConfigInvariantOptions = {}): void {
  it("loads: every file has the right shape, the files agree, and every routing intent holds", () => {
    expect(() => loadLandingZone(dir)).not.toThrow();
  });

  if (options.schemaComment ?? true) {
    it("names its editor schema on the first line of every YAML file", () => {
      const schemaDir = `${"../".repeat(dir.split("/").length)}schema`;
      for (const name of yamlFiles(dir)) {
        const first = readFileSync(join(dir, name), "utf8").split("\n")[0];
        const schema = name === "shared.yaml" ? "shared.schema.json" : "environment.schema.json";
        expect(first, name).toBe(`# yaml-language-server: $schema=${schemaDir}/${schema}`);
      }
    });
  }

  it("synthesizes through the policy pack with no error", () => {
    expect(synthesis().outcome.policy.errors).toEqual([]);
  });

  it("writes the network hub, one stack per environment file, the bootstrap stack when shared.yaml has one, and the organization and core account stacks with awsOrganizations", () => {
    const { model, outcome } = synthesis();
    const org = model.awsOrganizations;
    const expected = [
      ...(model.bootstrap ? [model.bootstrap.stackName] : []),
      ...(org ? [org.management.stackName] : []),
      // While a core account is still to be created, only the organization stack is built.
      ...(org?.vending
        ? []
        : [
            ...(org ? [LOG_ARCHIVE_STACK, SECURITY_TOOLING_STACK] : []),
            model.networkHub.stackName,
            ...model.environments.map((e) => e.stackName),
          ]),
    ].sort();
    expect([...outcome.stacks].sort()).toEqual(expected);
    const files = yamlFiles(dir).filter((n) => n !== "shared.yaml");
    expect(model.environments.map((e) => `${e.name}.yaml`).sort()).toEqual(files.sort());
    for (const stack of expected) expect(() => synthesis().json(stack), stack).not.toThrow();
  });
}

/** The `*.yaml` files of a config folder, by name. */
function yamlFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((n) => n.endsWith(".yaml"))
    .sort();
}
