import { describe, expect, it } from "vitest";
import { WorkloadVpc, type WorkloadVpcProps } from "../../src/modules/vpc/index.js";
import { resources, synthJson } from "../support/synth.js";

const props = (over: Partial<WorkloadVpcProps> = {}): WorkloadVpcProps => ({
  name: "acme-prod",
  cidrBlock: "10.30.0.0/16",
  availabilityZones: ["eu-west-1a", "eu-west-1b", "eu-west-1c"],
  subnetCidrs: {
    public: ["10.30.54.0/24", "10.30.55.0/24", "10.30.56.0/24"],
    privateApp: ["10.30.0.0/20", "10.30.16.0/20", "10.30.32.0/20"],
    privateData: ["10.30.48.0/23", "10.30.50.0/23", "10.30.52.0/23"],
    transit: ["10.30.57.0/28", "10.30.57.16/28", "10.30.57.32/28"],
  },
  natGateways: "one-per-az",
  flowLogs: { retentionDays: 365, kmsKeyArn: "arn:aws:kms:eu-west-1:444444444444:key/k", accountId: "444444444444", region: "eu-west-1" },
  ...over,
});

const build = (over: Partial<WorkloadVpcProps> = {}) => synthJson((s) => new WorkloadVpc(s, "vpc", props(over)));

describe("WorkloadVpc", () => {
  const json = build();

  it("creates one subnet per tier and AZ, none assigning public IPs", () => {
    const subnets = resources(json, "aws_subnet");
    expect(subnets).toHaveLength(12);
    for (const tier of ["public", "private-app", "private-data", "transit"]) {
      const inTier = subnets.filter((s) => (s.tags as Record<string, string>).Tier === tier);
      expect(inTier.map((s) => s.availability_zone)).toEqual(["eu-west-1a", "eu-west-1b", "eu-west-1c"]);
    }
    expect(subnets.every((s) => s.map_public_ip_on_launch === false)).toBe(true);
  });

  it("gives each tier and AZ its own route table", () => {
    expect(resources(json, "aws_route_table")).toHaveLength(12);
    expect(resources(json, "aws_route_table_association")).toHaveLength(12);
  });

  it("routes the app tier of each AZ to that AZ's NAT gateway with one-per-az", () => {
    expect(resources(json, "aws_nat_gateway")).toHaveLength(3);
    const appRoutes = resources(json, "aws_route").filter((r) => r.nat_gateway_id);
    expect(appRoutes).toHaveLength(3);
    appRoutes.forEach((r, i) => {
      expect(r.route_table_id).toMatch(new RegExp(`private-app-route-table-${i}_`));
      expect(r.nat_gateway_id).toMatch(new RegExp(`nat-gateway-${i}_`));
    });
  });

  it("shares one NAT gateway across AZs with single", () => {
    const single = build({ natGateways: "single" });
    expect(resources(single, "aws_nat_gateway")).toHaveLength(1);
    expect(resources(single, "aws_eip")).toHaveLength(1);
    const natIds = new Set(resources(single, "aws_route").map((r) => r.nat_gateway_id).filter(Boolean));
    expect(natIds.size).toBe(1);
  });

  it("gives only the public and app tiers a default route", () => {
    const defaults = resources(json, "aws_route").filter((r) => r.destination_cidr_block === "0.0.0.0/0");
    expect(defaults.filter((r) => r.gateway_id)).toHaveLength(3);
    expect(defaults.filter((r) => r.nat_gateway_id)).toHaveLength(3);
    expect(defaults).toHaveLength(6);
  });

  it("strips every rule from the default security group", () => {
    const [sg] = resources(json, "aws_default_security_group");
    expect(sg).toBeDefined();
    expect(sg!.ingress ?? []).toEqual([]);
    expect(sg!.egress ?? []).toEqual([]);
  });

  it("guards the data tier with a network ACL that admits only the app tier, the data tier and VPC return traffic", () => {
    const [acl] = resources(json, "aws_network_acl");
    expect((acl!.subnet_ids as string[]).length).toBe(3);
    const ingress = acl!.ingress as { cidr_block: string; protocol: string; from_port: number; to_port: number }[];
    expect(ingress.map((r) => r.cidr_block)).toEqual([
      "10.30.0.0/20", "10.30.16.0/20", "10.30.32.0/20",
      "10.30.48.0/23", "10.30.50.0/23", "10.30.52.0/23",
      "10.30.0.0/16",
    ]);
    expect(ingress.at(-1)).toMatchObject({ protocol: "tcp", from_port: 1024, to_port: 65535 });
    expect((acl!.egress as { cidr_block: string }[]).map((r) => r.cidr_block)).toEqual(["10.30.0.0/16"]);
  });

  it("logs all traffic to a KMS-encrypted log group with the configured retention", () => {
    const [flow] = resources(json, "aws_flow_log");
    expect(flow).toMatchObject({ traffic_type: "ALL", log_destination_type: "cloud-watch-logs" });
    const [group] = resources(json, "aws_cloudwatch_log_group");
    expect(group).toMatchObject({ retention_in_days: 365, kms_key_id: "arn:aws:kms:eu-west-1:444444444444:key/k", name: "/aws/vpc/flow-logs/acme-prod" });
    const [role] = resources(json, "aws_iam_role");
    const trust = JSON.parse(role!.assume_role_policy as string);
    expect(trust.Statement[0].Condition.StringEquals["aws:SourceAccount"]).toBe("444444444444");
  });

  it("throws when a tier's CIDRs do not match the AZs", () => {
    expect(() => build({ availabilityZones: ["eu-west-1a", "eu-west-1b"] })).toThrow(/tier public has 3 CIDRs for 2 AZs/);
  });
});
