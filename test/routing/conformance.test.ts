/**
 * Routing conformance: every VPC route table, route, network ACL rule, TGW route, association and propagation the
 * synthesized stacks hold is one the routing plan makes, and every one the plan makes is synthesized
 * (test/support/routing-conformance.ts). For the reference config and the per-vpc scenario; for `environments/` and
 * every `examples/<name>/` as an invariant (no names or counts asserted). The mutation cases prove the comparison
 * sees drift.
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { routingPlanOf } from "../../src/accounts/segments.js";
import { compareRouting } from "../support/routing-conformance.js";
import {
  configSynthesis,
  environmentsSynthesis,
  perVpcSynthesis,
  referenceSynthesis,
  type SharedSynthesis,
} from "../support/shared-synthesis.js";
import type { StackJson } from "../support/synth.js";

const stacksOf = (s: SharedSynthesis): Record<string, StackJson> => Object.fromEntries(s.outcome.stacks.map((n) => [n, s.json(n)]));

/** `examples/<name>/` folders holding a shared.yaml (discovered like test/environments.test.ts). */
const EXAMPLE_DIRS = existsSync("examples")
  ? readdirSync("examples")
      .map((name) => join("examples", name))
      .filter((dir) => statSync(dir).isDirectory() && existsSync(join(dir, "shared.yaml")))
  : [];

const SYNTHESES: [string, () => SharedSynthesis][] = [
  ["the reference config", referenceSynthesis],
  ["the per-vpc scenario", perVpcSynthesis],
  ["environments/", environmentsSynthesis],
  ...EXAMPLE_DIRS.map((dir): [string, () => SharedSynthesis] => [dir, () => configSynthesis(dir)]),
];

describe.each(SYNTHESES)("the synthesis of %s", (_, synthesis) => {
  it("builds exactly the routing plan: nothing missing, nothing extra", () => {
    const s = synthesis();
    expect(compareRouting(routingPlanOf(s.model), stacksOf(s))).toEqual({ missing: [], extra: [] });
  });
});

