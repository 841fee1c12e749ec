/**
 * `lz schema`: writes the editor JSON Schemas generated from the zod schema (src/config/json-schema.ts).
 * `test/config/json-schema.test.ts` fails when the committed `schema/` is out of date.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Command } from "commander";
import { renderJsonSchemas } from "../../config/json-schema.js";
import type { Context } from "../context.js";

/** Folder the schemas are written to, relative to the working directory, unless `--out` says otherwise. */
export const SCHEMA_DIR = "schema";

export function defineSchema(cmd: Command, ctx: Context): void {
  cmd
    .description("write the editor JSON Schemas (shared.schema.json, environment.schema.json) generated from the zod schema")
    .option("--out <dir>", "folder to write them to", SCHEMA_DIR)
    .addHelpText(
      "after",
      `
Run it after changing src/config/schema/; the YAML files point at these schemas for autocompletion.

Examples:
  $ lz schema
  $ lz schema --out /tmp/schemas`,
    )
    .action((opts: { out: string }) => {
      mkdirSync(opts.out, { recursive: true });
      for (const [file, text] of Object.entries(renderJsonSchemas())) {
        const path = join(opts.out, file);
        writeFileSync(path, text);
        ctx.io.stdout.write(`wrote ${path}\n`);
      }
    });
}
