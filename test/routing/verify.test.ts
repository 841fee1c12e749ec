import fc from "fast-check";
import { definedOnly } from "../../src/util/defined.js";
import { describe, expect, it } from "vitest";
import { planSubnets } from "../../src/config/subnet-plan.js";
import { inspectedVpcCidrs, planRouting, type RoutingInput, type RoutingPlan } from "../../src/routing/plan.js";
import { checkIntent, checkScenario, Network, type Failure, type Intent } from "../../src/routing/verify.js";

type Env = RoutingInput["environments"][number];
const env = (name: string, segment: "prod" | "nonprod" | "shared", cidr: string, over: Partial<Env> = {}): Env => {
  const plan = planSubnets(cidr, { public: 24, privateApp: 20, privateData: 23, transit: 28 }, 3, {
    firewall: over.inspection === "per-vpc",
  });
  if (!plan.fits) throw new Error("no fit");
  return {
    name,
    segment,
    inspection: "none",
    vpc: { cidr, azCount: 3, subnets: plan.plan },
    onPremisesAccess: { privateApp: "all", privateData: "none" },
    ...over,
  };
};
const inspection = {
  vpcCidr: "10.255.0.0/24",
  azCount: 3,
  subnets: {
    transitGateway: ["10.255.0.0/28", "10.255.0.16/28", "10.255.0.32/28"],
    firewall: ["10.255.0.48/28", "10.255.0.64/28", "10.255.0.80/28"],
    public: ["10.255.0.96/28", "10.255.0.112/28", "10.255.0.128/28"],
  },
};
/** The routing input of a dev + prod layout with DX and VPN; a key of `over` set to undefined is left out. */
const base = (over: { [K in keyof RoutingInput]?: RoutingInput[K] | undefined } = {}): RoutingInput =>
  definedOnly({
    onPremisesCidrs: ["172.16.0.0/16"],
    directConnect: { allowedPrefixes: ["10.10.0.0/16", "10.30.0.0/16"] },
    vpns: [{ staticRoutesOnly: false }],
    staticRoutes: [],
    environments: [env("dev", "nonprod", "10.10.0.0/16"), env("prod", "prod", "10.30.0.0/16")],
    ...over,
  }) as RoutingInput;
const intent = (from: string, to: string, expect: Intent["expect"], failures: Intent["failures"] = {}): Intent => ({
  name: "t",
  from,
  to,
  expect,
  failures,
});

