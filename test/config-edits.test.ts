/**
 * The proof that valid config edits keep `npm test` green (issue 13): the tests read `environments/` only through
 * the invariants of test/support/config-invariants.ts, so an edit keeps the suite green exactly when the edited
 * config still satisfies them. Shown here on the two edits a platform team makes every week: a new environment
 * copied from test.yaml, and values changed to other valid ones.
 *
 * The edits are made on a copy of the reference config (test/fixtures/reference, the frozen copy of the shipped
 * environments/), not of environments/ itself: an edit written against environments/ would have to know what that
 * folder holds, and this test would then turn red when the team changes it, which is the fault it proves absent.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "../src/config/index.js";
import { itSatisfiesConfigInvariants } from "./support/config-invariants.js";
import { cleanupConfigDirs, REFERENCE_DIR, referenceWith, replace } from "./support/config-dir.js";
import { configSynthesis } from "./support/shared-synthesis.js";

afterAll(cleanupConfigDirs);

/** test.yaml as README's "add an environment" says: a new name, account id, free VPC CIDR and domain. */
const staging = [
  replace(/^name: test$/m, "name: staging"),
  replace(/^accountId: "333333333333"$/m, 'accountId: "555555555555"'),
  replace(/^ {2}cidr: 10\.20\.0\.0\/16$/m, "  cidr: 10.40.0.0/16"),
  replace(/hostedZoneName: test\.acme\.example$/m, "hostedZoneName: staging.acme.example"),
].reduce((text, edit) => edit(text), readFileSync(join(REFERENCE_DIR, "test.yaml"), "utf8"));

describe("a new environment copied from test.yaml (name, account id, CIDR, domain changed)", () => {
  const dir = referenceWith({ "staging.yaml": staging });
  itSatisfiesConfigInvariants(dir, () => configSynthesis(dir), { schemaComment: false });

  it("gets its own workload stack next to the others", () => {
    expect(configSynthesis(dir).outcome.stacks).toContain("workload-staging");
    expect(configSynthesis(dir).outcome.stacks).toContain("workload-test");
  });
});

describe("values changed to other valid ones", () => {
  const dir = referenceWith({
    "prod.yaml": (t) =>
      [
        replace("instanceClass: db.r6g.large", "instanceClass: db.r6g.xlarge"),
        replace(/desiredCount: 3$/m, "desiredCount: 4"),
        replace("nodeType: cache.r7g.large", "nodeType: cache.r7g.xlarge"),
        replace(/^ {4}retentionDays: 365$/m, "    retentionDays: 731"),
      ].reduce((text, edit) => edit(text), t),
    "dev.yaml": replace(/^ {2}cidr: 10\.10\.0\.0\/16$/m, "  cidr: 10.11.0.0/16"),
    "test.yaml": replace(/^ {2}azCount: 2$/m, "  azCount: 3"),
  });
  itSatisfiesConfigInvariants(dir, () => configSynthesis(dir), { schemaComment: false });

  it("carries every changed value into the model", () => {
    const env = (name: string) => loadConfig(dir).environments.find((e) => e.name === name)!;
    const prod = env("prod");
    expect(prod.app?.database?.instanceClass).toBe("db.r6g.xlarge");
    const api = prod.app?.services.find((s) => s.name === "api");
    expect(api?.compute === "ecs-fargate" ? api.desiredCount : undefined).toBe(4);
    expect(prod.app?.cache?.nodeType).toBe("cache.r7g.xlarge");
    expect(prod.vpc.flowLogRetentionDays).toBe(731);
    expect(env("dev").vpc.cidr).toBe("10.11.0.0/16");
    expect(env("test").vpc.azCount).toBe(3);
  });
});
