import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  describeCause,
  evaluatePlan,
  parsePlanJson,
  renderReport,
  type PlanGuardAllowEntry,
  type PlanGuardFinding,
  type PlanGuardReport,
} from "../../src/plan-guard/index.js";

function fixture(name: string): unknown {
  return parsePlanJson(readFileSync(`test/fixtures/plans/${name}.json`, "utf8"));
}

const CACHE = "aws_elasticache_replication_group.cache_sessions_91E0D3F5";
const STALE: PlanGuardAllowEntry = {
  stack: "workload-prod",
  address: "aws_s3_bucket.reports_bucket_0A1B2C3D",
  actions: ["delete"],
  reason: "Emptied and retired in change CHG-1234.",
};

const FIX_HINT =
  "To allow a delete or replace on purpose, add an entry under `planGuard.allow` in environments/shared.yaml with stack, address, actions (delete and/or replace) and a reason of at least 10 characters.";

describe("the markdown summary", () => {
  it("shows a blocked replace of the prod database with the counts table, the cause, a stale entry and the fix hint", () => {
    const report = evaluatePlan(fixture("replace-db-engine"), "workload-prod", [STALE]);
    expect(renderReport(report, { markdown: true })).toBe(
      [
        "### ⛔ Plan guard `workload-prod`: 1 delete or replace of a stateful resource blocked",
        "",
        "| create | update | replace | delete | no-op |",
        "| ---: | ---: | ---: | ---: | ---: |",
        "| 0 | 1 | 1 | 0 | 1 |",
        "",
        "#### Blocked",
        "",
        "| address | action | cause | why it is guarded |",
        "| --- | --- | --- | --- |",
        "| `aws_db_instance.data_primary_4F1C2B3A` | replace | `engine` forces replacement | Holds the database's data; a replacement starts empty unless restored from a snapshot. |",
        "",
        "#### Unused allow entries",
        "",
        "These match no delete or replace of a stateful resource in this plan. Remove them once the change they allowed has been applied.",
        "",
        "- `aws_s3_bucket.reports_bucket_0A1B2C3D` (delete): Emptied and retired in change CHG-1234.",
        "",
        FIX_HINT,
        "",
        "```yaml",
        "planGuard:",
        "  allow:",
        "    - stack: workload-prod",
        "      address: aws_db_instance.data_primary_4F1C2B3A",
        "      actions: [replace]",
        "      reason: <why losing this resource's data is acceptable>",
        "```",
        "",
      ].join("\n"),
    );
  });

  it("shows an allowed replace with the reviewer's reason under a green title, and ends with the fix hint", () => {
    const allow: PlanGuardAllowEntry[] = [
      { stack: "workload-dev", address: CACHE, actions: ["replace"], reason: "Dev sessions are disposable." },
    ];
    const text = renderReport(evaluatePlan(fixture("allowlisted-replace"), "workload-dev", allow), { markdown: true });
    expect(text.split("\n")[0]).toBe("### ✅ Plan guard `workload-dev`: 1 delete or replace of a stateful resource allowed");
    expect(text).toContain(
      [
        "#### Allowed",
        "",
        "| address | action | cause | allowed because |",
        "| --- | --- | --- | --- |",
        `| \`${CACHE}\` | replace | \`at_rest_encryption_enabled\` forces replacement | Dev sessions are disposable. |`,
      ].join("\n"),
    );
    expect(text).not.toContain("#### Blocked");
    expect(text.endsWith(`\n${FIX_HINT}\n`)).toBe(true);
  });

  it("says that nothing stateful changes when the plan only updates and creates", () => {
    const text = renderReport(evaluatePlan(fixture("harmless-update"), "workload-prod", []), { markdown: true });
    expect(text).toBe(
      [
        "### ✅ Plan guard `workload-prod`: no stateful resource is deleted or replaced",
        "",
        "| create | update | replace | delete | no-op |",
        "| ---: | ---: | ---: | ---: | ---: |",
        "| 1 | 1 | 0 | 0 | 1 |",
        "",
        FIX_HINT,
        "",
      ].join("\n"),
    );
  });

  it("adds forget and read columns only when they are not zero", () => {
    const report = evaluatePlan(fixture("harmless-update"), "workload-prod", []);
    const text = renderReport({ ...report, counts: { ...report.counts, forget: 2 } }, { markdown: true });
    expect(text).toContain(
      "| create | update | replace | delete | forget | no-op |\n| ---: | ---: | ---: | ---: | ---: | ---: |\n| 1 | 1 | 0 | 0 | 2 | 1 |",
    );
  });

  it("keeps table rows intact when a reason contains pipes or line breaks", () => {
    const allow: PlanGuardAllowEntry[] = [{ stack: "workload-dev", address: CACHE, actions: ["replace"], reason: "a | b\nsee ticket" }];
    const text = renderReport(evaluatePlan(fixture("allowlisted-replace"), "workload-dev", allow), { markdown: true });
    expect(text).toContain("| a \\| b see ticket |");
  });

  it("quotes a for_each address in the YAML example", () => {
    const finding: PlanGuardFinding = {
      address: 'aws_s3_bucket.logs["eu"]',
      type: "aws_s3_bucket",
      action: "delete",
      why: "may hold objects",
    };
    const report: PlanGuardReport = {
      stack: "workload-prod",
      counts: { create: 0, update: 0, replace: 0, delete: 1, read: 0, forget: 0, noOp: 0 },
      blocked: [finding],
      allowed: [],
      unusedAllowEntries: [],
      ok: false,
    };
    expect(renderReport(report, { markdown: true })).toContain(`      address: 'aws_s3_bucket.logs["eu"]'\n`);
  });
});

