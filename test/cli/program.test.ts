import { readFileSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { lz, lzInProcess, STACK_FRAME } from "./lz.js";

const COMMANDS = ["validate", "synth", "stacks", "schema", "diagram", "routes", "cost", "pipeline"];
// biome-ignore lint/suspicious/noControlCharactersInRegex: matches the ANSI escape sequences a terminal receives
const ANSI = /\x1b\[/;

describe("lz --help", () => {
  it("lists every command and the exit statuses", () => {
    const r = lz(["--help"]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(/^Usage: lz \[options\] \[command\]\n/);
    for (const name of COMMANDS) expect(r.stdout).toMatch(new RegExp(`^  ${name} \\[options\\]`, "m"));
    expect(r.stdout).toContain("Exit status: 0 success, 1 config problem or failure (nothing half-written), 2 bad command line.");
  });

  it.each(COMMANDS)("shows the usage, options, exit statuses and examples of lz %s, with exit 0", (name) => {
    const r = lz([name, "--help"]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(new RegExp(`^Usage: lz ${name} \\[options\\]\\n`));
    expect(r.stdout).toContain("-h, --help");
    expect(r.stdout).toContain(`\nExamples:\n  $ lz ${name}\n`);
  });

  it("shows the same help through lz help <command>", async () => {
    const viaOption = await lzInProcess(["stacks", "--help"]);
    const viaCommand = await lzInProcess(["help", "stacks"]);
    expect(viaCommand).toEqual(viaOption);
    expect(viaCommand.status).toBe(0);
  });

  it("prints the package version with --version", () => {
    const version = (JSON.parse(readFileSync("package.json", "utf8")) as { version: string }).version;
    expect(lz(["--version"])).toEqual({ status: 0, stdout: `${version}\n`, stderr: "" });
  });
});

describe("lz usage errors", () => {
  it.each([
    [["frob"], "error: unknown command 'frob'"],
    [["validate", "--confg", "x"], "error: unknown option '--confg'\n(Did you mean --config?)"],
    [["validate", "extra"], "error: too many arguments for 'validate'"],
    [["synth", "--out"], "error: option '--out <dir>' argument missing"],
    [["stacks", "--only", "hub"], "Allowed choices are all, network, workloads."],
  ])("rejects lz %j with exit 2, the reason and where to find the usage, without a stack trace", (args, message) => {
    const r = lz(args);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(message);
    expect(r.stderr).toMatch(/\(run "lz( \w+)? --help" for usage\)\n$/);
    expect(r.stderr).not.toMatch(STACK_FRAME);
  });

  it("prints the help to stderr and exits 2 when no command is given", () => {
    const r = lz([]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^Usage: lz \[options\] \[command\]\n/);
  });
});

describe("colour", () => {
  const broken = ["validate", "--config", "test/fixtures/many-mistakes"];

  it("is off when the output is not a terminal", () => {
    const r = lz(broken);
    expect(r.status).toBe(1);
    expect(r.stderr).not.toMatch(ANSI);
  });

  it("is on with FORCE_COLOR, and off with NO_COLOR=1 even then", () => {
    expect(lz(broken, { env: { FORCE_COLOR: "1" } }).stderr).toMatch(ANSI);
    const r = lz(broken, { env: { FORCE_COLOR: "1", NO_COLOR: "1" } });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^config has \d+ problems:\n/);
    expect(r.stderr).not.toMatch(ANSI);
  });

  it("is on for a terminal and off there when NO_COLOR=1, on stdout and stderr alike", async () => {
    const tty = await lzInProcess(["validate"], { tty: true });
    expect(tty.stdout).toBe(
      "\x1b[32mOK\x1b[39m test/fixtures/reference: 5 stacks (bootstrap, network-hub, workload-dev, workload-test, workload-prod)\n",
    );
    const noColour = await lzInProcess(["validate"], { tty: true, env: { NO_COLOR: "1" } });
    expect(noColour.stdout).toBe(
      "OK test/fixtures/reference: 5 stacks (bootstrap, network-hub, workload-dev, workload-test, workload-prod)\n",
    );
    const errors = await lzInProcess(broken, { tty: true, env: { NO_COLOR: "1" } });
    expect(errors.status).toBe(1);
    expect(errors.stderr).not.toMatch(ANSI);
  });
});

describe("bin/lz.mjs", () => {
  it("is executable and named by package.json bin, so npx lz runs it", () => {
    const pkg = JSON.parse(readFileSync("package.json", "utf8")) as { bin?: Record<string, string>; scripts: Record<string, string> };
    expect(pkg.bin).toEqual({ lz: "bin/lz.mjs" });
    expect(readFileSync("bin/lz.mjs", "utf8")).toMatch(/^#!\/usr\/bin\/env node\n/);
    expect(statSync("bin/lz.mjs").mode & 0o111).not.toBe(0);
    expect(pkg.scripts).toMatchObject({ lz: "node bin/lz.mjs", stacks: "node bin/lz.mjs stacks", schema: "node bin/lz.mjs schema" });
  });

  it("never loads cdktf, constructs or the AWS provider at start-up: only lz synth imports them, when it runs", () => {
    /** Project files `file` imports statically (import ... from), transitively. */
    function staticImports(file: string, seen = new Set<string>()): Set<string> {
      if (seen.has(file) || !file.endsWith(".ts")) return seen;
      seen.add(file);
      for (const m of readFileSync(file, "utf8").matchAll(/^(?:import|export)\s[^;]*?from\s*["'](\.[^"']+)["']/gms)) {
        staticImports(resolve(dirname(file), m[1]!.replace(/\.js$/, ".ts")), seen);
      }
      return seen;
    }
    const files = [...staticImports(resolve("src/cli/main.ts"))];
    expect(files).toContain(resolve("src/cli/commands/synth.ts"));
    const offenders = files.filter((f) => /from\s+["'](cdktf|constructs|@cdktf\/[^"']+)["']/.test(readFileSync(f, "utf8")));
    expect(offenders).toEqual([]);
  });
});