describe("routing verifier", () => {
  it("prefers Direct Connect over the VPN for the same prefixes, both ways", () => {
    const r = checkScenario(planRouting(base()), intent("onprem:172.16.1.1", "prod/privateApp", { via: "directconnect" }), "normal");
    expect(r.ok).toBe(true);
    expect(r.forward!.hops[0]!.matched).toBe("10.30.0.0/16 via directconnect (DX preferred)");
    expect(r.back!.hops.find((h) => h.at.startsWith("tgw"))!.matched).toBe("172.16.0.0/16 (directconnect)");
  });

  it("fails over to the VPN when Direct Connect is down, and stays on DX when one tunnel is down", () => {
    const plan = planRouting(base());
    const result = checkIntent(
      plan,
      intent("onprem:172.16.1.1", "prod/privateApp", { via: "directconnect" }, { "directconnect-down": { via: "vpn" } }),
    );
    expect(result.ok).toBe(true);
    const dxDown = result.scenarios.find((s) => s.scenario === "directconnect-down")!;
    expect(dxDown.forward!.waypoints).toEqual(["vpn"]);
    expect(result.scenarios.find((s) => s.scenario === "vpn-tunnel-1-down")!.forward!.waypoints).toEqual(["directconnect"]);
  });

  it("isolates prod and nonprod in both directions", () => {
    const plan = planRouting(base());
    expect(checkIntent(plan, intent("dev/privateApp", "prod/privateApp", "denied")).ok).toBe(true);
    expect(checkIntent(plan, intent("prod/privateData", "dev/privateApp", "denied")).ok).toBe(true);
  });

  it("lets a longer propagated prefix beat a shorter static route", () => {
    const plan = planRouting(base({ staticRoutes: [{ routeTable: "prod", destinationCidr: "172.16.0.0/12", target: "blackhole" }] }));
    const net = new Network(plan);
    const prodTable = plan.tables.find((t) => t.name === "prod")!;
    expect(net.selectTgwRoute(prodTable, BigInt(0xac100101))).toMatchObject({ destination: "172.16.0.0/16", origin: "directconnect" });
    expect(net.selectTgwRoute(prodTable, BigInt(0xac110101))).toMatchObject({
      destination: "172.16.0.0/12",
      origin: "static",
      target: "blackhole",
    });
  });

  it("walks every AZ of the source and destination tiers, so a blackhole over one AZ's subnet is found", () => {
    // prod's privateApp subnets are 10.30.0.0/20, 10.30.16.0/20, 10.30.32.0/20: blackhole the second AZ's only.
    const plan = planRouting(base({ staticRoutes: [{ routeTable: "onprem", destinationCidr: "10.30.16.0/20", target: "blackhole" }] }));
    const inbound = checkScenario(plan, intent("onprem:172.16.1.1", "prod/privateApp", { via: "directconnect" }), "normal");
    // Each destination AZ, entered through each AZ of the attachment the TGW may pick (the blackhole path once).
    expect(new Set(inbound.paths.map((p) => `${p.to} ${p.ok}`))).toEqual(
      new Set(["prod/privateApp/az-a true", "prod/privateApp/az-b false", "prod/privateApp/az-c true"]),
    );
    expect(inbound.paths.filter((p) => !p.ok)).toHaveLength(1);
    expect(inbound.ok).toBe(false);
    expect(inbound.problem).toMatch(
      /^onprem 172\.16\.1\.1 → prod\/privateApp\/az-b: .*tgw onprem matched 10\.30\.16\.0\/20 \(static\) → blackhole/,
    );
    const outbound = checkScenario(plan, intent("prod/privateApp", "onprem:172.16.1.1", { via: "directconnect" }), "normal");
    expect(new Set(outbound.paths.filter((p) => !p.ok).map((p) => p.from))).toEqual(new Set(["prod/privateApp/az-b"]));
    expect(outbound.problem).toContain("the return packet is dropped");
    // With az-b down its subnet is gone: the two AZs left hold.
    const azBDown = checkScenario(plan, intent("onprem:172.16.1.1", "prod/privateApp", { via: "directconnect" }), "az-b-down");
    expect(azBDown.ok, azBDown.problem).toBe(true);
    expect(new Set(azBDown.paths.map((p) => p.to))).toEqual(new Set(["prod/privateApp/az-a", "prod/privateApp/az-c"]));
  });

  it("walks every AZ the transit gateway may pick for a flow through an appliance-mode attachment", () => {
    const plan = planRouting(base({ inspection, environments: [env("prod", "prod", "10.30.0.0/16", { inspection: "central" })] }));
    const r = checkScenario(plan, intent("prod/privateApp/a", "onprem:172.16.1.1", { via: ["directconnect", "inspection"] }), "normal");
    expect(r.ok, r.problem).toBe(true);
    expect(r.paths.map((p) => p.forward.firewallEndpoints)).toEqual([["inspection az-a"], ["inspection az-b"], ["inspection az-c"]]);
    expect(r.paths.map((p) => p.back!.firewallEndpoints)).toEqual([["inspection az-a"], ["inspection az-b"], ["inspection az-c"]]);
  });

  it("catches a static route toward the VPN pulling traffic off Direct Connect, and names the hop", () => {
    const plan = planRouting(base({ staticRoutes: [{ routeTable: "prod", destinationCidr: "172.16.0.0/16", target: "vpn" }] }));
    const r = checkScenario(plan, intent("prod/privateApp", "onprem:172.16.1.1", { via: "directconnect" }), "normal");
    expect(r.ok).toBe(false);
    expect(r.problem).toMatch(/does not cross directconnect .*hop 2 tgw ← vpc:prod: tgw prod matched 172\.16\.0\.0\/16 \(static\) → vpn/);
  });

  it("keeps flows symmetric through the firewall when an AZ fails, thanks to appliance mode", () => {
    const input = base({
      inspection,
      environments: [env("dev", "nonprod", "10.10.0.0/16"), env("prod", "prod", "10.30.0.0/16", { inspection: "central" })],
    });
    const plan = planRouting(input);
    for (const failure of ["az-a-down", "az-b-down", "az-c-down"] as const) {
      const r = checkScenario(plan, intent("onprem:172.16.1.1", "prod/privateApp", { via: ["directconnect", "inspection"] }), failure);
      expect(r.ok, r.problem).toBe(true);
      expect(r.forward!.firewallAzs).toEqual([...r.back!.firewallAzs].reverse());
      expect(r.forward!.firewallAzs).not.toContain(["a", "b", "c"].indexOf(failure[3]!));
    }
  });

  it("reports an asymmetric flow through the firewall without appliance mode", () => {
    const input = base({ inspection, environments: [env("prod", "prod", "10.30.0.0/16", { inspection: "central" })] });
    const plan = planRouting(input);
    const noAppliance: RoutingPlan = { ...plan, attachments: plan.attachments.map((a) => ({ ...a, applianceMode: false })) };
    const results = ["a", "b", "c"].flatMap((az) =>
      [1, 2, 3, 4, 5].map((host) =>
        checkScenario(noAppliance, intent(`onprem:172.16.1.${host}`, `prod/privateApp/${az}`, { via: "inspection" }), "normal"),
      ),
    );
    expect(results.some((r) => r.problem?.includes("asymmetric through the stateful firewall"))).toBe(true);
  });

  it("denies on-prem the data tier except from the named range", () => {
    const prod = env("prod", "prod", "10.30.0.0/16", { onPremisesAccess: { privateApp: "all", privateData: ["172.16.50.0/24"] } });
    const plan = planRouting(base({ environments: [prod] }));
    expect(checkScenario(plan, intent("onprem:172.16.1.1", "prod/privateData", "denied"), "normal").ok).toBe(true);
    expect(checkScenario(plan, intent("onprem:172.16.50.9", "prod/privateData", { via: "directconnect" }), "normal").ok).toBe(true);
  });

  it("sends prod egress through the firewall when inspection is central", () => {
    const plan = planRouting(base({ inspection, environments: [env("prod", "prod", "10.30.0.0/16", { inspection: "central" })] }));
    const r = checkScenario(plan, intent("prod/privateApp", "internet", { via: "inspection" }), "normal");
    expect(r.ok, r.problem).toBe(true);
    expect(r.forward!.hops.map((h) => h.next)).toEqual([
      "transit-gateway",
      "vpc:inspection",
      "firewall-endpoint az-a",
      "nat-gateway az-a",
      "internet-gateway",
    ]);
  });
});

