import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { formatProblem } from "../../src/config/index.js";
import { cleanupConfigDirs, replace, referenceWith, structuredProblemsOf } from "../support/config-dir.js";
import { fingerprint, lz, referenceProject, STACK_FRAME } from "./lz.js";

afterAll(cleanupConfigDirs);

const SHIPPED_STACKS = ["bootstrap", "network-hub", "workload-dev", "workload-test", "workload-prod"];

describe("lz validate on the shipped config", () => {
  it("prints one OK line with the stack count and exits 0", () => {
    const r = lz(["validate"]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toBe("OK environments: 5 stacks (bootstrap, network-hub, workload-dev, workload-test, workload-prod)\n");
  });

  it("prints ok:true with the stacks as one line of JSON with --format json", () => {
    const r = lz(["validate", "--format", "json"]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout.trimEnd()).not.toContain("\n");
    expect(JSON.parse(r.stdout)).toEqual({ ok: true, config: "environments", stacks: SHIPPED_STACKS, problems: [] });
  });

  it("reads the folder from LZ_CONFIG_DIR when --config is not given", () => {
    const r = lz(["validate"], { env: { LZ_CONFIG_DIR: "test/fixtures/minimal" } });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe("OK test/fixtures/minimal: 2 stacks (network-hub, workload-app)\n");
  });
});

describe("lz validate on a broken copy of the shipped config", () => {
  const broken = referenceWith({
    "prod.yaml": replace("azCount: 3", "azCuont: 3"),
    "test.yaml": replace("10.20.0.0/16", "10.10.0.0/16"),
  });
  const expected = () => structuredProblemsOf(broken);

  it("rejects it in text: every problem on stderr as file:line:col path: message, nothing on stdout, exit 1", () => {
    const r = lz(["validate", "--config", broken]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(`config has 2 problems:\n${expected().map(formatProblem).join("\n")}\n`);
    expect(r.stderr).toContain(`${broken}/prod.yaml:10:3 vpc.azCuont: unknown key "azCuont". Did you mean azCount?\n`);
    expect(r.stderr).not.toMatch(STACK_FRAME);
  });

  it("rejects it in JSON: ok:false and every problem with file, line, col, path and message on stdout, exit 1", () => {
    const r = lz(["validate", "--config", broken, "--format", "json"]);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe("");
    const report = JSON.parse(r.stdout) as { ok: boolean; problems: unknown[] };
    expect(report).toEqual({ ok: false, config: broken, problems: expected().map((p) => ({ ...p })) });
    expect(report.problems[0]).toEqual({
      file: `${broken}/prod.yaml`,
      line: 10,
      col: 3,
      path: "vpc.azCuont",
      message: 'unknown key "azCuont". Did you mean azCount?',
    });
  });

  it("rejects a missing config folder with exit 1 and a hint, without a stack trace", () => {
    const r = lz(["validate", "--config", "no/such/dir"]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("no/such/dir:1:1 (folder): config folder not found. Pass --config DIR or set LZ_CONFIG_DIR");
    expect(r.stderr).not.toMatch(STACK_FRAME);
  });

  it("rejects an unknown --format with exit 2", () => {
    const r = lz(["validate", "--format", "yaml"]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("error: option '--format <format>' argument 'yaml' is invalid. Allowed choices are text, json, github.");
  });
});

describe("a static route the routing plan already makes", () => {
  const dir = referenceWith({
    "shared.yaml": replace(
      "routing:\n  intents:",
      "routing:\n  staticRoutes:\n    - { routeTable: prod, destinationCidr: 0.0.0.0/0, target: blackhole }\n  intents:",
    ),
  });
  const line = `${dir}/shared.yaml:82:44 routing.staticRoutes[0].destinationCidr: the routing plan already routes 0.0.0.0/0 in the prod table, to the inspection VPC (central inspection), and a TGW route table holds one static route per destination. Remove this entry.`;

  it("is refused by lz validate with file:line:col, exit 1 and no stack trace", () => {
    const r = lz(["validate", "--config", dir]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(`config has 1 problem:\n${line}\n`);
  });

  it("is refused by main.ts (npm run synth) with file:line:col, exit 1 and no stack trace, not a duplicate construct id", () => {
    const out = mkdtempSync(join(tmpdir(), "lz-out-"));
    try {
      const r = spawnSync(process.execPath, ["scripts/synth.mjs"], {
        encoding: "utf8",
        env: { ...process.env, LZ_CONFIG_DIR: dir, CDKTF_OUTDIR: join(out, "cdktf.out") },
        timeout: 120_000,
      });
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(`config has 1 problem:\n${line}\n`);
      expect(r.stderr).not.toContain("There is already a Construct");
      expect(r.stderr).not.toMatch(STACK_FRAME);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

describe("lz validate runs the policy pack, as synthesis does", () => {
  // dev without app.domain: the app tier has no ACM certificate, so the ALB listens on HTTP and CloudFront keeps
  // its default certificate; the config is valid, but the policy pack refuses LZ-TLS1 and LZ-TLS2 at synthesis.
  const noDomain = referenceWith({
    "dev.yaml": replace(
      "  domain:                            # a delegated subzone hosted in this account\n    hostedZoneName: dev.acme.example\n    recordName: www\n",
      "",
    ),
  });

  it("rejects dev without domain: with exit 1, naming dev.yaml's app: line, the stack, the resource and the rule", () => {
    const r = lz(["validate", "--config", noDomain]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
    const lines = r.stderr.trimEnd().split("\n");
    expect(lines[0]).toBe("config has 2 problems:");
    expect(lines[1]).toMatch(
      new RegExp(
        `^${noDomain}/dev\\.yaml:19:1 app: policy pack LZ-TLS1 \\(workload-dev aws_lb_listener\\.app_alb_http-listener_[0-9A-F]{8}\\): an HTTP listener serves traffic\\. .* add app\\.domain \\(hostedZoneName, recordName\\)`,
      ),
    );
    expect(lines[2]).toMatch(
      new RegExp(`^${noDomain}/dev\\.yaml:19:1 app: policy pack LZ-TLS2 \\(workload-dev aws_cloudfront_distribution\\.`),
    );
    expect(r.stderr).not.toMatch(STACK_FRAME);
  });

  it("is what synthesis refuses: main.ts fails on the same config with the same two rules", () => {
    const out = mkdtempSync(join(tmpdir(), "lz-out-"));
    try {
      const r = spawnSync(process.execPath, ["scripts/synth.mjs"], {
        encoding: "utf8",
        env: { ...process.env, LZ_CONFIG_DIR: noDomain, CDKTF_OUTDIR: join(out, "cdktf.out") },
        timeout: 120_000,
      });
      expect(r.status).toBe(1);
      expect(r.stderr).toContain("policy pack found 2 errors");
      expect(r.stderr).toMatch(/workload-dev +aws_lb_listener\.\S+ +LZ-TLS1/);
      expect(r.stderr).toMatch(/workload-dev +aws_cloudfront_distribution\.\S+ +LZ-TLS2/);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it("reports the findings in JSON with their rule ids", () => {
    const r = lz(["validate", "--config", noDomain, "--format", "json"]);
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout) as { ok: boolean; problems: { file: string; line: number; path: string; rule?: string }[] };
    expect(report.ok).toBe(false);
    expect(report.problems.map((p) => [p.file, p.line, p.path, p.rule])).toEqual([
      [`${noDomain}/dev.yaml`, 19, "app", "LZ-TLS1"],
      [`${noDomain}/dev.yaml`, 19, "app", "LZ-TLS2"],
    ]);
  });

  it("skips the policy pack with --no-policy-pack and passes the same config", () => {
    const r = lz(["validate", "--config", noDomain, "--no-policy-pack"]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^OK .*: 5 stacks/);
  });

  it("writes nothing: the config folder and the working directory hold the same files after a run", () => {
    const before = fingerprint(noDomain);
    const cwdBefore = readdirSync(referenceProject()).sort();
    lz(["validate", "--config", noDomain]);
    expect(fingerprint(noDomain)).toEqual(before);
    expect(readdirSync(referenceProject()).sort()).toEqual(cwdBefore);
  });
});
