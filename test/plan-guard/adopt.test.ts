/**
 * The plan guard on adoption: plans that import (Terraform `import` blocks) recorded with Terraform 1.11
 * (test/fixtures/plans/import-*.json, see its README), and replaces of resources the stack's import blocks name.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  ADOPTED_REASON,
  evaluatePlan,
  importedAddressesOf,
  parsePlanJson,
  renderReport,
  STATEFUL_RESOURCE_TYPES,
} from "../../src/plan-guard/index.js";

const fixture = (name: string): unknown => parsePlanJson(readFileSync(`test/fixtures/plans/${name}.json`, "utf8"));
const RECORDED = "terraform_data.vpc_6776A399";
const VPC_ID = "vpc-0d0e0f0a0b0c0d0e1";

/** A plan with one replace of `address` (of `type`), without `importing`: the import was applied earlier. */
function replacePlan(address: string, type: string): unknown {
  return {
    format_version: "1.2",
    planned_values: { root_module: {} },
    resource_changes: [
      {
        address,
        mode: "managed",
        type,
        name: address.split(".")[1],
        change: { actions: ["delete", "create"], replace_paths: [["cidr_block"]] },
        action_reason: "replace_because_cannot_update",
      },
    ],
  };
}

describe("plans that import", () => {
  it("passes an import without changes, counting it as an import and a no-op", () => {
    const report = evaluatePlan(fixture("import-no-changes"), "workload-dev", []);
    expect(report.ok).toBe(true);
    expect(report.imports).toEqual({ count: 1, updated: [] });
    expect(report.counts).toMatchObject({ noOp: 1, update: 0, replace: 0 });
  });

  it("passes an import with an in-place update and lists the updated resource for the reviewer", () => {
    const report = evaluatePlan(fixture("import-update"), "workload-dev", []);
    expect(report.ok).toBe(true);
    expect(report.imports).toEqual({ count: 1, updated: [RECORDED] });
    const text = renderReport(report, { markdown: false }).split("\n");
    expect(text[0]).toBe("plan guard workload-dev: OK, no stateful resource is deleted or replaced");
    expect(text[1]).toBe("changes: 1 import, 0 create, 1 update, 0 replace, 0 delete, 0 no-op");
    expect(text.slice(3, 5)).toEqual([
      "Imported and updated in place (allowed: the apply changes the existing resource to match the config; check the plan's diff for each):",
      `  update ${RECORDED}`,
    ]);
  });

  it("blocks an import that is also a replace, whatever the type, naming the import id and the attribute that forces it", () => {
    const report = evaluatePlan(fixture("import-replace"), "workload-dev", []);
    expect(report.ok).toBe(false);
    expect(report.imports).toEqual({ count: 1, updated: [] });
    expect(report.blocked).toEqual([
      {
        address: RECORDED,
        type: "terraform_data",
        action: "replace",
        actionReason: "replace_because_cannot_update",
        replacePaths: ["triggers_replace"],
        why: ADOPTED_REASON,
        importId: VPC_ID,
      },
    ]);
    expect(renderReport(report, { markdown: false }).split("\n").slice(0, 8)).toEqual([
      "plan guard workload-dev: BLOCKED, 1 delete or replace of a stateful or adopted resource blocked",
      "changes: 1 import, 0 create, 0 update, 1 replace, 0 delete, 0 no-op",
      "",
      "blocked:",
      `  replace ${RECORDED}`,
      `    adopted: imported from ${VPC_ID}`,
      "    cause: triggers_replace forces replacement",
      `    guarded: ${ADOPTED_REASON}`,
    ]);
    expect(renderReport(report, { markdown: true })).toContain(
      `| \`${RECORDED}\` | replace | imported from \`${VPC_ID}\`; \`triggers_replace\` forces replacement | It is adopted (imported), so a replace destroys`,
    );
  });

  it("lets an allow entry accept the replace of an adopted resource, like any other", () => {
    const allow = [{ stack: "workload-dev", address: RECORDED, actions: ["replace" as const], reason: "The old VPC is empty and goes." }];
    const report = evaluatePlan(fixture("import-replace"), "workload-dev", allow);
    expect(report.ok).toBe(true);
    expect(report.allowed.map((f) => [f.address, f.importId])).toEqual([[RECORDED, VPC_ID]]);
  });
});

describe("resources the stack's import blocks name", () => {
  const VPC = "aws_vpc.vpc_6776A399";

  it("blocks a replace of a resource the stack imports even when the plan no longer imports it", () => {
    const imported = new Map([[VPC, VPC_ID]]);
    const report = evaluatePlan(replacePlan(VPC, "aws_vpc"), "workload-dev", [], { importedAddresses: imported });
    expect(report.blocked.map((f) => [f.address, f.importId, f.why, f.replacePaths])).toEqual([
      [VPC, VPC_ID, ADOPTED_REASON, ["cidr_block"]],
    ]);
    expect(report.imports).toBeUndefined();
  });

  it("matches an instance address to its resource's import block", () => {
    const report = evaluatePlan(replacePlan(`${VPC}[0]`, "aws_vpc"), "workload-dev", [], { importedAddresses: new Map([[VPC, VPC_ID]]) });
    expect(report.blocked.map((f) => f.importId)).toEqual([VPC_ID]);
  });

  it("leaves a VPC replace to the stateful rules when nothing imports it (a VPC is not a stateful type)", () => {
    expect(STATEFUL_RESOURCE_TYPES).not.toHaveProperty("aws_vpc");
    expect(evaluatePlan(replacePlan(VPC, "aws_vpc"), "workload-dev", []).ok).toBe(true);
  });

  it("reads the import blocks of a stack's Terraform JSON, and none from a stack without", () => {
    const json = {
      resource: {},
      import: [
        { to: VPC, id: VPC_ID },
        { to: "aws_subnet.vpc_public-subnet-0_3BE467C6", id: "subnet-000000000000000a1" },
      ],
    };
    expect([...importedAddressesOf(json).entries()]).toEqual([
      [VPC, VPC_ID],
      ["aws_subnet.vpc_public-subnet-0_3BE467C6", "subnet-000000000000000a1"],
    ]);
    expect(importedAddressesOf({ resource: {} }).size).toBe(0);
  });

  it("throws on import blocks that are not a list of { to, id }", () => {
    expect(() => importedAddressesOf({ import: { to: VPC } })).toThrow("the stack's import is not a list of import blocks");
    expect(() => importedAddressesOf({ import: [{ to: VPC }] })).toThrow(`an import block without a string to and id: {"to":"${VPC}"}`);
  });
});
