import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cleanupConfigDirs, REFERENCE_DIR, referenceWith, replace } from "../support/config-dir.js";
import { PolicyError, runPack, SynthStack } from "../../src/policy/index.js";
import { fingerprint, lz, lzInProcess, STACK_FRAME } from "./lz.js";

const scratch = mkdtempSync(join(tmpdir(), "lz-cli-synth-"));
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
  cleanupConfigDirs();
});

/** The reference config's stacks in deploy order: bootstrap, the hub, nonprod (dev, test), then prod. */
const SHIPPED_STACKS = ["bootstrap", "network-hub", "workload-dev", "workload-test", "workload-prod"];

/** A folder of its own holding `out`, an earlier output (one file from a fixture and a manifest). */
function earlierOutput(name: string): { parent: string; out: string } {
  const parent = join(scratch, name);
  const out = join(parent, "cdktf.out");
  cpSync("test/fixtures/minimal", join(out, "earlier"), { recursive: true });
  writeFileSync(join(out, "manifest.json"), '{"earlier":true}');
  return { parent, out };
}

/** Entries under `resource` and `data` of a synthesized stack, counted independently of the CLI. */
function countsOf(out: string, stack: string): [number, number] {
  const json = JSON.parse(readFileSync(join(out, "stacks", stack, "cdk.tf.json"), "utf8")) as Record<
    string,
    Record<string, object> | undefined
  >;
  const count = (blocks: Record<string, object> | undefined) => Object.values(blocks ?? {}).flatMap((byName) => Object.keys(byName)).length;
  return [count(json.resource), count(json.data)];
}