describe("invariants on every path", () => {
  const central = (name: string, cidr: string) => env(name, "prod", cidr, { inspection: "central" });

  it("holds for central inspection with appliance mode, in every scenario", () => {
    const plan = planRouting(base({ inspection, environments: [env("dev", "nonprod", "10.10.0.0/16"), central("prod", "10.30.0.0/16")] }));
    for (const [from, to] of [
      ["onprem:172.16.1.1", "prod/privateApp"],
      ["prod/privateApp", "onprem:172.16.1.1"],
      ["onprem:172.16.1.1", "dev/privateApp"],
    ] as const) {
      const r = checkIntent(plan, intent(from, to, { via: "directconnect" }, { "directconnect-down": { via: "vpn" } }));
      expect(r.ok, r.scenarios.find((s) => !s.ok)?.problem).toBe(true);
    }
  });

  it("rejects a flow inspected one way only: an uninspected environment in an inspected segment", () => {
    // prod2 sits in the prod segment without inspection (the config refuses this; the plan shows why): on-prem
    // reaches it directly, its replies take the segment's 0.0.0.0/0 through the firewall.
    const plan = planRouting(
      base({
        inspection,
        directConnect: { allowedPrefixes: ["10.30.0.0/16", "10.40.0.0/16"] },
        environments: [central("prod", "10.30.0.0/16"), env("prod2", "prod", "10.40.0.0/16", { inspection: "none" })],
      }),
    );
    const r = checkScenario(plan, intent("onprem:172.16.1.1", "prod2/privateApp", { via: "directconnect" }), "normal");
    expect(r.ok).toBe(false);
    expect(r.problem).toMatch(/asymmetric through the stateful firewall \(forward none, return inspection az-[abc]\)/);
    expect(r.forward!.firewallEndpoints).toEqual([]);
    expect(r.back!.firewallEndpoints).toHaveLength(1);
    // Every path fails, from every AZ the reply may cross the firewall in.
    expect(r.paths.every((p) => !p.ok)).toBe(true);
  });

  it("rejects a hand-edited plan whose on-prem table bypasses the firewall toward an inspected VPC", () => {
    const plan = planRouting(base({ inspection, environments: [central("prod", "10.30.0.0/16")] }));
    const edited: RoutingPlan = {
      ...plan,
      tables: plan.tables.map((t) =>
        t.name === "onprem" ? { ...t, staticRoutes: [], propagations: [...t.propagations, "vpc:prod" as const] } : t,
      ),
    };
    const r = checkScenario(edited, intent("prod/privateApp", "onprem:172.16.1.1", { via: "directconnect" }), "normal");
    expect(r.ok).toBe(false);
    expect(r.problem).toMatch(/asymmetric through the stateful firewall \(forward inspection az-[abc], return none\)/);
  });

  it("rejects a path over the VPN while Direct Connect is up, even both ways and as the intent asks", () => {
    // A hand-edited plan: Direct Connect neither advertises prod's range nor propagates into prod's table.
    const plan = planRouting(base({ directConnect: { allowedPrefixes: ["10.10.0.0/16"] } }));
    const edited: RoutingPlan = {
      ...plan,
      tables: plan.tables.map((t) => (t.name === "prod" ? { ...t, propagations: t.propagations.filter((a) => a !== "directconnect") } : t)),
    };
    const r = checkScenario(edited, intent("onprem:172.16.1.1", "prod/privateApp", { via: "vpn" }), "normal");
    expect(r.forward!.waypoints).toEqual(["vpn"]);
    expect(r.back!.waypoints).toEqual(["vpn"]);
    expect(r.ok).toBe(false);
    expect(r.problem).toContain(
      "the forward path takes the VPN while Direct Connect is up (hop 1 on-prem router: BGP (DX, VPN) matched 10.30.0.0/16 via vpn → vpn)",
    );
    expect(checkScenario(edited, intent("onprem:172.16.1.1", "prod/privateApp", { via: "vpn" }), "directconnect-down").ok).toBe(true);
  });

  it("finds appliance mode switched off on every path it breaks, not only for some addresses", () => {
    const plan = planRouting(base({ inspection, environments: [central("prod", "10.30.0.0/16")] }));
    const off: RoutingPlan = { ...plan, attachments: plan.attachments.map((a) => ({ ...a, applianceMode: false })) };
    const r = checkScenario(off, intent("onprem:172.16.1.1", "prod/privateApp", { via: ["directconnect", "inspection"] }), "normal");
    expect(r.ok).toBe(false);
    // From DX the TGW hashes the flow onto any inspection AZ; the reply comes back through the destination's AZ.
    for (const to of ["az-a", "az-b", "az-c"]) {
      const failing = r.paths.filter((p) => p.to === `prod/privateApp/${to}` && !p.ok);
      expect(failing.map((p) => p.forward.firewallEndpoints[0]).sort()).toEqual(
        ["inspection az-a", "inspection az-b", "inspection az-c"].filter((e) => e !== `inspection ${to}`),
      );
    }
  });

  it("rejects a VPC attachment missing an AZ: that AZ's subnets cannot reach the transit gateway", () => {
    const plan = planRouting(base());
    const edited: RoutingPlan = {
      ...plan,
      attachments: plan.attachments.map((a) => (a.id === "vpc:prod" ? { ...a, azs: [0, 1] } : a)),
    };
    const r = checkScenario(edited, intent("prod/privateApp", "onprem:172.16.1.1", { via: "directconnect" }), "normal");
    expect(r.paths.filter((p) => !p.ok).map((p) => p.from)).toEqual(["prod/privateApp/az-c"]);
    expect(r.problem).toContain("vpc:prod has no ENI in az-c, so traffic from az-c cannot reach the transit gateway");
    // On-prem to that AZ gets there (the ENIs in a and b deliver locally), but the reply cannot leave.
    const inbound = checkScenario(edited, intent("onprem:172.16.1.1", "prod/privateApp/c", { via: "directconnect" }), "normal");
    expect(inbound.problem).toContain("the return packet is dropped");
  });

  it("rejects a flow that enters over the VPN and returns over Direct Connect", () => {
    // DX advertises a /12 summary, the VPN the VPC's /16: on-prem prefers the longer prefix, the VPN. The intent
    // asks only for inspection, which both directions cross: the link asymmetry alone fails it.
    const plan = planRouting(
      base({ inspection, directConnect: { allowedPrefixes: ["10.16.0.0/12"] }, environments: [central("prod", "10.30.0.0/16")] }),
    );
    const r = checkScenario(plan, intent("onprem:172.16.1.1", "prod/privateApp", { via: "inspection" }), "normal");
    expect(r.ok).toBe(false);
    expect(r.forward!.hops[0]!.matched).toBe("10.30.0.0/16 via vpn");
    expect(r.problem).toMatch(
      /the flow goes over vpn \(hop 1 on-prem router: BGP \(DX, VPN\) matched 10\.30\.0\.0\/16 via vpn → vpn\) and returns over directconnect \(hop \d+ tgw ← vpc:inspection: tgw inspection matched 172\.16\.0\.0\/16 \(directconnect\) → directconnect\)/,
    );
    // Under directconnect-down both ways take the VPN: no asymmetry.
    expect(checkScenario(plan, intent("onprem:172.16.1.1", "prod/privateApp", { via: "inspection" }), "directconnect-down").ok).toBe(true);
  });
});

