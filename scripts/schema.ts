/**
 * Writes the editor JSON Schemas generated from the zod schema into `schema/`.
 * `npm run schema` rewrites them; `test/config/json-schema.test.ts` fails when they are out of date.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { renderJsonSchemas } from "../src/config/json-schema.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
for (const [file, text] of Object.entries(renderJsonSchemas())) {
  const out = join(root, "schema", file);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, text);
  console.log(`wrote schema/${file}`);
}
