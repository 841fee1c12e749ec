/**
 * Reads the JSON that `terraform show -json tfplan` prints for one stack, counts its changes, and blocks
 * every delete or replace of a stateful resource (see `stateful.ts`) that no allow-list entry accepts.
 *
 * Follows Terraform's "JSON Output Format" (https://developer.hashicorp.com/terraform/internals/json-format):
 * - `format_version` "1.x": minor versions only add properties, which are ignored; another major version
 *   is rejected, as that page asks.
 * - `resource_changes[]`: one entry per resource instance (and per deposed object), absent when nothing
 *   changes. A replace is `["delete","create"]`, or `["create","delete"]` with `create_before_destroy`.
 *   Data sources (`mode: "data"`) are reads, not changes, and are skipped.
 * - `["forget"]` (a `removed` block with `destroy = false`, Terraform 1.7+) leaves the object in AWS and is
 *   only counted.
 *
 * - `change.importing` (Terraform 1.5+ `import` blocks): the resource is being imported. An import with no
 *   change or an in-place update passes (the update is listed: the config overwrites what the existing
 *   resource has); an import that is also a replace is blocked whatever the type, since it would destroy the
 *   existing resource the config means to adopt. The same holds later for a resource that the stack's
 *   configuration still imports (its `import` blocks, see {@link PlanGuardOptions}), once it is in the state.
 *
 * An action list this code does not know fails the evaluation rather than passing it: a guard that
 * lets through what it does not understand protects nothing.
 */
import { statefulReason } from "./stateful.js";

/** The Terraform JSON format page this parser follows. */
export const PLAN_JSON_FORMAT_URL = "https://developer.hashicorp.com/terraform/internals/json-format";

/**
 * Why an adopted resource is guarded: replacing it destroys the existing resource the config set out to adopt.
 * See docs/adopt.md for what to do.
 */
export const ADOPTED_REASON =
  "it is adopted (imported), so a replace destroys the existing resource; the config differs from it in an attribute that cannot change in place: change the config to match the existing resource (docs/adopt.md)";

/** A change the guard blocks on a stateful resource. */
export type GuardedAction = "delete" | "replace";

/**
 * One accepted delete or replace, from `planGuard.allow` in `environments/shared.yaml`.
 *
 * It matches a finding when `stack`, `address` and one of `actions` are all equal to the finding's; the
 * address is compared as an exact string, so `aws_s3_bucket.logs[0]` and `aws_s3_bucket.logs` differ.
 */
export interface PlanGuardAllowEntry {
  /** Stack name, for example `workload-prod`. */
  readonly stack: string;
  /** Resource address as `terraform plan` prints it, for example `aws_db_instance.data_primary_4F1C2B3A`. */
  readonly address: string;
  /** Which changes are accepted. An entry for `delete` does not accept a `replace`, and the reverse. */
  readonly actions: readonly GuardedAction[];
  /** Why losing this resource's data is acceptable; echoed in the report. */
  readonly reason: string;
}

/** A delete or replace of a stateful resource in the plan. */
export interface PlanGuardFinding {
  /** Resource instance address, for example `aws_db_instance.data_primary_4F1C2B3A`. */
  readonly address: string;
  /** Resource type, for example `aws_db_instance`. */
  readonly type: string;
  readonly action: GuardedAction;
  /**
   * Terraform's `action_reason`, when it gives one: `replace_because_cannot_update`,
   * `replace_because_tainted`, `replace_by_request`, `replace_by_triggers`,
   * `delete_because_no_resource_config`, ... (see the JSON format page).
   */
  readonly actionReason?: string;
  /**
   * Attributes whose change forces the replacement, as dotted paths (`engine`, `ingress[0].cidr_blocks`,
   * `tags["Cost Center"]`), in plan order. Absent when the plan gives none.
   */
  readonly replacePaths?: readonly string[];
  /** Key of the deposed object this change destroys (left over from an interrupted create-before-destroy). */
  readonly deposed?: string;
  /** What the change loses, from `STATEFUL_RESOURCE_TYPES`, or {@link ADOPTED_REASON} for an adopted resource. */
  readonly why: string;
  /**
   * The import id, when the resource is adopted: imported in this plan (`change.importing.id`), or named by an
   * `import` block of the stack's configuration ({@link PlanGuardOptions.importedAddresses}).
   */
  readonly importId?: string;
}

