/**
 * The shared-services segment (docs/shared-services.md): the routing plan's `shared` table, the VPC routes, the
 * intents of the scenario (test/support/shared-services.ts) proven by the verifier, the synthesized routing equal
 * to the plan, and mutations that bridge prod and nonprod through the shared segment, which the verifier must
 * catch.
 */
import { afterAll, describe, expect, it } from "vitest";
import { routingPlanOf } from "../../src/accounts/segments.js";
import { loadConfig } from "../../src/config/index.js";
import { deployOrder } from "../../src/pipeline/deploy-order.js";
import { intentResults } from "../../src/routing/intents-check.js";
import type { RoutingPlan, TgwTablePlan, VpcPlan } from "../../src/routing/plan.js";
import { checkIntent, type Intent } from "../../src/routing/verify.js";
import { cleanupConfigDirs, problemsOf, REFERENCE_DIR, replace } from "../support/config-dir.js";
import { compareRouting } from "../support/routing-conformance.js";
import { configSynthesis, referenceSynthesis } from "../support/shared-synthesis.js";
import { SERVICES_YAML, sharedServicesConfigDir } from "../support/shared-services.js";

afterAll(cleanupConfigDirs);

const dir = sharedServicesConfigDir();
const model = loadConfig(dir);
const plan = routingPlanOf(model);
const table = (p: RoutingPlan, name: string) => p.tables.find((t) => t.name === name)!;
const intentNamed = (name: string): Intent => model.routing.intents.find((i) => i.name === name)!;

/** `plan` with `table`'s entry replaced by `edit(table)`. */
const withTable = (p: RoutingPlan, name: string, edit: (t: TgwTablePlan) => TgwTablePlan): RoutingPlan => ({
  ...p,
  tables: p.tables.map((t) => (t.name === name ? edit(t) : t)),
});
/** `plan` with the services VPC's transit route tables also sending `cidr` to the transit gateway (a VPC that forwards). */
const servicesForwarding = (p: RoutingPlan, cidr: string): RoutingPlan => ({
  ...p,
  vpcs: p.vpcs.map(
    (v): VpcPlan =>
      v.name === "services"
        ? {
            ...v,
            routeTables: {
              ...v.routeTables,
              transit: v.routeTables.transit!.map((routes) => [...routes, { destination: cidr, target: { kind: "transit-gateway" } }]),
            },
          }
        : v,
  ),
});

describe("the routing plan of a shared-services segment", () => {
  it("adds a shared table: the services VPC associated with it, every segment and on-prem propagated into it", () => {
    const shared = table(plan, "shared");
    expect(shared.associations).toEqual(["vpc:services"]);
    // prod is centrally inspected: it reaches shared through the inspection VPC, so it does not propagate here.
    expect([...shared.propagations].sort()).toEqual(["directconnect", "vpc:dev", "vpc:services", "vpc:test", "vpn"]);
    expect(shared.staticRoutes).toEqual([{ destination: "10.30.0.0/16", target: "vpc:inspection" }]);
  });

  it("propagates the services VPC into nonprod, onprem and inspection, never into the inspected prod table", () => {
    const into = plan.tables.filter((t) => t.propagations.includes("vpc:services")).map((t) => t.name);
    expect(into.sort()).toEqual(["inspection", "nonprod", "onprem", "shared"]);
    expect(table(plan, "prod").propagations).not.toContain("vpc:services");
  });

  it("never propagates prod into nonprod or nonprod into prod", () => {
    expect(table(plan, "prod").propagations.filter((a) => ["vpc:dev", "vpc:test"].includes(a))).toEqual([]);
    expect(table(plan, "nonprod").propagations).not.toContain("vpc:prod");
  });

  it("routes the services CIDR from every other app tier to the TGW, and every workload CIDR from the services app tier", () => {
    const tgwRoutes = (vpc: string) =>
      plan.vpcs
        .find((v) => v.name === vpc)!
        .routeTables.privateApp![0]!.filter((r) => r.target.kind === "transit-gateway")
        .map((r) => r.destination);
    for (const env of ["dev", "test", "prod"]) expect(tgwRoutes(env)).toContain("10.40.0.0/16");
    expect(tgwRoutes("services")).toEqual(expect.arrayContaining(["10.10.0.0/16", "10.20.0.0/16", "10.30.0.0/16"]));
    // the transit subnets, where the TGW hands packets to the VPC, route locally only: the VPC forwards nothing
    for (const routes of plan.vpcs.find((v) => v.name === "services")!.routeTables.transit!)
      expect(routes).toEqual([{ destination: "10.40.0.0/16", target: { kind: "local" } }]);
  });

  it("sends the shared VPC CIDRs from the inspection VPC's firewall subnets back to the TGW", () => {
    const firewall = plan.vpcs.find((v) => v.name === "inspection")!.routeTables.firewall![0]!;
    expect(firewall).toContainEqual({ destination: "10.40.0.0/16", target: { kind: "transit-gateway" } });
  });

  it("has no shared table without a shared-services environment", () => {
    expect(routingPlanOf(loadConfig(REFERENCE_DIR)).tables.map((t) => t.name)).not.toContain("shared");
  });
});

