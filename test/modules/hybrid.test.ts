import { describe, expect, it } from "vitest";
import {
  DirectConnectGateway,
  type DirectConnectVirtualInterface,
  SiteToSiteVpn,
  type SiteToSiteVpnProps,
} from "../../src/modules/hybrid/index.js";
import { dataSources, resources, synthJson } from "../support/synth.js";

const TOPIC = "arn:aws:sns:eu-west-1:111111111111:acme-network-hub-alerts";
const KEY = "arn:aws:kms:eu-west-1:111111111111:key/k";

const vpnProps = (over: Partial<SiteToSiteVpnProps> = {}): SiteToSiteVpnProps => ({
  name: "acme-vpn",
  transitGatewayId: "tgw-0123456789abcdef0",
  customerGateway: { name: "acme-onprem", ipAddress: "203.0.113.10", bgpAsn: 65010 },
  staticRoutesOnly: false,
  tunnels: [{ insideCidr: "169.254.10.0/30" }, { insideCidr: "169.254.10.4/30", preSharedKeySecretId: "acme/vpn/tunnel-2" }],
  ikeVersions: ["ikev2"],
  phase1: { encryptionAlgorithms: ["AES256-GCM-16"], integrityAlgorithms: ["SHA2-256"], dhGroupNumbers: [20], lifetimeSeconds: 28800 },
  phase2: { encryptionAlgorithms: ["AES256-GCM-16"], integrityAlgorithms: ["SHA2-256"], dhGroupNumbers: [20], lifetimeSeconds: 3600 },
  dpdTimeoutSeconds: 30,
  dpdTimeoutAction: "restart",
  logGroupName: "/aws/vpn/acme-vpn",
  logRetentionDays: 365,
  logKmsKeyArn: KEY,
  alarmTopicArn: TOPIC,
  ...over,
});

describe("SiteToSiteVpn", () => {
  const json = synthJson((s) => new SiteToSiteVpn(s, "vpn", vpnProps({ preventDestroy: true })));
  const vpn = resources(json, "aws_vpn_connection")[0]!;

  it("attaches to the transit gateway with BGP, never static routes", () => {
    expect(vpn).toMatchObject({ transit_gateway_id: "tgw-0123456789abcdef0", type: "ipsec.1", static_routes_only: false });
    expect(resources(json, "aws_customer_gateway")[0]).toMatchObject({ ip_address: "203.0.113.10", bgp_asn: "65010", type: "ipsec.1" });
  });

  it("sets the same IKEv2-only, AES-256, SHA-256, DH 20 options on both tunnels, with DPD restart", () => {
    for (const n of [1, 2]) {
      expect(vpn[`tunnel${n}_ike_versions`]).toEqual(["ikev2"]);
      expect(vpn[`tunnel${n}_phase1_encryption_algorithms`]).toEqual(["AES256-GCM-16"]);
      expect(vpn[`tunnel${n}_phase2_integrity_algorithms`]).toEqual(["SHA2-256"]);
      expect(vpn[`tunnel${n}_phase1_dh_group_numbers`]).toEqual([20]);
      expect(vpn[`tunnel${n}_phase1_lifetime_seconds`]).toBe(28800);
      expect(vpn[`tunnel${n}_phase2_lifetime_seconds`]).toBe(3600);
      expect(vpn[`tunnel${n}_dpd_timeout_action`]).toBe("restart");
    }
    expect([vpn.tunnel1_inside_cidr, vpn.tunnel2_inside_cidr]).toEqual(["169.254.10.0/30", "169.254.10.4/30"]);
  });

  it("lets AWS generate a pre-shared key unless one is referenced in Secrets Manager, and never holds a literal key", () => {
    expect(vpn.tunnel1_preshared_key).toBeUndefined();
    expect(vpn.tunnel2_preshared_key).toMatch(/^\$\{data\.aws_secretsmanager_secret_version\.[^}]+\.secret_string\}$/);
    expect(dataSources(json, "aws_secretsmanager_secret_version").map((d) => d.secret_id)).toEqual(["acme/vpn/tunnel-2"]);
  });

  it("logs both tunnels to a KMS-encrypted log group, alarms on each tunnel's state, and guards the connection", () => {
    expect(resources(json, "aws_cloudwatch_log_group")[0]).toMatchObject({
      name: "/aws/vpn/acme-vpn",
      kms_key_id: KEY,
      retention_in_days: 365,
    });
    const alarms = resources(json, "aws_cloudwatch_metric_alarm");
    expect(alarms.filter((a) => a.metric_name === "TunnelState")).toHaveLength(2);
    expect(alarms.every((a) => (a.alarm_actions as string[]).includes(TOPIC))).toBe(true);
    expect(vpn.lifecycle).toMatchObject({ prevent_destroy: true });
  });
});

