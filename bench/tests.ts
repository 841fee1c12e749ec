/**
 * Test-suite timing: `npm run bench:tests [-- --only fast|full] [--runs N] [--top N] [--json]`.
 *
 * Runs `npm run test:fast` (everything except the real-Terraform tests) and `npm test` (everything, the CI
 * command) as child processes from the repository root, with bench/test-times-reporter.ts added, and prints
 * per command: wall time (spawn to exit, measured here), CPU time (user + system of npm, vitest, its workers
 * and every process they ran, such as terraform), the number of tests and test files, and the slowest test
 * files with their import ("collect") and test time. Prints figures; a missed target never changes the exit
 * code. It exits 1 when a run has a failing test or does not finish, after printing what it measured.
 *
 * CPU time is read from /proc/self/stat (cutime + cstime: the waited-for descendants of this process), so it
 * is available on Linux only; elsewhere it shows as "n/a".
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { FileTimes, TestTimes } from "./test-times-reporter.js";

const REPO = fileURLToPath(new URL("..", import.meta.url));
const REPORTER = "./bench/test-times-reporter.ts";

/** One npm command to time, with its target wall time in seconds on the 2-core reference machine. */
interface Command {
  readonly id: "fast" | "full";
  readonly npmArgs: readonly string[];
  readonly targetS: number;
}

const COMMANDS: readonly Command[] = [
  { id: "fast", npmArgs: ["run", "test:fast"], targetS: 45 },
  { id: "full", npmArgs: ["test"], targetS: 150 },
];

interface Options {
  only: "fast" | "full" | undefined;
  runs: number;
  top: number;
  json: boolean;
}

function parseArgs(argv: readonly string[]): Options {
  const opts: Options = { only: undefined, runs: 1, top: 10, json: false };
  const count = (flag: string, v: string | undefined): number => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} needs an integer >= 1, got ${v ?? "nothing"}`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split("=", 2) as [string, string | undefined];
    const value = () => inline ?? argv[++i];
    if (flag === "--runs") opts.runs = count(flag, value());
    else if (flag === "--top") opts.top = count(flag, value());
    else if (flag === "--json") opts.json = true;
    else if (flag === "--only") {
      const v = value();
      if (v !== "fast" && v !== "full") throw new Error(`--only is fast or full, got ${v ?? "nothing"}`);
      opts.only = v;
    } else if (flag === "--help" || flag === "-h") {
      process.stdout.write("usage: npm run bench:tests -- [--only fast|full] [--runs N (1)] [--top N (10)] [--json]\n");
      process.exit(0);
    } else throw new Error(`unknown argument ${argv[i]}; see --help`);
  }
  return opts;
}

/** Seconds of CPU (user + system) used so far by the waited-for descendants of this process; undefined off Linux. */
function childrenCpuS(): number | undefined {
  if (!existsSync("/proc/self/stat")) return undefined;
  const stat = readFileSync("/proc/self/stat", "utf8");
  // Fields after the command name (which may hold spaces, so split after its closing parenthesis); cutime and
  // cstime are fields 16 and 17 of proc(5), 14 and 15 here.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[13]) + Number(fields[14])) / clockTicks();
}

let ticks: number | undefined;
/** Clock ticks per second (`getconf CLK_TCK`, 100 on every usual Linux). */
function clockTicks(): number {
  if (ticks === undefined) {
    const r = spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" });
    const n = Number(r.stdout?.trim());
    ticks = r.status === 0 && n > 0 ? n : 100;
  }
  return ticks;
}

/** One timed run of a command. */
interface Run {
  readonly wallS: number;
  readonly cpuS: number | undefined;
  readonly exitCode: number | null;
  readonly times: TestTimes | undefined;
}

function runOnce(cmd: Command, work: string, tag: string): Run {
  const timesFile = join(work, `times-${cmd.id}-${tag}.json`);
  const args = [...cmd.npmArgs, "--", `--reporter=${REPORTER}`, "--reporter=dot"];
  const env = { ...process.env, LZ_TEST_TIMES_FILE: timesFile, CHECKPOINT_DISABLE: "1" };
  const cpuBefore = childrenCpuS();
  const start = process.hrtime.bigint();
  // The dot reporter's progress goes to this process's stderr, so stdout holds the results only.
  const r = spawnSync("npm", args, { cwd: REPO, env, stdio: ["ignore", 2, 2] });
  const wallS = Number(process.hrtime.bigint() - start) / 1e9;
  const cpuAfter = childrenCpuS();
  if (r.error) throw r.error;
  const times = existsSync(timesFile) ? (JSON.parse(readFileSync(timesFile, "utf8")) as TestTimes) : undefined;
  return {
    wallS,
    cpuS: cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore,
    exitCode: r.status,
    times,
  };
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

const sumTests = (f: FileTimes) => Object.values(f.tests).reduce((a, b) => a + b, 0);

/** A command's figures over its runs: medians of wall and CPU time, test counts and file timings of the last run. */
interface Result {
  readonly id: Command["id"];
  readonly command: string;
  readonly targetS: number;
  readonly wallS: readonly number[];
  readonly cpuS: readonly (number | undefined)[];
  readonly medianWallS: number;
  readonly medianCpuS: number | undefined;
  readonly met: boolean;
  readonly ok: boolean;
  readonly tests: Readonly<Record<string, number>>;
  readonly fileCount: number;
  readonly collectS: number;
  readonly testsS: number;
  readonly slowest: readonly FileTimes[];
}

function summarize(cmd: Command, runs: readonly Run[], top: number): Result {
  const last = runs[runs.length - 1]!;
  const files = last.times?.files ?? [];
  const tests: Record<string, number> = {};
  for (const f of files) for (const [state, n] of Object.entries(f.tests)) tests[state] = (tests[state] ?? 0) + n;
  const cpu = runs.map((r) => r.cpuS);
  const medianWallS = median(runs.map((r) => r.wallS));
  return {
    id: cmd.id,
    command: `npm ${cmd.npmArgs.join(" ")}`,
    targetS: cmd.targetS,
    wallS: runs.map((r) => r.wallS),
    cpuS: cpu,
    medianWallS,
    medianCpuS: cpu.every((c) => c !== undefined) ? median(cpu as number[]) : undefined,
    met: medianWallS <= cmd.targetS,
    ok: runs.every((r) => r.exitCode === 0 && r.times !== undefined && r.times.unhandledErrors === 0),
    tests,
    fileCount: files.length,
    collectS: files.reduce((s, f) => s + f.collectMs, 0) / 1000,
    testsS: files.reduce((s, f) => s + f.testsMs, 0) / 1000,
    slowest: [...files].sort((a, b) => b.collectMs + b.testsMs - (a.collectMs + a.testsMs)).slice(0, top),
  };
}

const row = (cells: readonly string[]) => `| ${cells.join(" | ")} |`;

function markdown(results: readonly Result[], runs: number): string {
  const lines = [
    row(["command", "median wall s", "median CPU s", "tests", "files", "target", "met?", "tests pass?"]),
    row(["---", "---:", "---:", "---", "---:", "---", "---", "---"]),
    ...results.map((r) =>
      row([
        `\`${r.command}\``,
        r.medianWallS.toFixed(1),
        r.medianCpuS === undefined ? "n/a" : r.medianCpuS.toFixed(1),
        Object.entries(r.tests)
          .map(([state, n]) => `${n} ${state}`)
          .join(", "),
        String(r.fileCount),
        `wall ≤ ${r.targetS} s`,
        r.met ? "met" : "NOT met",
        r.ok ? "yes" : "NO",
      ]),
    ),
    "",
    `${runs} run${runs === 1 ? "" : "s"} per command. CPU = user + system of npm, vitest, its workers and every process they ran.`,
  ];
  for (const r of results) {
    lines.push(
      "",
      `Slowest files of \`${r.command}\` (collect = importing the file and its module graph; both are worker wall time,`,
      `overlapping across workers; totals over all ${r.fileCount} files: collect ${r.collectS.toFixed(1)} s, tests ${r.testsS.toFixed(1)} s):`,
      "",
      row(["file", "tests", "collect s", "tests s"]),
      row(["---", "---:", "---:", "---:"]),
      ...r.slowest.map((f) => row([f.file, String(sumTests(f)), (f.collectMs / 1000).toFixed(2), (f.testsMs / 1000).toFixed(2)])),
    );
  }
  return `${lines.join("\n")}\n`;
}

