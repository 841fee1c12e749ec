import { describe, expect, it } from "vitest";
import { planSubnets } from "../../src/config/subnet-plan.js";
import { vpnPreferredRanges } from "../../src/routing/onprem-preference.js";
import { planRouting, type RoutingInput } from "../../src/routing/plan.js";

const env = (name: string, cidr: string): RoutingInput["environments"][number] => {
  const plan = planSubnets(cidr, { public: 24, privateApp: 20, privateData: 23, transit: 28 }, 2, { firewall: false });
  if (!plan.fits) throw new Error("no fit");
  return {
    name,
    segment: "nonprod",
    inspection: "none",
    vpc: { cidr, azCount: 2, subnets: plan.plan },
    onPremisesAccess: { privateApp: "all", privateData: "none" },
  };
};
const plan = (allowedPrefixes: string[], over: Partial<RoutingInput> = {}) =>
  planRouting({
    onPremisesCidrs: ["172.16.0.0/16"],
    directConnect: { allowedPrefixes },
    vpns: [{ staticRoutesOnly: false }],
    staticRoutes: [],
    environments: [env("a", "10.10.0.0/16"), env("b", "10.11.0.0/16")],
    ...over,
  });

describe("vpnPreferredRanges", () => {
  it("is empty when Direct Connect advertises every VPN route at the same length, or longer", () => {
    expect(vpnPreferredRanges(plan(["10.10.0.0/16", "10.11.0.0/16"]), true)).toEqual([]);
    expect(vpnPreferredRanges(plan(["10.10.0.0/17", "10.10.128.0/17", "10.11.0.0/16"]), true)).toEqual([]);
  });

  it("lists every VPN route a shorter summary loses to on-prem, with the summary", () => {
    expect(vpnPreferredRanges(plan(["10.10.0.0/15"]), true)).toEqual([
      { vpnPrefix: "10.10.0.0/16", target: "vpc:a", shorterDirectConnectPrefixes: ["10.10.0.0/15"] },
      { vpnPrefix: "10.11.0.0/16", target: "vpc:b", shorterDirectConnectPrefixes: ["10.10.0.0/15"] },
    ]);
  });

  it("lists a VPN route Direct Connect covers only in part, or not at all", () => {
    expect(vpnPreferredRanges(plan(["10.10.0.0/17", "10.11.0.0/16"]), true)).toEqual([
      { vpnPrefix: "10.10.0.0/16", target: "vpc:a", shorterDirectConnectPrefixes: [] },
    ]);
    expect(vpnPreferredRanges(plan(["10.11.0.0/16"]), true)).toEqual([
      { vpnPrefix: "10.10.0.0/16", target: "vpc:a", shorterDirectConnectPrefixes: [] },
    ]);
  });

  it("is empty for a static VPN (nothing advertised over BGP) and without Direct Connect", () => {
    expect(vpnPreferredRanges(plan(["10.10.0.0/15"]), false)).toEqual([]);
    const noDx = planRouting({
      onPremisesCidrs: ["172.16.0.0/16"],
      vpns: [{ staticRoutesOnly: false }],
      staticRoutes: [],
      environments: [env("a", "10.10.0.0/16")],
    });
    expect(vpnPreferredRanges(noDx, true)).toEqual([]);
  });
});
