import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { renderRulesMarkdown } from "../../src/policy/docs.js";
import { PolicyError, policySummaryLine, renderSuppressed, runPack, SynthStack } from "../../src/policy/index.js";
import { referenceSynthesis } from "../support/shared-synthesis.js";

const openSsh = new SynthStack("workload-dev", {
  resource: {
    aws_security_group: {
      bastion: { ingress: [{ from_port: 22, to_port: 22, protocol: "tcp", cidr_blocks: ["0.0.0.0/0"] }] },
      web: { ingress: [{ from_port: 3389, to_port: 3389, protocol: "tcp", cidr_blocks: ["0.0.0.0/0"] }] },
    },
    aws_kms_key: { k: { enable_key_rotation: false } },
  },
});

describe("runPack", () => {
  it("reports every error-level finding with stack, address, rule and message", () => {
    const report = runPack([openSsh]);
    expect(report.errors.map((f) => [f.stack, f.address, f.ruleId])).toEqual([
      ["workload-dev", "aws_kms_key.k", "LZ-KMS1"],
      ["workload-dev", "aws_security_group.bastion", "LZ-NET1"],
      ["workload-dev", "aws_security_group.web", "LZ-NET1"],
    ]);
    expect(report.rulesRun).toBeGreaterThanOrEqual(30);
  });

  it("moves suppressed findings aside with their reason, by rule and address prefix, and lists unused suppressions", () => {
    const report = runPack(
      [openSsh],
      [
        { stack: "workload-dev", ruleId: "LZ-NET1", address: "aws_security_group.bastion", reason: "break-glass bastion, removed in Q3" },
        { stack: "workload-prod", ruleId: "LZ-NET1", reason: "another stack, matches nothing" },
      ],
    );
    expect(report.errors.map((f) => f.address)).toEqual(["aws_kms_key.k", "aws_security_group.web"]);
    expect(report.suppressed.map((f) => [f.address, f.reason])).toEqual([
      ["aws_security_group.bastion", "break-glass bastion, removed in Q3"],
    ]);
    expect(report.unusedSuppressions.map((s) => s.stack)).toEqual(["workload-prod"]);
    expect(policySummaryLine(report)).toMatch(/^Policy pack: \d+ rules on 1 stack, 2 errors, 0 warnings, 1 suppressed finding$/);
    expect(renderSuppressed(report)).toEqual([
      "Suppressed (from the config):",
      "  workload-dev  aws_security_group.bastion  LZ-NET1  reason: break-glass bastion, removed in Q3",
    ]);
  });

  it("throws when two rules share an id", () => {
    const rule = {
      id: "LZ-X1",
      level: "error" as const,
      title: "t",
      rationale: "r",
      sources: ["s"],
      resourceTypes: [],
      check: () => ({ status: "compliant" as const }),
    };
    expect(() => runPack([openSsh], [], [rule, rule])).toThrow(/two rules with id LZ-X1/);
  });
});

describe("PolicyError", () => {
  it("lists the findings as aligned columns and says how to fix or suppress", () => {
    const lines = new PolicyError(runPack([openSsh])).message.split("\n");
    expect(lines[0]).toBe("policy pack found 3 errors (stack, resource, rule, message):");
    expect(lines[2]).toMatch(
      /^ {2}workload-dev {2}aws_security_group\.bastion {2}LZ-NET1 {2}ingress from the internet .* reaches 22 \(SSH\)\./,
    );
    expect(lines.at(-1)).toContain("policy.suppressions");
  });
});

describe("the shipped config", () => {
  it("passes the pack with no error, no warning and no suppression: the deploy roles hold no AdministratorAccess", () => {
    // synthesizeChecked on the shipped config, shared with the other test files of this worker.
    const { policy } = referenceSynthesis().outcome;
    expect(policy.errors).toEqual([]);
    expect(policy.warnings).toEqual([]);
    expect(policy.suppressed).toEqual([]);
    expect(policy.unusedSuppressions).toEqual([]);
    expect(policy.stacks).toBe(5);
  });
});

describe("docs/rules.md", () => {
  it("is up to date with the pack (regenerate with npx tsx scripts/rules-doc.ts)", () => {
    expect(readFileSync("docs/rules.md", "utf8")).toBe(renderRulesMarkdown());
  });
});
