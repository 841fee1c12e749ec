import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { deployOrder } from "../../src/pipeline/deploy-order.js";
import { stackMatrix } from "../../src/pipeline/stacks.js";
import { cleanupConfigDirs } from "../support/config-dir.js";
import { dnsConfigDir } from "../support/dns.js";
import { configSynthesis } from "../support/shared-synthesis.js";
import { dataSources, resources, type StackJson } from "../support/synth.js";

afterAll(cleanupConfigDirs);

const synthesis = configSynthesis(dnsConfigDir());
const prod = synthesis.json("workload-prod");
const dev = synthesis.json("workload-dev");
const ingress = (json: StackJson) => resources(json, "aws_vpc_security_group_ingress_rule");
const egress = (json: StackJson) => resources(json, "aws_vpc_security_group_egress_rule");

describe("hybrid DNS in the workload stacks (reference config with networkHub.dns in prod)", () => {
  it("passes the policy pack with no finding", () => {
    expect(synthesis.outcome.policy.errors).toEqual([]);
    expect(synthesis.outcome.policy.warnings).toEqual([]);
  });

  it("builds both endpoints in prod's privateApp subnets, one fixed address per AZ, protected from destroy", () => {
    const endpoints = resources(prod, "aws_route53_resolver_endpoint");
    expect(endpoints.map((e) => [e.direction, (e.ip_address as { ip: string }[]).map((a) => a.ip)])).toEqual([
      ["INBOUND", ["10.30.15.254", "10.30.31.254", "10.30.47.254"]],
      ["OUTBOUND", ["10.30.15.253", "10.30.31.253", "10.30.47.253"]],
    ]);
    for (const e of endpoints) {
      expect((e.ip_address as { subnet_id: string }[]).map((a) => a.subnet_id)).toEqual(
        [0, 1, 2].map((az) => expect.stringMatching(new RegExp(`private-app-subnet-${az}_`))),
      );
      expect(e.lifecycle).toEqual({ prevent_destroy: true });
      expect(e.protocols).toEqual(["Do53"]);
    }
  });

  it("admits DNS (53, UDP and TCP) from every on-prem CIDR on the inbound endpoint, and lets the outbound endpoint reach only the DNS servers", () => {
    const dns = (rules: Record<string, unknown>[]) =>
      rules.filter((r) => r.from_port === 53).map((r) => `${r.ip_protocol} ${r.cidr_ipv4 ?? "sg"} ${r.to_port}`);
    expect(dns(ingress(prod)).sort()).toEqual([
      "tcp 172.16.0.0/16 53",
      "tcp 192.168.100.0/22 53",
      "tcp sg 53",
      "udp 172.16.0.0/16 53",
      "udp 192.168.100.0/22 53",
      "udp sg 53",
    ]);
    expect(dns(egress(prod)).sort()).toEqual([
      "tcp 172.16.0.53/32 53",
      "tcp 192.168.100.53/32 53",
      "tcp sg 53",
      "udp 172.16.0.53/32 53",
      "udp 192.168.100.53/32 53",
      "udp sg 53",
    ]);
  });

  it("forwards the on-prem domains to the DNS servers and the private zones' domain to the inbound endpoint, from the outbound endpoint", () => {
    const rules = resources(prod, "aws_route53_resolver_rule");
    expect(
      rules.map((r) => [r.domain_name, r.rule_type, (r.target_ip as { ip: string; port: number }[]).map((t) => `${t.ip}:${t.port}`)]),
    ).toEqual([
      ["ad.acme.example", "FORWARD", ["172.16.0.53:53", "192.168.100.53:53"]],
      ["aws.acme.example", "FORWARD", ["10.30.15.254:53", "10.30.31.254:53", "10.30.47.254:53"]],
      ["corp.acme.example", "FORWARD", ["172.16.0.53:53", "192.168.100.53:53"]],
    ]);
    for (const r of rules) expect(r.resolver_endpoint_id).toMatch(/aws_route53_resolver_endpoint\.dns-resolver_outbound_/);
    // prod's own VPC takes only the on-prem rules: it resolves the private zones through its zone associations.
    expect(resources(prod, "aws_route53_resolver_rule_association").map((a) => a.name)).toEqual([
      "acme-fwd-ad-acme-example-acme-dns",
      "acme-fwd-corp-acme-example-acme-dns",
    ]);
  });

  it("shares the rules through RAM with the other accounts, external principals allowed without Organizations sharing", () => {
    expect(resources(prod, "aws_ram_resource_share").find((s) => s.name === "acme-dns-rules")?.allow_external_principals).toBe(true);
    expect(resources(prod, "aws_ram_principal_association").map((a) => a.principal)).toEqual(["222222222222", "333333333333"]);
    expect(resources(prod, "aws_ram_resource_association")).toHaveLength(3);
  });

  it("hosts one private hosted zone per environment in prod, associated with prod's VPC, and outputs the inbound addresses", () => {
    expect(resources(prod, "aws_route53_zone").map((z) => [z.name, (z.vpc as { vpc_id: string }[]).length])).toEqual([
      ["dev.aws.acme.example", 1],
      ["prod.aws.acme.example", 1],
      ["test.aws.acme.example", 1],
    ]);
    expect((prod.output as Record<string, { value: unknown }>).dns_inbound_resolver_ips?.value).toEqual([
      "10.30.15.254",
      "10.30.31.254",
      "10.30.47.254",
    ]);
  });

  it("in another workload, accepts the share and associates every shared rule, found by name, with its VPC", () => {
    const share = dataSources(dev, "aws_ram_resource_share").find((d) => d.name === "acme-dns-rules");
    expect(share?.resource_owner).toBe("OTHER-ACCOUNTS");
    const lookups = dataSources(dev, "aws_route53_resolver_rule");
    expect(lookups.map((d) => [d.name, d.rule_type])).toEqual([
      ["acme-fwd-ad-acme-example", "FORWARD"],
      ["acme-fwd-aws-acme-example", "FORWARD"],
      ["acme-fwd-corp-acme-example", "FORWARD"],
    ]);
    for (const d of lookups) expect(d.depends_on).toEqual([expect.stringMatching(/^aws_ram_resource_share_accepter\.dns-rules_/)]);
    expect(resources(dev, "aws_route53_resolver_rule_association")).toHaveLength(3);
    expect(resources(dev, "aws_route53_resolver_endpoint")).toEqual([]);
  });

  it("logs every workload VPC's queries to a KMS-encrypted log group and blocks the listed domains with DNS Firewall", () => {
    for (const json of [prod, dev]) {
      const group = resources(json, "aws_cloudwatch_log_group").find((g) => String(g.name).startsWith("/aws/route53resolver/"));
      expect(group?.kms_key_id).toMatch(/aws_kms_key\.keys_logs/);
      expect(resources(json, "aws_route53_resolver_query_log_config_association")).toHaveLength(1);
      expect(resources(json, "aws_route53_resolver_firewall_domain_list")[0]?.domains).toEqual(["malware.example", "*.phishing.example"]);
      expect(resources(json, "aws_route53_resolver_firewall_rule")[0]).toMatchObject({ action: "BLOCK", block_response: "NXDOMAIN" });
    }
  });

  it("makes every other workload stack depend on the endpoint stack", () => {
    const manifest = JSON.parse(readFileSync(`${synthesis.outdir}/manifest.json`, "utf8")) as {
      stacks: Record<string, { dependencies: string[] }>;
    };
    expect(manifest.stacks["workload-dev"]?.dependencies).toEqual(["network-hub", "workload-prod"]);
    expect(manifest.stacks["workload-test"]?.dependencies).toEqual(["network-hub", "workload-prod"]);
    expect(manifest.stacks["workload-prod"]?.dependencies).toEqual(["network-hub"]);
    // The pipeline's matrix agrees with the manifest (it throws on a difference), and deploys the endpoint stack first.
    expect(stackMatrix(synthesis.model, manifest).find((e) => e.stack === "workload-dev")?.dependsOn).toEqual([
      "network-hub",
      "workload-prod",
    ]);
    expect(deployOrder(synthesis.model)).toEqual(["bootstrap", "network-hub", "workload-prod", "workload-dev", "workload-test"]);
  });
});
