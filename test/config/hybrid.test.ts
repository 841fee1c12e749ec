import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/index.js";
import { cleanupConfigDirs, problemsOf, REFERENCE_DIR, replace, referenceWith } from "../support/config-dir.js";

afterAll(cleanupConfigDirs);

describe("hybrid connectivity config", () => {
  it("defaults the allowed prefixes to the summarized VPCs on-prem may reach, and the VPN's ASN to the on-prem router's", () => {
    const hybrid = loadConfig(REFERENCE_DIR).networkHub.hybrid!;
    expect(hybrid.directConnect!.allowedPrefixes).toEqual(["10.10.0.0/16", "10.20.0.0/16", "10.30.0.0/16"]);
    expect(hybrid.vpns![0]!.customerGateway.bgpAsn).toBe(65010);
    expect(hybrid.vpns![0]!.tunnels.map((t) => t.preSharedKeySecretId)).toEqual([undefined, undefined]);
  });

  it("rejects a static-only VPN next to Direct Connect, a reserved or overlapping inside CIDR, and a DX gateway on the TGW's ASN", () => {
    const dir = referenceWith({
      "shared.yaml": (t) =>
        [
          replace("amazonSideAsn: 64513", "amazonSideAsn: 64512"),
          replace("      customerGateway:", "      staticRoutesOnly: true\n      customerGateway:"),
          replace("169.254.10.0/30", "169.254.5.0/30"),
          replace("169.254.10.4/30", "169.254.5.0/30"),
        ].reduce((text, edit) => edit(text), t),
    });
    expect(problemsOf(dir)).toEqual([
      "<dir>/shared.yaml:44:24 networkHub.hybrid.directConnect.gateway.amazonSideAsn: ASN 64512 is also the transit gateway's; a Direct Connect gateway needs its own Amazon-side ASN. Choose another private ASN, for example 64513.",
      "<dir>/shared.yaml:53:25 networkHub.hybrid.vpn.staticRoutesOnly: a static-only VPN needs static TGW routes, and static routes beat the Direct Connect routes of the same prefix, so the backup would carry all traffic. Write staticRoutesOnly: false (BGP).",
      "<dir>/shared.yaml:57:23 networkHub.hybrid.vpn.tunnels[0].insideCidr: 169.254.5.0/30 is reserved by AWS (169.254.0.0/30, 169.254.1.0/30, 169.254.2.0/30, 169.254.3.0/30, 169.254.4.0/30, 169.254.5.0/30, 169.254.169.252/30). Choose another /30, such as 169.254.10.0/30.",
      "<dir>/shared.yaml:58:23 networkHub.hybrid.vpn.tunnels[1].insideCidr: 169.254.5.0/30 is reserved by AWS (169.254.0.0/30, 169.254.1.0/30, 169.254.2.0/30, 169.254.3.0/30, 169.254.4.0/30, 169.254.5.0/30, 169.254.169.252/30). Choose another /30, such as 169.254.10.4/30.",
    ]);
  });

  it("rejects allowed prefixes that leave out a VPC on-prem may reach, and a static route to the VPN while DX exists", () => {
    const dir = referenceWith({
      "shared.yaml": (t) =>
        [
          replace("      # allowedPrefixes:", "      allowedPrefixes: [10.10.0.0/16, 10.30.0.0/16]\n      # allowedPrefixes:"),
          replace(
            "routing:\n  intents:",
            "routing:\n  staticRoutes:\n    - { routeTable: nonprod, destinationCidr: 172.16.0.0/16, target: vpn }\n  intents:",
          ),
        ].reduce((text, edit) => edit(text), t),
    });
    expect(problemsOf(dir)).toEqual([
      "<dir>/shared.yaml:51:24 networkHub.hybrid.directConnect.allowedPrefixes: no allowed prefix covers the test VPC 10.20.0.0/16, which on-prem may reach; on-prem would not learn it over Direct Connect. Add 10.20.0.0/16, or remove allowedPrefixes to use the default.",
      "<dir>/shared.yaml:83:70 routing.staticRoutes[0].target: a static route to the VPN beats the Direct Connect routes of 172.16.0.0/16 (static routes win over propagated ones), so the backup would carry the traffic. Remove it: the BGP VPN propagates its routes and takes over when Direct Connect is down.",
    ]);
  });

  it("rejects IKEv1, a weak DH group and a short DPD timeout in the schema", () => {
    const dir = referenceWith({
      "shared.yaml": (t) =>
        [
          replace("dpdTimeoutSeconds: 30", "dpdTimeoutSeconds: 10\n      ikeVersions: [ikev1]"),
          replace("dhGroupNumbers: [20]\n        lifetimeSeconds: 28800", "dhGroupNumbers: [2]\n        lifetimeSeconds: 28800"),
        ].reduce((x, e) => e(x), t),
    });
    const problems = problemsOf(dir).join("\n");
    expect(problems).toContain("networkHub.hybrid.vpn.phase1.dhGroupNumbers[0]: Write a Diffie-Hellman group from 14 to 24");
    expect(problems).toContain("networkHub.hybrid.vpn.dpdTimeoutSeconds: AWS's minimum dead peer detection timeout is 30 seconds");
    expect(problems).toContain('networkHub.hybrid.vpn.ikeVersions[0]: "ikev1" is not allowed. Did you mean ikev2?');
  });

  it("rejects central inspection in both segments, which would join them through one firewall", () => {
    const dev = (t: string) => `${replace("natGateways: single", "natGateways: none")(t)}inspection: central\n`;
    expect(problemsOf(referenceWith({ "dev.yaml": dev }))).toEqual([
      `<dir>/dev.yaml:${readFileSync(`${REFERENCE_DIR}/dev.yaml`, "utf8").replace(/\n$/, "").split("\n").length + 1}:13 inspection: prod and nonprod environments both use central inspection; one inspection VPC would connect the two segments. Keep central inspection for one segment and write inspection: none here.`,
    ]);
  });
  it("accepts per-vpc inspection and plans a firewall tier for that environment only", () => {
    const model = loadConfig(referenceWith({ "test.yaml": (t) => `${t}inspection: per-vpc\n` }));
    const subnets = Object.fromEntries(model.environments.map((e) => [e.name, e.vpc.subnets.firewall]));
    expect(subnets).toEqual({ dev: undefined, prod: undefined, test: ["10.20.57.48/28", "10.20.57.64/28"] });
  });

  it("rejects per-vpc inspection without networkHub.hybrid.inspection, whose policy it applies", () => {
    const lines = readFileSync(`${REFERENCE_DIR}/test.yaml`, "utf8").replace(/\n$/, "").split("\n").length;
    const dir = referenceWith({
      "shared.yaml": replace(/ {4}inspection:\n(?: {6}.*\n| {8}.*\n)+/, ""),
      "prod.yaml": (t) => replace(/natGateways: none.*/, "natGateways: one-per-az")(replace("inspection: central", "inspection: none")(t)),
      "test.yaml": (t) => `${t}inspection: per-vpc\n`,
    });
    expect(problemsOf(dir)).toEqual([
      `<dir>/test.yaml:${lines + 1}:13 inspection: per-vpc inspection applies the organization's firewall policy (allowedDomains, suricataRules, logRetentionDays of networkHub.hybrid.inspection), which is not set in <dir>/shared.yaml. Add it, or write inspection: none.`,
    ]);
  });

  it("rejects NAT gateways in a centrally inspected VPC, whose egress leaves through the hub", () => {
    const dir = referenceWith({ "prod.yaml": replace(/natGateways: none.*/, "natGateways: one-per-az") });
    expect(problemsOf(dir)).toEqual([
      "<dir>/prod.yaml:11:16 vpc.natGateways: one-per-az NAT gateways would carry no traffic: central inspection carries egress through the hub. Write natGateways: none (or remove it).",
    ]);
  });

  it("rejects natGateways: none where no central inspection carries the egress", () => {
    const dir = referenceWith({ "dev.yaml": replace("natGateways: single", "natGateways: none") });
    expect(problemsOf(dir)).toEqual([
      "<dir>/dev.yaml:11:16 vpc.natGateways: without NAT gateways the private app tier has no way to the internet; only inspection: central carries egress elsewhere (through the hub). Write natGateways: one-per-az or single, or inspection: central.",
    ]);
  });

  it("defaults natGateways to none under central inspection and to one-per-az elsewhere", () => {
    const model = loadConfig(
      referenceWith({ "prod.yaml": replace(/ {2}natGateways: none.*\n/, ""), "test.yaml": replace("  natGateways: single\n", "") }),
    );
    const nat = Object.fromEntries(model.environments.map((e) => [e.name, e.vpc.natGateways]));
    expect(nat).toEqual({ dev: "single", prod: "none", test: "one-per-az" });
  });

  it("rejects an intent from the internet that does not end in a subnet", () => {
    const dir = referenceWith({
      "shared.yaml": replace("      from: prod/privateApp\n      to: internet\n", "      from: internet\n      to: internet\n"),
    });
    expect(problemsOf(dir)).toEqual([
      expect.stringMatching(
        /^<dir>\/shared\.yaml:\d+:13 routing\.intents\[\d+\]\.from: an intent from the internet ends in a public subnet \(ingress through the internet gateway\)\. Write to: <env>\/public, or start from onprem, <env>\/<tier> or an IP address\.$/,
      ),
    ]);
  });

  it("rejects an intent expecting inspected ingress to an environment without per-vpc inspection, naming the hop", () => {
    const dir = referenceWith({
      "shared.yaml": (t) =>
        `${t.replace(/\n\n# The bootstrap stack/, "\n    - name: internet-to-test\n      from: internet\n      to: test/public\n      expect: { via: inspection }\n\n# The bootstrap stack")}`,
    });
    expect(problemsOf(dir)).toEqual([
      expect.stringContaining(
        "routing.intents[9].expect: intent internet-to-test is violated in the normal state (also fails under directconnect-down, vpn-tunnel-1-down, vpn-tunnel-2-down, az-a-down, az-b-down, az-c-down): internet → test/public/az-a (and 1 more of 2 paths): expected via inspection, but the forward path does not cross inspection (it crosses nothing); deciding hop 1 internet-gateway test: igw (no edge route table) matched 10.20.0.0/16 → deliver.",
      ),
    ]);
  });
});
