/**
 * Per-vpc inspection end to end: the shipped config with `test` switched to `inspection: per-vpc` (see
 * test/support/per-vpc.ts), synthesized through the policy pack, against the shipped synthesis.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { intentResults } from "../../src/routing/intents-check.js";
import { planRouting, routingInput } from "../../src/routing/plan.js";
import { cleanupConfigDirs } from "../support/config-dir.js";
import { perVpcSynthesis, referenceSynthesis } from "../support/shared-synthesis.js";
import { resources, resourcesByName, type StackJson } from "../support/synth.js";

// Both syntheses (synthesizeChecked) are shared with the other test files of this worker (read-only).
const perVpc = perVpcSynthesis();
const shippedSynth = referenceSynthesis();
const model = perVpc.model;
const outdir = perVpc.outdir;
const shippedOut = shippedSynth.outdir;
const outcome = perVpc.outcome;
const shippedOutcome = shippedSynth.outcome;
const text = (dir: string, name: string) => readFileSync(join(dir, "stacks", name, "cdk.tf.json"), "utf8");
const json = JSON.parse(text(outdir, "workload-test")) as StackJson;
afterAll(() => cleanupConfigDirs());

const named = (type: string) => Object.entries(resourcesByName(json, type));
const tier = (t: string) => resources(json, "aws_subnet").filter((s) => (s.tags as Record<string, string>).Tier === t);

describe("per-vpc inspection (test switched to per-vpc)", () => {
  it("passes the policy pack with no finding and no suppression beyond the shipped config's", () => {
    expect(outcome.policy.errors).toEqual([]);
    expect(outcome.policy.warnings).toEqual([]);
    expect(outcome.policy.suppressed).toEqual(shippedOutcome.policy.suppressed);
  });

  it("leaves every other account stack byte-identical to the shipped synthesis", () => {
    for (const name of ["workload-dev", "workload-prod"]) expect(text(outdir, name), name).toBe(text(shippedOut, name));
  });

  it("changes the hub only by blackholing test's firewall subnets in the onprem table (on-prem never reaches them)", () => {
    const routes = (dir: string) => (JSON.parse(text(dir, "network-hub")) as StackJson).resource!.aws_ec2_transit_gateway_route!;
    const [shipped, perVpcRoutes] = [routes(shippedOut), routes(outdir)];
    const added = Object.keys(perVpcRoutes).filter((k) => !(k in shipped));
    expect(added.map((k) => [perVpcRoutes[k]!.destination_cidr_block, perVpcRoutes[k]!.blackhole])).toEqual(
      tier("firewall").map((s) => [s.cidr_block, true]),
    );
    const hub = JSON.parse(text(outdir, "network-hub")) as StackJson;
    for (const k of added) delete hub.resource!.aws_ec2_transit_gateway_route![k];
    expect(hub).toEqual(JSON.parse(text(shippedOut, "network-hub")));
  });

  it("changes only test's deploy role in the bootstrap stack: it may now manage Network Firewall", () => {
    const policies = (dir: string) => (JSON.parse(text(dir, "bootstrap")) as StackJson).resource!.aws_iam_role_policy!;
    const [shipped, perVpc] = [policies(shippedOut), policies(outdir)];
    const changed = Object.keys(perVpc).filter((a) => perVpc[a]!.policy !== shipped[a]?.policy);
    expect(changed).toEqual([expect.stringMatching(/^workload-test-roles_deploy-permissions_/)]);
    const services = (p: Record<string, unknown>) =>
      (JSON.parse(String(p.policy)) as { Statement: { Sid: string; Action: string[] }[] }).Statement[0]!.Action;
    expect(services(perVpc[changed[0]!]!)).toContain("network-firewall:*");
    expect(services(shipped[changed[0]!]!)).not.toContain("network-firewall:*");
  });

  it("keeps test's existing subnets where they were and adds a /28 firewall subnet per AZ after the transit tier", () => {
    const shipped = JSON.parse(text(shippedOut, "workload-test")) as StackJson;
    const cidrs = (j: StackJson, t: string) =>
      resources(j, "aws_subnet")
        .filter((s) => (s.tags as Record<string, string>).Tier === t)
        .map((s) => s.cidr_block);
    for (const t of ["public", "private-app", "private-data", "transit"]) expect(cidrs(json, t)).toEqual(cidrs(shipped, t));
    expect(tier("firewall").map((s) => s.cidr_block)).toEqual(["10.20.57.48/28", "10.20.57.64/28"]);
  });

  it("builds a Network Firewall with one endpoint per AZ, logging FLOW and ALERT to KMS-encrypted log groups", () => {
    const [fw] = resources(json, "aws_networkfirewall_firewall");
    expect(fw).toMatchObject({
      name: "acme-test",
      delete_protection: false,
      subnet_change_protection: false,
      firewall_policy_change_protection: false,
    });
    expect((fw!.subnet_mapping as unknown[]).length).toBe(2);
    const groups = resources(json, "aws_cloudwatch_log_group").filter((g) => String(g.name).startsWith("/aws/network-firewall/acme-test/"));
    expect(groups).toHaveLength(2);
    for (const g of groups) expect(g.kms_key_id).toMatch(/aws_kms_key\..*keys_logs.*\.arn/);
  });

  it("passes HTTPS from the internet to the ALB's public subnets and applies the organization's allow-list and Suricata rules", () => {
    const groups = Object.fromEntries(
      resources(json, "aws_networkfirewall_rule_group").map((g) => [g.name, g.rule_group as Record<string, unknown>]),
    );
    const rules = (groups["acme-test-suricata"]!.rules_source as { rules_string: string }).rules_string.split("\n");
    expect(rules[0]).toBe(
      'pass tcp any any -> [10.20.54.0/24,10.20.55.0/24] 443 (flow:to_server; msg:"ingress: internet -> public subnets"; sid:999000; rev:1;)',
    );
    expect(rules.slice(1)).toEqual(model.networkHub.hybrid!.inspection!.suricataRules);
    expect(groups["acme-test-egress-domains"]!.rules_source).toMatchObject({
      rules_source_list: { targets: model.networkHub.hybrid!.inspection!.allowedDomains },
    });
  });

  it("routes public subnets to their AZ's endpoint, firewall subnets to the IGW, and the IGW edge table to the endpoints", () => {
    const routes = named("aws_route");
    const publicDefault = routes.filter(([n]) => /_public-default-route-\d_/.test(n)).map(([, r]) => r);
    expect(publicDefault.map((r) => [r.destination_cidr_block, r.gateway_id, typeof r.vpc_endpoint_id])).toEqual([
      ["0.0.0.0/0", undefined, "string"],
      ["0.0.0.0/0", undefined, "string"],
    ]);
    for (const [i, r] of publicDefault.entries()) {
      expect(r.vpc_endpoint_id).toMatch(
        new RegExp(`^\\$\\{local\\.vpc_firewall-endpoint-ids_\\w+\\[aws_subnet\\.vpc_firewall-subnet-${i}_\\w+\\.availability_zone\\]\\}$`),
      );
    }
    const firewallDefault = routes.filter(([n]) => /firewall-default-route-\d/.test(n)).map(([, r]) => r);
    expect(firewallDefault.map((r) => [r.destination_cidr_block, String(r.gateway_id).startsWith("${aws_internet_gateway.")])).toEqual([
      ["0.0.0.0/0", true],
      ["0.0.0.0/0", true],
    ]);
    const edgeAssociation = named("aws_route_table_association").filter(([, a]) => a.gateway_id);
    expect(edgeAssociation).toHaveLength(1);
    expect(edgeAssociation[0]![1].route_table_id).toMatch(/aws_route_table\.vpc_edge-route-table_\w+\.id/);
    const edge = routes.filter(([n]) => n.includes("edge-route-")).map(([, r]) => r);
    expect(edge.map((r) => r.destination_cidr_block)).toEqual(["10.20.54.0/24", "10.20.55.0/24"]);
    for (const [i, r] of edge.entries()) expect(r.vpc_endpoint_id).toBe(publicDefault[i]!.vpc_endpoint_id);
  });

  it("synthesizes the routes the routing plan holds, which the verifier proves", () => {
    const vpc = planRouting(routingInput(model)).vpcs.find((v) => v.name === "test")!;
    expect(vpc.routeTables.public!.map((t) => t.find((r) => r.destination === "0.0.0.0/0")!.target)).toEqual([
      { kind: "firewall-endpoint", az: 0 },
      { kind: "firewall-endpoint", az: 1 },
    ]);
    expect(vpc.routeTables.firewall!.map((t) => t.find((r) => r.destination === "0.0.0.0/0")!.target)).toEqual([
      { kind: "internet-gateway" },
      { kind: "internet-gateway" },
    ]);
    expect(vpc.gatewayRoutes).toEqual(
      tier("public").map((s, az) => ({ destination: s.cidr_block, target: { kind: "firewall-endpoint", az } })),
    );
    const results = intentResults(model);
    expect(results.filter((r) => !r.ok).map((r) => r.intent.name)).toEqual([]);
    expect(results.map((r) => r.intent.name)).toEqual(expect.arrayContaining(["test-egress-inspected", "internet-to-test-public"]));
  });
});
