/**
 * Helpers for the CLI tests: run `node bin/lz.mjs` as a child process, run the CLI in-process with fake
 * streams, and fingerprint a folder byte for byte.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { CliDeps } from "../../src/cli/context.js";
import type { Io } from "../../src/cli/io.js";
import { runCli } from "../../src/cli/program.js";
import { REFERENCE_DIR } from "../support/config-dir.js";

/** The executable, as `npx lz` and package.json "bin" run it. */
export const LZ_BIN = resolve("bin", "lz.mjs");

/** A line of a stack trace (`    at fn (file:1:2)`). Expected failures never print one. */
export const STACK_FRAME = /^\s+at .+:\d+:\d+\)?$/m;

/** Variables the CLI reads, removed from the child's environment unless a test sets them. */
const CLI_VARIABLES = ["LZ_CONFIG_DIR", "CDKTF_OUTDIR", "NO_COLOR", "FORCE_COLOR", "CI", "LZ_DEBUG", "TERM"];

export interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

let project: string | undefined;

/**
 * A scratch project folder whose `environments/` is a copy of the reference config (one per test worker, removed
 * at exit): the working directory of {@link lz} unless a test gives one, so the CLI's default config folder never
 * reads the repository's `environments/`, which the platform team edits. `test/` and `package.json` link to the
 * repository's, so paths such as `test/fixtures/minimal` mean what they mean at the repository root.
 */
export function referenceProject(): string {
  if (!project) {
    const dir = mkdtempSync(join(tmpdir(), "lz-project-"));
    cpSync(REFERENCE_DIR, join(dir, "environments"), { recursive: true });
    for (const name of ["test", "package.json"]) symlinkSync(resolve(name), join(dir, name));
    process.once("exit", () => rmSync(dir, { recursive: true, force: true }));
    project = dir;
  }
  return project;
}

/** Runs `node bin/lz.mjs ...args` and waits for it, in {@link referenceProject} unless `cwd` is given. */
export function lz(args: readonly string[], options: { env?: Record<string, string>; cwd?: string } = {}): Run {
  const env: Record<string, string | undefined> = { ...process.env };
  for (const name of CLI_VARIABLES) delete env[name];
  const r = spawnSync(process.execPath, [LZ_BIN, ...args], {
    encoding: "utf8",
    env: { ...env, ...options.env },
    cwd: options.cwd ?? referenceProject(),
    timeout: 120_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A writable stream that records what is written; `isTTY` as given. */
export class FakeStream {
  text = "";
  constructor(readonly isTTY = false) {}
  write(text: string): boolean {
    this.text += text;
    return true;
  }
}

export interface InProcessRun extends Run {
  readonly status: number;
}

/**
 * Runs the CLI in this process with fake streams (faster; lets a test replace parts and fake a terminal). Its
 * config folder defaults to the reference config (`LZ_CONFIG_DIR`), since this process's working directory is the
 * repository, whose `environments/` the tests never read.
 */
export async function lzInProcess(
  args: readonly string[],
  options: { env?: Record<string, string>; tty?: boolean; deps?: CliDeps } = {},
): Promise<InProcessRun> {
  const stdout = new FakeStream(options.tty);
  const stderr = new FakeStream(options.tty);
  const io: Io = { stdout, stderr, env: { LZ_CONFIG_DIR: REFERENCE_DIR, ...options.env } };
  const status = await runCli(args, io, options.deps);
  return { status, stdout: stdout.text, stderr: stderr.text };
}

/** Every file under `dir` (relative path → SHA-256 of its bytes) plus every folder, sorted. */
export function fingerprint(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rel of (readdirSync(dir, { recursive: true }) as string[]).sort()) {
    const path = join(dir, rel);
    out[rel] = statSync(path).isDirectory() ? "(folder)" : createHash("sha256").update(readFileSync(path)).digest("hex");
  }
  return out;
}
