/**
 * Synthesis benchmark: `npm run bench [-- --runs N] [--warmup N] [--json] [--rss time|probe] [--keep]`.
 *
 * Times, in child processes, the commands a user runs and compares them with a baseline measured in the
 * same run: the root import of the AWS provider (`node -e 'require("@cdktf/provider-aws")'`). Scenarios:
 * the shipped config (environments/) through `node scripts/synth.mjs` (what `npm run synth` and
 * `cdktf synth` run), the same through `tsx main.ts` for comparison, and generated configs of 10, 50 and
 * 100 workload accounts.
 * Each child writes into its own temporary CDKTF_OUTDIR, which cdktf's App uses when no outdir is passed.
 *
 * Runs are interleaved (run 1 of every scenario, then run 2, ...) after untimed warm-up runs, so a slow
 * patch on a shared machine spreads over all scenarios. Prints figures; a missed target never changes the
 * exit code. It exits 1 only when a command fails or synthesizes the wrong number of stacks.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { loadLandingZone } from "../src/landing-zone.js";
import { generateConfig } from "./generate-config.js";

const REPO = fileURLToPath(new URL("..", import.meta.url));
const SHIPPED_CONFIG = "environments";
/** The command `npm run synth` and `cdktf synth` run (see scripts/synth.mjs). */
const SYNTH_ENTRY = "scripts/synth.mjs";
const GENERATED_SIZES = [10, 50, 100] as const;
const SHIPPED_RSS_LIMIT_MB = 300;
const LARGE_RSS_LIMIT_MB = 1536;
const LARGE_WALL_FACTOR = 10;
const SHIPPED_WALL_FACTOR = 0.5;

interface Options {
  runs: number;
  warmup: number;
  json: boolean;
  keep: boolean;
  rss: "time" | "probe" | "auto";
}

function parseArgs(argv: readonly string[]): Options {
  const opts: Options = { runs: 3, warmup: 1, json: false, keep: false, rss: "auto" };
  const count = (flag: string, v: string | undefined, min: number): number => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < min) throw new Error(`${flag} needs an integer >= ${min}, got ${v ?? "nothing"}`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split("=", 2) as [string, string | undefined];
    const value = () => inline ?? argv[++i];
    if (flag === "--runs") opts.runs = count(flag, value(), 1);
    else if (flag === "--warmup") opts.warmup = count(flag, value(), 0);
    else if (flag === "--json") opts.json = true;
    else if (flag === "--keep") opts.keep = true;
    else if (flag === "--rss") {
      const v = value();
      if (v !== "time" && v !== "probe" && v !== "auto") throw new Error(`--rss is time, probe or auto, got ${v ?? "nothing"}`);
      opts.rss = v;
    } else if (flag === "--help" || flag === "-h") {
      process.stdout.write("usage: npm run bench -- [--runs N (3)] [--warmup N (1)] [--json] [--rss auto|time|probe] [--keep]\n");
      process.exit(0);
    } else throw new Error(`unknown argument ${argv[i]}; see --help`);
  }
  return opts;
}

/** One command to time. */
interface Scenario {
  readonly id: string;
  readonly label: string;
  /** Arguments after the node executable. */
  readonly args: readonly string[];
  /** Stacks the command must synthesize; undefined for the baseline, which writes nothing. */
  readonly expectedStacks?: number;
}

/** One timed run of a scenario. */
interface Sample {
  readonly wallS: number;
  readonly cpuS: number;
  readonly rssKiB: number;
}

interface Result {
  readonly id: string;
  readonly label: string;
  readonly command: string;
  readonly stacks: number | null;
  readonly wallS: number[];
  readonly cpuS: number[];
  readonly medianWallS: number;
  readonly minWallS: number;
  readonly medianCpuS: number;
  readonly peakRssMB: number;
  target: string;
  met: boolean | null;
}

/** How a child's peak RSS (and CPU time) is read. */
interface RssMethod {
  readonly name: "time" | "probe";
  wrap(args: readonly string[], env: NodeJS.ProcessEnv, reportFile: string): { file: string; args: string[]; env: NodeJS.ProcessEnv };
  read(reportFile: string): { rssKiB: number; cpuS: number };
}

/** GNU time: `%M` is the largest max RSS of the child and its descendants, in KiB. */
const gnuTime: RssMethod = {
  name: "time",
  wrap: (args, env, reportFile) => ({ file: "/usr/bin/time", args: ["-f", "%U %S %M", "-o", reportFile, process.execPath, ...args], env }),
  read: (reportFile) => {
    const last = readFileSync(reportFile, "utf8").trim().split("\n").pop() ?? "";
    const [user, sys, rss] = last.split(" ").map(Number);
    if (![user, sys, rss].every((n) => Number.isFinite(n))) throw new Error(`unexpected /usr/bin/time output: ${last}`);
    return { rssKiB: rss!, cpuS: user! + sys! };
  },
};

/**
 * Portable fallback: a preload (through NODE_OPTIONS, so it also reaches the process the tsx CLI spawns)
 * appends `process.resourceUsage()` of every node process to a file at exit. Peak = largest maxRSS.
 */
