import { afterAll, describe, expect, it } from "vitest";
import { routingPlanOf } from "../../src/accounts/segments.js";
import { loadConfig } from "../../src/config/index.js";
import { onPremisesLeaks } from "../../src/routing/onprem-reach.js";
import { routingInput, type RoutingPlan } from "../../src/routing/plan.js";
import { scenarioLabel } from "../../src/routing/verify.js";
import { cleanupConfigDirs, problemsOf, REFERENCE_DIR, referenceWith } from "../support/config-dir.js";

afterAll(cleanupConfigDirs);

/** `plan` without the onprem table's blackhole routes (the plan before on-prem reachability was made exact). */
const withoutBlackholes = (plan: RoutingPlan): RoutingPlan => ({
  ...plan,
  tables: plan.tables.map((t) => ({ ...t, staticRoutes: t.staticRoutes.filter((r) => r.target !== "blackhole") })),
});
/** `plan` without `env`'s network ACL on `tier`. */
const withoutAcl = (plan: RoutingPlan, env: string, tier: "privateApp" | "privateData"): RoutingPlan => ({
  ...plan,
  vpcs: plan.vpcs.map((v) => (v.name === env ? { ...v, networkAcls: { ...v.networkAcls, [tier]: undefined } } : v)),
});
const summary = (leaks: ReturnType<typeof onPremisesLeaks>) => [...new Set(leaks.map((l) => `${l.environment}/${l.tier}`))].sort();

describe("on-prem reachability", () => {
  const model = loadConfig(REFERENCE_DIR);
  const input = routingInput(model);
  const plan = routingPlanOf(model);

  it("is exact for the reference config: no on-prem packet reaches a tier its onPremisesAccess does not admit, in any scenario", () => {
    expect(onPremisesLeaks(input, plan)).toEqual([]);
  });

  it("blackholes every public, transit and firewall subnet in the onprem TGW table", () => {
    const onprem = plan.tables.find((t) => t.name === "onprem")!;
    const blackholes = onprem.staticRoutes.filter((r) => r.target === "blackhole").map((r) => r.destination);
    for (const env of model.environments) {
      const n = env.vpc.azCount;
      for (const cidr of [...env.vpc.subnets.public.slice(0, n), ...env.vpc.subnets.transit.slice(0, n)])
        expect(blackholes).toContain(cidr);
    }
  });

  it("finds on-prem packets reaching the public and transit tiers of every environment, one way, without the blackhole routes", () => {
    const leaks = onPremisesLeaks(input, withoutBlackholes(plan));
    expect(summary(leaks)).toEqual(["dev/public", "dev/transit", "prod/public", "prod/transit", "test/public", "test/transit"]);
    // One way: the packet arrives although the public tier has no route back to on-prem.
    expect(leaks.find((l) => l.environment === "prod" && l.tier === "public" && l.scenario === "normal")?.path).toMatch(
      /tgw onprem 10\.30\.0\.0\/16 \(static\) → vpc:inspection.*→ deliver$/,
    );
  });

  it("finds on-prem packets the data tier's list does not admit, without the data tier's network ACL", () => {
    const leaks = onPremisesLeaks(input, withoutAcl(plan, "prod", "privateData"));
    expect(summary(leaks)).toEqual(["prod/privateData"]);
    expect(new Set(leaks.map((l) => l.source))).toEqual(new Set(["172.16.0.4", "192.168.100.4"]));
  });

  it("blackholes the app tier in the onprem table when onPremisesAccess.privateApp is none", () => {
    const none = loadConfig(referenceWith({ "dev.yaml": (t) => `${t}onPremisesAccess:\n  privateApp: none\n` }));
    const nonePlan = routingPlanOf(none);
    const blackholes = nonePlan.tables.find((t) => t.name === "onprem")!.staticRoutes.filter((r) => r.target === "blackhole");
    expect(blackholes.map((r) => r.destination)).toEqual(
      expect.arrayContaining(none.environments.find((e) => e.name === "dev")!.vpc.subnets.privateApp.slice(0, 2)),
    );
    expect(onPremisesLeaks(routingInput(none), nonePlan)).toEqual([]);
  });

  it("rejects a data-tier onPremisesAccess list whose network ACL would exceed 20 inbound rules", () => {
    const many = Array.from({ length: 16 }, (_, i) => `172.16.${i}.0/24`);
    const dir = referenceWith({ "dev.yaml": (t) => `${t}onPremisesAccess:\n  privateData: [${many.join(", ")}]\n` });
    expect(problemsOf(dir)).toEqual([
      expect.stringMatching(
        /^\S+dev\.yaml:\d+:\d+ onPremisesAccess\.privateData: the data tier's network ACL would need 21 inbound rules with this list, and a network ACL holds 20 per direction\. Summarize the list into fewer CIDRs\.$/,
      ),
    ]);
  });
});

describe("scenario labels", () => {
  it("name an AZ failure by the AZ ID that goes down in every account", () => {
    const plan = routingPlanOf(loadConfig(REFERENCE_DIR));
    expect(plan.availabilityZoneIds).toEqual(["euw1-az1", "euw1-az2", "euw1-az3"]);
    expect(scenarioLabel(plan, "az-b-down")).toBe("az-b-down (euw1-az2)");
    expect(scenarioLabel(plan, "directconnect-down")).toBe("directconnect-down");
    expect(scenarioLabel({ ...plan, availabilityZoneIds: [] }, "az-a-down")).toBe("az-a-down");
  });
});
