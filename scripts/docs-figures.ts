/**
 * Rewrites the generated regions of README.md and docs/*.md (see src/docs/generated-blocks.ts) from the config:
 * `npm run docs:figures` (npx tsx scripts/docs-figures.ts [--config DIR]). With `--check` it writes nothing and
 * exits 1, naming every stale region and the command that regenerates them; `npm run check:docs` runs it in CI.
 *
 * It synthesizes the config once into a temporary folder (`lz synth --out`), reads the figures from that output,
 * and runs each `lz` command a region names (with `--config` when one was given), with colour off.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig } from "../src/config/index.js";
import {
  configRulesFigure,
  consoleFence,
  GeneratedBlockError,
  rewriteGeneratedBlocks,
  staleGeneratedBlocks,
} from "../src/docs/generated-blocks.js";

const FIX = "npm run docs:figures";
const args = process.argv.slice(2);
const check = args.includes("--check");
const configAt = args.indexOf("--config");
const configDir = configAt >= 0 ? args[configAt + 1] : undefined;

/** A failure with a message for the user; the script prints it and exits 1 after removing its scratch folder. */
class Failure extends Error {}
function fail(message: string): never {
  throw new Failure(message);
}

const env = { ...process.env, NO_COLOR: "1", CI: "1", FORCE_COLOR: undefined };

/** Runs `node bin/lz.mjs ARGS` and returns its stdout; a failure stops the script with lz's own message. */
function lz(lzArgs: readonly string[]): string {
  try {
    return execFileSync(process.execPath, ["bin/lz.mjs", ...lzArgs], { encoding: "utf8", env, stdio: ["ignore", "pipe", "pipe"] });
  } catch (e) {
    const err = e as { stderr?: string; status?: number };
    fail(`docs figures: "lz ${lzArgs.join(" ")}" failed (exit ${err.status ?? "?"}):\n${err.stderr ?? String(e)}`);
  }
}

const scratch = mkdtempSync(join(tmpdir(), "lz-docs-figures-"));
try {
  if (configAt >= 0 && !configDir) fail("--config needs a folder.");
  const outdir = join(scratch, "cdktf.out");
  const withConfig = (a: readonly string[]) => (configDir ? [...a, "--config", configDir] : [...a]);
  const synthOutput = lz(withConfig(["synth", "--out", outdir]))
    .split(outdir)
    .join("cdktf.out");
  const stacks = readdirSync(join(outdir, "stacks")).sort();
  type Json = { resource?: Record<string, Record<string, unknown>> };
  const json = new Map(stacks.map((s) => [s, JSON.parse(readFileSync(join(outdir, "stacks", s, "cdk.tf.json"), "utf8")) as Json]));
  const count = (j: Json, type?: string) =>
    Object.entries(j.resource ?? {})
      .filter(([t]) => type === undefined || t === type)
      .reduce((n, [, byName]) => n + Object.keys(byName).length, 0);
  const model = loadConfig(configDir);
  const figures: Record<string, () => string> = {
    "stack-count": () => String(stacks.length),
    "resource-total": () => String([...json.values()].reduce((n, j) => n + count(j), 0)),
    "policy-summary": () => synthOutput.split("\n").find((l) => l.startsWith("Policy pack:")) ?? fail("lz synth printed no policy line"),
    "suppression-entries": () =>
      String([model.networkHub, ...model.environments].reduce((n, account) => n + account.policySuppressions.length, 0)),
    "config-rules": () => configRulesFigure(Object.fromEntries([...json].map(([s, j]) => [s, count(j, "aws_config_config_rule")]))),
  };
  const outputs = new Map<string, string>();
  const render = (key: string): string => {
    const [kind, ...rest] = key.split(/\s+/);
    if (kind === "figure") return (figures[rest[0] ?? ""] ?? (() => fail(`unknown figure ${key}`)))();
    let out = outputs.get(key);
    if (out === undefined) {
      out = rest[0] === "synth" && rest.length === 1 ? synthOutput : lz(withConfig(rest));
      outputs.set(key, out);
    }
    return consoleFence(key, out);
  };

  const files = [
    "README.md",
    ...readdirSync("docs")
      .filter((f) => f.endsWith(".md"))
      .map((f) => `docs/${f}`),
  ];
  const stale: string[] = [];
  for (const file of files) {
    const text = readFileSync(file, "utf8");
    if (check) stale.push(...staleGeneratedBlocks(text, file, render).map((b) => `  ${file}:${b.line} ${b.key}`));
    else {
      const next = rewriteGeneratedBlocks(text, file, render);
      if (next !== text) {
        writeFileSync(file, next);
        process.stdout.write(`wrote ${file}\n`);
      }
    }
  }
  if (stale.length > 0)
    fail(
      `The generated figures in the docs no longer match the config:\n${stale.join("\n")}\nRegenerate them with: ${FIX} (then commit the docs).`,
    );
  if (check) process.stdout.write(`docs figures are up to date (${files.length} files)\n`);
} catch (e) {
  if (!(e instanceof Failure || e instanceof GeneratedBlockError)) throw e;
  process.stderr.write(`${e.message}\n`);
  process.exitCode = 1;
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
