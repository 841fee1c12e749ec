import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { referenceSynthesis } from "../support/shared-synthesis.js";
import { dataSources, resources, resourcesByName, type StackJson } from "../support/synth.js";

// synthesizeChecked on the shipped config, shared with the other test files of this worker (read-only).
const shipped = referenceSynthesis();
const outdir = shipped.outdir;
const model = shipped.model;
const names = shipped.outcome.stacks;
// The bootstrap stack has its own tests (bootstrap-stack.test.ts); these cover the pipeline's stacks.
const order = names.filter((n) => n !== "bootstrap");
const manifest = JSON.parse(readFileSync(join(outdir, "manifest.json"), "utf8")) as { stacks: Record<string, { dependencies: string[] }> };
const stack = (name: string) => shipped.json(name);
const stacks = Object.fromEntries(order.map((n) => [n, stack(n)]));

type Backend = { s3: Record<string, unknown> };
const backendOf = (json: StackJson) => (json.terraform as { backend: Backend }).backend.s3;
const providersOf = (json: StackJson) =>
  json.provider!.aws as {
    alias?: string;
    assume_role: { role_arn: string }[];
    allowed_account_ids: string[];
    default_tags: { tags: Record<string, string> }[];
  }[];

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

  it("pins the Terraform versions in every stack, the bootstrap stack included", () => {
    for (const name of names) {
      expect((stack(name).terraform as { required_version?: string }).required_version, name).toBe(">= 1.11, < 2.0");
    }
  });

  it("assumes a role in the stack's own account, the deploy role unless a plan overrides it, and pins the account id", () => {
    const ids: Record<string, string> = {
      "network-hub": "111111111111",
      "workload-dev": "222222222222",
      "workload-test": "333333333333",
      "workload-prod": "444444444444",
    };
    for (const name of order) {
      const main = providersOf(stacks[name]!).find((p) => !p.alias)!;
      expect(main.assume_role[0]!.role_arn).toBe(`arn:aws:iam::${ids[name]}:role/\${var.assume_role_name}`);
      expect(main.allowed_account_ids).toEqual([ids[name]]);
      expect((stacks[name]!.variable as Record<string, { default: string }>).assume_role_name!.default).toBe("LandingZoneDeploy");
    }
  });

  it("gives workload stacks a second provider for the hub account, assuming the environment's hub attachment role", () => {
    const hub = providersOf(stacks["workload-prod"]!).find((p) => p.alias === "hub")!;
    expect(hub.assume_role[0]!.role_arn).toBe("arn:aws:iam::111111111111:role/${var.hub_assume_role_name}");
    expect(hub.allowed_account_ids).toEqual(["111111111111"]);
    for (const env of model.environments)
      expect((stacks[env.stackName]!.variable as Record<string, { default: string }>).hub_assume_role_name!.default).toBe(
        env.hubAttachmentRoleName,
      );
  });

  it("makes every provider of every stack assume a role named by a variable the pull-request workflow sets to the plan role", () => {
    const workflow = readFileSync(".github/workflows/pull-request.yml", "utf8");
    for (const name of order)
      for (const p of providersOf(stacks[name]!)) {
        const variable = /\$\{var\.(\w+)\}$/.exec(p.assume_role[0]!.role_arn)?.[1];
        expect(variable, `${name} provider ${p.alias ?? "aws"}`).toBeDefined();
        expect(workflow).toContain(`TF_VAR_${variable}: \${{ matrix.planRoleName }}`);
      }
  });

  it("gives every IAM role of every stack the account's landing-zone permissions boundary", () => {
    for (const target of [model.networkHub, ...model.environments])
      for (const role of resources(stacks[target.stackName]!, "aws_iam_role"))
        expect(role.permissions_boundary).toBe(target.permissionsBoundaryArn);
  });

  it("tags every resource with the landing zone, environment and tool through default_tags", () => {
    const tags = providersOf(stacks["workload-dev"]!)[0]!.default_tags[0]!.tags;
    expect(tags).toEqual({
      CostCenter: "platform",
      Owner: "platform-team@acme.example",
      LandingZone: "acme",
      Environment: "dev",
      ManagedBy: "landing-zone/cdktf",
    });
  });

  it.each([
    ["workload-prod", 3, 0],
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

  it("builds no NAT gateway, Elastic IP or NAT alarm where central inspection carries the egress, and sends 0.0.0.0/0 to the TGW", () => {
    for (const env of model.environments.filter((e) => e.inspection === "central")) {
      const json = stacks[env.stackName]!;
      expect(resources(json, "aws_nat_gateway")).toEqual([]);
      expect(resources(json, "aws_eip")).toEqual([]);
      expect(resources(json, "aws_cloudwatch_metric_alarm").filter((a) => String(a.alarm_name).includes("-nat-"))).toEqual([]);
      const defaults = resources(json, "aws_route").filter((r) => r.destination_cidr_block === "0.0.0.0/0" && !r.gateway_id);
      expect(defaults.length).toBeGreaterThan(0);
      for (const r of defaults) expect(r.transit_gateway_id ?? r.vpc_endpoint_id).toBeDefined();
      expect(defaults.some((r) => r.nat_gateway_id !== undefined)).toBe(false);
    }
  });

  it("places every subnet of every stack by AZ ID, AZ index i on the i-th AZ ID in every account", () => {
    const ids = ["euw1-az1", "euw1-az2", "euw1-az3"];
    for (const [name, json] of Object.entries(stacks)) {
      expect(dataSources(json, "aws_availability_zones"), name).toEqual([]);
      for (const [address, s] of Object.entries(resourcesByName(json, "aws_subnet"))) {
        expect(s.availability_zone, address).toBeUndefined();
        expect(s.availability_zone_id, address).toBe(ids[Number(/-subnet-(\d)_/.exec(address)![1])]);
      }
    }
  });

  it("builds the transit gateway with a route table per segment in the hub", () => {
    const hub = stacks["network-hub"]!;
    expect(resources(hub, "aws_ec2_transit_gateway")[0]).toMatchObject({
      amazon_side_asn: 64512,
      auto_accept_shared_attachments: "disable",
    });
    expect(
      resources(hub, "aws_ec2_transit_gateway_route_table")
        .map((t) => (t.tags as Record<string, string>).Segment)
        .sort(),
    ).toEqual(["inspection", "nonprod", "onprem", "prod"]);
    expect(
      resources(hub, "aws_ram_principal_association")
        .map((p) => p.principal)
        .sort(),
    ).toEqual(["222222222222", "333333333333", "444444444444"]);
  });

  describe("segment isolation", () => {
    /** Route table Name tags an attachment of `stackName` is associated with / propagates to. */
    const segmentWiring = (stackName: string) => {
      const json = stacks[stackName]!;
      const tableName = Object.fromEntries(
        Object.entries(json.data!.aws_ec2_transit_gateway_route_table!).map(([address, body]) => [
          address,
          (body.filter as { values: string[] }[])[0]!.values[0]!,
        ]),
      );
      const nameOf = (ref: unknown) => tableName[String(ref).match(/data\.aws_ec2_transit_gateway_route_table\.([^.]+)\.id/)![1]!]!;
      return {
        associated: resources(json, "aws_ec2_transit_gateway_route_table_association").map((a) => nameOf(a.transit_gateway_route_table_id)),
        propagated: resources(json, "aws_ec2_transit_gateway_route_table_propagation")
          .map((p) => nameOf(p.transit_gateway_route_table_id))
          .sort(),
        providers: [
          ...resources(json, "aws_ec2_transit_gateway_route_table_association"),
          ...resources(json, "aws_ec2_transit_gateway_route_table_propagation"),
        ].map((r) => r.provider),
      };
    };

    it("associates prod with the prod table and propagates it only to prod and the inspection table (central inspection)", () => {
      expect(segmentWiring("workload-prod")).toEqual({
        associated: ["acme-tgw-prod"],
        propagated: ["acme-tgw-inspection", "acme-tgw-prod"],
        providers: ["aws.hub", "aws.hub", "aws.hub"],
      });
    });

    it.each(["workload-dev", "workload-test"])("keeps %s in nonprod, never touching the prod table", (name) => {
      const wiring = segmentWiring(name);
      expect(wiring.associated).toEqual(["acme-tgw-nonprod"]);
      expect(wiring.propagated).toEqual(["acme-tgw-nonprod", "acme-tgw-onprem"]);
    });
  });

  it("routes prod's app tier to on-prem and everything else through the transit gateway (central inspection), and its data tier only to the DBA range", () => {
    const json = stacks["workload-prod"]!;
    const tgwRoutes = resources(json, "aws_route").filter((r) => r.transit_gateway_id);
    const byTier = (tier: string) =>
      tgwRoutes.filter((r) => String(r.route_table_id).includes(`vpc_${tier}-route-table-`)).map((r) => r.destination_cidr_block);
    expect(new Set(byTier("private-app"))).toEqual(new Set(["172.16.0.0/16", "192.168.100.0/22", "0.0.0.0/0"]));
    expect(byTier("private-app")).toHaveLength(3 * 3);
    expect(byTier("private-data")).toEqual(["172.16.50.0/24", "172.16.50.0/24", "172.16.50.0/24"]);
    expect(resources(json, "aws_route").filter((r) => r.nat_gateway_id)).toEqual([]);
  });

  it("routes dev's app tier to on-prem and to its NAT gateway, and never its data tier", () => {
    const json = stacks["workload-dev"]!;
    const tgwRoutes = resources(json, "aws_route").filter((r) => r.transit_gateway_id);
    expect(tgwRoutes.every((r) => String(r.route_table_id).includes("vpc_private-app-route-table-"))).toBe(true);
    expect(new Set(tgwRoutes.map((r) => r.destination_cidr_block))).toEqual(new Set(["172.16.0.0/16", "192.168.100.0/22"]));
    expect(resources(json, "aws_route").filter((r) => r.nat_gateway_id)).toHaveLength(2);
  });

  describe("hybrid connectivity in the hub", () => {
    const hub = () => stacks["network-hub"]!;
    it("attaches the VPN to the TGW with BGP, IKEv2 only and hardened tunnel options, and logs the tunnels", () => {
      const [vpn] = resources(hub(), "aws_vpn_connection");
      expect(vpn).toMatchObject({
        static_routes_only: false,
        tunnel1_ike_versions: ["ikev2"],
        tunnel2_ike_versions: ["ikev2"],
        tunnel1_inside_cidr: "169.254.10.0/30",
        tunnel2_inside_cidr: "169.254.10.4/30",
        tunnel1_phase1_encryption_algorithms: ["AES256-GCM-16"],
        tunnel1_phase1_dh_group_numbers: [20],
        tunnel1_phase2_lifetime_seconds: 3600,
        tunnel1_dpd_timeout_action: "restart",
        tunnel1_dpd_timeout_seconds: 30,
        lifecycle: { prevent_destroy: true },
      });
      expect(vpn!.tunnel1_preshared_key).toBeUndefined();
      expect((vpn!.tunnel1_log_options as { cloudwatch_log_options: { log_enabled: boolean } }).cloudwatch_log_options.log_enabled).toBe(
        true,
      );
      const group = resources(hub(), "aws_cloudwatch_log_group").find((g) => g.name === "/aws/vpn/acme-vpn")!;
      expect(String(group.kms_key_id)).toMatch(/aws_kms_key\.keys_logs_key/);
    });

    it("associates the DX gateway with the TGW, advertising the summarized reachable VPCs", () => {
      expect(resources(hub(), "aws_dx_gateway")[0]).toMatchObject({ amazon_side_asn: "64513", lifecycle: { prevent_destroy: true } });
      expect(resources(hub(), "aws_dx_gateway_association")[0]!.allowed_prefixes).toEqual(["10.10.0.0/16", "10.20.0.0/16", "10.30.0.0/16"]);
      expect(resources(hub(), "aws_dx_transit_virtual_interface")[0]).toMatchObject({ vlan: 310, mtu: 8500, bgp_asn: 65010 });
      expect(resources(hub(), "aws_dx_transit_virtual_interface")[0]!.bgp_auth_key).toMatch(
        /data\.aws_secretsmanager_secret_version\..+\.secret_string/,
      );
    });

    it("puts the DX and VPN attachments in the onprem table and propagates them to nonprod and the inspection table, not prod", () => {
      const tableOf = (ref: unknown) => String(ref).match(/route-table-([a-z]+)_/)![1];
      const assoc = resources(hub(), "aws_ec2_transit_gateway_route_table_association").map((a) => [
        String(a.transit_gateway_attachment_id).includes("vpn")
          ? "vpn"
          : String(a.transit_gateway_attachment_id).includes("dx_gateway")
            ? "dx"
            : "inspection",
        tableOf(a.transit_gateway_route_table_id),
      ]);
      expect(assoc.sort()).toEqual([
        ["dx", "onprem"],
        ["inspection", "inspection"],
        ["vpn", "onprem"],
      ]);
      const props = resources(hub(), "aws_ec2_transit_gateway_route_table_propagation")
        .map((p) => tableOf(p.transit_gateway_route_table_id))
        .sort();
      expect(props).toEqual(["inspection", "inspection", "nonprod", "nonprod"]);
      const routes = resources(hub(), "aws_ec2_transit_gateway_route").map((r) => [
        tableOf(r.transit_gateway_route_table_id),
        r.destination_cidr_block,
        r.blackhole ? "blackhole" : "attachment",
      ]);
      // The onprem table also drops on-prem traffic to every public and transit subnet (on-prem reaches only the
      // tiers onPremisesAccess admits): dev and test on two AZs, prod on three.
      const closed = (vpc: number, azs: number) =>
        Array.from({ length: azs }, (_, i) => [
          ["onprem", `10.${vpc}.${54 + i}.0/24`, "blackhole"],
          ["onprem", `10.${vpc}.57.${16 * i}/28`, "blackhole"],
        ]).flat();
      expect(routes.sort()).toEqual(
        [
          ["onprem", "10.30.0.0/16", "attachment"],
          ["prod", "0.0.0.0/0", "attachment"],
          ...closed(10, 2),
          ...closed(20, 2),
          ...closed(30, 3),
        ].sort(),
      );
    });

    it("enables appliance mode on the inspection attachment and protects the firewall", () => {
      expect(resources(hub(), "aws_ec2_transit_gateway_vpc_attachment")[0]).toMatchObject({ appliance_mode_support: "enable" });
      expect(resources(hub(), "aws_networkfirewall_firewall")[0]).toMatchObject({
        delete_protection: true,
        subnet_change_protection: true,
        firewall_policy_change_protection: true,
      });
      const policy = resources(hub(), "aws_networkfirewall_firewall_policy")[0]!.firewall_policy as Record<string, unknown>;
      expect(policy).toMatchObject({
        stateless_default_actions: ["aws:forward_to_sfe"],
        stateful_engine_options: { rule_order: "STRICT_ORDER" },
      });
      const logging = resources(hub(), "aws_networkfirewall_logging_configuration")[0]!.logging_configuration as {
        log_destination_config: { log_type: string }[];
      };
      expect(logging.log_destination_config.map((d) => d.log_type)).toEqual(["FLOW", "ALERT"]);
    });

    it("alarms on DX connection state, VIF BGP status and each VPN tunnel's state to the hub alert topic", () => {
      const alarms = resources(hub(), "aws_cloudwatch_metric_alarm");
      expect(alarms.map((a) => a.metric_name).sort()).toEqual([
        "ConnectionState",
        "TunnelState",
        "TunnelState",
        "VirtualInterfaceBgpStatus",
      ]);
      expect(alarms.every((a) => String((a.alarm_actions as string[])[0]).includes("aws_sns_topic.alerts_topic"))).toBe(true);
    });
  });

  it("matches the recorded synthesis (a regression net, not the only check)", () => {
    for (const name of order) expect(stacks[name]).toMatchSnapshot(name);
  });
});
