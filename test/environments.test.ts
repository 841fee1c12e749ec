/**
 * The platform team's config (`environments/`) and every `examples/<name>/` folder, checked only by invariants that
 * hold for any valid config (test/support/config-invariants.ts): it loads (shape, meaning across files, routing
 * intents), it synthesizes through the policy pack with no error, every stack the config implies is written, and
 * every YAML file names its editor schema. Adding, removing or editing an environment or an example keeps these
 * green as long as the config is valid. The real Terraform runs on the same syntheses (test/terraform). The tool's
 * own tests use test/fixtures/ instead.
 */
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkedConfigDirs, EXAMPLES_DIR, itSatisfiesConfigInvariants } from "./support/config-invariants.js";
import { configSynthesis } from "./support/shared-synthesis.js";

describe.each(checkedConfigDirs())("the config in %s", (dir) => {
  itSatisfiesConfigInvariants(dir, () => configSynthesis(dir));
});

describe("examples/", () => {
  it("holds only config folders (each with a shared.yaml), so none is silently left unchecked", () => {
    const folders = existsSync(EXAMPLES_DIR)
      ? readdirSync(EXAMPLES_DIR, { withFileTypes: true })
          .filter((e) => e.isDirectory())
          .map((e) => join(EXAMPLES_DIR, e.name))
      : [];
    expect(folders.filter((d) => !existsSync(join(d, "shared.yaml")))).toEqual([]);
  });
});
