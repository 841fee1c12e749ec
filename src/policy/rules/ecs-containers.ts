/**
 * Reading ECS container definitions (`aws_ecs_task_definition.container_definitions`, a JSON string),
 * shared by the LZ-ECS rules. Not a rule itself.
 */
import type { SynthResource } from "../stack.js";

/** The container definitions of a task definition, or undefined when they are an expression the pack cannot read. */
export function containersOf(r: SynthResource): Record<string, unknown>[] | undefined {
  const raw = r.body.container_definitions;
  try {
    const parsed: unknown = typeof raw === "string" ? JSON.parse(raw) : raw;
    return Array.isArray(parsed) ? (parsed as Record<string, unknown>[]) : undefined;
  } catch {
    return undefined;
  }
}

/** A container's name, for messages. */
export const containerName = (c: Record<string, unknown>) => String(c.name ?? "(unnamed)");
