import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/index.js";
import { cleanupConfigDirs, problemsOf, replace } from "../support/config-dir.js";
import { DNS_BLOCK, dnsConfigDir } from "../support/dns.js";

afterAll(cleanupConfigDirs);

describe("networkHub.dns", () => {
  it("builds the endpoint addresses, the rules and the zones of the model", () => {
    const dns = loadConfig(dnsConfigDir()).dns;
    expect(dns?.endpointStackName).toBe("workload-prod");
    // prod 10.30.0.0/16, privateApp /20 per AZ: the second-to-last and third-to-last address of each subnet.
    expect(dns?.inboundAddresses.map((a) => a.ip)).toEqual(["10.30.15.254", "10.30.31.254", "10.30.47.254"]);
    expect(dns?.outboundAddresses.map((a) => a.ip)).toEqual(["10.30.15.253", "10.30.31.253", "10.30.47.253"]);
    expect(dns?.forwardRules.map((r) => [r.name, r.domainName, r.kind, r.targetIps.join(" ")])).toEqual([
      ["acme-fwd-corp-acme-example", "corp.acme.example", "on-premises", "172.16.0.53 192.168.100.53"],
      ["acme-fwd-ad-acme-example", "ad.acme.example", "on-premises", "172.16.0.53 192.168.100.53"],
      ["acme-fwd-aws-acme-example", "aws.acme.example", "private-zones", "10.30.15.254 10.30.31.254 10.30.47.254"],
    ]);
    expect(dns?.privateZones.map((z) => z.zoneName)).toEqual(["dev.aws.acme.example", "prod.aws.acme.example", "test.aws.acme.example"]);
    expect(dns?.queryLogging).toEqual({ retentionDays: 365 });
    expect(dns?.dnsFirewall?.blockedDomains).toEqual(["malware.example", "*.phishing.example"]);
  });

  it("turns query logging off with queryLogging.enabled: false", () => {
    const dir = dnsConfigDir({}, `${DNS_BLOCK}    queryLogging:\n      enabled: false\n`);
    expect(loadConfig(dir).dns?.queryLogging).toBeUndefined();
  });

  it("rejects an endpoint environment that does not exist, listing the environments", () => {
    const dir = dnsConfigDir({}, DNS_BLOCK.replace("resolverEndpointsIn: prod", "resolverEndpointsIn: staging"));
    expect(problemsOf(dir)).toEqual([
      "<dir>/shared.yaml:41:26 networkHub.dns.resolverEndpointsIn: there is no environment staging (environments: dev, prod, test). Write the name of the environment whose VPC hosts the Resolver endpoints.",
    ]);
  });

  it("rejects an on-prem DNS server outside the on-prem CIDRs, and one listed twice", () => {
    const dir = dnsConfigDir({}, DNS_BLOCK.replace("192.168.100.53]", "10.99.0.53, 172.16.0.53]"));
    expect(problemsOf(dir)).toEqual([
      "<dir>/shared.yaml:43:40 networkHub.dns.onPremisesResolvers[1]: 10.99.0.53 is not inside networkHub.onPremises.cidrs (172.16.0.0/16, 192.168.100.0/22), so no route leads to it. Write the address of an on-prem DNS server, or add its range to networkHub.onPremises.cidrs.",
      "<dir>/shared.yaml:43:52 networkHub.dns.onPremisesResolvers[2]: 172.16.0.53 is listed twice. List each DNS server once.",
    ]);
  });

  it("rejects an on-prem domain equal to the private zones' domain", () => {
    const dir = dnsConfigDir({}, DNS_BLOCK.replace("ad.acme.example]", "aws.acme.example]"));
    expect(problemsOf(dir)).toEqual([
      "<dir>/shared.yaml:42:44 networkHub.dns.onPremisesDomains[1]: aws.acme.example is also privateZoneDomain: its names cannot be forwarded both to on-prem and to the private hosted zones. Forward a different on-prem domain, or choose another privateZoneDomain.",
    ]);
  });

  it("rejects an endpoint environment whose onPremisesAccess.privateApp does not admit the on-prem DNS servers, in its file", () => {
    const dir = dnsConfigDir({ "prod.yaml": replace("  privateApp: all", "  privateApp: [172.16.10.0/24]") });
    expect(problemsOf(dir)).toEqual([
      "<dir>/prod.yaml:85:15 onPremisesAccess.privateApp: prod hosts the Route 53 Resolver endpoints (networkHub.dns.resolverEndpointsIn) in its privateApp subnets, but onPremisesAccess.privateApp does not admit the on-prem DNS servers 172.16.0.53, 192.168.100.53: queries to and from on-prem would have no route. Write privateApp: all, or list a CIDR holding them.",
    ]);
  });

  it("rejects hybrid DNS without Direct Connect or a VPN", () => {
    // Keep only the inspection VPC of networkHub.hybrid.
    const dir = dnsConfigDir({ "shared.yaml": (t) => t.replace(/\n {4}directConnect:[\s\S]*?\n(?= {4}inspection:)/, "\n") });
    expect(problemsOf(dir)).toContain(
      "<dir>/shared.yaml:41:5 networkHub.dns: hybrid DNS needs a path to on-prem, and networkHub.hybrid has neither Direct Connect nor a VPN. Add networkHub.hybrid.directConnect or networkHub.hybrid.vpn, or remove networkHub.dns.",
    );
  });

  it("rejects a domain with capitals or a trailing dot, and a misspelled key", () => {
    expect(
      problemsOf(dnsConfigDir({}, DNS_BLOCK.replace("privateZoneDomain: aws.acme.example", "privateZoneDomain: AWS.acme.example."))),
    ).toEqual([
      '<dir>/shared.yaml:44:24 networkHub.dns.privateZoneDomain: Write a lowercase domain name without a trailing dot, such as corp.acme.example (got string "AWS.acme.example.").',
    ]);
    expect(problemsOf(dnsConfigDir({}, DNS_BLOCK.replace("privateZoneDomain:", "privateZoneDomian:")))).toContain(
      '<dir>/shared.yaml:44:5 networkHub.dns.privateZoneDomian: unknown key "privateZoneDomian". Did you mean privateZoneDomain?',
    );
  });
});
