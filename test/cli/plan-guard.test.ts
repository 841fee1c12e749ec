import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cleanupConfigDirs, referenceWith } from "../support/config-dir.js";
import { lz, STACK_FRAME } from "./lz.js";

const scratch = mkdtempSync(join(tmpdir(), "lz-plan-guard-"));
afterAll(() => {
  cleanupConfigDirs();
  rmSync(scratch, { recursive: true, force: true });
});

describe("lz plan-guard", () => {
  it("passes a harmless update with exit 0 and a summary", () => {
    const r = lz(["plan-guard", "--stack", "workload-prod", "--plan", "test/fixtures/plans/harmless-update.json"]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/update/i);
  });

  it("blocks the fixture that replaces the prod database, with exit 1 and no stack trace", () => {
    const r = lz([
      "plan-guard",
      "--stack",
      "workload-prod",
      "--plan",
      "test/fixtures/plans/replace-db-engine.json",
      "--format",
      "markdown",
    ]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/aws_db_instance\./);
    expect(r.stdout).toContain("planGuard");
    expect(r.stderr).not.toMatch(STACK_FRAME);
  });

  it("lets an allow-listed replace through when shared.yaml accepts it with a reason", () => {
    const plan = JSON.parse(readFileSync("test/fixtures/plans/allowlisted-replace.json", "utf8")) as {
      resource_changes: { address: string; type: string; change: { actions: string[] } }[];
    };
    const replaced = plan.resource_changes.find((c) => c.type === "aws_elasticache_replication_group")!;
    const dir = referenceWith({
      "shared.yaml": (t) =>
        `${t}\nplanGuard:\n  allow:\n    - stack: workload-dev\n      address: ${replaced.address}\n      actions: [replace]\n      reason: "dev cache holds no data worth keeping"\n`,
    });
    const r = lz(["plan-guard", "--stack", "workload-dev", "--plan", "test/fixtures/plans/allowlisted-replace.json", "--config", dir]);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain("dev cache holds no data worth keeping");
  });

  it("rejects an unknown stack with exit 2", () => {
    const r = lz(["plan-guard", "--stack", "workload-prd", "--plan", "test/fixtures/plans/harmless-update.json"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("Write one of: network-hub, workload-dev, workload-prod, workload-test.");
  });

  it("rejects input that is not a plan with exit 1 and a hint", () => {
    const r = lz(["plan-guard", "--stack", "workload-prod", "--plan", "package.json"]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("terraform show -json tfplan");
    expect(r.stderr).not.toMatch(STACK_FRAME);
  });

  it("blocks the replace of a resource the stack's import blocks adopt (--stack-json), naming its import id", () => {
    const vpc = "aws_vpc.vpc_6776A399";
    const plan = join(scratch, "plan.json");
    writeFileSync(
      plan,
      JSON.stringify({
        format_version: "1.2",
        planned_values: {},
        resource_changes: [
          { address: vpc, mode: "managed", type: "aws_vpc", change: { actions: ["delete", "create"], replace_paths: [["cidr_block"]] } },
        ],
      }),
    );
    const stack = join(scratch, "cdk.tf.json");
    writeFileSync(stack, JSON.stringify({ import: [{ to: vpc, id: "vpc-0d0e0f0a0b0c0d0e1" }] }));
    const blocked = lz(["plan-guard", "--stack", "workload-dev", "--plan", plan, "--stack-json", stack]);
    expect(blocked.status).toBe(1);
    expect(blocked.stdout).toContain("adopted: imported from vpc-0d0e0f0a0b0c0d0e1\n    cause: cidr_block forces replacement");
    const missing = lz(["plan-guard", "--stack", "workload-dev", "--plan", plan, "--stack-json", join(scratch, "none.json")]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain(
      "cannot read the stack's import blocks (ENOENT). Pass the synthesized cdk.tf.json of workload-dev with --stack-json.",
    );
  });
});