describe("routing verifier, per-vpc inspection", () => {
  const perVpc = (over: Partial<Env> = {}) => env("prod", "prod", "10.30.0.0/16", { inspection: "per-vpc", ...over });
  const plan = planRouting(base({ environments: [env("dev", "nonprod", "10.10.0.0/16"), perVpc()] }));

  it("sends prod egress through the VPC's own firewall: app → NAT → the same AZ's endpoint → internet gateway", () => {
    const r = checkScenario(plan, intent("prod/privateApp/b", "internet", { via: "inspection" }), "normal");
    expect(r.ok, r.problem).toBe(true);
    expect(r.forward!.hops.map((h) => `${h.at} → ${h.next}`)).toEqual([
      "prod/privateApp/az-b → nat-gateway az-b",
      "prod/public/az-b → firewall-endpoint az-b",
      "prod/firewall/az-b → internet-gateway",
    ]);
  });

  it("inspects internet ingress to the public subnets through the IGW edge route table, and the return through the same endpoint", () => {
    for (const az of ["a", "b", "c"]) {
      const r = checkScenario(plan, intent("internet", `prod/public/${az}`, { via: "inspection" }), "normal");
      expect(r.ok, r.problem).toBe(true);
      expect(r.forward!.hops[0]).toMatchObject({
        at: "internet-gateway prod",
        table: "igw edge route table",
        next: `firewall-endpoint az-${az}`,
      });
      expect(r.forward!.firewallAzs).toEqual(r.back!.firewallAzs);
      expect(r.back!.hops.map((h) => h.next)).toEqual([`firewall-endpoint az-${az}`, "internet-gateway"]);
    }
  });

  it("reports an ingress route to another AZ's endpoint as an asymmetric flow", () => {
    const prod = plan.vpcs.find((v) => v.name === "prod")!;
    const crossed: RoutingPlan = {
      ...plan,
      vpcs: plan.vpcs.map((v) =>
        v === prod
          ? {
              ...v,
              gatewayRoutes: v.gatewayRoutes!.map((r, i) => ({ ...r, target: { kind: "firewall-endpoint" as const, az: (i + 1) % 3 } })),
            }
          : v,
      ),
    };
    const r = checkScenario(crossed, intent("internet", "prod/public/a", { via: "inspection" }), "normal");
    expect(r.ok).toBe(false);
    expect(r.problem).toContain("asymmetric through the stateful firewall (forward prod az-b, return prod az-a)");
  });

  it("walks the reply to egress back through the NAT gateway, and rejects an edge route to another AZ's endpoint", () => {
    const ok = checkScenario(plan, intent("prod/privateApp/b", "internet", { via: "inspection" }), "normal");
    expect(ok.ok, ok.problem).toBe(true);
    expect(ok.back!.hops.map((h) => `${h.at} → ${h.next}`)).toEqual([
      "internet-gateway prod → firewall-endpoint az-b",
      "prod/firewall/az-b → deliver",
      "nat-gateway prod az-b → 10.30.16.4",
      "prod/public/az-b → deliver",
    ]);
    const prod = plan.vpcs.find((v) => v.name === "prod")!;
    const crossed: RoutingPlan = {
      ...plan,
      vpcs: plan.vpcs.map((v) =>
        v === prod
          ? {
              ...v,
              gatewayRoutes: v.gatewayRoutes!.map((r, i) =>
                i === 1 ? { ...r, target: { kind: "firewall-endpoint" as const, az: 2 } } : r,
              ),
            }
          : v,
      ),
    };
    const r = checkScenario(crossed, intent("prod/privateApp", "internet", { via: "inspection" }), "normal");
    expect(r.paths.map((p) => [p.from, p.ok])).toEqual([
      ["prod/privateApp/az-a", true],
      ["prod/privateApp/az-b", false],
      ["prod/privateApp/az-c", true],
    ]);
    expect(r.problem).toContain("asymmetric through the stateful firewall (forward prod az-b, return prod az-c)");
  });

  it("keeps every other AZ's egress and ingress inspected when an AZ fails", () => {
    for (const failure of ["az-a-down", "az-b-down", "az-c-down"] as const) {
      const down = ["a", "b", "c"].indexOf(failure[3]!);
      for (const az of ["a", "b", "c"].filter((_, i) => i !== down)) {
        const out = checkScenario(plan, intent(`prod/privateApp/${az}`, "internet", { via: "inspection" }), failure);
        const into = checkScenario(plan, intent("internet", `prod/public/${az}`, { via: "inspection" }), failure);
        expect(out.ok, out.problem).toBe(true);
        expect(into.ok, into.problem).toBe(true);
        expect([...out.forward!.firewallAzs, ...into.forward!.firewallAzs, ...into.back!.firewallAzs]).not.toContain(down);
      }
      // The failed AZ's own subnets are gone: not applicable rather than a violation.
      expect(checkScenario(plan, intent(`prod/privateApp/${failure[3]}`, "internet", { via: "inspection" }), failure)).toMatchObject({
        applicable: false,
        ok: true,
      });
    }
  });

  it("loses egress with a single NAT gateway when its AZ fails, and says where", () => {
    const single = planRouting(base({ environments: [perVpc({ vpc: { ...perVpc().vpc, natGateways: "single" } })] }));
    const r = checkScenario(single, intent("prod/privateApp", "internet", { via: "inspection" }), "az-a-down");
    expect(r.ok).toBe(false);
    expect(r.problem).toContain(
      "packet is dropped at hop 1 prod/privateApp/az-b: vpc route table matched 0.0.0.0/0 → nat-gateway az-a: nat-gateway az-a is down",
    );
    expect(checkScenario(single, intent("prod/privateApp", "internet", "denied"), "az-a-down").ok).toBe(true);
  });

  it("does not inspect east-west traffic: on-prem reaches a per-vpc environment over Direct Connect only", () => {
    const r = checkScenario(plan, intent("onprem:172.16.1.1", "prod/privateApp", { via: "directconnect" }), "normal");
    expect(r.ok, r.problem).toBe(true);
    expect(r.forward!.waypoints).toEqual(["directconnect"]);
  });

  it("reaches only public subnets from the internet, and goes straight to them without an edge route table", () => {
    expect(checkScenario(plan, intent("internet", "prod/privateApp", "denied"), "normal").ok).toBe(true);
    const plain = checkScenario(plan, intent("internet", "dev/public", { via: "inspection" }), "normal");
    expect(plain.ok).toBe(false);
    expect(plain.forward!.hops[0]).toMatchObject({ table: "igw (no edge route table)", next: "deliver" });
    expect(plain.problem).toContain("does not cross inspection");
  });
});