describe("the plain-text summary", () => {
  it("shows the verdict, counts, findings and fix hint without markdown", () => {
    const allow: PlanGuardAllowEntry[] = [
      { stack: "workload-test", address: "aws_s3_bucket.other_bucket_1", actions: ["delete"], reason: "Retired in change CHG-1234." },
    ];
    expect(renderReport(evaluatePlan(fixture("destroy-bucket"), "workload-test", allow), { markdown: false })).toBe(
      [
        "plan guard workload-test: BLOCKED, 1 delete or replace of a stateful resource blocked",
        "changes: 0 create, 0 update, 0 replace, 3 delete, 1 no-op",
        "",
        "blocked:",
        "  delete aws_s3_bucket.exports_bucket_2B7A4C90",
        "    cause: removed from the configuration (if a construct id was renamed, add a moved block instead)",
        "    guarded: may hold objects: the plan cannot tell whether a bucket is empty, so every bucket counts",
        "",
        "unused allow entries (they match no delete or replace of a stateful resource in this plan; remove them when stale):",
        "  delete aws_s3_bucket.other_bucket_1: Retired in change CHG-1234.",
        "",
        "To allow a delete or replace on purpose, add an entry under planGuard.allow in environments/shared.yaml with stack, address, actions (delete and/or replace) and a reason of at least 10 characters.",
        "For example:",
        "  planGuard:",
        "    allow:",
        "      - stack: workload-test",
        "        address: aws_s3_bucket.exports_bucket_2B7A4C90",
        "        actions: [delete]",
        "        reason: <why losing this resource's data is acceptable>",
        "",
      ].join("\n"),
    );
  });

  it("shows the allowed change with its reason", () => {
    const allow: PlanGuardAllowEntry[] = [
      { stack: "workload-dev", address: CACHE, actions: ["replace"], reason: "Dev sessions are disposable." },
    ];
    const text = renderReport(evaluatePlan(fixture("allowlisted-replace"), "workload-dev", allow), { markdown: false });
    expect(text).toContain(`allowed:\n  replace ${CACHE}\n    cause: at_rest_encryption_enabled forces replacement\n`);
    expect(text).toContain("    allowed: Dev sessions are disposable.\n");
    expect(text.startsWith("plan guard workload-dev: OK, ")).toBe(true);
  });

  it("renders the same report the same way every time, in address order", () => {
    const plan = {
      format_version: "1.2",
      resource_changes: ["aws_s3_bucket.b_2", "aws_kms_key.k_1", "aws_s3_bucket.a_3"].map((address) => ({
        address,
        mode: "managed",
        type: address.split(".")[0],
        change: { actions: ["delete"] },
      })),
    };
    const reversed = { ...plan, resource_changes: [...plan.resource_changes].reverse() };
    const text = renderReport(evaluatePlan(plan, "workload-prod", []), { markdown: false });
    expect(renderReport(evaluatePlan(reversed, "workload-prod", []), { markdown: false })).toBe(text);
    expect([...text.matchAll(/^ {2}delete (\S+)$/gm)].map((m) => m[1])).toEqual([
      "aws_kms_key.k_1",
      "aws_s3_bucket.a_3",
      "aws_s3_bucket.b_2",
    ]);
  });
});

describe("describing why Terraform plans the change", () => {
  const base: PlanGuardFinding = { address: "aws_db_instance.d", type: "aws_db_instance", action: "replace", why: "holds data" };

  it("names the attributes that force a replacement", () => {
    expect(describeCause({ ...base, actionReason: "replace_because_cannot_update", replacePaths: ["engine", "storage_encrypted"] })).toBe(
      "engine, storage_encrypted force replacement",
    );
  });

  it("explains tainted, requested and triggered replacements", () => {
    expect(describeCause({ ...base, actionReason: "replace_because_tainted" })).toBe(
      "tainted: an earlier apply failed part-way, or someone ran terraform taint",
    );
    expect(describeCause({ ...base, actionReason: "replace_by_request" })).toBe("replacement requested with -replace");
    expect(describeCause({ ...base, actionReason: "replace_by_triggers" })).toBe("a reference in its replace_triggered_by changed");
  });

  it("passes an action reason it does not know through as it is, and says nothing when there is none", () => {
    expect(describeCause({ ...base, actionReason: "replace_because_something_new" })).toBe("replace_because_something_new");
    expect(describeCause(base)).toBe("");
  });

  it("mentions the deposed object", () => {
    expect(describeCause({ ...base, action: "delete", deposed: "a1b2c3d4" })).toBe(
      "deposed object a1b2c3d4, left by an interrupted create-before-destroy",
    );
  });
});