function probeMethod(dir: string): RssMethod {
  const probe = join(dir, "rss-probe.mjs");
  writeFileSync(
    probe,
    `import { appendFileSync } from "node:fs";
const file = process.env.LZ_BENCH_RSS_FILE;
if (file) process.on("exit", () => {
  const u = process.resourceUsage();
  appendFileSync(file, u.maxRSS + " " + (u.userCPUTime + u.systemCPUTime) / 1e6 + "\\n");
});
`,
  );
  const importFlag = `--import="${pathToFileURL(probe).href}"`;
  return {
    name: "probe",
    wrap: (args, env, reportFile) => ({
      file: process.execPath,
      args: [...args],
      env: { ...env, LZ_BENCH_RSS_FILE: reportFile, NODE_OPTIONS: [env.NODE_OPTIONS, importFlag].filter(Boolean).join(" ") },
    }),
    read: (reportFile) => {
      const rows = readFileSync(reportFile, "utf8")
        .trim()
        .split("\n")
        .map((l) => l.split(" ").map(Number));
      return { rssKiB: Math.max(...rows.map((r) => r[0]!)), cpuS: rows.reduce((s, r) => s + r[1]!, 0) };
    },
  };
}

function gnuTimeWorks(dir: string): boolean {
  if (!existsSync("/usr/bin/time")) return false;
  const out = join(dir, "time-check.txt");
  const r = spawnSync("/usr/bin/time", ["-f", "%U %S %M", "-o", out, process.execPath, "-e", "0"], { stdio: "ignore" });
  try {
    return r.status === 0 && Number(readFileSync(out, "utf8").trim().split(" ")[2]) > 0;
  } catch {
    return false;
  }
}

function stackCount(outdir: string): number {
  const manifest = JSON.parse(readFileSync(join(outdir, "manifest.json"), "utf8")) as { stacks?: Record<string, unknown> };
  return Object.keys(manifest.stacks ?? {}).length;
}