/** A finding that an allow-list entry accepts. */
export interface PlanGuardAllowedFinding extends PlanGuardFinding {
  /** The `reason` of the matching allow entry. */
  readonly allowReason: string;
}

/**
 * Number of resource instances per planned action; managed resources only. A replace counts once, as
 * `replace`, whichever order Terraform gives. `read` stays 0 in practice: only data sources are read,
 * and those are not changes.
 */
export interface PlanChangeCounts {
  readonly create: number;
  readonly update: number;
  readonly replace: number;
  readonly delete: number;
  readonly read: number;
  /** Removed from state by a `removed` block with `destroy = false`; the object stays in AWS. */
  readonly forget: number;
  readonly noOp: number;
}

/** What a plan imports (Terraform `import` blocks). Present in the report only when the plan imports something. */
export interface PlanImports {
  /** Number of resource instances the plan imports (each also counted under its action: no-op, update or replace). */
  readonly count: number;
  /**
   * Addresses imported and updated in place, sorted: the apply changes the existing resource to match the config
   * (tags the landing zone adds, settings it enforces). Allowed, but worth a reviewer's look.
   */
  readonly updated: readonly string[];
}

/** Options of {@link evaluatePlan}. */
export interface PlanGuardOptions {
  /**
   * Resource addresses (`aws_vpc.vpc_6776A399`, without instance keys) that the stack's configuration imports, to
   * their import ids: the `import` blocks of its `cdk.tf.json`. A replace of one of them is blocked even after the
   * import was applied (the plan then has no `importing`). @default none
   */
  readonly importedAddresses?: ReadonlyMap<string, string>;
}

/** The verdict on one stack's plan. */
export interface PlanGuardReport {
  /** Stack the plan belongs to, as passed in. */
  readonly stack: string;
  /** `terraform_version` of the plan, when present. */
  readonly terraformVersion?: string;
  readonly counts: PlanChangeCounts;
  /** What the plan imports; absent when it imports nothing. */
  readonly imports?: PlanImports;
  /** Deletes and replaces of stateful or adopted resources that no allow entry accepts, sorted by address. */
  readonly blocked: readonly PlanGuardFinding[];
  /** Deletes and replaces of stateful resources that an allow entry accepts, sorted by address. */
  readonly allowed: readonly PlanGuardAllowedFinding[];
  /** Allow entries for this stack that matched no finding (stale exceptions), sorted by address. */
  readonly unusedAllowEntries: readonly PlanGuardAllowEntry[];
  /** `true` when nothing is blocked. */
  readonly ok: boolean;
}

/** The input is not a Terraform JSON plan, or not one this code can read. */
export class PlanFormatError extends Error {
  constructor(problem: string) {
    super(
      `${problem} Create the JSON from a saved plan: terraform plan -out tfplan && terraform show -json tfplan > plan.json (format: ${PLAN_JSON_FORMAT_URL}).`,
    );
    this.name = "PlanFormatError";
  }
}

/**
 * Parses the text of a plan JSON file; pass the result to {@link evaluatePlan}.
 *
 * @throws PlanFormatError when the text is not JSON, naming the likely mistake (a binary plan file, the
 *   human-readable plan output).
 */
export function parsePlanJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    const hint = text.startsWith("PK")
      ? "This looks like the binary plan file itself; the guard needs its JSON rendering."
      : /^\s*(Terraform will perform|Terraform used the selected providers|No changes\.)/m.test(text)
        ? "This looks like the human-readable output of terraform plan."
        : "";
    throw new PlanFormatError(`The plan is not valid JSON. ${hint}`.trimEnd());
  }
}

/**
 * Evaluates one stack's plan against the allow list.
 *
 * @param plan the parsed output of `terraform show -json <planfile>` (see {@link PLAN_JSON_FORMAT_URL}).
 * @param stack the stack the plan belongs to; only allow entries of this stack apply.
 * @param allow every allow entry of the landing zone (other stacks' entries are ignored).
 * @param options the stack's own import blocks. @default {}
 * @returns counts, imports, blocked and allowed findings, and unused allow entries of this stack.
 * @throws PlanFormatError when `plan` is not an object, has no `format_version` "1.x", looks like a state
 *   file, or has a resource change without an address, type, mode or known action list.
 */
