/**
 * A read-only view of one synthesized stack (the `cdk.tf.json` object) for policy rules: resources by
 * type and address, and the simple reference resolution rules need (`${aws_vpc.vpc_1A2B.id}` → the VPC).
 */

/** The parts of a stack's Terraform JSON the rules read. */
export interface StackJsonLike {
  readonly resource?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  readonly data?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  /** Provider blocks by provider name (`aws` → a list of configurations, one per alias). */
  readonly provider?: Readonly<Record<string, unknown>>;
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
  private readonly dependencyCache = new Map<string, readonly SynthResource[]>();
  /** Provider reference (`aws`, `aws.<alias>`) → the one account its `allowed_account_ids` pins. */
  private readonly providerAccounts = new Map<string, string>();

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
    for (const [name, blocks] of Object.entries(json.provider ?? {}))
      for (const p of asList<Record<string, unknown>>(blocks)) {
        const ids = asList(p?.allowed_account_ids);
        if (ids.length === 1 && typeof ids[0] === "string" && !isExpression(ids[0]))
          this.providerAccounts.set(typeof p.alias === "string" ? `${name}.${p.alias}` : name, ids[0]);
      }
  }

  /**
   * The AWS account `resource` is managed in: the one account its provider pins with `allowed_account_ids`.
   * Undefined when the provider pins none (or several), or is not in the stack's JSON.
   */
  accountOf(resource: SynthResource): string | undefined {
    const ref = typeof resource.body.provider === "string" ? resource.body.provider : "aws";
    return this.providerAccounts.get(ref);
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

  /**
   * The resources and data sources of this stack that `resource` names directly: every address inside a
   * `${...}` expression anywhere in its body, and every entry of its `depends_on`. Terraform creates
   * (or reads) each of them before `resource`
   * (https://developer.hashicorp.com/terraform/language/resources/behavior#resource-dependencies).
   */
  directDependencies(resource: SynthResource): readonly SynthResource[] {
    const cached = this.dependencyCache.get(resource.address);
    if (cached) return cached;
    const addresses = new Set<string>();
    const { depends_on: dependsOn, ...rest } = resource.body;
    for (const expression of JSON.stringify(rest).match(/\$\{[^}]*\}/g) ?? [])
      for (const m of expression.matchAll(/(?<![\w.-])((?:data\.)?[a-z][a-z0-9_]*\.[A-Za-z0-9_-]+)/g)) addresses.add(m[1]!);
    for (const entry of asList<unknown>(dependsOn)) if (typeof entry === "string") addresses.add(entry);
    const found = [...addresses].flatMap((a) => asList<SynthResource>(this.byAddress.get(a))).filter((r) => r !== resource);
    this.dependencyCache.set(resource.address, found);
    return found;
  }

  /**
   * True when Terraform orders `target` before `resource`: `resource` refers to it or lists it in
   * `depends_on`, directly or through other resources of the stack ({@link directDependencies}, transitively).
   */
  dependsOn(resource: SynthResource, target: SynthResource): boolean {
    const seen = new Set<string>([resource.address]);
    const queue = [resource];
    for (let next = queue.pop(); next; next = queue.pop()) {
      for (const dep of this.directDependencies(next)) {
        if (dep.address === target.address) return true;
        if (!seen.has(dep.address)) {
          seen.add(dep.address);
          queue.push(dep);
        }
      }
    }
    return false;
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
