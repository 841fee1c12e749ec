import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { renderJsonSchemas } from "../../src/config/json-schema.js";

describe("editor JSON Schemas", () => {
  it.each(Object.entries(renderJsonSchemas()))("schema/%s matches the zod schema (run npm run schema if not)", (file, text) => {
    expect(readFileSync(`schema/${file}`, "utf8"), `schema/${file} is out of date: run npm run schema`).toBe(text);
  });

  it("rejects unknown keys for editors too", () => {
    const env = JSON.parse(renderJsonSchemas()["environment.schema.json"]!);
    expect(env.additionalProperties).toBe(false);
    expect(env.properties.vpc.additionalProperties).toBe(false);
  });
});