export function evaluatePlan(
  plan: unknown,
  stack: string,
  allow: readonly PlanGuardAllowEntry[],
  options: PlanGuardOptions = {},
): PlanGuardReport {
  const root = readRoot(plan);
  const counts = { create: 0, update: 0, replace: 0, delete: 0, read: 0, forget: 0, noOp: 0 };
  const findings: PlanGuardFinding[] = [];
  let imported = 0;
  const importUpdates: string[] = [];
  root.changes.forEach((raw, i) => {
    const change = readChange(raw, i);
    if (change.mode === "data") return;
    counts[change.kind]++;
    if (change.importId !== undefined) {
      imported++;
      if (change.kind === "update") importUpdates.push(change.address);
    }
    if (change.kind !== "delete" && change.kind !== "replace") return;
    const importId = change.importId ?? options.importedAddresses?.get(change.address.replace(/\[[^\]]*\]$/, ""));
    const why = importId !== undefined ? ADOPTED_REASON : statefulReason(change.type);
    if (why === undefined) return;
    findings.push({
      address: change.address,
      type: change.type,
      action: change.kind,
      ...(change.actionReason !== undefined && { actionReason: change.actionReason }),
      ...(change.replacePaths.length > 0 && { replacePaths: change.replacePaths }),
      ...(change.deposed !== undefined && { deposed: change.deposed }),
      why,
      ...(importId !== undefined && { importId }),
    });
  });

  const entries = allow.filter((entry) => entry.stack === stack);
  const used = new Set<PlanGuardAllowEntry>();
  const blocked: PlanGuardFinding[] = [];
  const allowed: PlanGuardAllowedFinding[] = [];
  for (const finding of findings) {
    const entry = entries.find((e) => e.address === finding.address && e.actions.includes(finding.action));
    if (entry) {
      used.add(entry);
      allowed.push({ ...finding, allowReason: entry.reason });
    } else {
      blocked.push(finding);
    }
  }
  const byAddress = (a: { address: string; deposed?: string }, b: { address: string; deposed?: string }): number =>
    compare(a.address, b.address) || compare(a.deposed ?? "", b.deposed ?? "");
  return {
    stack,
    ...(root.terraformVersion !== undefined && { terraformVersion: root.terraformVersion }),
    counts,
    ...(imported > 0 && { imports: { count: imported, updated: importUpdates.sort(compare) } }),
    blocked: blocked.sort(byAddress),
    allowed: allowed.sort(byAddress),
    unusedAllowEntries: entries.filter((e) => !used.has(e)).sort(byAddress),
    ok: blocked.length === 0,
  };
}

/** Code-unit order: the same on every machine, unlike `localeCompare`. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** How a wrong value is named in messages: `missing`, `null`, `an array`, `the string "x"`, `42`. */
function shapeOf(value: unknown): string {
  if (value === undefined) return "missing";
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string") return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return `an ${typeof value}`;
}

interface PlanRoot {
  readonly terraformVersion?: string;
  readonly changes: readonly unknown[];
}

function readRoot(plan: unknown): PlanRoot {
  if (!isObject(plan)) throw new PlanFormatError(`Expected the JSON object of a Terraform plan, got ${shapeOf(plan)}.`);
  const version = plan.format_version;
  if (version === undefined) throw new PlanFormatError("The JSON has no format_version, so it is not a Terraform plan.");
  if (typeof version !== "string" || !version.startsWith("1.")) {
    throw new PlanFormatError(`format_version is ${JSON.stringify(version)}; the plan guard reads format 1.x only.`);
  }
  const changes = plan.resource_changes;
  if (changes === undefined && plan.planned_values === undefined) {
    const what = plan.values !== undefined ? "a Terraform state (terraform show -json without a plan file)" : "not a Terraform plan";
    throw new PlanFormatError(`The JSON has neither resource_changes nor planned_values: it is ${what}.`);
  }
  if (changes !== undefined && !Array.isArray(changes))
    throw new PlanFormatError(`resource_changes is ${shapeOf(changes)}, expected an array.`);
  const terraformVersion = plan.terraform_version;
  return {
    ...(typeof terraformVersion === "string" && { terraformVersion }),
    // Absent when the plan has no changes (verified with Terraform 1.11).
    changes: changes ?? [],
  };
}

