/**
 * Reading ECS container definitions (`aws_ecs_task_definition.container_definitions`, a JSON string),
 * shared by the LZ-ECS rules. Not a rule itself.
 */
import type { SynthResource } from "../stack.js";

const OPEN = "\uE000";
const CLOSE = "\uE001";

/**
 * `text` with every Terraform interpolation (`${...}`, but not the escape `$${`) replaced by a placeholder, and the
 * interpolations in order. An interpolation may hold quotes and braces (`${join(",", [a.b])}`), which would make the
 * JSON text unreadable before Terraform evaluates it; quoted strings inside it are skipped when counting braces.
 */
function maskInterpolations(text: string): { readonly masked: string; readonly originals: string[] } {
  const originals: string[] = [];
  let masked = "";
  let i = 0;
  while (i < text.length) {
    if (text.startsWith("$${", i)) {
      masked += "$${";
      i += 3;
      continue;
    }
    if (!text.startsWith("${", i)) {
      masked += text[i];
      i += 1;
      continue;
    }
    let j = i + 2;
    let depth = 1;
    let quoted = false;
    for (; j < text.length && depth > 0; j += 1) {
      const c = text[j];
      if (quoted) {
        if (c === "\\") j += 1;
        else if (c === '"') quoted = false;
      } else if (c === '"') quoted = true;
      else if (c === "{") depth += 1;
      else if (c === "}") depth -= 1;
    }
    originals.push(text.slice(i, j));
    masked += `${OPEN}${originals.length - 1}${CLOSE}`;
    i = j;
  }
  return { masked, originals };
}

/** `value` with the placeholders of {@link maskInterpolations} put back, in every string it holds. */
function unmask(value: unknown, originals: readonly string[]): unknown {
  if (typeof value === "string")
    return value.replace(new RegExp(`${OPEN}(\\d+)${CLOSE}`, "g"), (_, n: string) => originals[Number(n)] ?? "");
  if (Array.isArray(value)) return value.map((v) => unmask(v, originals));
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, unmask(v, originals)]));
  return value;
}

/**
 * The container definitions of a task definition, or undefined when they are an expression the pack cannot read.
 * Interpolations inside the JSON text (`"value":"${join(",", [...])}"`) are kept as they are, as strings.
 */
export function containersOf(r: SynthResource): Record<string, unknown>[] | undefined {
  const raw = r.body.container_definitions;
  try {
    if (typeof raw !== "string") return Array.isArray(raw) ? (raw as Record<string, unknown>[]) : undefined;
    const { masked, originals } = maskInterpolations(raw);
    const parsed = unmask(JSON.parse(masked), originals);
    return Array.isArray(parsed) ? (parsed as Record<string, unknown>[]) : undefined;
  } catch {
    return undefined;
  }
}

/** A container's name, for messages. */
export const containerName = (c: Record<string, unknown>) => String(c.name ?? "(unnamed)");
