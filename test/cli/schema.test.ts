import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { renderJsonSchemas } from "../../src/config/json-schema.js";
import { lz } from "./lz.js";

const scratch = mkdtempSync(join(tmpdir(), "lz-cli-schema-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const expected = renderJsonSchemas();

describe("lz schema", () => {
  it("writes files identical to renderJsonSchemas() into --out, naming each one", () => {
    const out = join(scratch, "given");
    const r = lz(["schema", "--out", out]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(readdirSync(out).sort()).toEqual(Object.keys(expected).sort());
    for (const [file, text] of Object.entries(expected)) expect(readFileSync(join(out, file), "utf8")).toBe(text);
    expect(r.stdout).toBe(
      Object.keys(expected)
        .map((f) => `wrote ${join(out, f)}\n`)
        .join(""),
    );
  });

  it("writes into schema/ under the working directory by default", () => {
    const cwd = mkdtempSync(join(scratch, "cwd-"));
    const r = lz(["schema"], { cwd });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe("wrote schema/shared.schema.json\nwrote schema/environment.schema.json\n");
    for (const [file, text] of Object.entries(expected)) expect(readFileSync(join(cwd, "schema", file), "utf8")).toBe(text);
  });

  it("rejects a folder that cannot be created with exit 1 and the file system's message, without a stack trace", () => {
    const r = lz(["schema", "--out", "package.json/schemas"]);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe("error: ENOTDIR: not a directory, mkdir 'package.json/schemas'\n");
  });
});
