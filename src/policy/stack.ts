/**
 * A read-only view of one synthesized stack (the `cdk.tf.json` object) for policy rules: resources by
 * type and address, and the simple reference resolution rules need (`${aws_vpc.vpc_1A2B.id}` → the VPC).
 */

/** The parts of a stack's Terraform JSON the rules read. */
export interface StackJsonLike {
  readonly resource?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  readonly data?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

/** Facts about the stack that are not in its JSON. */
export interface StackFacts {
  /**
   * True for stacks whose data must survive (hub and prod segment; the model's `AccountTarget.preventDestroy`):
   * the prod-only rules apply. @default false
   */
  readonly preventDestroy?: boolean;
  /**
   * Names of the S3 buckets with Object Lock in every stack of the synthesis (`objectLockBucketNames` of facts.ts),
   * so a rule can judge a literal bucket name that another stack creates (a workload account's AWS Config
   * delivering to a bucket of the hub). @default none: only this stack's buckets are known
   */
  readonly objectLockBucketNames?: readonly string[];
  /**
   * CIDRs of the networks whose traffic a transit gateway sends through this stack's inspection firewall (the
   * routing plan's `inspectedVpcCidrs` for the hub); LZ-AWS10 checks that the firewall's Suricata `HOME_NET`
   * covers each of them. @default none: coverage is not checked
   */
  readonly inspectedCidrs?: readonly string[];
}

/** One resource (or data source) of the stack. */
export interface SynthResource {
  /** Resource type, for example `aws_security_group`. */
  readonly type: string;
  /** Name inside the type (the construct's unique id). */
  readonly name: string;
  /** `<type>.<name>` for resources, `data.<type>.<name>` for data sources. */
  readonly address: string;
  /** The resource's arguments as synthesized (snake_case keys, references as `${...}` strings). */
  readonly body: Readonly<Record<string, unknown>>;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The stack as a list of resources with lookups. Build with `new SynthStack(name, json, facts)`. */
export class SynthStack {
  /** Every resource (not data sources), in type then name order. */
  readonly resources: readonly SynthResource[];
  /** Every data source. */
  readonly dataSources: readonly SynthResource[];
  private readonly byAddress = new Map<string, SynthResource>();

  constructor(
    /** Stack name, for example `workload-prod`. */
    readonly name: string,
    json: StackJsonLike,
    readonly facts: StackFacts = {},
  ) {
    const list = (blocks: StackJsonLike["resource"], prefix: string) =>
      Object.entries(blocks ?? {}).flatMap(([type, byName]) =>
        Object.entries(byName ?? {}).map(([name, body]) => ({
          type,
          name,
          address: `${prefix}${type}.${name}`,
          body: (body ?? {}) as Record<string, unknown>,
        })),
      );
    this.resources = list(json.resource, "");
    this.dataSources = list(json.data, "data.");
    for (const r of [...this.resources, ...this.dataSources]) this.byAddress.set(r.address, r);
  }

  /** Resources of `type`. */
  ofType(type: string): SynthResource[] {
    return this.resources.filter((r) => r.type === type);
  }

  /** The resource or data source at `address`, if any. */
  get(address: string): SynthResource | undefined {
    return this.byAddress.get(address);
  }

  /**
   * The resource a value refers to when the value is a single reference such as `${aws_kms_key.k.arn}`
   * or `${data.aws_iam_policy_document.p.json}`; undefined for literals and expressions.
   */
  resolve(value: unknown): SynthResource | undefined {
    if (typeof value !== "string") return undefined;
    const m = /^\$\{((?:data\.)?[a-z0-9_]+\.[A-Za-z0-9_-]+)(?:\.[A-Za-z0-9_]+|\[[^\]]*\])*\}$/.exec(value);
    return m ? this.byAddress.get(m[1]!) : undefined;
  }

  /** True when `value` (any JSON) contains a reference to `target` (`${... <address>.attr ...}`). */
  refersTo(value: unknown, target: SynthResource): boolean {
    const text = typeof value === "string" ? value : JSON.stringify(value ?? null);
    return new RegExp(`\\$\\{[^}]*(?<![\\w.-])${escapeRegExp(target.address)}[.\\[*]`).test(text);
  }

  /** Resources of `type` whose argument `field` refers to `target` (for example the flow logs of a VPC). */
  referencing(type: string, field: string, target: SynthResource): SynthResource[] {
    return this.ofType(type).filter((r) => this.refersTo(r.body[field], target));
  }
}

/** A value as a list: arrays as they are, undefined/null as [], anything else as [value]. */
export function asList<T = unknown>(value: unknown): T[] {
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]) as T[];
}

/** The first element of a nested block (cdktf writes blocks as lists of one object, or as the object). */
export function block(value: unknown): Record<string, unknown> | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return first && typeof first === "object" ? (first as Record<string, unknown>) : undefined;
}

/** Truthiness of a Terraform boolean that may be synthesized as `true` or `"true"`. */
export const isTrue = (value: unknown): boolean => value === true || value === "true";

/** True for an unresolved Terraform expression (`${...}`), whose value the pack cannot know. */
export const isExpression = (value: unknown): boolean => typeof value === "string" && value.includes("${");
