import { describe, expect, it } from "vitest";
import { dataTierAclRules } from "../../src/routing/plan.js";
import { ingressPassRules, WorkloadVpc, type WorkloadVpcProps, type WorkloadVpcRoute } from "../../src/modules/vpc/index.js";
import { resources, resourcesByName, synthJson } from "../support/synth.js";

const AZS = [0, 1, 2];
/** The routes the routing plan gives a VPC without inspection: public → IGW, app → the AZ's NAT gateway. */
const plainRoutes: WorkloadVpcRoute[] = [
  ...AZS.map((az): WorkloadVpcRoute => ({ tier: "public", az, destination: "0.0.0.0/0", target: "internet-gateway" })),
  ...AZS.map((az): WorkloadVpcRoute => ({ tier: "privateApp", az, destination: "0.0.0.0/0", target: "nat-gateway" })),
];
const dataAcl = dataTierAclRules(
  "10.30.0.0/16",
  ["10.30.0.0/20", "10.30.16.0/20", "10.30.32.0/20"],
  ["10.30.48.0/23", "10.30.50.0/23", "10.30.52.0/23"],
);
const aclRules = (rules: typeof dataAcl.ingress) => rules.map(({ cidr, ...r }) => ({ ...r, cidrBlock: cidr }));

const props = (over: Partial<WorkloadVpcProps> = {}): WorkloadVpcProps => ({
  name: "acme-prod",
  cidrBlock: "10.30.0.0/16",
  availabilityZoneIds: ["euw1-az1", "euw1-az2", "euw1-az3"],
  subnetCidrs: {
    public: ["10.30.54.0/24", "10.30.55.0/24", "10.30.56.0/24"],
    privateApp: ["10.30.0.0/20", "10.30.16.0/20", "10.30.32.0/20"],
    privateData: ["10.30.48.0/23", "10.30.50.0/23", "10.30.52.0/23"],
    transit: ["10.30.57.0/28", "10.30.57.16/28", "10.30.57.32/28"],
  },
  natGateways: "one-per-az",
  routes: plainRoutes,
  networkAcls: { privateData: { ingress: aclRules(dataAcl.ingress), egress: aclRules(dataAcl.egress) } },
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
      expect(inTier.map((s) => s.availability_zone_id)).toEqual(["euw1-az1", "euw1-az2", "euw1-az3"]);
      expect(inTier.every((s) => s.availability_zone === undefined)).toBe(true);
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
    const single = build({
      natGateways: "single",
      routes: plainRoutes.map((r) => (r.target === "nat-gateway" ? { ...r, targetAz: 0 } : r)),
    });
    expect(resources(single, "aws_nat_gateway")).toHaveLength(1);
    expect(resources(single, "aws_eip")).toHaveLength(1);
    const natIds = new Set(
      resources(single, "aws_route")
        .map((r) => r.nat_gateway_id)
        .filter(Boolean),
    );
    expect(natIds.size).toBe(1);
  });

  it("builds no NAT gateway, no Elastic IP and no NAT route with none (egress leaves through the transit gateway)", () => {
    const none = build({ natGateways: "none", routes: plainRoutes.filter((r) => r.target !== "nat-gateway") });
    expect(resources(none, "aws_nat_gateway")).toEqual([]);
    expect(resources(none, "aws_eip")).toEqual([]);
    expect(resources(none, "aws_route").filter((r) => r.nat_gateway_id)).toEqual([]);
    expect(resources(none, "aws_internet_gateway")).toHaveLength(1);
  });

  it("throws when a route targets a NAT gateway that natGateways does not build", () => {
    expect(() => build({ natGateways: "none" })).toThrow(
      'WorkloadVpc acme-prod: route 0.0.0.0/0 of privateApp AZ 0: targets NAT gateway 0, and natGateways "none" builds 0',
    );
  });

  it("throws when a route targets a firewall endpoint without a firewall tier", () => {
    expect(() => build({ routes: [{ tier: "public", az: 0, destination: "0.0.0.0/0", target: "firewall-endpoint" }] })).toThrow(
      "WorkloadVpc acme-prod: route 0.0.0.0/0 of public AZ 0: targets a firewall endpoint the VPC does not have",
    );
  });

  it("builds exactly the routes it is given, and no network ACL it is not given", () => {
    const bare = build({ routes: [], networkAcls: {} });
    expect(resources(bare, "aws_route")).toEqual([]);
    expect(resources(bare, "aws_network_acl")).toEqual([]);
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
      "10.30.0.0/20",
      "10.30.16.0/20",
      "10.30.32.0/20",
      "10.30.48.0/23",
      "10.30.50.0/23",
      "10.30.52.0/23",
      "10.30.0.0/16",
    ]);
    expect(ingress.at(-1)).toMatchObject({ protocol: "tcp", from_port: 1024, to_port: 65535 });
    expect((acl!.egress as { cidr_block: string }[]).map((r) => r.cidr_block)).toEqual(["10.30.0.0/16"]);
  });

  it("logs all traffic to a KMS-encrypted log group with the configured retention", () => {
    const [flow] = resources(json, "aws_flow_log");
    expect(flow).toMatchObject({ traffic_type: "ALL", log_destination_type: "cloud-watch-logs" });
    const [group] = resources(json, "aws_cloudwatch_log_group");
    expect(group).toMatchObject({
      retention_in_days: 365,
      kms_key_id: "arn:aws:kms:eu-west-1:444444444444:key/k",
      name: "/aws/vpc/flow-logs/acme-prod",
    });
    const [role] = resources(json, "aws_iam_role");
    const trust = JSON.parse(role!.assume_role_policy as string);
    expect(trust.Statement[0].Condition.StringEquals["aws:SourceAccount"]).toBe("444444444444");
  });

  it("throws when a tier's CIDRs do not match the AZs", () => {
    expect(() => build({ availabilityZoneIds: ["euw1-az1", "euw1-az2"] })).toThrow(/tier public has 3 CIDRs for 2 AZs/);
  });
});