describe("the routing intents of the shared-services scenario", () => {
  it("all hold, normally and under every failure", () => {
    const failed = intentResults(model)
      .filter((r) => !r.ok)
      .map((r) => r.intent.name);
    expect(failed).toEqual([]);
  });

  it("walk the relayed packet from the services VPC's transit subnets and drop it there", () => {
    const result = checkIntent(plan, intentNamed("prod-via-shared-to-dev-denied"), []);
    const relayed = result.scenarios[0]!.paths.filter((p) => p.from.includes("relayed at services/transit"));
    expect(relayed.length).toBe(3 * 2 * 2); // prod's 3 AZs × dev's 2 AZs × the services VPC's 2 AZs
    for (const p of relayed) {
      expect(p.ok).toBe(true);
      expect(p.forward.hops).toHaveLength(1);
      expect(p.forward.dropped).toMatch(/^the route table of services\/transit\/az-[ab] has no route to 10\.10\./);
    }
  });
});

describe("the verifier on a shared segment that bridges", () => {
  it("still denies prod → dev when the prod table sends dev's CIDR to the services VPC: the VPC forwards nothing", () => {
    const mutated = withTable(plan, "prod", (t) => ({
      ...t,
      staticRoutes: [...t.staticRoutes, { destination: "10.10.0.0/16", target: "vpc:services" }],
    }));
    const direct = checkIntent(mutated, { ...intentNamed("prod-via-shared-to-dev-denied"), through: undefined }, []);
    expect(direct.ok).toBe(true);
    expect(direct.scenarios[0]!.forward!.dropped).toMatch(/^the route table of services\/transit\/az-[ab] has no route to 10\.10\./);
  });

  it("fails prod-via-shared-to-dev-denied when the services VPC routes dev's CIDR back to the transit gateway", () => {
    const result = checkIntent(servicesForwarding(plan, "10.10.0.0/16"), intentNamed("prod-via-shared-to-dev-denied"), []);
    expect(result.ok).toBe(false);
    expect(result.scenarios[0]!.problem).toMatch(
      /relayed at services\/transit\/az-a → dev\/privateApp\/az-a.*: expected denied, but services passes the packet on to dev\/privateApp: hop 1 services\/transit\/az-a: vpc route table matched 10\.10\.0\.0\/16 → transit-gateway/,
    );
  });

  it("fails prod-to-dev when a forwarding services VPC also gets prod's traffic for dev, both ways", () => {
    let mutated = servicesForwarding(servicesForwarding(plan, "10.10.0.0/16"), "10.30.0.0/16");
    mutated = withTable(mutated, "prod", (t) => ({
      ...t,
      staticRoutes: [...t.staticRoutes, { destination: "10.10.0.0/16", target: "vpc:services" }],
    }));
    // dev's replies: dev's app tier sends prod's CIDR to the TGW, the nonprod table to the services VPC
    mutated = withTable(mutated, "nonprod", (t) => ({
      ...t,
      staticRoutes: [...t.staticRoutes, { destination: "10.30.0.0/16", target: "vpc:services" }],
    }));
    mutated = {
      ...mutated,
      vpcs: mutated.vpcs.map((v) =>
        v.name === "dev"
          ? {
              ...v,
              routeTables: {
                ...v.routeTables,
                privateApp: v.routeTables.privateApp!.map((r) => [
                  ...r,
                  { destination: "10.30.0.0/16", target: { kind: "transit-gateway" } as const },
                ]),
              },
            }
          : v,
      ),
    };
    const result = checkIntent(mutated, { ...intentNamed("prod-via-shared-to-dev-denied"), through: undefined }, []);
    expect(result.ok).toBe(false);
    expect(result.scenarios[0]!.problem).toContain("expected denied, but dev/privateApp is reached");
  });

  it("fails dev-to-prod-denied when nonprod and prod tables learn each other's VPCs (the isolation the shared table must keep)", () => {
    let leaked = withTable(plan, "prod", (t) => ({ ...t, propagations: [...t.propagations, "vpc:dev"] }));
    leaked = withTable(leaked, "nonprod", (t) => ({ ...t, propagations: [...t.propagations, "vpc:prod"] }));
    leaked = {
      ...leaked,
      vpcs: leaked.vpcs.map((v) =>
        v.name === "dev"
          ? {
              ...v,
              routeTables: {
                ...v.routeTables,
                privateApp: v.routeTables.privateApp!.map((r) => [
                  ...r,
                  { destination: "10.30.0.0/16", target: { kind: "transit-gateway" } as const },
                ]),
              },
            }
          : v,
      ),
    };
    const devToProd: Intent = { name: "dev-to-prod", from: "dev/privateApp", to: "prod/privateApp", expect: "denied", failures: {} };
    expect(checkIntent(plan, devToProd, []).ok).toBe(true);
    const result = checkIntent(leaked, devToProd, []);
    expect(result.ok).toBe(false);
    expect(result.scenarios[0]!.problem).toContain(
      "expected denied, but prod/privateApp is reached: hop 2 tgw ← vpc:dev: tgw nonprod matched 10.30.0.0/16 (vpc) → vpc:prod",
    );
  });
});

