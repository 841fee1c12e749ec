import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { lz, STACK_FRAME } from "./lz.js";

const scratch = mkdtempSync(join(tmpdir(), "lz-cli-diagram-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("lz diagram", () => {
  it("prints the DOT source to stdout with --format dot", () => {
    const r = lz(["diagram", "--format", "dot"]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^digraph "acme landing zone" \{\n/);
  });

  it("prints Mermaid with --format mermaid", () => {
    const r = lz(["diagram", "--format", "mermaid"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("flowchart LR\n");
  });

  it("writes the SVG to --out, the same bytes as the recorded drawing of the config", () => {
    const out = join(scratch, "topology.svg");
    const r = lz(["diagram", "--out", out]);
    expect(r).toEqual({ status: 0, stdout: `wrote ${out} (svg)\n`, stderr: "" });
    expect(readFileSync(out, "utf8")).toBe(readFileSync("test/fixtures/reference-topology.svg", "utf8"));
  });

  it("checks a drawing with --check: exit 0 when up to date, 1 with the command that fixes it when stale or missing", () => {
    const fresh = join(scratch, "fresh.svg");
    writeFileSync(fresh, readFileSync("test/fixtures/reference-topology.svg"));
    expect(lz(["diagram", "--check", fresh])).toEqual({ status: 0, stdout: `${fresh} is up to date\n`, stderr: "" });
    const stale = join(scratch, "stale.svg");
    writeFileSync(stale, "<svg/>");
    const r = lz(["diagram", "--check", stale]);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`${stale} is out of date with the config: run npx lz diagram --out ${stale}\n`);
    expect(lz(["diagram", "--check", join(scratch, "none.svg")]).stderr).toBe(
      `${join(scratch, "none.svg")} does not exist: run npx lz diagram --out ${join(scratch, "none.svg")}\n`,
    );
    expect(existsSync(join(scratch, "none.svg"))).toBe(false);
  });

  it("rejects an unknown format with exit 2, naming the choices", () => {
    const r = lz(["diagram", "--format", "png"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("Allowed choices are svg, dot, mermaid.");
  });

  it("rejects a config with problems with exit 1 and no stack trace", () => {
    const r = lz(["diagram", "--config", "test/fixtures/many-mistakes"]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^config has \d+ problems:\n/);
    expect(r.stderr).not.toMatch(STACK_FRAME);
  });

  it("rejects an unwritable --out with exit 1 and the file's error", () => {
    const r = lz(["diagram", "--format", "dot", "--out", join(scratch, "missing", "x.dot")]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^error: ENOENT: no such file or directory, open '.*x\.dot'\n$/);
  });
});
