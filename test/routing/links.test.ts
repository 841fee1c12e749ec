import { describe, expect, it } from "vitest";
import { planSubnets } from "../../src/config/subnet-plan.js";
import { planRouting, type RoutingInput, type RoutingPlan } from "../../src/routing/plan.js";
import { applicableFailures, checkIntent, checkScenario, type Intent } from "../../src/routing/verify.js";

const prod: RoutingInput["environments"][number] = (() => {
  const plan = planSubnets("10.20.0.0/16", { public: 24, privateApp: 20, privateData: 23, transit: 28 }, 3);
  if (!plan.fits) throw new Error("no fit");
  return {
    name: "prod",
    segment: "prod",
    inspection: "none",
    vpc: { cidr: "10.20.0.0/16", azCount: 3, subnets: plan.plan },
    onPremisesAccess: { privateApp: "all", privateData: "none" },
  };
})();

/** Two transit VIFs at two locations and two VPN connections, as examples/hybrid-resilient. */
const resilient: RoutingInput = {
  onPremisesCidrs: ["172.16.0.0/16"],
  directConnect: {
    allowedPrefixes: ["10.20.0.0/16"],
    transitVirtualInterfaces: [
      { link: "primary", location: "EqLD5" },
      { link: "secondary", location: "TCSH" },
    ],
  },
  vpns: [
    { link: "site-a", staticRoutesOnly: false },
    { link: "site-b", staticRoutesOnly: false },
  ],
  staticRoutes: [],
  environments: [prod],
};
const both = (from: string, to: string): Intent => ({
  name: `${from} → ${to}`,
  from,
  to,
  expect: { via: "directconnect" },
  failures: { "directconnect-down": { via: "vpn" } },
});
const toApp = both("onprem:172.16.10.10", "prod/privateApp");
const fromApp = both("prod/privateApp", "onprem:172.16.10.10");

describe("redundant on-prem links in the routing verifier", () => {
  it("keeps the single-link scenario names when the links are not named", () => {
    const plan = planRouting({ ...resilient, directConnect: { allowedPrefixes: ["10.20.0.0/16"] }, vpns: [{ staticRoutesOnly: false }] });
    expect(applicableFailures(plan)).toEqual([
      "directconnect-down",
      "vpn-tunnel-1-down",
      "vpn-tunnel-2-down",
      "az-a-down",
      "az-b-down",
      "az-c-down",
    ]);
  });

  it("makes a scenario per transit VIF, DX location, VPN connection and tunnel, and a VPN attachment per connection", () => {
    const plan = planRouting(resilient);
    expect(applicableFailures(plan)).toEqual([
      "directconnect-down",
      "directconnect-primary-down",
      "directconnect-secondary-down",
      "dx-location-EqLD5-down",
      "dx-location-TCSH-down",
      "vpn-site-a-down",
      "vpn-site-a-tunnel-1-down",
      "vpn-site-a-tunnel-2-down",
      "vpn-site-b-down",
      "vpn-site-b-tunnel-1-down",
      "vpn-site-b-tunnel-2-down",
      "az-a-down",
      "az-b-down",
      "az-c-down",
    ]);
    expect(plan.tables.find((t) => t.name === "onprem")!.associations).toEqual(["directconnect", "vpn", "vpn:site-b"]);
  });

  it("proves both directions under every single-link failure: DX while any VIF is up, then either VPN", () => {
    const plan = planRouting(resilient);
    for (const intent of [toApp, fromApp]) {
      const result = checkIntent(plan, intent);
      expect(result.scenarios.filter((s) => !s.ok).map((s) => `${s.label}: ${s.problem}`)).toEqual([]);
    }
    const primaryDown = checkScenario(plan, toApp, "dx-location-EqLD5-down");
    expect(primaryDown.paths.every((p) => p.forward.hops[1]!.matched === "secondary @ TCSH")).toBe(true);
    const dxDown = checkScenario(plan, toApp, "directconnect-down");
    const vpnsTaken = new Set(dxDown.paths.map((p) => p.forward.hops[0]!.next));
    expect([...vpnsTaken].sort()).toEqual(["vpn", "vpn:site-b"]);
    const siteADown = checkScenario(plan, fromApp, "vpn-site-a-down");
    expect(siteADown.paths.every((p) => p.forward.waypoints.includes("directconnect"))).toBe(true);
  });

  it("fails the other interface's scenario when the second VIF is not on the gateway", () => {
    const plan = planRouting(resilient);
    const mutated: RoutingPlan = {
      ...plan,
      onPremisesLinks: { ...plan.onPremisesLinks!, directConnect: plan.onPremisesLinks!.directConnect.slice(0, 1) },
    };
    const result = checkIntent(mutated, toApp, applicableFailures(plan));
    const failed = result.scenarios.filter((s) => !s.ok).map((s) => s.label);
    expect(failed).toEqual(["directconnect-primary-down", "dx-location-EqLD5-down"]);
    expect(result.scenarios.find((s) => s.label === "directconnect-primary-down")!.problem).toContain(
      "expected via directconnect, but the forward path does not cross directconnect",
    );
  });

  it("fails Direct Connect's failover when one VPN attachment is not associated with the onprem table", () => {
    const plan = planRouting(resilient);
    const mutated: RoutingPlan = {
      ...plan,
      tables: plan.tables.map((t) => (t.name === "onprem" ? { ...t, associations: t.associations.filter((a) => a !== "vpn:site-b") } : t)),
    };
    const result = checkIntent(mutated, fromApp);
    expect(result.scenarios.filter((s) => !s.ok).map((s) => s.label)).toEqual(["directconnect-down"]);
    expect(result.scenarios.find((s) => s.label === "directconnect-down")!.problem).toContain(
      "asymmetric across VPN connections, which end on different customer gateways",
    );
  });
});
