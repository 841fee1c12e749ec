import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { acknowledgedReason, evaluateDecommission, evaluatePlan, parsePlanJson } from "../../src/plan-guard/index.js";

/** A minimal plan with the given resource changes, as Terraform 1.11 prints it. */
function planWith(...changes: [address: string, actions: string[]][]): unknown {
  return {
    format_version: "1.2",
    terraform_version: "1.11.4",
    resource_changes: changes.map(([address, actions]) => {
      const [type, name] = address.split(".");
      return { address, mode: "managed", type, name, change: { actions, before: {}, after: null } };
    }),
  };
}

describe("evaluateDecommission", () => {
  it("lists every stateful delete of a destroy plan as acknowledged, one by one, and passes", () => {
    const plan = planWith(
      ["aws_db_instance.data_primary_1", ["delete"]],
      ["aws_s3_bucket.exports_2", ["delete"]],
      ["aws_kms_key.logs_3", ["delete"]],
      ["aws_cloudwatch_metric_alarm.cpu_4", ["delete"]],
    );
    expect(evaluatePlan(plan, "workload-qa", []).ok).toBe(false);
    const report = evaluateDecommission(plan, "workload-qa", []);
    expect(report.ok).toBe(true);
    expect(report.blocked).toEqual([]);
    expect(report.allowed.map((f) => [f.address, f.action, f.allowReason])).toEqual([
      ["aws_db_instance.data_primary_1", "delete", acknowledgedReason("workload-qa")],
      ["aws_kms_key.logs_3", "delete", acknowledgedReason("workload-qa")],
      ["aws_s3_bucket.exports_2", "delete", acknowledgedReason("workload-qa")],
    ]);
    expect(report.counts.delete).toBe(4);
    expect(report.unusedAllowEntries).toEqual([]);
  });

  it("still blocks a replace: a destroy plan has none, so the plan is not the one acknowledged", () => {
    const report = evaluateDecommission(
      planWith(["aws_db_instance.data_primary_1", ["delete", "create"]], ["aws_s3_bucket.exports_2", ["delete"]]),
      "workload-qa",
      [],
    );
    expect(report.ok).toBe(false);
    expect(report.blocked.map((f) => [f.address, f.action])).toEqual([["aws_db_instance.data_primary_1", "replace"]]);
    expect(report.allowed.map((f) => f.address)).toEqual(["aws_s3_bucket.exports_2"]);
  });

  it("keeps the config's own allow entries and reports the unused ones, never the acknowledgements", () => {
    const plan = parsePlanJson(readFileSync("test/fixtures/plans/destroy-bucket.json", "utf8"));
    const stale = { stack: "workload-test", address: "aws_s3_bucket.gone", actions: ["delete" as const], reason: "an old exception" };
    const report = evaluateDecommission(plan, "workload-test", [stale]);
    expect(report.ok).toBe(true);
    expect(report.allowed.map((f) => f.address)).toEqual(["aws_s3_bucket.exports_bucket_2B7A4C90"]);
    expect(report.unusedAllowEntries).toEqual([stale]);
  });
});
