import { afterAll, describe, expect, it } from "vitest";
import { cleanupConfigDirs, replace, referenceWith } from "../support/config-dir.js";
import { lz, STACK_FRAME } from "./lz.js";

afterAll(cleanupConfigDirs);

describe("lz routes", () => {
  it("proves every shipped intent, including Direct Connect failover to the VPN, and exits 0", () => {
    const r = lz(["routes"]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("✔ onprem-to-prod-app  onprem:172.16.10.10 → prod/privateApp");
    expect(r.stdout).toMatch(/directconnect-down\s+via vpn, inspection\s+via vpn, inspection\s+ok/);
    expect(r.stdout).toMatch(/1\s+on-prem router\s+BGP \(DX, VPN\)\s+10\.30\.0\.0\/16 via directconnect \(DX preferred\)\s+directconnect/);
    expect(r.stdout).toContain("All 9 intents hold in the normal state and under every failure.");
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