describe("segment isolation (property)", () => {
  const failures: Failure[] = ["directconnect-down", "vpn-tunnel-1-down", "vpn-tunnel-2-down", "az-a-down", "az-b-down", "az-c-down"];
  const tiers = ["public", "privateApp", "privateData"] as const;
  const layout = fc
    .record({
      segments: fc.array(fc.constantFrom("prod" as const, "nonprod" as const, "shared" as const), { minLength: 2, maxLength: 5 }),
      central: fc.boolean(),
      perVpc: fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
      dx: fc.boolean(),
      vpn: fc.boolean(),
      access: fc.array(fc.constantFrom("all" as const, "none" as const), { minLength: 5, maxLength: 5 }),
      down: fc.subarray(failures),
    })
    .filter((l) => l.segments.includes("prod") && l.segments.includes("nonprod"));

  it("never lets prod and nonprod reach each other, directly or relayed by a shared-services VPC, whatever the layout, inspection modes and failures", () => {
    fc.assert(
      fc.property(layout, (l) => {
        const environments = l.segments.map((segment, i) =>
          env(`e${i}`, segment, `10.${i + 1}.0.0/16`, {
            inspection: l.central && segment === "prod" ? "central" : l.perVpc[i] ? "per-vpc" : "none",
            ...(segment === "shared" ? { inspection: l.perVpc[i] ? ("per-vpc" as const) : ("none" as const) } : {}),
            onPremisesAccess: { privateApp: l.access[i]!, privateData: l.access[i]! },
          }),
        );
        const input = base({
          environments,
          ...(l.central ? { inspection } : {}),
          ...(l.dx ? {} : { directConnect: undefined }),
          ...(l.vpn ? {} : { vpn: undefined }),
        });
        const plan = planRouting(input);
        const net = new Network(plan, l.down);
        for (const a of environments)
          for (const b of environments) {
            if (a.segment === b.segment || a.segment === "shared" || b.segment === "shared") continue;
            for (const tier of tiers) {
              const from = net.resolve(`${a.name}/${tier}`);
              const to = net.resolve(`${b.name}/privateApp`);
              if (typeof from === "string" || typeof to === "string") continue;
              expect(net.trace(from, to.ip).reached, `${a.name}/${tier} → ${b.name}`).toBe(false);
              // relayed: the packet as the TGW hands it to a shared-services VPC goes no further
              for (const relay of environments.filter((e) => e.segment === "shared"))
                for (let az = 0; az < relay.vpc.azCount; az++) {
                  const at = { kind: "subnet" as const, vpc: relay.name, tier: "transit" as const, az, ip: from.ip };
                  expect(net.trace(at, to.ip).reached, `${a.name}/${tier} via ${relay.name} → ${b.name}`).toBe(false);
                }
            }
          }
      }),
      { numRuns: 150 },
    );
  });

  it("lets prod and nonprod reach a shared-services VPC and back in the normal state, whatever the layout", () => {
    fc.assert(
      fc.property(layout, (l) => {
        const environments = [
          ...l.segments.map((segment, i) =>
            env(`e${i}`, segment === "shared" ? "nonprod" : segment, `10.${i + 1}.0.0/16`, {
              inspection: l.central && segment === "prod" ? "central" : l.perVpc[i] ? "per-vpc" : "none",
            }),
          ),
          env("svc", "shared", "10.100.0.0/16"),
        ];
        const plan = planRouting(base({ environments, ...(l.central ? { inspection } : {}) }));
        for (const e of environments.filter((x) => x.segment !== "shared"))
          for (const [from, to] of [
            [`${e.name}/privateApp`, "svc/privateApp"],
            ["svc/privateApp", `${e.name}/privateApp`],
          ] as const) {
            const r = checkScenario(
              plan,
              intent(from, to, l.central && e.segment === "prod" ? { via: "inspection" } : "reached"),
              "normal",
            );
            expect(r.ok, `${from} → ${to}: ${r.problem}`).toBe(true);
          }
      }),
      { numRuns: 40 },
    );
  });
});

describe("inspectedVpcCidrs", () => {
  it("lists the VPCs whose table sends traffic to the inspection attachment, and nothing without central inspection", () => {
    const central = planRouting(
      base({
        inspection,
        environments: [
          env("dev", "nonprod", "10.10.0.0/16"),
          env("prod", "prod", "10.30.0.0/16", { inspection: "central" }),
          env("prod2", "prod", "10.40.0.0/16", { inspection: "central" }),
        ],
      }),
    );
    expect(inspectedVpcCidrs(central)).toEqual(["10.30.0.0/16", "10.40.0.0/16"]);
    expect(inspectedVpcCidrs(planRouting(base()))).toEqual([]);
  });
});
