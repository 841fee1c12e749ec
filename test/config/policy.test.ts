import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/index.js";
import { cleanupConfigDirs, problemsOf, REFERENCE_DIR, replace, referenceWith } from "../support/config-dir.js";

afterAll(cleanupConfigDirs);

const suppress = (entries: string) => (old: string) => old.replace("policy:\n  suppressions: []\n", `policy:\n  suppressions:\n${entries}`);

describe("policy suppressions", () => {
  it("loads a suppression into the stack's target, with its reason", () => {
    const dir = referenceWith({
      "prod.yaml": suppress(
        '    - rule: LZ-IAM3\n      address: aws_iam_role_policy_attachment.apply\n      reason: "apply role needs admin until #42"\n',
      ),
    });
    const prod = loadConfig(dir).environments.find((e) => e.name === "prod")!;
    expect(prod.policySuppressions).toEqual([
      { rule: "LZ-IAM3", address: "aws_iam_role_policy_attachment.apply", reason: "apply role needs admin until #42" },
    ]);
  });

  it("rejects an unknown rule id and suggests the closest one", () => {
    const dir = referenceWith({ "prod.yaml": suppress('    - rule: LZ-NET11\n      reason: "a reason long enough"\n') });
    expect(problemsOf(dir)).toEqual([
      '<dir>/prod.yaml:96:13 policy.suppressions[0].rule: no policy rule "LZ-NET11". Did you mean LZ-NET1? Write a rule id from docs/rules.md.',
    ]);
  });

  it("rejects a reason shorter than 10 characters", () => {
    const dir = referenceWith({ "prod.yaml": suppress("    - rule: LZ-NET1\n      reason: because\n") });
    expect(problemsOf(dir)).toEqual([
      '<dir>/prod.yaml:97:15 policy.suppressions[0].reason: Write a reason of at least 10 characters: why this finding is acceptable here (got string "because").',
    ]);
  });

  it("rejects the same rule suppressed twice in one file", () => {
    const dir = referenceWith({
      "prod.yaml": suppress(
        '    - rule: LZ-NET1\n      reason: "first reason here"\n    - rule: LZ-NET1\n      reason: "second reason here"\n',
      ),
    });
    expect(problemsOf(dir)).toEqual([
      "<dir>/prod.yaml:98:13 policy.suppressions[1].rule: LZ-NET1 is already suppressed above. Keep one entry, with one reason.",
    ]);
  });
});

describe("baseline and alarm settings", () => {
  it("applies defaults for omitted alarm thresholds and reads configured ones", () => {
    const model = loadConfig(REFERENCE_DIR);
    const prod = model.environments.find((e) => e.name === "prod")!;
    const dev = model.environments.find((e) => e.name === "dev")!;
    expect(prod.alarms).toMatchObject({ alb5xxPercent: 2, rdsFreeStorageGiB: 20, ecsCpuPercent: 85 });
    expect(dev.alarms.alb5xxPercent).toBe(5);
    expect(model.baseline.logArchive).toMatchObject({
      accountId: "111111111111",
      bucketName: "acme-log-archive-111111111111",
      kmsAliasArn: "arn:aws:kms:eu-west-1:111111111111:alias/acme-log-archive",
    });
    expect(model.baseline.accounts.map((a) => a.accountId)).toEqual(["111111111111", "222222222222", "444444444444", "333333333333"]);
  });

  it("rejects a log expiry that does not come after the Object Lock retention", () => {
    const dir = referenceWith({ "shared.yaml": replace("expireDays: 2557", "expireDays: 300") });
    expect(problemsOf(dir)).toEqual([
      "<dir>/shared.yaml:147:17 baseline.logArchive.expireDays: 300 days is not after objectLockDays (365) and glacierDays (90). Write a larger value, for example 730.",
    ]);
  });
});
