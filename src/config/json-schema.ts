/**
 * JSON Schemas for editors (yaml-language-server), generated from the zod schema with
 * `z.toJSONSchema`. Each YAML file names its schema in a `# yaml-language-server: $schema=` comment.
 */
import { z } from "zod";
import { EnvironmentFileSchema, SharedFileSchema } from "./schema/index.js";

/** File name in `schema/` → JSON text (2-space indented, trailing newline). */
export function renderJsonSchemas(): Record<string, string> {
  const render = (schema: z.ZodType) => `${JSON.stringify(z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }), null, 2)}\n`;
  return {
    "shared.schema.json": render(SharedFileSchema),
    "environment.schema.json": render(EnvironmentFileSchema),
  };
}
