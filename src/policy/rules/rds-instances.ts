/**
 * Reading RDS DB instances (`aws_db_instance`) for the LZ-AWS rules: the engine of an instance or of the
 * primary a read replica copies, and the parameter and option groups it uses. Not a rule itself.
 */
import { isExpression, type SynthResource, type SynthStack } from "../stack.js";

/**
 * The instance a read replica copies (`replicate_source_db` referring to an `aws_db_instance` of the stack),
 * or undefined for a primary or a source the stack does not hold.
 */
export function replicaSource(r: SynthResource, stack: SynthStack): SynthResource | undefined {
  const source = stack.resolve(r.body.replicate_source_db);
  return source?.type === "aws_db_instance" && source !== r ? source : undefined;
}

/**
 * The engine (`mysql`, `mariadb`, `aurora-mysql`, ...) of a DB instance, or of the primary a read replica copies
 * (a replica usually has no `engine` of its own). Undefined when it is an expression or cannot be found.
 */
export function engineOf(r: SynthResource, stack: SynthStack): string | undefined {
  const own = r.body.engine;
  if (typeof own === "string" && !isExpression(own)) return own;
  if (own !== undefined) return undefined;
  const source = replicaSource(r, stack);
  return source ? engineOf(source, stack) : undefined;
}

/**
 * What a DB instance's parameter or option group is, as far as the stack tells:
 * - `default`: no group is named, so RDS uses the engine's default group (a same-Region replica: its source's);
 * - `resource`: the group resource of the stack it refers to (by reference, or by a literal `name`);
 * - `unknown`: a name or expression the stack does not resolve (a group made elsewhere).
 */
export type GroupOf =
  | { readonly kind: "default" }
  | { readonly kind: "resource"; readonly group: SynthResource }
  | { readonly kind: "unknown" };

/**
 * The group named by `field` (`parameter_group_name` or `option_group_name`) of `r`, of resource type `type`
 * (`aws_db_parameter_group`, `aws_db_option_group`). A read replica without its own group uses its source's.
 */
export function groupOf(r: SynthResource, stack: SynthStack, field: string, type: string): GroupOf {
  const value = r.body[field];
  if (value === undefined || value === null || value === "") {
    const source = replicaSource(r, stack);
    if (source) return groupOf(source, stack, field, type);
    return r.body.replicate_source_db === undefined ? { kind: "default" } : { kind: "unknown" };
  }
  const ref = stack.resolve(value);
  if (ref) return ref.type === type ? { kind: "resource", group: ref } : { kind: "unknown" };
  if (typeof value !== "string" || isExpression(value)) return { kind: "unknown" };
  const byName = stack.ofType(type).find((g) => g.body.name === value);
  if (byName) return { kind: "resource", group: byName };
  return value.startsWith("default.") ? { kind: "default" } : { kind: "unknown" };
}
