import { describe, expect, it } from "vitest";
import { loadLandingZoneWithSources } from "../src/landing-zone.js";
import { findingProblems } from "../src/policy-problems.js";
import type { Finding } from "../src/policy/types.js";
import { REFERENCE_DIR } from "./support/config-dir.js";

const { model, sources } = loadLandingZoneWithSources(REFERENCE_DIR);
const finding = (stack: string, address: string, ruleId = "LZ-TEST1"): Finding => ({
  stack,
  address,
  ruleId,
  level: "error",
  message: "something is wrong",
});
const located = (f: Finding) => {
  const [p] = findingProblems([f], model, sources);
  return p && `${p.file}:${p.line}:${p.col} ${p.path}`;
};

describe("policy-pack findings located in the config", () => {
  it("puts a workload stack's finding at the setting its resource type comes from, in the environment file", () => {
    expect(located(finding("workload-prod", "aws_db_instance.app_database_primary"))).toBe(`${REFERENCE_DIR}/prod.yaml:64:3 app.database`);
    expect(located(finding("workload-prod", "aws_vpc.network_vpc"))).toBe(`${REFERENCE_DIR}/prod.yaml:8:1 vpc`);
    expect(located(finding("workload-prod", "aws_flow_log.network_flow-log"))).toBe(`${REFERENCE_DIR}/prod.yaml:12:3 vpc.flowLogs`);
  });

  it("puts a finding on a resource type the table does not know at the first line of the environment file", () => {
    expect(located(finding("workload-prod", "aws_iam_role.x"))).toBe(`${REFERENCE_DIR}/prod.yaml:1:1 (file)`);
  });

  it("puts the network hub's findings under networkHub and the bootstrap stack's under bootstrap, in shared.yaml", () => {
    expect(located(finding("network-hub", "aws_iam_role.x"))).toBe(`${REFERENCE_DIR}/shared.yaml:26:1 networkHub`);
    expect(located(finding("bootstrap", "aws_iam_role.x"))).toBe(`${REFERENCE_DIR}/shared.yaml:129:1 bootstrap`);
    // app.* settings are a workload's: a hub load balancer stays at networkHub.
    expect(located(finding("network-hub", "aws_lb.x"))).toBe(`${REFERENCE_DIR}/shared.yaml:26:1 networkHub`);
  });

  it("names the rule, the stack and the address, and says how to suppress the finding", () => {
    const [p] = findingProblems([finding("workload-prod", "aws_db_instance.db", "LZ-DATA1")], model, sources);
    expect(p?.message).toBe(
      "policy pack LZ-DATA1 (workload-prod aws_db_instance.db): something is wrong. Change the setting that produces it, or accept the finding with a policy.suppressions entry (rule LZ-DATA1, a reason) in this file; docs/rules.md lists the rules.",
    );
  });
});