describe("lz synth", () => {
  it("replaces an earlier output, lists each stack in deploy order with its resource and data source counts, and leaves no temporary folder", () => {
    const { parent, out } = earlierOutput("success");
    const r = lz(["synth", "--out", out]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(readdirSync(out).sort()).toEqual(["manifest.json", "stacks"]);
    expect(readdirSync(join(out, "stacks")).sort()).toEqual([...SHIPPED_STACKS].sort());
    expect(readdirSync(parent)).toEqual(["cdktf.out"]);

    const counts = SHIPPED_STACKS.map((s) => countsOf(out, s));
    for (const [resources] of counts) expect(resources).toBeGreaterThan(0);
    const lines = r.stdout.trimEnd().split("\n");
    const packLine = lines.findIndex((l) => l.startsWith("Policy pack:"));
    expect(lines[packLine]).toMatch(/^Policy pack: \d+ rules on 5 stacks, 0 errors, 0 warnings, 0 suppressed findings$/);
    expect(lines.slice(packLine + 1)).toEqual([]);
    const [header, ...rows] = lines.slice(0, packLine);
    expect(header).toBe(`Synthesized 5 stacks into ${out}, in deploy order:`);
    const parsed = rows.map((l) => /^ {2}(\S+)\s+(\d+) resources?\s+(\d+) data sources?$/.exec(l)?.slice(1));
    expect(parsed).toEqual([
      ...SHIPPED_STACKS.map((s, i) => [s, String(counts[i]![0]), String(counts[i]![1])]),
      ["total", String(counts.reduce((n, c) => n + c[0], 0)), String(counts.reduce((n, c) => n + c[1], 0))],
    ]);
  });

  it("echoes every suppressed finding with the config's reason: AdministratorAccess added to the deploy roles", () => {
    const dir = referenceWith({
      "shared.yaml": replace(
        "  backend: local\n",
        "  backend: local\n  deployRolePolicies:\n    - arn: arn:aws:iam::aws:policy/AdministratorAccess\n      reason: break-glass while the generated policy is reviewed\n",
      ),
    });
    const r = lz(["synth", "--config", dir, "--out", join(scratch, "suppressed")]);
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.trimEnd().split("\n");
    const packLine = lines.findIndex((l) => l.startsWith("Policy pack:"));
    expect(lines[packLine]).toMatch(/^Policy pack: \d+ rules on 5 stacks, 0 errors, 0 warnings, 4 suppressed findings$/);
    expect(lines[packLine + 1]).toBe("Suppressed (from the config):");
    expect(lines.slice(packLine + 2)).toHaveLength(4);
    for (const l of lines.slice(packLine + 2))
      expect(l).toMatch(
        /^ {2}bootstrap\s+aws_iam_role_policy_attachment\.\S+\s+LZ-IAM3\s+reason: break-glass while the generated policy is reviewed$/,
      );
  });

  it("writes into CDKTF_OUTDIR when --out is not given, creating missing parent folders", () => {
    const out = join(scratch, "env", "deeper", "out");
    const r = lz(["synth"], { env: { CDKTF_OUTDIR: out } });
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(join(out, "stacks")).sort()).toEqual([...SHIPPED_STACKS].sort());
    expect(readdirSync(join(scratch, "env", "deeper"))).toEqual(["out"]);
  });

  it("rejects an invalid config with exit 1 and every problem, leaving the earlier output byte-identical and no temporary folder", () => {
    const { parent, out } = earlierOutput("config-error");
    const before = fingerprint(out);
    const bad = referenceWith({ "dev.yaml": replace("natGateways: single", "natGateway: single") });
    const r = lz(["synth", "--config", bad, "--out", out]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(
      "config has 1 problem:\n" +
        `${bad}/dev.yaml:11:3 vpc.natGateway: unknown key "natGateway". Did you mean natGateways?\n` +
        `Nothing was synthesized; ${out} is unchanged.\n`,
    );
    expect(fingerprint(out)).toEqual(before);
    expect(readdirSync(parent)).toEqual(["cdktf.out"]);
  });

  it("rejects a policy-pack error with exit 1, the list of findings, no stack trace, and the earlier output byte-identical", async () => {
    const { parent, out } = earlierOutput("policy-error");
    const before = fingerprint(out);
    const insecure = new SynthStack("workload-dev", { resource: { aws_kms_key: { k: { enable_key_rotation: false } } } });
    const r = await lzInProcess(["synth", "--out", out], {
      deps: {
        synthesize: () => {
          throw new PolicyError(runPack([insecure]));
        },
      },
    });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(
      "policy pack found 1 error (stack, resource, rule, message):\n  workload-dev  aws_kms_key.k  LZ-KMS1  enable_key_rotation is not true.",
    );
    expect(r.stderr).toMatch(new RegExp(`Nothing was synthesized; ${out.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} is unchanged.\\n$`));
    expect(r.stderr).not.toMatch(STACK_FRAME);
    expect(fingerprint(out)).toEqual(before);
    expect(readdirSync(parent)).toEqual(["cdktf.out"]);
  });

  it("removes the temporary folder and leaves the earlier output byte-identical when synthesis throws halfway", async () => {
    const { parent, out } = earlierOutput("synth-throws");
    const before = fingerprint(out);
    let tmp = "";
    const r = await lzInProcess(["synth", "--out", out], {
      deps: {
        synthesize: (_model, outdir) => {
          tmp = outdir;
          mkdirSync(join(outdir, "stacks", "network-hub"), { recursive: true });
          writeFileSync(join(outdir, "stacks", "network-hub", "cdk.tf.json"), "{}");
          throw new Error("Validation failed with the following errors: something");
        },
      },
    });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(
      `synthesis failed: Validation failed with the following errors: something\nNothing was synthesized; ${out} is unchanged.\n`,
    );
    expect(r.stderr).not.toMatch(STACK_FRAME);
    expect(tmp).toBe(join(parent, `.cdktf.out.tmp-${process.pid}`));
    expect(existsSync(tmp)).toBe(false);
    expect(fingerprint(out)).toEqual(before);
    expect(readdirSync(parent)).toEqual(["cdktf.out"]);
  });

  it("prints the summary from what was written, and shows a step list on a terminal unless CI is set", async () => {
    const out = join(scratch, "fake", "out");
    const synthesize = (_model: unknown, outdir: string) => {
      const write = (stack: string, json: object) => {
        mkdirSync(join(outdir, "stacks", stack), { recursive: true });
        writeFileSync(join(outdir, "stacks", stack, "cdk.tf.json"), JSON.stringify(json));
      };
      write("network-hub", { resource: { aws_ec2_transit_gateway: { hub: {} }, aws_ram_resource_share: { a: {}, b: {} } } });
      for (const env of ["dev", "prod", "test"])
        write(`workload-${env}`, { resource: { aws_vpc: { vpc: {} } }, data: { aws_ec2_transit_gateway: { hub: {} } } });
      writeFileSync(join(outdir, "manifest.json"), "{}");
      // In the order the model lists them, which is not the deploy order: the summary sorts them.
      return ["workload-test", "network-hub", "workload-dev", "workload-prod"];
    };
    const summary =
      `Synthesized 4 stacks into ${out}, in deploy order:\n` +
      "  network-hub    3 resources  0 data sources\n" +
      "  workload-dev   1 resource   1 data source\n" +
      "  workload-test  1 resource   1 data source\n" +
      "  workload-prod  1 resource   1 data source\n" +
      "  total          6 resources  3 data sources\n";

    const terminal = await lzInProcess(["synth", "--out", out], { tty: true, env: { NO_COLOR: "1" }, deps: { synthesize } });
    expect(terminal.status).toBe(0);
    expect(terminal.stdout).toBe(summary);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: matches the ANSI escape sequences a terminal receives
    const steps = terminal.stderr.split("\n").map((l) => l.replace(/^.*\r\x1b\[2K/, "").replace(/\s+[\d.]+ s$/, ""));
    expect(steps).toEqual(["✓ Loaded test/fixtures/reference: 4 stacks", "✓ Synthesized 4 stacks", `✓ Replaced ${out}`, ""]);

    const ci = await lzInProcess(["synth", "--out", out], { tty: true, env: { NO_COLOR: "1", CI: "true" }, deps: { synthesize } });
    expect(ci.stdout).toBe(summary);
    expect(ci.stderr).toBe("");
  });
});

describe("lz synth refuses an output folder it must not replace", () => {
  it("rejects a folder that is not a synthesized output with exit 1, leaving it byte-identical", () => {
    const out = join(scratch, "notes");
    mkdirSync(out);
    writeFileSync(join(out, "notes.txt"), "mine");
    const before = fingerprint(out);
    const r = lz(["synth", "--out", out]);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(
      `refusing to replace ${out}: it is not a synthesized output (it has no manifest.json). ` +
        "lz synth replaces the whole output folder; choose a folder of its own with --out, such as cdktf.out.\n" +
        `Nothing was synthesized; ${out} is unchanged.\n`,
    );
    expect(fingerprint(out)).toEqual(before);
    expect(readdirSync(scratch)).not.toContain(".notes.tmp-");
  });

  it("rejects the working directory, or a folder holding it or the config, even when it holds a manifest", () => {
    const cwd = join(scratch, "cwd");
    mkdirSync(join(cwd, "inner"), { recursive: true });
    writeFileSync(join(cwd, "manifest.json"), "{}");
    const config = join(process.cwd(), REFERENCE_DIR);
    expect(lz(["synth", "--config", config, "--out", "."], { cwd }).stderr).toContain(
      "refusing to replace .: it holds the working directory.",
    );
    expect(lz(["synth", "--config", config, "--out", ".."], { cwd: join(cwd, "inner") }).stderr).toContain(
      "refusing to replace ..: it holds the working directory.",
    );
    const r = lz(["synth", "--config", "test/fixtures/minimal", "--out", "test"]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("refusing to replace test: it holds the config folder test/fixtures/minimal.");
    expect(existsSync(join(cwd, "manifest.json"))).toBe(true);
  });
});