describe("WorkloadVpc adopting existing resources (importIds)", () => {
  const subnets = ["subnet-000000000000000a1", "subnet-000000000000000a2", "subnet-000000000000000a3"];
  const json = build({
    importIds: { vpc: "vpc-0d0e0f0a0b0c0d0e1", internetGateway: "igw-0d0e0f0a0b0c0d0e1", subnets: { transit: subnets } },
  });
  const imports = json.import as { to: string; id: string }[];
  const at = (id: string) => imports.find((b) => b.id === id)!.to.split(".") as [string, string];

  it("imports the VPC, its internet gateway and each listed subnet into the resource of its AZ, and nothing else", () => {
    expect(imports).toHaveLength(5);
    expect(at("vpc-0d0e0f0a0b0c0d0e1")[0]).toBe("aws_vpc");
    expect(at("igw-0d0e0f0a0b0c0d0e1")[0]).toBe("aws_internet_gateway");
    subnets.forEach((id, i) => {
      const [type, name] = at(id);
      expect(type).toBe("aws_subnet");
      expect(resourcesByName(json, "aws_subnet")[name]).toMatchObject({
        availability_zone_id: props().availabilityZoneIds[i],
        tags: { Tier: "transit" },
      });
    });
  });

  it("emits no import block without importIds", () => {
    expect(build().import).toBeUndefined();
  });

  it("throws when a tier's import ids do not match the AZs, or name firewall subnets without a firewall tier", () => {
    expect(() => build({ importIds: { subnets: { public: subnets.slice(0, 2) } } })).toThrow(
      "importIds.subnets.public has 2 ids for 3 subnets",
    );
    expect(() => build({ importIds: { subnets: { firewall: subnets } } })).toThrow("importIds.subnets.firewall has 3 ids for 0 subnets");
  });
});

