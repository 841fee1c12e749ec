import { describe, expect, it } from "vitest";
import { InspectionVpc, type InspectionVpcProps } from "../../src/modules/inspection/index.js";
import { addNetworkFirewall } from "../../src/modules/inspection/network-firewall.js";
import { resources, synthJson } from "../support/synth.js";

/** A nested block, which cdktf writes as an object or as a list of one. */
const one = <T>(v: unknown): T => (Array.isArray(v) ? v[0] : v) as T;
const KEY = "arn:aws:kms:eu-west-1:111111111111:key/k";
const props = (over: Partial<InspectionVpcProps> = {}): InspectionVpcProps => ({
  name: "acme-inspection",
  cidrBlock: "10.255.0.0/24",
  availabilityZoneIds: ["euw1-az1", "euw1-az2"],
  subnetCidrs: {
    transitGateway: ["10.255.0.0/28", "10.255.0.16/28"],
    firewall: ["10.255.0.48/28", "10.255.0.64/28"],
    public: ["10.255.0.96/28", "10.255.0.112/28"],
  },
  transitGatewayId: "tgw-0123456789abcdef0",
  routes: [
    { tier: "transitGateway", az: 0, destination: "0.0.0.0/0", target: "firewall-endpoint", targetAz: 0 },
    { tier: "transitGateway", az: 1, destination: "0.0.0.0/0", target: "firewall-endpoint", targetAz: 1 },
    { tier: "firewall", az: 0, destination: "10.30.0.0/16", target: "transit-gateway" },
    { tier: "firewall", az: 0, destination: "0.0.0.0/0", target: "nat-gateway", targetAz: 0 },
  ],
  allowedDomains: [".amazonaws.com"],
  eastWest: { inspectedCidrs: ["10.30.0.0/16"], onPremisesCidrs: ["172.16.0.0/16"] },
  homeNetCidrs: ["10.30.0.0/16", "10.40.0.0/16"],
  logRetentionDays: 365,
  logKmsKeyArn: KEY,
  preventDestroy: true,
  flowLogs: { retentionDays: 365, accountId: "111111111111", region: "eu-west-1" },
  ...over,
});

describe("InspectionVpc", () => {
  const json = synthJson((s) => new InspectionVpc(s, "inspection", props()));

  it("attaches to the transit gateway in appliance mode, so a flow keeps one AZ's firewall both ways", () => {
    expect(resources(json, "aws_ec2_transit_gateway_vpc_attachment")[0]).toMatchObject({
      transit_gateway_id: "tgw-0123456789abcdef0",
      appliance_mode_support: "enable",
      transit_gateway_default_route_table_association: false,
      transit_gateway_default_route_table_propagation: false,
    });
  });

  it("protects the firewall from deletion and from subnet and policy changes, and logs FLOW and ALERT to KMS-encrypted groups", () => {
    const firewall = resources(json, "aws_networkfirewall_firewall")[0]!;
    expect(firewall).toMatchObject({
      delete_protection: true,
      subnet_change_protection: true,
      firewall_policy_change_protection: true,
      lifecycle: { prevent_destroy: true },
    });
    const logging = resources(json, "aws_networkfirewall_logging_configuration")[0]!;
    const types = one<{ log_destination_config: { log_type: string }[] }>(logging.logging_configuration)
      .log_destination_config.map((c) => c.log_type)
      .sort();
    expect(types).toEqual(["ALERT", "FLOW"]);
    const groups = resources(json, "aws_cloudwatch_log_group");
    expect(groups.length).toBeGreaterThanOrEqual(3);
    expect(groups.every((g) => g.kms_key_id === KEY)).toBe(true);
  });

  it("forwards everything to the stateful engine, in strict order, with the domain allow-list", () => {
    const p = one<{ stateless_default_actions: string[]; stateless_fragment_default_actions: string[]; stateful_engine_options: unknown }>(
      resources(json, "aws_networkfirewall_firewall_policy")[0]!.firewall_policy,
    );
    expect(p.stateless_default_actions).toEqual(["aws:forward_to_sfe"]);
    expect(p.stateless_fragment_default_actions).toEqual(["aws:forward_to_sfe"]);
    expect(one<{ rule_order: string }>(p.stateful_engine_options).rule_order).toBe("STRICT_ORDER");
    expect(JSON.stringify(resources(json, "aws_networkfirewall_rule_group"))).toContain(".amazonaws.com");
  });

  it("sets HOME_NET in the policy to the inspected VPCs and its own CIDR, so every rule group sees the inspected traffic", () => {
    type Variables = { rule_variables: { key: string; ip_set: { definition: string[] } }[] };
    const p = one<{ policy_variables: Variables }>(resources(json, "aws_networkfirewall_firewall_policy")[0]!.firewall_policy);
    expect(one<Variables>(p.policy_variables).rule_variables).toEqual([
      { key: "HOME_NET", ip_set: { definition: ["10.30.0.0/16", "10.40.0.0/16", "10.255.0.0/24"] } },
    ]);
    const allowList = resources(json, "aws_networkfirewall_rule_group").find((g) => g.name === "acme-inspection-egress-domains")!;
    expect(JSON.stringify(allowList.rule_group)).toContain('"definition":["10.30.0.0/16","10.40.0.0/16","10.255.0.0/24"]');
  });

  it("throws when HOME_NET would be empty", () => {
    // An inspection VPC always adds its own CIDR; the shared builder refuses an empty list outright.
    expect(() =>
      synthJson((s) =>
        addNetworkFirewall(s, {
          name: "x",
          vpcId: "vpc-1",
          subnetIds: ["subnet-1"],
          allowedDomains: [],
          homeNet: [],
          logRetentionDays: 30,
          logKmsKeyArn: KEY,
        }),
      ),
    ).toThrow(/HOME_NET needs at least one CIDR/);
  });

  it("closes the default security group and sends flow logs (ALL traffic) to the encrypted group", () => {
    expect(resources(json, "aws_default_security_group")).toHaveLength(1);
    expect(resources(json, "aws_default_security_group")[0]!.ingress).toBeUndefined();
    expect(resources(json, "aws_flow_log")[0]).toMatchObject({ traffic_type: "ALL" });
  });

  it("creates one subnet per tier and AZ, and the routes it is given", () => {
    expect(resources(json, "aws_subnet")).toHaveLength(6);
    const routes = resources(json, "aws_route");
    expect(
      routes.filter((r) => r.destination_cidr_block === "10.30.0.0/16" && r.transit_gateway_id === "tgw-0123456789abcdef0"),
    ).toHaveLength(1);
    expect(routes.filter((r) => r.destination_cidr_block === "0.0.0.0/0" && typeof r.vpc_endpoint_id === "string")).toHaveLength(2);
  });
});