describe("the synthesis of the shared-services scenario", () => {
  const synthesis = () => configSynthesis(dir);

  it("builds exactly the routing plan: nothing missing, nothing extra", () => {
    const s = synthesis();
    const stacks = Object.fromEntries(s.outcome.stacks.map((n) => [n, s.json(n)]));
    expect(compareRouting(routingPlanOf(s.model), stacks)).toEqual({ missing: [], extra: [] });
  });

  it("deploys the shared segment after the hub and before nonprod and prod, protected like prod", () => {
    expect(deployOrder(model)).toEqual(["bootstrap", "network-hub", "workload-services", "workload-dev", "workload-test", "workload-prod"]);
    expect(model.environments.find((e) => e.name === "services")!.preventDestroy).toBe(true);
    expect(model.environments.find((e) => e.name === "dev")!.preventDestroy).toBe(false);
  });

  it("passes the inspected segment's traffic with the shared services in the central firewall, both ways", () => {
    const hub = synthesis().text("network-hub");
    expect(hub).toContain(
      'pass ip [10.30.0.0/16] any <> [10.40.0.0/16] any (msg:\\"east-west: inspected VPCs <-> shared services\\"; sid:999999; rev:1;)',
    );
    expect(referenceSynthesis().text("network-hub")).not.toContain("shared services");
  });

  it("creates the hub's shared route table and lets the services attachment role touch only its tables", () => {
    const s = synthesis();
    const hub = s.json("network-hub");
    const tables = Object.values(hub.resource?.aws_ec2_transit_gateway_route_table ?? {}) as { tags: { Name: string } }[];
    expect(tables.map((t) => t.tags.Name)).toContain("acme-tgw-shared");
    const bootstrap = s.text("bootstrap");
    expect(bootstrap).toContain("acme-tgw-shared");
  });
});

describe("config checks of the shared segment", () => {
  it("rejects central inspection in the shared segment", () => {
    const d = sharedServicesConfigDir({ "services.yaml": `${SERVICES_YAML.replace("  natGateways: single\n", "")}inspection: central\n` });
    expect(problemsOf(d)).toEqual([
      "<dir>/services.yaml:11:13 inspection: the shared-services segment is not centrally inspected itself: its traffic with a centrally inspected segment already crosses the inspection VPC both ways (docs/shared-services.md), and the one inspection VPC serves one segment. Write inspection: none (or per-vpc for its internet traffic).",
    ]);
  });

  it("rejects through: with an intent that expects a path, and through: an unknown environment", () => {
    const d = sharedServicesConfigDir({
      "shared.yaml": replace(
        "\n# The bootstrap stack",
        "    - name: relayed-reached\n      from: dev/privateApp\n      to: services/privateApp\n      through: servics\n      expect: reached\n\n# The bootstrap stack",
      ),
    });
    expect(problemsOf(d)).toEqual([
      '<dir>/shared.yaml:129:16 routing.intents[9].through: no environment "servics". Did you mean services? Write one of: dev, prod, services, test.',
      "<dir>/shared.yaml:129:16 routing.intents[9].through: through: proves that servics's VPC does not pass the packet on, so the intent must expect denied in every scenario. Write expect: denied (and no other failures entry), or remove through.",
    ]);
  });
});
