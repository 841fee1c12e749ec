import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { synthesize } from "../../src/app.js";
import { loadConfig } from "../../src/config/index.js";
import { dataSources, resources, type StackJson } from "../support/synth.js";

const model = loadConfig("environments");
const outdir = mkdtempSync(join(tmpdir(), "lz-synth-"));
const names = synthesize(model, outdir);
// The bootstrap stack has its own tests (bootstrap-stack.test.ts); these cover the pipeline's stacks.
const order = names.filter((n) => n !== "bootstrap");
const manifest = JSON.parse(readFileSync(join(outdir, "manifest.json"), "utf8")) as { stacks: Record<string, { dependencies: string[] }> };
const stack = (name: string) => JSON.parse(readFileSync(join(outdir, "stacks", name, "cdk.tf.json"), "utf8")) as StackJson;
const stacks = Object.fromEntries(order.map((n) => [n, stack(n)]));
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

type Backend = { s3: Record<string, unknown> };
const backendOf = (json: StackJson) => (json.terraform as { backend: Backend }).backend.s3;
const providersOf = (json: StackJson) => json.provider!.aws as { alias?: string; assume_role: { role_arn: string }[]; allowed_account_ids: string[]; default_tags: { tags: Record<string, string> }[] }[];

describe("synthesis of the shipped config", () => {
  it("makes one stack per account, hub first, after the bootstrap stack", () => {
    expect(names).toEqual(["bootstrap", "network-hub", "workload-dev", "workload-prod", "workload-test"]);
    expect(Object.keys(manifest.stacks).sort()).toEqual([...names].sort());
  });

  it("makes every workload stack depend on the hub, so cdktf deploy applies the hub first", () => {
    expect(manifest.stacks["network-hub"]!.dependencies).toEqual([]);
    for (const name of order.slice(1)) expect(manifest.stacks[name]!.dependencies).toEqual(["network-hub"]);
  });

  it("gives every stack its own encrypted, locked S3 state key", () => {
    const keys = order.map((n) => backendOf(stacks[n]!).key);
    expect(new Set(keys).size).toBe(order.length);
    for (const name of order) {
      expect(backendOf(stacks[name]!)).toMatchObject({
        bucket: "acme-landing-zone-tfstate",
        region: "eu-west-1",
        encrypt: true,
        use_lockfile: true,
        kms_key_id: "arn:aws:kms:eu-west-1:111111111111:alias/landing-zone-tfstate",
      });
    }
    expect(backendOf(stacks["workload-prod"]!).key).toBe("landing-zone/444444444444/workload-prod.tfstate");
  });

  it("assumes a role in the stack's own account, the deploy role unless a plan overrides it, and pins the account id", () => {
    const ids: Record<string, string> = { "network-hub": "111111111111", "workload-dev": "222222222222", "workload-test": "333333333333", "workload-prod": "444444444444" };
    for (const name of order) {
      const main = providersOf(stacks[name]!).find((p) => !p.alias)!;
      expect(main.assume_role[0]!.role_arn).toBe(`arn:aws:iam::${ids[name]}:role/\${var.assume_role_name}`);
      expect(main.allowed_account_ids).toEqual([ids[name]]);
      expect((stacks[name]!.variable as Record<string, { default: string }>).assume_role_name!.default).toBe("LandingZoneDeploy");
    }
  });

  it("gives workload stacks a second provider for the hub account", () => {
    const hub = providersOf(stacks["workload-prod"]!).find((p) => p.alias === "hub")!;
    expect(hub.assume_role[0]!.role_arn).toBe("arn:aws:iam::111111111111:role/\${var.assume_role_name}");
    expect(hub.allowed_account_ids).toEqual(["111111111111"]);
  });

  it("tags every resource with the landing zone, environment and tool through default_tags", () => {
    const tags = providersOf(stacks["workload-dev"]!)[0]!.default_tags[0]!.tags;
    expect(tags).toEqual({ CostCenter: "platform", Owner: "platform-team@acme.example", LandingZone: "acme", Environment: "dev", ManagedBy: "landing-zone/cdktf" });
  });

  it.each([
    ["workload-prod", 3, 3],
    ["workload-test", 2, 1],
    ["workload-dev", 2, 1],
  ])("lays out %s with one subnet per tier and AZ (%i AZs) and %i NAT gateway(s)", (name, azs, nats) => {
    const json = stacks[name]!;
    const subnets = resources(json, "aws_subnet");
    for (const tier of ["public", "private-app", "private-data", "transit"]) {
      expect(subnets.filter((s) => (s.tags as Record<string, string>).Tier === tier)).toHaveLength(azs);
    }
    expect(resources(json, "aws_nat_gateway")).toHaveLength(nats);
  });

  it("places subnets in the AZs AWS reports as available in the account", () => {
    const [azs] = dataSources(stacks["workload-prod"]!, "aws_availability_zones");
    expect(azs).toMatchObject({ state: "available" });
    const zones = resources(stacks["workload-prod"]!, "aws_subnet").map((s) => s.availability_zone);
    const indexes = zones.map((z) => String(z).match(/^\$\{element\(data\.aws_availability_zones\.availability-zones\.names, (\d)\)\}$/)?.[1]);
    expect(new Set(indexes)).toEqual(new Set(["0", "1", "2"]));
  });

  it("builds the transit gateway with a route table per segment in the hub", () => {
    const hub = stacks["network-hub"]!;
    expect(resources(hub, "aws_ec2_transit_gateway")[0]).toMatchObject({ amazon_side_asn: 64512, auto_accept_shared_attachments: "disable" });
    expect(resources(hub, "aws_ec2_transit_gateway_route_table").map((t) => (t.tags as Record<string, string>).Segment).sort()).toEqual(["nonprod", "onprem", "prod"]);
    expect(resources(hub, "aws_ram_principal_association").map((p) => p.principal).sort()).toEqual(["222222222222", "333333333333", "444444444444"]);
  });

  describe("segment isolation", () => {
    /** Route table Name tags an attachment of `stackName` is associated with / propagates to. */
    const segmentWiring = (stackName: string) => {
      const json = stacks[stackName]!;
      const tableName = Object.fromEntries(
        Object.entries(json.data!.aws_ec2_transit_gateway_route_table!).map(([address, body]) => [address, (body.filter as { values: string[] }[])[0]!.values[0]!]),
      );
      const nameOf = (ref: unknown) => tableName[String(ref).match(/data\.aws_ec2_transit_gateway_route_table\.([^.]+)\.id/)![1]!]!;
      return {
        associated: resources(json, "aws_ec2_transit_gateway_route_table_association").map((a) => nameOf(a.transit_gateway_route_table_id)),
        propagated: resources(json, "aws_ec2_transit_gateway_route_table_propagation").map((p) => nameOf(p.transit_gateway_route_table_id)).sort(),
        providers: [
          ...resources(json, "aws_ec2_transit_gateway_route_table_association"),
          ...resources(json, "aws_ec2_transit_gateway_route_table_propagation"),
        ].map((r) => r.provider),
      };
    };

    it("associates prod with the prod table and propagates it only to prod and onprem", () => {
      expect(segmentWiring("workload-prod")).toEqual({
        associated: ["acme-tgw-prod"],
        propagated: ["acme-tgw-onprem", "acme-tgw-prod"],
        providers: ["aws.hub", "aws.hub", "aws.hub"],
      });
    });

    it.each(["workload-dev", "workload-test"])("keeps %s in nonprod, never touching the prod table", (name) => {
      const wiring = segmentWiring(name);
      expect(wiring.associated).toEqual(["acme-tgw-nonprod"]);
      expect(wiring.propagated).toEqual(["acme-tgw-nonprod", "acme-tgw-onprem"]);
    });
  });

  it("routes the app and data tiers, and only those, to the on-prem CIDRs through the transit gateway", () => {
    const json = stacks["workload-prod"]!;
    const tgwRoutes = resources(json, "aws_route").filter((r) => r.transit_gateway_id);
    expect(tgwRoutes).toHaveLength(6 * 2);
    expect(new Set(tgwRoutes.map((r) => r.destination_cidr_block))).toEqual(new Set(["172.16.0.0/16", "192.168.100.0/22"]));
    const tables = new Set(tgwRoutes.map((r) => String(r.route_table_id).match(/aws_route_table\.vpc_(private-app|private-data)-route-table-\d/)?.[1]));
    expect(tables).toEqual(new Set(["private-app", "private-data"]));
  });

  it("matches the recorded synthesis (a regression net, not the only check)", () => {
    for (const name of order) expect(stacks[name]).toMatchSnapshot(name);
  });
});