function main(): number {
  const opts = parseArgs(process.argv.slice(2));
  const log = (msg: string) => process.stderr.write(`${msg}\n`);
  const work = mkdtempSync(join(tmpdir(), "lz-bench-tests-"));
  try {
    const commands = COMMANDS.filter((c) => !opts.only || c.id === opts.only);
    log(`node ${process.version} ${process.platform}-${process.arch}, ${cpus().length} CPUs, load average ${loadavg()[0]!.toFixed(2)}`);
    const results = commands.map((cmd) => {
      const runs: Run[] = [];
      for (let i = 0; i < opts.runs; i++) {
        log(`run ${i + 1}/${opts.runs}: npm ${cmd.npmArgs.join(" ")}`);
        const run = runOnce(cmd, work, `r${i}`);
        log(`\n  ${run.wallS.toFixed(1)} s wall, ${run.cpuS === undefined ? "n/a" : `${run.cpuS.toFixed(1)} s`} CPU, exit ${run.exitCode}`);
        runs.push(run);
      }
      return summarize(cmd, runs, opts.top);
    });
    log(`load average after: ${loadavg()[0]!.toFixed(2)}`);
    if (opts.json)
      process.stdout.write(`${JSON.stringify({ node: process.version, cpus: cpus().length, runs: opts.runs, results }, null, 2)}\n`);
    else process.stdout.write(`\n${markdown(results, opts.runs)}`);
    const failed = results.filter((r) => !r.ok);
    for (const r of failed) log(`bench:tests: \`${r.command}\` had failing tests or did not finish; its figures are not comparable`);
    return failed.length > 0 ? 1 : 0;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

try {
  process.exitCode = main();
} catch (e) {
  process.stderr.write(`bench:tests: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
}