type ChangeKind = keyof PlanChangeCounts;

/** Action lists of the JSON format, joined with ",", and what each means. */
const ACTION_KINDS: Readonly<Record<string, ChangeKind>> = {
  "no-op": "noOp",
  create: "create",
  read: "read",
  update: "update",
  delete: "delete",
  "delete,create": "replace",
  "create,delete": "replace",
  forget: "forget",
};

interface ResourceChange {
  readonly address: string;
  readonly type: string;
  readonly mode: "managed" | "data";
  readonly kind: ChangeKind;
  readonly actionReason?: string;
  readonly replacePaths: readonly string[];
  readonly deposed?: string;
  /** `change.importing.id`: the plan imports this resource. */
  readonly importId?: string;
}

function readChange(raw: unknown, i: number): ResourceChange {
  const at = `resource_changes[${i}]`;
  if (!isObject(raw)) throw new PlanFormatError(`${at} is ${shapeOf(raw)}, expected an object.`);
  const address = raw.address;
  if (typeof address !== "string" || address === "")
    throw new PlanFormatError(`${at}.address is ${shapeOf(address)}, expected a resource address.`);
  const where = `${at} (${address})`;
  const type = raw.type;
  if (typeof type !== "string" || type === "") throw new PlanFormatError(`${where}.type is ${shapeOf(type)}, expected a resource type.`);
  const mode = raw.mode;
  if (mode !== "managed" && mode !== "data") throw new PlanFormatError(`${where}.mode is ${shapeOf(mode)}, expected "managed" or "data".`);
  const change = raw.change;
  if (!isObject(change)) throw new PlanFormatError(`${where}.change is ${shapeOf(change)}, expected an object.`);
  const actions = change.actions;
  if (!Array.isArray(actions) || !actions.every((a): a is string => typeof a === "string")) {
    throw new PlanFormatError(`${where}.change.actions is ${shapeOf(actions)}, expected an array of action names.`);
  }
  const kind = Object.hasOwn(ACTION_KINDS, actions.join(",")) ? ACTION_KINDS[actions.join(",")] : undefined;
  if (kind === undefined) {
    throw new PlanFormatError(
      `${where}.change.actions is ${JSON.stringify(actions)}, which the plan guard does not know, so it cannot tell whether data is lost. Known: ${Object.keys(
        ACTION_KINDS,
      )
        .map((k) => `[${k}]`)
        .join(", ")}.`,
    );
  }
  const actionReason = raw.action_reason;
  const deposed = raw.deposed;
  // Terraform 1.5+: {"id": "..."}; an import by identity (1.12+) has no id, so the resource is named instead.
  const importing = change.importing;
  const importId = isObject(importing) ? (typeof importing.id === "string" ? importing.id : "(by identity)") : undefined;
  return {
    address,
    type,
    mode,
    kind,
    ...(typeof actionReason === "string" && { actionReason }),
    replacePaths: readReplacePaths(change.replace_paths),
    ...(typeof deposed === "string" && { deposed }),
    ...(importId !== undefined && { importId }),
  };
}

/** `[["engine"], ["ingress", 0, "cidr_blocks"]]` → `["engine", "ingress[0].cidr_blocks"]`; duplicates dropped. */
function readReplacePaths(raw: unknown): string[] {
  if (!Array.isArray(raw)) return [];
  const paths = raw.filter(Array.isArray).map((steps: unknown[]) =>
    steps
      .map((step, j) => {
        if (typeof step === "number") return `[${step}]`;
        const key = String(step);
        if (!/^[A-Za-z_][A-Za-z0-9_-]*$/.test(key)) return `[${JSON.stringify(key)}]`;
        return j === 0 ? key : `.${key}`;
      })
      .join(""),
  );
  return [...new Set(paths.filter((p) => p !== ""))];
}
