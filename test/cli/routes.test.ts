import { afterAll, describe, expect, it } from "vitest";
import { cleanupConfigDirs, replace, referenceWith } from "../support/config-dir.js";
import { lz, STACK_FRAME } from "./lz.js";

afterAll(cleanupConfigDirs);

describe("lz routes", () => {
  it("proves every shipped intent on every AZ path and prints one row per intent, one column per scenario, exit 0", () => {
    const r = lz(["routes"]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const lines = r.stdout.split("\n");
    expect(lines[0]).toMatch(
      /^intent\s+normal\s+directconnect-down\s+vpn-tunnel-1-down\s+vpn-tunnel-2-down\s+az-a-down \(euw1-az1\)\s+az-b-down \(euw1-az2\)\s+az-c-down \(euw1-az3\)$/,
    );
    // prod has three AZs: from on-prem to each of them, and under az-a-down to the two left; the return path is
    // walked too. The numbers count distinct paths, so they move only when the reference layout does.
    expect(lines).toContain(
      "onprem-to-prod-app          ok 9    ok 9                ok 9               ok 9               ok 4                  ok 4                  ok 4",
    );
    expect(lines.filter((l) => /^[a-z-]+\s+(ok \d+\s*)+$/.test(l))).toHaveLength(9);
    expect(r.stdout).not.toMatch(/VIOLATED \d/);
    expect(r.stdout).not.toContain("on-prem router");
    expect(r.stdout).toMatch(/All 9 intents hold in the normal state and under every failure \(\d+ paths checked\)\./);
  });

  it("prints every hop of every path with --hops, Direct Connect preferred and the failover to the VPN", () => {
    const r = lz(["routes", "--hops", "--intent", "onprem-to-prod-app"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("✔ onprem-to-prod-app  onprem:172.16.10.10 → prod/privateApp");
    expect(r.stdout).toMatch(/directconnect-down\s+via vpn, inspection\s+via vpn, inspection\s+9\s+ok/);
    expect(r.stdout).toMatch(/1\s+on-prem router\s+BGP \(DX, VPN\)\s+10\.30\.0\.0\/16 via directconnect \(DX preferred\)\s+directconnect/);
    for (const az of ["a", "b", "c"]) {
      expect(r.stdout).toContain(`hops, normal, onprem 172.16.10.10 → prod/privateApp/az-${az}:`);
      expect(r.stdout).toContain(`return path, prod/privateApp/az-${az} → onprem 172.16.10.10:`);
    }
  });

  it("keeps --format json machine readable: every scenario's paths, hops only for failing paths unless --hops", () => {
    const brief = JSON.parse(lz(["routes", "--format", "json", "--intent", "onprem-to-prod-app"]).stdout);
    const normal = brief.intents[0].scenarios[0];
    expect(normal).toMatchObject({ scenario: "normal", ok: true, applicable: true });
    expect(normal.paths).toHaveLength(9);
    expect(normal.paths[0]).toMatchObject({ from: "onprem 172.16.10.10", to: "prod/privateApp/az-a", ok: true });
    expect(normal.paths[0].forward).toEqual({
      reached: true,
      waypoints: ["directconnect", "inspection"],
      firewallEndpoints: [expect.stringMatching(/^inspection az-[abc]$/)],
    });
    const full = JSON.parse(lz(["routes", "--format", "json", "--hops", "--intent", "onprem-to-prod-app"]).stdout);
    expect(full.intents[0].scenarios[0].paths[0].forward.hops[0]).toMatchObject({ at: "on-prem router", next: "directconnect" });
  });

  it("finds a blackhole static route over one AZ's subnet: lz validate exits 1 with file:line, lz routes prints the failing path", () => {
    // 10.30.16.0/20 is prod's privateApp subnet in its second AZ: only paths to or from az-b break.
    const dir = referenceWith({
      "shared.yaml": replace(
        "routing:\n  intents:",
        "routing:\n  staticRoutes:\n    - { routeTable: onprem, destinationCidr: 10.30.16.0/20, target: blackhole }\n  intents:",
      ),
    });
    const validate = lz(["validate", "--config", dir]);
    expect(validate.status).toBe(1);
    expect(validate.stderr).toMatch(
      /shared\.yaml:\d+:\d+ routing\.intents\[0\]\.expect: intent onprem-to-prod-app is violated in the normal state .*: onprem 172\.16\.10\.10 → prod\/privateApp\/az-b: .*dropped at hop 2 tgw ← directconnect: tgw onprem matched 10\.30\.16\.0\/20 \(static\) → blackhole/,
    );
    expect(validate.stderr).not.toMatch(STACK_FRAME);
    const routes = lz(["routes", "--config", dir]);
    expect(routes.status).toBe(1);
    expect(routes.stdout).toMatch(/^onprem-to-prod-app\s+VIOLATED 1\/7\s+VIOLATED 1\/7\s+.*ok 4\s+VIOLATED 1\/3$/m);
    expect(routes.stdout).toContain("normal: expected via directconnect, inspection, onprem 172.16.10.10 → prod/privateApp/az-b:");
    expect(routes.stdout).toMatch(/2\s+tgw ← directconnect\s+tgw onprem\s+10\.30\.16\.0\/20 \(static\)\s+blackhole/);
    expect(routes.stdout).not.toContain("→ prod/privateApp/az-a:");
  });

  it("rejects a config whose static VPN route breaks an intent, in lz routes, lz validate and lz synth, naming the intent and the hop", () => {
    // Without Direct Connect a static VPN route is allowed by the validator; the intent still expects DX.
    const dir = referenceWith({
      "shared.yaml": (t) =>
        replace(
          "routing:\n  intents:",
          "routing:\n  staticRoutes:\n    - { routeTable: nonprod, destinationCidr: 172.16.0.0/16, target: blackhole }\n  intents:",
        )(t),
    });
    const routes = lz(["routes", "--config", dir, "--intent", "onprem-to-dev-app"]);
    expect(routes.status).toBe(1);
    expect(routes.stdout).toContain("✘ onprem-to-dev-app");
    expect(routes.stdout).toContain("VIOLATED");
    const validate = lz(["validate", "--config", dir]);
    expect(validate.status).toBe(1);
    expect(validate.stderr).toMatch(
      /shared\.yaml:\d+:\d+ routing\.intents\[4\]\.expect: intent onprem-to-dev-app is violated in the normal state .*return packet is dropped at hop 2 tgw ← vpc:dev: tgw nonprod matched 172\.16\.0\.0\/16 \(static\) → blackhole/,
    );
    expect(validate.stderr).not.toMatch(STACK_FRAME);
    const synth = lz(["synth", "--config", dir, "--out", `${dir}.out`]);
    expect(synth.status).toBe(1);
    expect(synth.stderr).toContain("intent onprem-to-dev-app is violated");
  });

  it("rejects an unknown intent name with exit 1", () => {
    const r = lz(["routes", "--intent", "nope"]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("no intent named nope");
  });
});
