/**
 * Stage 1 of validation: the shape check with zod, with zod's issues turned into located
 * {@link Problem}s whose message says what is wrong and what to write instead.
 */
import { z } from "zod";
import { closest, type Problem } from "./problems.js";
import type { SourceFile } from "./source.js";

type JsonSchemaNode = {
  description?: string;
  properties?: Record<string, JsonSchemaNode>;
  items?: JsonSchemaNode;
  additionalProperties?: JsonSchemaNode | boolean;
  enum?: unknown[];
};

/** Sub-schema of a JSON Schema at `path`, following properties and items. */
function schemaAt(root: JsonSchemaNode, path: readonly PropertyKey[]): JsonSchemaNode | undefined {
  let node: JsonSchemaNode | undefined = root;
  for (const seg of path) {
    if (!node) return undefined;
    if (typeof seg === "number") node = node.items;
    else node = node.properties?.[String(seg)] ?? (typeof node.additionalProperties === "object" ? node.additionalProperties : undefined);
  }
  return node;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = data;
  for (const seg of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<PropertyKey, unknown>)[seg];
  }
  return v;
}

function typeName(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "a list";
  if (typeof v === "object") return "a mapping";
  return `${typeof v} ${JSON.stringify(v)}`;
}

/** A field description as help text: "@default X" becomes "default X", without a final period. */
const fieldHelp = (description: string) => description.replace(/\.?\s*@default (.+)$/, "; default $1").replace(/\.$/, "");

const WRITE_A: Readonly<Record<string, string>> = {
  boolean: "Write true or false",
  number: "Write a number",
  int: "Write a whole number",
  string: "Write a text value",
};

/**
 * Validates `source.data` against `schema`. Returns the parsed value, or the problems found.
 * Messages use the field descriptions from the JSON Schema generated from the same zod schema.
 */
export function checkShape<S extends z.ZodType>(
  schema: S,
  source: SourceFile,
): { ok: true; value: z.output<S> } | { ok: false; problems: Problem[] } {
  const result = schema.safeParse(source.data);
  if (result.success) return { ok: true, value: result.data };
  const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchemaNode;
  const problems: Problem[] = [];
  for (const issue of result.error.issues) {
    const path = issue.path;
    if (issue.code === "unrecognized_keys") {
      const allowed = Object.keys(schemaAt(json, path)?.properties ?? {});
      for (const key of issue.keys) {
        const guess = closest(key, allowed);
        const hint = guess ? `Did you mean ${guess}?` : `Valid keys here: ${allowed.join(", ")}.`;
        problems.push(source.problem([...path, key], `unknown key "${key}". ${hint}`, { key: true }));
      }
      continue;
    }
    const actual = valueAt(source.data, path);
    const sub = schemaAt(json, path);
    const description = sub?.description ? ` (${fieldHelp(sub.description)})` : "";
    if (actual === undefined && (issue.code === "invalid_type" || issue.code === "invalid_value")) {
      const key = String(path[path.length - 1] ?? "value");
      problems.push(source.problem(path, `required key "${key}" is missing${description}. Add ${key}: under this mapping.`));
      continue;
    }
    if (issue.code === "invalid_type" && issue.expected === "object") {
      problems.push(
        source.problem(path, `expected a mapping of keys, got ${typeName(actual)}. Write it as key: value lines indented under this key.`),
      );
      continue;
    }
    if (issue.code === "invalid_type" && issue.expected === "array") {
      problems.push(source.problem(path, `expected a list, got ${typeName(actual)}. Write it as [a, b] or as "- a" lines.`));
      continue;
    }
    if (issue.code === "invalid_value" && typeof actual === "string" && issue.values.every((v) => typeof v === "string")) {
      const guess = closest(actual, issue.values as string[]);
      problems.push(
        source.problem(
          path,
          `"${actual}" is not allowed. ${guess ? `Did you mean ${guess}? ` : ""}Write one of: ${issue.values.join(", ")}.`,
        ),
      );
      continue;
    }
    // Messages written in the schema say what to write; zod's generic ones are replaced or get the field's help.
    const got = actual === undefined ? "" : ` (got ${typeName(actual)})`;
    if (/\b(Write|Add|List|Use)\b/.test(issue.message)) {
      problems.push(source.problem(path, `${issue.message.replace(/\.$/, "")}${got}.`));
    } else if (issue.code === "invalid_type") {
      problems.push(
        source.problem(
          path,
          `expected ${issue.expected}, got ${typeName(actual)}. ${WRITE_A[issue.expected] ?? `Write ${issue.expected}`}${description}.`,
        ),
      );
    } else {
      problems.push(source.problem(path, `${issue.message.replace(/\.$/, "")}${got}.${description ? ` Expected${description}.` : ""}`));
    }
  }
  return { ok: false, problems };
}
