/**
 * Transit Gateway Flow Logs in the network hub on the reference config (test/fixtures/reference), and on copies that
 * turn them off or change their retention; the flow-log construct's invariants.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { synthesizeChecked } from "../../src/app.js";
import { loadConfig } from "../../src/config/index.js";
import { TRANSIT_GATEWAY_FLOW_LOG_FORMAT } from "../../src/modules/transit-gateway/index.js";
import { VpcFlowLogs } from "../../src/modules/vpc/index.js";
import { cleanupConfigDirs, problemsOf, referenceWith, replace } from "../support/config-dir.js";
import { referenceSynthesis } from "../support/shared-synthesis.js";
import { resources, resourcesByName, type StackJson, synthJson } from "../support/synth.js";

afterAll(cleanupConfigDirs);

const tgwFlowLogs = (json: StackJson) => resources(json, "aws_flow_log").filter((f) => f.transit_gateway_id !== undefined);
/** `${aws_<type>.<name>.<attr>}` → the resource body. */
const target = (json: StackJson, ref: unknown) => {
  const m = /^\$\{(aws_[a-z0-9_]+)\.([\w-]+)\.[a-z_]+\}$/.exec(String(ref));
  if (!m) throw new Error(`not a reference: ${String(ref)}`);
  const body = resourcesByName(json, m[1]!)[m[2]!];
  if (!body) throw new Error(`no ${m[1]}.${m[2]}`);
  return body;
};

const synth = (dir: string) => {
  const out = mkdtempSync(join(tmpdir(), "lz-tgw-flow-logs-"));
  synthesizeChecked(loadConfig(dir), out);
  return (stack: string) => JSON.parse(readFileSync(join(out, "stacks", stack, "cdk.tf.json"), "utf8")) as StackJson;
};

describe("the transit gateway flow log of the reference config", () => {
  const s = referenceSynthesis();
  const hub = s.json("network-hub");

  it("logs the hub transit gateway with every Transit Gateway Flow Logs field, over 60 seconds, without a traffic type", () => {
    const [flowLog, ...rest] = tgwFlowLogs(hub);
    expect(rest).toEqual([]);
    expect(target(hub, flowLog!.transit_gateway_id).tags).toEqual({ Name: s.model.networkHub.transitGateway.name });
    expect(flowLog).toMatchObject({ max_aggregation_interval: 60, log_destination_type: "cloud-watch-logs" });
    expect(flowLog).not.toHaveProperty("traffic_type");
    expect(flowLog).not.toHaveProperty("vpc_id");
    // Terraform reads `$${x}` as the literal `${x}`.
    const format = String(flowLog!.log_format).replaceAll("$${", "${");
    expect(format).toBe(TRANSIT_GATEWAY_FLOW_LOG_FORMAT);
    expect(format.split(" ")).toHaveLength(36);
    for (const field of [
      "tgw-attachment-id",
      "tgw-pair-attachment-id",
      "packets-lost-no-route",
      "packets-lost-blackhole",
      "flow-direction",
    ])
      expect(format.split(" ")).toContain(`\${${field}}`);
    expect(String(flowLog!.log_format)).not.toMatch(/(^|[^$])\$\{/);
  });

  it("writes to a log group encrypted with the hub's logs key, kept 365 days, through a role only VPC Flow Logs of the hub may assume", () => {
    const [flowLog] = tgwFlowLogs(hub);
    const group = target(hub, flowLog!.log_destination);
    expect(group).toMatchObject({
      name: `/aws/transit-gateway/flow-logs/${s.model.networkHub.transitGateway.name}`,
      retention_in_days: 365,
    });
    expect(String(group.kms_key_id)).toMatch(/^\$\{aws_kms_key\.keys_logs_key_[A-Z0-9]+\.arn\}$/);
    const trust = JSON.parse(String(target(hub, flowLog!.iam_role_arn).assume_role_policy)).Statement[0];
    expect(trust.Principal).toEqual({ Service: "vpc-flow-logs.amazonaws.com" });
    expect(trust.Condition.StringEquals).toEqual({ "aws:SourceAccount": s.model.networkHub.accountId });
  });

  it("builds no transit gateway flow log in a workload stack", () => {
    for (const env of s.model.environments) expect(tgwFlowLogs(s.json(`workload-${env.name}`))).toEqual([]);
  });
});

describe("networkHub.transitGateway.flowLogs", () => {
  it("turns the flow log off with enabled: false, through the policy pack", () => {
    const json = synth(
      referenceWith({
        "shared.yaml": replace("    amazonSideAsn: 64512\n", "    amazonSideAsn: 64512\n    flowLogs:\n      enabled: false\n"),
      }),
    );
    expect(tgwFlowLogs(json("network-hub"))).toEqual([]);
    expect(resources(json("network-hub"), "aws_cloudwatch_log_group").map((g) => g.name)).not.toContain(
      "/aws/transit-gateway/flow-logs/acme-tgw",
    );
  });

  it("keeps the records retentionDays days", () => {
    const json = synth(
      referenceWith({
        "shared.yaml": replace("    amazonSideAsn: 64512\n", "    amazonSideAsn: 64512\n    flowLogs:\n      retentionDays: 90\n"),
      }),
    );
    const [flowLog] = tgwFlowLogs(json("network-hub"));
    expect(target(json("network-hub"), flowLog!.log_destination).retention_in_days).toBe(90);
  });

  it("rejects a retention CloudWatch Logs does not accept", () => {
    const dir = referenceWith({
      "shared.yaml": replace("    amazonSideAsn: 64512\n", "    amazonSideAsn: 64512\n    flowLogs:\n      retentionDays: 100\n"),
    });
    expect(problemsOf(dir)).toEqual([
      "<dir>/shared.yaml:32:22 networkHub.transitGateway.flowLogs.retentionDays: CloudWatch Logs accepts only these retention periods (days): 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653 (got number 100). Expected (Flow-log retention in days (a CloudWatch Logs retention value); default 365).",
    ]);
  });
});

describe("VpcFlowLogs", () => {
  const base = {
    logGroupName: "/x",
    retentionDays: 30,
    kmsKeyArn: "arn:aws:kms:eu-west-1:111111111111:key/k",
    accountId: "111111111111",
    region: "eu-west-1",
  };

  it("throws when both or neither of vpcId and transitGatewayId are set", () => {
    expect(() => synthJson((s) => new VpcFlowLogs(s, "f", base))).toThrow("set exactly one of vpcId and transitGatewayId");
    expect(() => synthJson((s) => new VpcFlowLogs(s, "f", { ...base, vpcId: "vpc-1", transitGatewayId: "tgw-1" }))).toThrow(
      "set exactly one of vpcId and transitGatewayId",
    );
  });

  it("throws for a transit gateway flow log aggregated over 600 seconds", () => {
    expect(() =>
      synthJson((s) => new VpcFlowLogs(s, "f", { ...base, transitGatewayId: "tgw-1", maxAggregationIntervalSeconds: 600 })),
    ).toThrow("a transit gateway flow log aggregates over 60 seconds only");
  });
});
