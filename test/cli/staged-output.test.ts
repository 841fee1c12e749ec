import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { StagedOutput } from "../../src/cli/staged-output.js";
import { fingerprint } from "./lz.js";

const scratch = mkdtempSync(join(tmpdir(), "lz-cli-staged-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let n = 0;
/** A new parent folder; `out` inside it, optionally holding one file. */
function setup(earlier?: string): { parent: string; out: string } {
  const parent = join(scratch, `case-${++n}`);
  const out = join(parent, "out");
  mkdirSync(parent);
  if (earlier !== undefined) {
    mkdirSync(out);
    writeFileSync(join(out, "file"), earlier);
  }
  return { parent, out };
}

/** The id of a process that has ended. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
  return Number(r.stdout);
}

describe("StagedOutput", () => {
  it("builds in an empty hidden sibling named after the output and the process", () => {
    const { parent, out } = setup("old");
    const staged = StagedOutput.begin(out, 4242);
    expect(staged.path).toBe(join(parent, ".out.tmp-4242"));
    expect(readdirSync(staged.path)).toEqual([]);
    staged.discard();
  });

  it("replaces the earlier output on commit and leaves nothing else behind", () => {
    const { parent, out } = setup("old");
    const staged = StagedOutput.begin(out);
    writeFileSync(join(staged.path, "file"), "new");
    staged.commit();
    expect(readFileSync(join(out, "file"), "utf8")).toBe("new");
    expect(readdirSync(parent)).toEqual(["out"]);
  });

  it("creates the output on commit when there was none, with its parent folders", () => {
    const out = join(scratch, "fresh", "a", "b");
    const staged = StagedOutput.begin(out);
    writeFileSync(join(staged.path, "file"), "new");
    staged.commit();
    expect(readdirSync(join(scratch, "fresh", "a"))).toEqual(["b"]);
    expect(readFileSync(join(out, "file"), "utf8")).toBe("new");
  });

  it("leaves the earlier output byte-identical and removes the temporary folder on discard", () => {
    const { parent, out } = setup("old");
    const before = fingerprint(out);
    const staged = StagedOutput.begin(out);
    mkdirSync(join(staged.path, "stacks"));
    writeFileSync(join(staged.path, "stacks", "half"), "written");
    staged.discard();
    expect(fingerprint(out)).toEqual(before);
    expect(readdirSync(parent)).toEqual(["out"]);
  });

  it("removes what killed runs left behind, but not what a running process is building", () => {
    const { parent, out } = setup("old");
    const dead = deadPid();
    mkdirSync(join(parent, `.out.tmp-${dead}`));
    mkdirSync(join(parent, `.out.old-${dead}`));
    mkdirSync(join(parent, `.out.tmp-${process.ppid}`));
    mkdirSync(join(parent, ".other.tmp-1"));
    const staged = StagedOutput.begin(out);
    expect(readdirSync(parent).sort()).toEqual([`.other.tmp-1`, `.out.tmp-${process.pid}`, `.out.tmp-${process.ppid}`, "out"].sort());
    staged.discard();
  });

  it("puts back an earlier output that a killed swap left aside", () => {
    const { parent, out } = setup();
    const dead = deadPid();
    mkdirSync(join(parent, `.out.old-${dead}`));
    writeFileSync(join(parent, `.out.old-${dead}`, "file"), "old");
    const staged = StagedOutput.begin(out);
    staged.discard();
    expect(readFileSync(join(out, "file"), "utf8")).toBe("old");
    expect(existsSync(join(parent, `.out.old-${dead}`))).toBe(false);
  });
});
