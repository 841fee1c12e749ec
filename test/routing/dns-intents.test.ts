import { afterAll, describe, expect, it } from "vitest";
import { loadConfig, loadConfigWithSources, type LandingZoneModel } from "../../src/config/index.js";
import { dnsIntents } from "../../src/routing/dns-intents.js";
import { intentProblems, intentResults } from "../../src/routing/intents-check.js";
import { cleanupConfigDirs, REFERENCE_DIR } from "../support/config-dir.js";
import { dnsConfigDir } from "../support/dns.js";

afterAll(cleanupConfigDirs);

/** `model` with prod's privateApp tier closed to on-prem: a mutation the config validator would refuse. */
const prodAppClosed = (model: LandingZoneModel): LandingZoneModel => ({
  ...model,
  environments: model.environments.map((e) =>
    e.name === "prod" ? { ...e, onPremisesAccess: { ...e.onPremisesAccess, privateApp: "none" } } : e,
  ),
});

describe("the DNS intents derived from networkHub.dns", () => {
  const dir = dnsConfigDir();
  const model = loadConfig(dir);

  it("asks for each on-prem DNS server both ways, over Direct Connect and the inspection VPC, the VPN when Direct Connect is down", () => {
    expect(dnsIntents(model).map(({ name, from, to, expect: e, failures }) => ({ name, from, to, e, failures }))).toEqual([
      ...["172.16.0.53", "192.168.100.53"].flatMap((ip) => {
        const id = ip.replace(/\./g, "-");
        const e = { via: ["directconnect", "inspection"] };
        const failures = { "directconnect-down": { via: ["vpn", "inspection"] } };
        return [
          { name: `dns-query-in-${id}`, from: `onprem:${ip}`, to: "prod/privateApp", e, failures },
          { name: `dns-query-out-${id}`, from: "prod/privateApp", to: `onprem:${ip}`, e, failures },
        ];
      }),
    ]);
  });

  it("holds on every path, normally and under every failure, for the reference config with DNS", () => {
    const dns = intentResults(model).filter((r) => r.intent.name.startsWith("dns-query-"));
    expect(dns).toHaveLength(4);
    for (const r of dns) {
      expect(r.ok, r.intent.name).toBe(true);
      expect(r.scenarios.map((s) => s.scenario)).toEqual([
        "normal",
        "directconnect-down",
        "vpn-tunnel-1-down",
        "vpn-tunnel-2-down",
        "az-a-down",
        "az-b-down",
        "az-c-down",
      ]);
    }
  });

  it("fails when the endpoint environment's privateApp tier is closed to on-prem, reported at each DNS server", () => {
    const results = intentResults(prodAppClosed(model)).filter((r) => r.intent.name.startsWith("dns-query-"));
    expect(results.map((r) => [r.intent.name, r.ok])).toEqual([
      ["dns-query-in-172-16-0-53", false],
      ["dns-query-out-172-16-0-53", false],
      ["dns-query-in-192-168-100-53", false],
      ["dns-query-out-192-168-100-53", false],
    ]);
    const { sources } = loadConfigWithSources(dir);
    const problems = intentProblems(prodAppClosed(model), sources.shared).filter((p) => p.message.includes("dns-query-"));
    expect(problems.map((p) => `${p.line}:${p.col} ${p.path}`)).toEqual([
      "43:27 networkHub.dns.onPremisesResolvers[0]",
      "43:27 networkHub.dns.onPremisesResolvers[0]",
      "43:40 networkHub.dns.onPremisesResolvers[1]",
      "43:40 networkHub.dns.onPremisesResolvers[1]",
    ]);
    expect(problems[0]?.message).toMatch(/^intent dns-query-in-172-16-0-53 is violated in the normal state/);
  });

  it("derives nothing without networkHub.dns", () => {
    expect(dnsIntents(loadConfig(REFERENCE_DIR))).toEqual([]);
  });
});