describe("WorkloadVpc with a per-vpc firewall tier", () => {
  const firewall = {
    subnetCidrs: ["10.30.57.48/28", "10.30.57.64/28", "10.30.57.80/28"],
    ingressTcpPorts: [443],
    allowedDomains: [".amazonaws.com", "github.com"],
    suricataRules: ['drop tcp $HOME_NET any -> $EXTERNAL_NET 22 (msg:"no outbound SSH"; sid:1000001; rev:1;)'],
    logRetentionDays: 365,
    preventDestroy: true,
    edgeRoutes: props().subnetCidrs.public.map((destination, targetAz) => ({ destination, targetAz })),
  };
  const firewallRoutes: WorkloadVpcRoute[] = [
    ...AZS.map((az): WorkloadVpcRoute => ({ tier: "public", az, destination: "0.0.0.0/0", target: "firewall-endpoint" })),
    ...AZS.map((az): WorkloadVpcRoute => ({ tier: "privateApp", az, destination: "0.0.0.0/0", target: "nat-gateway" })),
    ...AZS.map((az): WorkloadVpcRoute => ({ tier: "firewall", az, destination: "0.0.0.0/0", target: "internet-gateway" })),
  ];
  const json = build({ firewall, routes: firewallRoutes });
  const routes = resources(json, "aws_route");
  const byName = (type: string) => Object.entries(resourcesByName(json, type));

  it("adds a firewall subnet (a /28) and its own route table in every AZ", () => {
    const subnets = resources(json, "aws_subnet").filter((s) => (s.tags as Record<string, string>).Tier === "firewall");
    expect(subnets.map((s) => [s.cidr_block, s.availability_zone_id])).toEqual([
      ["10.30.57.48/28", "euw1-az1"],
      ["10.30.57.64/28", "euw1-az2"],
      ["10.30.57.80/28", "euw1-az3"],
    ]);
    expect(resources(json, "aws_route_table").filter((t) => (t.tags as Record<string, string>).Tier === "firewall")).toHaveLength(3);
  });

  it("puts one Network Firewall endpoint in each firewall subnet, with every protection and prevent_destroy", () => {
    const [fw] = resources(json, "aws_networkfirewall_firewall");
    expect((fw!.subnet_mapping as { subnet_id: string }[]).map((m) => m.subnet_id)).toEqual(
      [0, 1, 2].map((i) => expect.stringMatching(new RegExp(`firewall-subnet-${i}_`))),
    );
    expect(fw).toMatchObject({
      name: "acme-prod",
      delete_protection: true,
      subnet_change_protection: true,
      firewall_policy_change_protection: true,
      lifecycle: { prevent_destroy: true },
    });
    for (const type of ["aws_networkfirewall_firewall_policy", "aws_networkfirewall_rule_group"]) {
      for (const r of resources(json, type)) expect(r.lifecycle).toEqual({ prevent_destroy: true });
    }
  });

  it("logs FLOW and ALERT records to log groups encrypted with the flow-log key", () => {
    const [logging] = resources(json, "aws_networkfirewall_logging_configuration");
    const configs = (logging!.logging_configuration as { log_destination_config: { log_type: string }[] }).log_destination_config;
    expect(configs.map((c) => c.log_type)).toEqual(["FLOW", "ALERT"]);
    const groups = resources(json, "aws_cloudwatch_log_group").filter((g) => String(g.name).startsWith("/aws/network-firewall/"));
    expect(groups.map((g) => [g.name, g.kms_key_id, g.retention_in_days]).sort()).toEqual([
      ["/aws/network-firewall/acme-prod/alert", "arn:aws:kms:eu-west-1:444444444444:key/k", 365],
      ["/aws/network-firewall/acme-prod/flow", "arn:aws:kms:eu-west-1:444444444444:key/k", 365],
    ]);
  });

  it("passes the load balancer's port from the internet first, then the config's rules, then the egress allow-list for the VPC", () => {
    const groups = Object.fromEntries(
      resources(json, "aws_networkfirewall_rule_group").map((g) => [g.name, g.rule_group as Record<string, unknown>]),
    );
    const suricata = (groups["acme-prod-suricata"]!.rules_source as { rules_string: string }).rules_string.split("\n");
    expect(suricata).toEqual([...ingressPassRules(props().subnetCidrs.public, [443]), ...firewall.suricataRules]);
    expect(suricata[0]).toBe(
      'pass tcp any any -> [10.30.54.0/24,10.30.55.0/24,10.30.56.0/24] 443 (flow:to_server; msg:"ingress: internet -> public subnets"; sid:999000; rev:1;)',
    );
    expect(groups["acme-prod-egress-domains"]).toMatchObject({
      rule_variables: { ip_sets: [{ key: "HOME_NET", ip_set: { definition: ["10.30.0.0/16"] } }] },
    });
    const [policy] = resources(json, "aws_networkfirewall_firewall_policy");
    expect(policy!.firewall_policy).toMatchObject({
      stateless_default_actions: ["aws:forward_to_sfe"],
      stateful_engine_options: { rule_order: "STRICT_ORDER" },
    });
  });

  it("writes the VPC's own CIDR as HOME_NET in the policy: the firewall inspects only this VPC's traffic", () => {
    const [policy] = resources(json, "aws_networkfirewall_firewall_policy");
    expect(policy!.firewall_policy).toMatchObject({
      policy_variables: { rule_variables: [{ key: "HOME_NET", ip_set: { definition: ["10.30.0.0/16"] } }] },
    });
  });

  it("routes each public subnet's 0.0.0.0/0 to its own AZ's firewall endpoint, and the firewall subnets to the internet gateway", () => {
    const publicDefault = byName("aws_route").filter(([n]) => /public-default-route-\d/.test(n));
    expect(publicDefault).toHaveLength(3);
    publicDefault.forEach(([, r], i) => {
      expect(r.gateway_id).toBeUndefined();
      // Looked up by the AZ name its firewall subnet landed in (the firewall reports endpoints by AZ name).
      expect(r.vpc_endpoint_id).toMatch(
        new RegExp(`^\\$\\{local\\.vpc_firewall-endpoint-ids_\\w+\\[aws_subnet\\.vpc_firewall-subnet-${i}_\\w+\\.availability_zone\\]\\}$`),
      );
    });
    const endpoints = Object.values((json.locals ?? {}) as Record<string, string>);
    expect(endpoints).toEqual([
      expect.stringMatching(
        /^\$\{\{ for s in aws_networkfirewall_firewall\.vpc_firewall_\w+\.firewall_status\[0\]\.sync_states : s\.availability_zone => s\.attachment\[0\]\.endpoint_id \}\}$/,
      ),
    ]);
    const fwDefault = byName("aws_route").filter(([n]) => /firewall-default-route-\d/.test(n));
    expect(fwDefault.map(([, r]) => [r.destination_cidr_block, r.gateway_id])).toEqual(
      [0, 1, 2].map(() => ["0.0.0.0/0", expect.stringMatching(/aws_internet_gateway\.vpc_internet-gateway_.*\.id/)]),
    );
  });

  it("associates an edge route table with the internet gateway, sending each public subnet CIDR to the same AZ's endpoint", () => {
    const edge = byName("aws_route_table_association").filter(([n]) => n.includes("edge-route-table-association"));
    expect(edge).toHaveLength(1);
    expect(edge[0]![1].gateway_id).toMatch(/aws_internet_gateway\.vpc_internet-gateway_.*\.id/);
    expect(edge[0]![1].subnet_id).toBeUndefined();
    const edgeRoutes = byName("aws_route").filter(([n]) => n.includes("edge-route-"));
    expect(edgeRoutes.map(([, r]) => r.destination_cidr_block)).toEqual(props().subnetCidrs.public);
    edgeRoutes.forEach(([, r], i) => {
      expect(r.route_table_id).toMatch(/edge-route-table_.*\.id/);
      expect(r.vpc_endpoint_id).toContain(`firewall-subnet-${i}_`);
      expect(r.depends_on).toEqual([expect.stringMatching(new RegExp(`aws_subnet\\.vpc_public-subnet-${i}_`))]);
    });
  });

  it("keeps the NAT gateways in the public subnets", () => {
    expect(resources(json, "aws_nat_gateway").map((n) => n.subnet_id)).toEqual(
      [0, 1, 2].map((i) => expect.stringMatching(new RegExp(`public-subnet-${i}_`))),
    );
    expect(routes.filter((r) => r.nat_gateway_id)).toHaveLength(3);
  });

  it("builds no firewall, edge table or firewall subnet without the option", () => {
    const plain = build();
    expect(resources(plain, "aws_networkfirewall_firewall")).toHaveLength(0);
    expect(resources(plain, "aws_route_table_association").filter((a) => a.gateway_id)).toHaveLength(0);
    expect(resources(plain, "aws_route").filter((r) => r.vpc_endpoint_id)).toHaveLength(0);
  });

  it("throws when the firewall tier has a CIDR count other than the AZ count", () => {
    expect(() => build({ firewall: { ...firewall, subnetCidrs: ["10.30.57.48/28"] }, routes: firewallRoutes })).toThrow(
      "WorkloadVpc acme-prod: tier firewall has 1 CIDRs for 3 AZs",
    );
  });
});
