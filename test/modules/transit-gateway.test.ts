import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { describe, expect, it } from "vitest";
import { TransitGatewayHub, TransitGatewaySpoke, type TransitGatewaySpokeProps } from "../../src/modules/transit-gateway/index.js";
import { definedOnly } from "../../src/util/defined.js";
import { dataSources, resources, synthJson } from "../support/synth.js";

describe("TransitGatewayHub", () => {
  const build = (sharingWithAwsOrganization: boolean) =>
    synthJson(
      (s) =>
        new TransitGatewayHub(s, "tgw", {
          name: "acme-tgw",
          amazonSideAsn: 64512,
          routeTableNames: { prod: "acme-tgw-prod", nonprod: "acme-tgw-nonprod", onprem: "acme-tgw-onprem" },
          resourceShareName: "acme-tgw-share",
          shareWithAccountIds: ["222222222222", "444444444444"],
          sharingWithAwsOrganization,
        }),
    );
  const json = build(false);

  it("disables default association, default propagation and auto-accept, and enables DNS support", () => {
    const [tgw] = resources(json, "aws_ec2_transit_gateway");
    expect(tgw).toMatchObject({
      amazon_side_asn: 64512,
      auto_accept_shared_attachments: "disable",
      default_route_table_association: "disable",
      default_route_table_propagation: "disable",
      dns_support: "enable",
    });
  });

  it("protects the gateway with prevent_destroy", () => {
    expect(resources(json, "aws_ec2_transit_gateway")[0]!.lifecycle).toEqual({ prevent_destroy: true });
  });

  it("creates one route table per segment", () => {
    const tables = resources(json, "aws_ec2_transit_gateway_route_table");
    expect(tables.map((t) => (t.tags as Record<string, string>).Name).sort()).toEqual([
      "acme-tgw-nonprod",
      "acme-tgw-onprem",
      "acme-tgw-prod",
    ]);
  });

  it("shares the gateway with each workload account, allowing external principals when Organizations sharing is off", () => {
    expect(resources(json, "aws_ram_resource_share")[0]).toMatchObject({ name: "acme-tgw-share", allow_external_principals: true });
    expect(resources(json, "aws_ram_principal_association").map((p) => p.principal)).toEqual(["222222222222", "444444444444"]);
    expect(resources(json, "aws_ram_resource_association")[0]!.resource_arn).toMatch(/aws_ec2_transit_gateway\..+\.arn/);
  });

  it("keeps the share inside the organization when Organizations sharing is on", () => {
    expect(resources(build(true), "aws_ram_resource_share")[0]).toMatchObject({ allow_external_principals: false });
  });
});

describe("TransitGatewaySpoke", () => {
  /** Props over the defaults below; a key set to undefined is left out. */
  const build = (over: { [K in keyof TransitGatewaySpokeProps]?: TransitGatewaySpokeProps[K] | undefined } = {}) =>
    synthJson((s) => {
      const hubProvider = new AwsProvider(s, "aws-hub", { alias: "hub", region: "eu-west-1" });
      new TransitGatewaySpoke(
        s,
        "spoke",
        definedOnly({
          hubProvider,
          transitGatewayName: "acme-tgw",
          acceptResourceShareName: "acme-tgw-share",
          name: "acme-prod",
          vpcId: "vpc-1",
          subnetIds: ["subnet-a", "subnet-b", "subnet-c"],
          associateWithRouteTable: "acme-tgw-prod",
          propagateToRouteTables: ["acme-tgw-prod", "acme-tgw-onprem"],
          routeTables: [
            { routeTableId: "rtb-app-0", destinationCidrs: ["172.16.0.0/16", "192.168.100.0/22"] },
            { routeTableId: "rtb-data-0", destinationCidrs: ["172.16.0.0/16", "192.168.100.0/22"] },
          ],
          ...over,
        }) as TransitGatewaySpokeProps,
      );
    });
  const json = build();

  it("creates the attachment in the workload account and accepts it in the hub account", () => {
    const [attachment] = resources(json, "aws_ec2_transit_gateway_vpc_attachment");
    expect(attachment).toMatchObject({ vpc_id: "vpc-1", subnet_ids: ["subnet-a", "subnet-b", "subnet-c"], dns_support: "enable" });
    expect(attachment!.provider).toBeUndefined();
    const [accepter] = resources(json, "aws_ec2_transit_gateway_vpc_attachment_accepter");
    expect(accepter).toMatchObject({
      provider: "aws.hub",
      transit_gateway_default_route_table_association: false,
      transit_gateway_default_route_table_propagation: false,
    });
  });

  it("looks the gateway up by Name tag through the hub provider", () => {
    const [tgw] = dataSources(json, "aws_ec2_transit_gateway");
    expect(tgw).toMatchObject({
      provider: "aws.hub",
      filter: [
        { name: "tag:Name", values: ["acme-tgw"] },
        { name: "state", values: ["available"] },
      ],
    });
  });

  it("associates with its segment's route table and propagates only where told", () => {
    const tables = Object.entries(json.data!.aws_ec2_transit_gateway_route_table!).map(([address, body]) => ({
      address,
      name: (body.filter as { values: string[] }[])[0]!.values[0],
    }));
    const addressOf = (name: string) => tables.find((t) => t.name === name)!.address;
    const [association] = resources(json, "aws_ec2_transit_gateway_route_table_association");
    expect(association!.transit_gateway_route_table_id).toContain(addressOf("acme-tgw-prod"));
    const propagations = resources(json, "aws_ec2_transit_gateway_route_table_propagation").map((p) => p.transit_gateway_route_table_id);
    expect(propagations).toHaveLength(2);
    expect(propagations).toEqual(
      expect.arrayContaining([expect.stringContaining(addressOf("acme-tgw-prod")), expect.stringContaining(addressOf("acme-tgw-onprem"))]),
    );
    expect(tables.map((t) => t.name)).not.toContain("acme-tgw-nonprod");
  });

  it("routes each destination from each given route table through the gateway, after acceptance", () => {
    const routes = resources(json, "aws_route");
    expect(routes.map((r) => [r.route_table_id, r.destination_cidr_block])).toEqual([
      ["rtb-app-0", "172.16.0.0/16"],
      ["rtb-app-0", "192.168.100.0/22"],
      ["rtb-data-0", "172.16.0.0/16"],
      ["rtb-data-0", "192.168.100.0/22"],
    ]);
    expect(routes.every((r) => /data\.aws_ec2_transit_gateway\..+\.id/.test(String(r.transit_gateway_id)))).toBe(true);
    expect(routes.every((r) => (r.depends_on as string[])[0]!.startsWith("aws_ec2_transit_gateway_vpc_attachment_accepter."))).toBe(true);
  });

  it("accepts the RAM share before attaching when Organizations sharing is off", () => {
    const [accepter] = resources(json, "aws_ram_resource_share_accepter");
    expect(accepter!.share_arn).toMatch(/data\.aws_ram_resource_share\..+\.arn/);
    expect(resources(json, "aws_ec2_transit_gateway_vpc_attachment")[0]!.depends_on).toEqual([
      expect.stringMatching(/^aws_ram_resource_share_accepter\./),
    ]);
  });

  it("skips the share acceptance when Organizations sharing accepts it", () => {
    const json2 = build({ acceptResourceShareName: undefined });
    expect(resources(json2, "aws_ram_resource_share_accepter")).toEqual([]);
    expect(dataSources(json2, "aws_ram_resource_share")).toEqual([]);
  });
});