describe("DirectConnectGateway", () => {
  const json = synthJson(
    (s) =>
      new DirectConnectGateway(s, "dx", {
        name: "acme-dxgw",
        amazonSideAsn: 64513,
        transitGatewayId: "tgw-0123456789abcdef0",
        allowedPrefixes: ["10.10.0.0/16", "10.30.0.0/16"],
        transitVirtualInterfaces: [
          {
            name: "acme-transit-vif",
            connectionId: "dxcon-ffabc123",
            vlan: 310,
            customerAsn: 65010,
            mtu: 8500,
            bgpAuthKeySecretId: "acme/network/dx-bgp-auth-key",
          },
        ],
        alarmTopicArn: TOPIC,
        preventDestroy: true,
      }),
  );

  it("associates the gateway with the transit gateway, advertising exactly the allowed prefixes", () => {
    expect(resources(json, "aws_dx_gateway")[0]).toMatchObject({
      name: "acme-dxgw",
      amazon_side_asn: "64513",
      lifecycle: { prevent_destroy: true },
    });
    expect(resources(json, "aws_dx_gateway_association")[0]).toMatchObject({
      associated_gateway_id: "tgw-0123456789abcdef0",
      allowed_prefixes: ["10.10.0.0/16", "10.30.0.0/16"],
    });
  });

  it("creates the transit VIF with jumbo frames and a BGP key read from Secrets Manager, and alarms on the connection", () => {
    const vif = resources(json, "aws_dx_transit_virtual_interface")[0]!;
    expect(vif).toMatchObject({ connection_id: "dxcon-ffabc123", vlan: 310, bgp_asn: 65010, mtu: 8500, address_family: "ipv4" });
    expect(vif.bgp_auth_key).toMatch(/^\$\{data\.aws_secretsmanager_secret_version\.[^}]+\.secret_string\}$/);
    expect(resources(json, "aws_cloudwatch_metric_alarm").map((a) => a.metric_name)).toContain("ConnectionState");
  });
});

describe("DirectConnectGateway with several transit VIFs", () => {
  const vif = (name: string, connectionId: string, vlan: number, link?: string): DirectConnectVirtualInterface => ({
    name,
    ...(link ? { link } : {}),
    connectionId,
    vlan,
    customerAsn: 65010,
    mtu: 8500 as const,
    bgpAuthKeySecretId: `acme/network/${name}`,
  });
  const build = (vifs: DirectConnectVirtualInterface[]) =>
    synthJson(
      (s) =>
        new DirectConnectGateway(s, "dx", {
          name: "acme-dxgw",
          amazonSideAsn: 64513,
          transitGatewayId: "tgw-0123456789abcdef0",
          allowedPrefixes: ["10.10.0.0/16"],
          transitVirtualInterfaces: vifs,
          alarmTopicArn: TOPIC,
        }),
    );

  it("puts every VIF on the one gateway, the first under the single form's ids, and alarms per VIF and per connection", () => {
    const json = build([
      vif("acme-transit-vif", "dxcon-ffabc123", 310),
      vif("acme-transit-vif-secondary", "dxcon-ffdef456", 311, "secondary"),
      vif("acme-transit-vif-third", "dxcon-ffdef456", 312, "third"),
    ]);
    const vifs = (json.resource as Record<string, Record<string, Record<string, unknown>>>).aws_dx_transit_virtual_interface!;
    expect(
      Object.keys(vifs)
        .map((k) => k.replace(/_[0-9A-F]{8}$/, ""))
        .sort(),
    ).toEqual(["dx_transit-virtual-interface", "dx_transit-virtual-interface-secondary", "dx_transit-virtual-interface-third"]);
    expect(new Set(Object.values(vifs).map((v) => v.dx_gateway_id))).toEqual(
      new Set([expect.stringMatching(/^\$\{aws_dx_gateway\.dx_gateway_\w+\.id\}$/)]),
    );
    const alarms = resources(json, "aws_cloudwatch_metric_alarm");
    expect(
      alarms
        .filter((a) => a.metric_name === "VirtualInterfaceBgpStatus")
        .map((a) => a.alarm_name)
        .sort(),
    ).toEqual(["acme-dxgw-bgp-status", "acme-dxgw-bgp-status-secondary", "acme-dxgw-bgp-status-third"]);
    expect(
      alarms
        .filter((a) => a.metric_name === "ConnectionState")
        .map((a) => (a.dimensions as Record<string, string>).ConnectionId)
        .sort(),
    ).toEqual(["dxcon-ffabc123", "dxcon-ffdef456"]);
  });

  it("throws when a VIF after the first has no link name, or only one BGP peer address", () => {
    expect(() => build([vif("a", "dxcon-ffabc123", 310), vif("b", "dxcon-ffdef456", 311)])).toThrow(
      "DirectConnectGateway acme-dxgw: transit VIF b after the first needs a link name",
    );
    expect(() => build([{ ...vif("a", "dxcon-ffabc123", 310), amazonAddress: "169.254.1.1/30" }])).toThrow(
      "needs both amazonAddress and customerAddress, or neither",
    );
  });
});
