import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cleanupConfigDirs, REFERENCE_DIR, referenceWith, replace } from "./support/config-dir.js";

const scratch = mkdtempSync(join(tmpdir(), "lz-main-"));
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
  cleanupConfigDirs();
});

/** An output folder holding an earlier synthesis (one sentinel file), and a way to prove it untouched. */
function earlierOutput(name: string) {
  const dir = join(scratch, name);
  cpSync("test/fixtures/minimal", join(dir, "earlier"), { recursive: true });
  writeFileSync(join(dir, "manifest.json"), '{"earlier":true}');
  const snapshot = () => JSON.stringify(readdirSync(dir, { recursive: true }).sort()) + readFileSync(join(dir, "manifest.json"), "utf8");
  const before = snapshot();
  return { dir, unchanged: () => snapshot() === before };
}

const run = (cmd: string, args: string[], env: Record<string, string> = {}) =>
  spawnSync(cmd, args, { encoding: "utf8", env: { ...process.env, CHECKPOINT_DISABLE: "1", ...env }, timeout: 120_000 });

const STACK_FRAME = /^\s+at .+\(.+:\d+:\d+\)$/m;

describe("main.ts", () => {
  const bad = referenceWith({
    "test.yaml": replace("10.20.0.0/16", "10.10.0.0/16"),
    "dev.yaml": replace("natGateways: single", "natGateway: single"),
  });

  it("synthesizes the config in LZ_CONFIG_DIR into CDKTF_OUTDIR", () => {
    const out = join(scratch, "good");
    const r = run(process.execPath, ["--import", "tsx", "main.ts"], { CDKTF_OUTDIR: out, LZ_CONFIG_DIR: REFERENCE_DIR });
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(join(out, "stacks")).sort()).toEqual(["bootstrap", "network-hub", "workload-dev", "workload-prod", "workload-test"]);
  });

  it("rejects an invalid config with exit 1, every problem, no stack trace, and the earlier output untouched", () => {
    const earlier = earlierOutput("bad-main");
    const r = run(process.execPath, ["--import", "tsx", "main.ts", "--config", bad], { CDKTF_OUTDIR: earlier.dir });
    expect(r.status).toBe(1);
    // Both in one run: dev.yaml's shape error, and test.yaml's VPC overlapping dev's (dev's CIDR still parsed).
    expect(r.stderr).toContain("config has 2 problems:");
    expect(r.stderr).toMatch(/dev\.yaml:11:3 vpc\.natGateway: unknown key "natGateway"\. Did you mean natGateways\?/);
    expect(r.stderr).toMatch(/test\.yaml:9:9 vpc\.cidr: 10\.10\.0\.0\/16 overlaps the dev VPC/);
    expect(r.stderr).not.toMatch(STACK_FRAME);
    expect(earlier.unchanged()).toBe(true);
  });

  it("rejects an unknown flag with exit 2 and a usage line", () => {
    const r = run(process.execPath, ["--import", "tsx", "main.ts", "--confg", "x"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("Usage: tsx main.ts [--config DIR] [--without-bootstrap]");
    expect(r.stderr).not.toMatch(STACK_FRAME);
  });

  it("leaves out the hand-applied bootstrap stack with --without-bootstrap, as cdktf.json's app runs it, and writes the rest", () => {
    const app = (JSON.parse(readFileSync("cdktf.json", "utf8")) as { app: string }).app;
    expect(app).toBe("node scripts/synth.mjs --without-bootstrap");
    const out = join(scratch, "cdktf-app");
    const [cmd, ...args] = app.split(" ");
    const r = run(cmd === "node" ? process.execPath : cmd!, args, { CDKTF_OUTDIR: out, LZ_CONFIG_DIR: REFERENCE_DIR });
    expect(r.status, r.stderr).toBe(0);
    const manifest = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8")) as { stacks: Record<string, { dependencies: string[] }> };
    const stacks = Object.keys(manifest.stacks).sort();
    expect(stacks).toEqual(["network-hub", "workload-dev", "workload-prod", "workload-test"]);
    expect(readdirSync(join(out, "stacks")).sort()).toEqual(stacks);
    // docs/cdktf.md: `npx cdktf deploy network-hub 'workload-*'` names every stack a selected stack depends on, so
    // cdktf's check "dependencies are not included in the stacks to run" passes; 'workload-*' alone would not.
    const selected = stacks.filter((s) => s === "network-hub" || s.startsWith("workload-"));
    const dependencies = new Set(selected.flatMap((s) => manifest.stacks[s]!.dependencies.map((d) => d.split("/").at(-1)!)));
    expect([...dependencies]).toEqual(["network-hub"]);
    for (const d of dependencies) expect(selected).toContain(d);
  });

  it("fails the same way through cdktf synth, leaving the earlier cdktf.out untouched", () => {
    const earlier = earlierOutput("bad-cdktf");
    const cli = join("node_modules", ".bin", "cdktf");
    expect(existsSync(cli)).toBe(true);
    const r = run(cli, ["synth", "--output", earlier.dir], { LZ_CONFIG_DIR: bad, CI: "true", FORCE_COLOR: "0" });
    expect(r.status).not.toBe(0);
    expect(r.stdout + r.stderr).toMatch(/dev\.yaml:11:3 vpc\.natGateway: unknown key/);
    expect(r.stdout + r.stderr).not.toMatch(STACK_FRAME);
    expect(earlier.unchanged()).toBe(true);
  });
});
