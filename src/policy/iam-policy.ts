/**
 * IAM policy documents as rules see them: from a JSON string (`JSON.stringify` in a construct) or from a
 * reference to a `data.aws_iam_policy_document`, normalized to statements with principals and conditions.
 * Grammar: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements.html
 */
import { asList, type SynthStack } from "./stack.js";

/** One normalized statement. Principals by type (`AWS`, `Service`, `Federated`, or `*` for `"Principal": "*"`). */
export interface NormalizedStatement {
  readonly sid?: string;
  readonly effect: "Allow" | "Deny";
  readonly actions: readonly string[];
  /** `Resource` values (ARNs, wildcards or `${...}` references); empty when the statement has none (trust policies). */
  readonly resources: readonly string[];
  /** `NotResource` values; empty when absent. */
  readonly notResources: readonly string[];
  readonly principals: Readonly<Record<string, readonly string[]>>;
  /** operator → condition key → values, for example `StringEquals` → `aws:SourceAccount` → [`111111111111`]. */
  readonly conditions: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>;
}

const strings = (v: unknown): string[] => asList(v).map(String);

function fromJson(doc: unknown): NormalizedStatement[] | undefined {
  if (!doc || typeof doc !== "object") return undefined;
  return asList<Record<string, unknown>>((doc as Record<string, unknown>).Statement).map((s) => {
    const p = s.Principal;
    const principals: Record<string, string[]> =
      p === "*" ? { "*": ["*"] } : p && typeof p === "object" ? Object.fromEntries(Object.entries(p).map(([k, v]) => [k, strings(v)])) : {};
    const conditions = Object.fromEntries(
      Object.entries((s.Condition ?? {}) as Record<string, Record<string, unknown>>).map(([op, keys]) => [
        op,
        Object.fromEntries(Object.entries(keys ?? {}).map(([k, v]) => [k, strings(v)])),
      ]),
    );
    return {
      ...(s.Sid ? { sid: String(s.Sid) } : {}),
      effect: s.Effect === "Deny" ? "Deny" : "Allow",
      actions: strings(s.Action),
      resources: strings(s.Resource),
      notResources: strings(s.NotResource),
      principals,
      conditions,
    };
  });
}

function fromDocumentData(body: Readonly<Record<string, unknown>>): NormalizedStatement[] {
  return asList<Record<string, unknown>>(body.statement).map((s) => {
    const principals: Record<string, string[]> = {};
    for (const p of asList<Record<string, unknown>>(s.principals)) {
      const type = String(p.type);
      principals[type] = [...(principals[type] ?? []), ...strings(p.identifiers)];
    }
    const conditions: Record<string, Record<string, string[]>> = {};
    for (const c of asList<Record<string, unknown>>(s.condition)) {
      const op = String(c.test);
      conditions[op] = { ...(conditions[op] ?? {}), [String(c.variable)]: strings(c.values) };
    }
    return {
      ...(s.sid ? { sid: String(s.sid) } : {}),
      effect: s.effect === "Deny" ? "Deny" : "Allow",
      actions: strings(s.actions),
      resources: strings(s.resources),
      notResources: strings(s.not_resources),
      principals,
      conditions,
    };
  });
}

/**
 * The statements of a policy argument: a JSON string, an object, or a reference to a
 * `data.aws_iam_policy_document`. Undefined when the policy cannot be read at synth time (an expression).
 */
export function policyStatements(value: unknown, stack: SynthStack): NormalizedStatement[] | undefined {
  const ref = stack.resolve(value);
  if (ref?.type === "aws_iam_policy_document") return fromDocumentData(ref.body);
  if (typeof value === "string") {
    try {
      return fromJson(JSON.parse(value));
    } catch {
      return undefined;
    }
  }
  return fromJson(value);
}

/** Every value of condition key `key` (case-insensitive) under any operator whose name matches `operators`. */
export function conditionValues(s: NormalizedStatement, key: string, operators: RegExp = /.*/): string[] {
  return Object.entries(s.conditions)
    .filter(([op]) => operators.test(op))
    .flatMap(([, keys]) =>
      Object.entries(keys)
        .filter(([k]) => k.toLowerCase() === key.toLowerCase())
        .flatMap(([, v]) => v),
    );
}