describe("the conformance comparison", () => {
  const reference = () => {
    const s = referenceSynthesis();
    return { plan: routingPlanOf(s.model), stacks: stacksOf(s) };
  };
  /** The first resource of `type` in `stack` whose body satisfies `pick`. */
  const find = (json: StackJson, type: string, pick: (b: Record<string, unknown>) => boolean) => {
    const entry = Object.entries(json.resource?.[type] ?? {}).find(([, b]) => pick(b));
    if (!entry) throw new Error(`no ${type} to mutate`);
    return entry;
  };

  it("reports a route table a gateway endpoint lost, and one the plan does not give it", () => {
    const { plan, stacks } = reference();
    const workload = Object.entries(stacks).find(([n]) => n.startsWith("workload-"));
    if (!workload) throw new Error("no workload stack");
    const [, s3] = find(workload[1], "aws_vpc_endpoint", (b) => String(b.service_name).endsWith(".s3"));
    const tables = s3.route_table_ids as string[];
    const dataTable = Object.keys(workload[1].resource!.aws_route_table!).find((n) => n.includes("private-data-route-table-0"));
    if (!dataTable) throw new Error("no private data route table");
    s3.route_table_ids = [...tables.slice(1), `\${aws_route_table.${dataTable}.id}`];
    const drift = compareRouting(plan, stacks);
    const env = workload[0].replace(/^workload-/, "");
    expect(drift.missing).toEqual([`gateway-endpoint ${env}/privateApp/az0 s3`]);
    expect(drift.extra).toEqual([`gateway-endpoint ${env}/privateData/az0 s3`]);
  });

  it("reports a propagation the stacks lost", () => {
    const { plan, stacks } = reference();
    const hub = stacks["network-hub"]!;
    const [name] = find(hub, "aws_ec2_transit_gateway_route_table_propagation", () => true);
    delete hub.resource!.aws_ec2_transit_gateway_route_table_propagation![name];
    const drift = compareRouting(plan, stacks);
    expect(drift.extra).toEqual([]);
    expect(drift.missing).toHaveLength(1);
    expect(drift.missing[0]).toMatch(/^tgw-propagation /);
  });

  /** The hub stack of the reference config: its inspection VPC has a NAT gateway per AZ. */
  const withNats = (stacks: Record<string, StackJson>) => ({ vpc: "inspection/firewall", json: stacks["network-hub"]! });

  it("reports a route whose target changed, as one missing and one extra line", () => {
    const { plan, stacks } = reference();
    const { vpc, json: prod } = withNats(stacks);
    const [, route] = find(prod, "aws_route", (b) => typeof b.nat_gateway_id === "string");
    const igw = Object.keys(prod.resource!.aws_internet_gateway!)[0]!;
    delete route.nat_gateway_id;
    route.gateway_id = `\${aws_internet_gateway.${igw}.id}`;
    const drift = compareRouting(plan, stacks);
    expect(drift.missing).toEqual([`route ${vpc}/az0 0.0.0.0/0 -> nat-gateway az0`]);
    expect(drift.extra).toEqual([`route ${vpc}/az0 0.0.0.0/0 -> internet-gateway`]);
  });

  it("reports a NAT route sent to another AZ's NAT gateway", () => {
    const { plan, stacks } = reference();
    const { vpc, json: prod } = withNats(stacks);
    const nats = Object.keys(prod.resource!.aws_nat_gateway!);
    const [, route] = find(prod, "aws_route", (b) => String(b.nat_gateway_id).includes(nats[0]!));
    route.nat_gateway_id = `\${aws_nat_gateway.${nats[1]}.id}`;
    const drift = compareRouting(plan, stacks);
    expect(drift.missing).toEqual([`route ${vpc}/az0 0.0.0.0/0 -> nat-gateway az0`]);
    expect(drift.extra).toEqual([`route ${vpc}/az0 0.0.0.0/0 -> nat-gateway az1`]);
  });

  it("reports a route, a network ACL rule and a TGW static route the plan does not make", () => {
    const { plan, stacks } = reference();
    const prod = stacks["workload-prod"]!;
    const [, route] = find(prod, "aws_route", (b) => typeof b.transit_gateway_id === "string");
    prod.resource!.aws_route!.extra = { ...route, destination_cidr_block: "10.99.0.0/16" };
    const [, acl] = find(prod, "aws_network_acl", () => true);
    (acl.ingress as Record<string, unknown>[]).push({
      ...(acl.ingress as Record<string, unknown>[])[0],
      rule_no: 999,
      cidr_block: "0.0.0.0/0",
    });
    const hub = stacks["network-hub"]!;
    const [, tgwRoute] = find(hub, "aws_ec2_transit_gateway_route", () => true);
    hub.resource!.aws_ec2_transit_gateway_route!.extra = { ...tgwRoute, destination_cidr_block: "10.98.0.0/16" };
    const drift = compareRouting(plan, stacks);
    expect(drift.missing).toEqual([]);
    expect(drift.extra).toEqual([
      "network-acl-rule prod/privateData ingress 999 allow -1 0.0.0.0/0 0-0",
      expect.stringMatching(/^route prod\/private(App|Data)\/az\d 10\.99\.0\.0\/16 -> transit-gateway$/),
      expect.stringMatching(/^tgw-route \w+ 10\.98\.0\.0\/16 -> /),
    ]);
  });

  it("reports a public subnet sent to another AZ's firewall endpoint (per-vpc)", () => {
    const s = perVpcSynthesis();
    const stacks = stacksOf(s);
    const test = stacks["workload-test"]!;
    const [, route] = find(
      test,
      "aws_route",
      (b) => String(b.vpc_endpoint_id).includes("firewall-subnet-0_") && b.destination_cidr_block === "0.0.0.0/0",
    );
    const subnet = (az: number) => Object.keys(test.resource!.aws_subnet!).find((n) => n.includes(`firewall-subnet-${az}_`))!;
    route.vpc_endpoint_id = String(route.vpc_endpoint_id).replace(subnet(0), subnet(1));
    const drift = compareRouting(routingPlanOf(s.model), stacks);
    expect(drift.missing).toEqual(["route test/public/az0 0.0.0.0/0 -> firewall-endpoint az0"]);
    expect(drift.extra).toEqual(["route test/public/az0 0.0.0.0/0 -> firewall-endpoint az1"]);
  });

  it("reports appliance mode turned off and an AZ missing from a VPC attachment", () => {
    const { plan, stacks } = reference();
    const [, inspection] = find(stacks["network-hub"]!, "aws_ec2_transit_gateway_vpc_attachment", () => true);
    inspection.appliance_mode_support = "disable";
    const prod = stacks["workload-prod"]!;
    const [, attachment] = find(prod, "aws_ec2_transit_gateway_vpc_attachment", () => true);
    attachment.subnet_ids = (attachment.subnet_ids as string[]).slice(0, 2);
    const drift = compareRouting(plan, stacks);
    expect(drift.missing).toEqual([
      "tgw-attachment vpc:inspection in az0,az1,az2 appliance-mode on",
      "tgw-attachment vpc:prod in az0,az1,az2 appliance-mode off",
    ]);
    expect(drift.extra).toEqual([
      "tgw-attachment vpc:inspection in az0,az1,az2 appliance-mode off",
      "tgw-attachment vpc:prod in az0,az1 appliance-mode off",
    ]);
  });

  it("reports a subnet moved to another subnet's route table", () => {
    const { plan, stacks } = reference();
    const prod = stacks["workload-prod"]!;
    const [, association] = find(prod, "aws_route_table_association", (b) => String(b.subnet_id).includes("public-subnet-1"));
    const tables = Object.keys(prod.resource!.aws_route_table!);
    association.route_table_id = `\${aws_route_table.${tables.find((t) => t.includes("public-route-table-0"))}.id}`;
    const drift = compareRouting(plan, stacks);
    expect(drift.extra).toContainEqual(expect.stringMatching(/^route-table-shared /));
    expect(drift.extra).toContainEqual(expect.stringMatching(/^route-table-without-association /));
  });
});
