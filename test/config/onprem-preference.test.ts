import { afterAll, describe, expect, it } from "vitest";
import { loadLandingZone } from "../../src/landing-zone.js";
import { cleanupConfigDirs, problemsOf, REFERENCE_DIR, replace, referenceWith } from "../support/config-dir.js";
import { lz, STACK_FRAME } from "../cli/lz.js";

afterAll(cleanupConfigDirs);

const DEFAULT_LINE = "      # allowedPrefixes: by default the summarized VPC CIDRs of the environments on-prem may reach (at most 200)";
/** The reference config with Direct Connect's allowedPrefixes written as `prefixes`. */
const withAllowedPrefixes = (prefixes: string) =>
  referenceWith({ "shared.yaml": replace(DEFAULT_LINE, `      allowedPrefixes: ${prefixes}`) });

describe("on-prem prefers Direct Connect over the VPN for every VPC range", () => {
  it("accepts the reference config: its default allowedPrefixes are the VPC CIDRs the VPN advertises", () => {
    expect(loadLandingZone(REFERENCE_DIR).networkHub.hybrid?.directConnect?.allowedPrefixes).toEqual([
      "10.10.0.0/16",
      "10.20.0.0/16",
      "10.30.0.0/16",
    ]);
  });

  it("accepts allowedPrefixes that list every VPC CIDR the VPN advertises", () => {
    expect(() => loadLandingZone(withAllowedPrefixes("[10.10.0.0/16, 10.20.0.0/16, 10.30.0.0/16]"))).not.toThrow();
  });

  it("leaves out a VPC on-prem may not reach, which the default allowedPrefixes leave out too", () => {
    const dir = referenceWith({
      "dev.yaml": (t) => `${t}onPremisesAccess:\n  privateApp: none\n  privateData: none\n`,
      "shared.yaml": replace(/\n {4}- name: onprem-to-dev-app\n(.*\n){5}/, "\n"),
    });
    const model = loadLandingZone(dir);
    expect(model.networkHub.hybrid?.directConnect?.allowedPrefixes).toEqual(["10.20.0.0/16", "10.30.0.0/16"]);
  });

  it("rejects /12 summaries while the VPN advertises the VPCs' /16s, one problem per /16 on allowedPrefixes", () => {
    const problems = problemsOf(withAllowedPrefixes("[10.0.0.0/12, 10.16.0.0/12]"));
    const preference = problems.filter((p) => p.includes("directConnect.allowedPrefixes:"));
    expect(preference).toEqual([
      "<dir>/shared.yaml:51:24 networkHub.hybrid.directConnect.allowedPrefixes: the VPN advertises the VPC range 10.30.0.0/16, routed through the inspection VPC to on-prem, and Direct Connect advertises only the shorter 10.16.0.0/12 for it (allowedPrefixes). On-prem picks the longest prefix first, so it sends this range over the VPN while Direct Connect is up, and the replies come back over Direct Connect. Add 10.30.0.0/16 to networkHub.hybrid.directConnect.allowedPrefixes; a summary covers it only if it is a /16 or longer.",
      "<dir>/shared.yaml:51:24 networkHub.hybrid.directConnect.allowedPrefixes: the VPN advertises the dev VPC 10.10.0.0/16 to on-prem, and Direct Connect advertises only the shorter 10.0.0.0/12 for it (allowedPrefixes). On-prem picks the longest prefix first, so it sends this range over the VPN while Direct Connect is up, and the replies come back over Direct Connect. Add 10.10.0.0/16 to networkHub.hybrid.directConnect.allowedPrefixes; a summary covers it only if it is a /16 or longer.",
      "<dir>/shared.yaml:51:24 networkHub.hybrid.directConnect.allowedPrefixes: the VPN advertises the test VPC 10.20.0.0/16 to on-prem, and Direct Connect advertises only the shorter 10.16.0.0/12 for it (allowedPrefixes). On-prem picks the longest prefix first, so it sends this range over the VPN while Direct Connect is up, and the replies come back over Direct Connect. Add 10.20.0.0/16 to networkHub.hybrid.directConnect.allowedPrefixes; a summary covers it only if it is a /16 or longer.",
    ]);
    // The intents see the same thing on the paths: on-prem reaches dev over the VPN while Direct Connect is up.
    expect(problems.some((p) => /intent onprem-to-dev-app is violated in the normal state/.test(p))).toBe(true);
  });

  it("is refused by lz validate with exit 1, file:line and no stack trace", () => {
    const r = lz(["validate", "--config", withAllowedPrefixes("[10.0.0.0/11]")]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      /shared\.yaml:51:24 networkHub\.hybrid\.directConnect\.allowedPrefixes: the VPN advertises the dev VPC 10\.10\.0\.0\/16 to on-prem, and Direct Connect advertises only the shorter 10\.0\.0\.0\/11 for it/,
    );
    expect(r.stderr).not.toMatch(STACK_FRAME);
  });
});