function runOnce(s: Scenario, method: RssMethod, work: string, tag: string): Sample & { stacks: number | null } {
  const outdir = join(work, `out-${s.id}-${tag}`);
  const reportFile = join(work, `rss-${s.id}-${tag}.txt`);
  rmSync(reportFile, { force: true });
  const env: NodeJS.ProcessEnv = { ...process.env, CDKTF_OUTDIR: outdir };
  const cmd = method.wrap(s.args, env, reportFile);
  const start = process.hrtime.bigint();
  const r = spawnSync(cmd.file, cmd.args, { cwd: REPO, env: cmd.env, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const wallS = Number(process.hrtime.bigint() - start) / 1e9;
  if (r.error) throw r.error;
  if (r.status !== 0) {
    throw new Error(`${s.label} failed (exit ${r.status ?? r.signal}): node ${s.args.join(" ")}\n${(r.stderr ?? "").slice(-2000)}`);
  }
  const stacks = s.expectedStacks === undefined ? null : stackCount(outdir);
  if (s.expectedStacks !== undefined && stacks !== s.expectedStacks) {
    throw new Error(`${s.label} synthesized ${stacks} stacks, expected ${s.expectedStacks}`);
  }
  rmSync(outdir, { recursive: true, force: true });
  return { wallS, stacks, ...method.read(reportFile) };
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

function evaluate(results: Result[]): void {
  const byId = new Map(results.map((r) => [r.id, r]));
  const baseline = byId.get("baseline")!;
  for (const r of results) {
    if (r.id === "shipped") {
      const limit = SHIPPED_WALL_FACTOR * baseline.medianWallS;
      r.target = `wall < ${SHIPPED_WALL_FACTOR} × baseline (${limit.toFixed(3)} s), RSS ≤ ${SHIPPED_RSS_LIMIT_MB} MB`;
      r.met = r.medianWallS < limit && r.peakRssMB <= SHIPPED_RSS_LIMIT_MB;
    }
  }
  const small = byId.get("generated-10");
  const large = byId.get("generated-100");
  if (small && large) {
    const limit = LARGE_WALL_FACTOR * small.medianWallS;
    large.target = `wall ≤ ${LARGE_WALL_FACTOR} × 10-account (${limit.toFixed(3)} s), RSS ≤ ${LARGE_RSS_LIMIT_MB} MB`;
    large.met = large.medianWallS <= limit && large.peakRssMB <= LARGE_RSS_LIMIT_MB;
  }
}

function table(results: readonly Result[]): string {
  const rows = [
    ["scenario", "stacks", "median wall s", "min wall s", "peak RSS MB", "target", "met?"],
    ["---", "---:", "---:", "---:", "---:", "---", "---"],
    ...results.map((r) => [
      r.label,
      r.stacks === null ? "—" : String(r.stacks),
      r.medianWallS.toFixed(3),
      r.minWallS.toFixed(3),
      r.peakRssMB.toFixed(0),
      r.target,
      r.met === null ? "—" : r.met ? "met" : "NOT met",
    ]),
  ];
  return rows.map((cells) => `| ${cells.join(" | ")} |`).join("\n");
}

function main(): void {
  const opts = parseArgs(process.argv.slice(2));
  const log = (msg: string) => process.stderr.write(`${msg}\n`);
  const work = mkdtempSync(join(tmpdir(), "lz-bench-"));
  try {
    const method = opts.rss === "probe" || (opts.rss === "auto" && !gnuTimeWorks(work)) ? probeMethod(work) : gnuTime;
    if (opts.rss === "time" && !gnuTimeWorks(work)) throw new Error("--rss time needs GNU time at /usr/bin/time");

    const tsxCli = createRequire(import.meta.url).resolve("tsx/cli");
    // The hub, one stack per environment, and the hand-applied bootstrap stack when the config has one.
    const shipped = loadLandingZone(join(REPO, SHIPPED_CONFIG));
    const shippedStacks = shipped.environments.length + 1 + (shipped.bootstrap ? 1 : 0);
    const scenarios: Scenario[] = [
      { id: "baseline", label: 'baseline: require("@cdktf/provider-aws")', args: ["-e", 'require("@cdktf/provider-aws")'] },
      {
        id: "shipped",
        label: "shipped config: npm run synth (node scripts/synth.mjs)",
        args: [SYNTH_ENTRY, "--config", SHIPPED_CONFIG],
        expectedStacks: shippedStacks,
      },
      // For comparison: the same program through tsx, as it ran before scripts/synth.mjs.
      {
        id: "shipped-tsx-cli",
        label: "shipped config: tsx main.ts (for comparison)",
        args: [tsxCli, "main.ts", "--config", SHIPPED_CONFIG],
        expectedStacks: shippedStacks,
      },
    ];
    for (const n of GENERATED_SIZES) {
      const dir = join(work, `config-${n}`);
      generateConfig(dir, n);
      const model = loadLandingZone(dir); // throws ConfigError if the generator wrote an invalid config
      if (model.environments.length !== n) throw new Error(`generated config has ${model.environments.length} workloads, expected ${n}`);
      scenarios.push({
        id: `generated-${n}`,
        label: `generated: ${n} workloads + hub`,
        args: [SYNTH_ENTRY, "--config", dir],
        expectedStacks: n + 1,
      });
    }

    log(
      `node ${process.version} ${process.platform}-${process.arch}, ${cpus().length} CPUs; peak RSS via ${method.name === "time" ? "/usr/bin/time %M" : "process.resourceUsage().maxRSS preload"}`,
    );
    for (let w = 0; w < opts.warmup; w++) {
      for (const s of scenarios) {
        log(`warm-up ${w + 1}/${opts.warmup}: ${s.label}`);
        runOnce(s, method, work, `w${w}`);
      }
    }
    const samples = new Map<string, (Sample & { stacks: number | null })[]>(scenarios.map((s) => [s.id, []]));
    for (let run = 0; run < opts.runs; run++) {
      for (const s of scenarios) {
        const sample = runOnce(s, method, work, `r${run}`);
        samples.get(s.id)!.push(sample);
        log(`run ${run + 1}/${opts.runs}: ${s.label}: ${sample.wallS.toFixed(3)} s, ${(sample.rssKiB / 1024).toFixed(0)} MB`);
      }
    }

    const results: Result[] = scenarios.map((s) => {
      const xs = samples.get(s.id)!;
      const wallS = xs.map((x) => x.wallS);
      const cpuS = xs.map((x) => x.cpuS);
      return {
        id: s.id,
        label: s.label,
        command: `node ${s.args.map((a) => (a.includes(" ") ? JSON.stringify(a) : a)).join(" ")}`,
        stacks: xs[0]!.stacks,
        wallS,
        cpuS,
        medianWallS: median(wallS),
        minWallS: Math.min(...wallS),
        medianCpuS: median(cpuS),
        peakRssMB: Math.max(...xs.map((x) => x.rssKiB)) / 1024,
        target: "—",
        met: null,
      };
    });
    evaluate(results);

    const baseline = results[0]!;
    if (opts.json) {
      const info = {
        node: process.version,
        platform: `${process.platform}-${process.arch}`,
        cpus: cpus().length,
        runs: opts.runs,
        warmup: opts.warmup,
        rssMethod: method.name,
      };
      process.stdout.write(`${JSON.stringify({ ...info, results }, null, 2)}\n`);
    } else {
      process.stdout.write(`\n${table(results)}\n\n`);
      for (const r of results.slice(1)) {
        process.stdout.write(
          `- ${r.label}: ${(r.medianWallS / baseline.medianWallS).toFixed(2)} × baseline wall, median CPU (user+sys) ${r.medianCpuS.toFixed(2)} s\n`,
        );
      }
      process.stdout.write(
        `- baseline median CPU (user+sys) ${baseline.medianCpuS.toFixed(2)} s; ${opts.runs} runs per scenario after ${opts.warmup} warm-up, interleaved\n`,
      );
    }
  } finally {
    if (opts.keep) log(`kept ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
}

try {
  main();
} catch (e) {
  process.stderr.write(`bench: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
}
