/**
 * ElastiCache node types per cache engine: the `cache.<family>.<size>` names a new node-based cluster may use.
 *
 * Sources, checked 2026-11:
 * - "Supported node types" ({@link ELASTICACHE_NODE_TYPES_DOC}), "Current generation (Valkey or Redis OSS)" and
 *   its notes: "Amazon ElastiCache is transitioning T2 instances to previous generation status. You will no
 *   longer be able to create new ElastiCache clusters with T2 instances";
 * - the `CacheNode` API reference (https://docs.aws.amazon.com/AmazonElastiCache/latest/APIReference/API_CacheNode.html),
 *   the same list by family, whose previous generation (T1, M1, M3, C1, M2, R3) is "not recommended. Existing
 *   clusters are still supported but creation of new clusters is not supported for these types";
 * - `CreateReplicationGroup`, `DataTieringEnabled` ({@link ELASTICACHE_DATA_TIERING_DOC}): "must be set to true
 *   when using r6gd nodes".
 * The sizes match the AWS Price List for ElastiCache (cfn-lint's `cachenodetype_enum.json`, snapshot 2026-08-19).
 *
 * Families newer than those pages' Valkey/Redis OSS list (cache.m8g, cache.r8g, cache.c7gn, cache.c8gn) are in the
 * Price List, but whether they run Redis OSS 7.1 (the app cache's engine, src/modules/cache/redis.ts) was not
 * documented when checked, so they are left out until it is.
 *
 * Region availability is not checked: the page has a per-Region table, but like RDS's it changes as AWS adds
 * node types to Regions, and a stale copy would reject valid choices; a node type missing in the Region fails at
 * apply time. Neutral data: no cdktf, no config.
 */

/** The ElastiCache documentation page the table follows. */
export const ELASTICACHE_NODE_TYPES_DOC = "https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/CacheNodes.SupportedTypes.html";

/** The API parameter that r6gd node types require. */
export const ELASTICACHE_DATA_TIERING_DOC =
  "https://docs.aws.amazon.com/AmazonElastiCache/latest/APIReference/API_CreateReplicationGroup.html";

/**
 * The cache engines the table covers (the ElastiCache `Engine` value): `redis` (Redis OSS 7.1, the default) and
 * `valkey`. The node types page lists one "Valkey or Redis OSS" current generation, so both engines share the rows.
 */
export type CacheEngine = "redis" | "valkey";

/** How the engine is called in messages. */
export const CACHE_ENGINE_LABEL: Readonly<Record<CacheEngine, string>> = Object.freeze({
  redis: "ElastiCache for Redis OSS",
  valkey: "ElastiCache for Valkey",
});

/**
 * One node type family and its sizes, smallest first.
 * - `current`: a new cluster may use it;
 * - `previous`: previous generation, new clusters cannot use it; `currentFamily` is the family to move to;
 * - `data-tiering`: only with data tiering on (`DataTieringEnabled`), which the app cache does not turn on.
 */
export type CacheNodeFamily =
  | { readonly family: string; readonly sizes: readonly string[]; readonly status: "current" | "data-tiering" }
  | { readonly family: string; readonly sizes: readonly string[]; readonly status: "previous"; readonly currentFamily: string };

const SMALL = ["micro", "small", "medium"] as const;
const TO_16X = ["large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge"] as const;
const M5_R5 = ["large", "xlarge", "2xlarge", "4xlarge", "12xlarge", "24xlarge"] as const;

/** Engine → its node type families. */
const VALKEY_OR_REDIS_FAMILIES: readonly CacheNodeFamily[] = [
  { family: "cache.t4g", sizes: SMALL, status: "current" },
  { family: "cache.t3", sizes: SMALL, status: "current" },
  { family: "cache.m7g", sizes: TO_16X, status: "current" },
  { family: "cache.m6g", sizes: TO_16X, status: "current" },
  { family: "cache.m5", sizes: M5_R5, status: "current" },
  { family: "cache.m4", sizes: ["large", "xlarge", "2xlarge", "4xlarge", "10xlarge"], status: "current" },
  { family: "cache.r7g", sizes: TO_16X, status: "current" },
  { family: "cache.r6g", sizes: TO_16X, status: "current" },
  { family: "cache.r5", sizes: M5_R5, status: "current" },
  { family: "cache.r4", sizes: ["large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "16xlarge"], status: "current" },
  { family: "cache.r6gd", sizes: ["xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge"], status: "data-tiering" },
  { family: "cache.t2", sizes: SMALL, status: "previous", currentFamily: "cache.t4g" },
  { family: "cache.t1", sizes: ["micro"], status: "previous", currentFamily: "cache.t4g" },
  { family: "cache.m1", sizes: ["small", "medium", "large", "xlarge"], status: "previous", currentFamily: "cache.m7g" },
  { family: "cache.m3", sizes: ["medium", "large", "xlarge", "2xlarge"], status: "previous", currentFamily: "cache.m7g" },
  { family: "cache.c1", sizes: ["xlarge"], status: "previous", currentFamily: "cache.m7g" },
  { family: "cache.m2", sizes: ["xlarge", "2xlarge", "4xlarge"], status: "previous", currentFamily: "cache.r7g" },
  { family: "cache.r3", sizes: ["large", "xlarge", "2xlarge", "4xlarge", "8xlarge"], status: "previous", currentFamily: "cache.r7g" },
];

/** Engine → its node type families (the same "Valkey or Redis OSS" rows for both). */
export const CACHE_NODE_FAMILIES: Readonly<Record<CacheEngine, readonly CacheNodeFamily[]>> = Object.freeze({
  redis: VALKEY_OR_REDIS_FAMILIES,
  valkey: VALKEY_OR_REDIS_FAMILIES,
});

/** A node type found in the table: its family entry and size. */
export interface CacheNodeTypeInfo {
  readonly nodeType: string;
  readonly family: CacheNodeFamily;
  readonly size: string;
}

/** The table entry of `nodeType` for `engine`, or `undefined` when the table has no such node type. */
export function cacheNodeType(engine: CacheEngine, nodeType: string): CacheNodeTypeInfo | undefined {
  const [prefix, type, size, ...rest] = nodeType.split(".");
  if (rest.length > 0 || size === undefined) return undefined;
  const family = CACHE_NODE_FAMILIES[engine].find((f) => f.family === `${prefix}.${type}`);
  return family?.sizes.includes(size) ? { nodeType, family, size } : undefined;
}

/** Every node type a new cluster of `engine` may use (status `current`), in table order. */
export function currentCacheNodeTypes(engine: CacheEngine): readonly string[] {
  return CACHE_NODE_FAMILIES[engine].filter((f) => f.status === "current").flatMap((f) => f.sizes.map((s) => `${f.family}.${s}`));
}

/**
 * The current node type closest to a previous-generation one: the same size in `currentFamily` when it has it,
 * else that family's smallest size (`cache.t2.micro` → `cache.t4g.micro`, `cache.m3.medium` → `cache.m7g.large`).
 * Throws `Error` when the table's `currentFamily` is not a current family of `engine` (a table bug; a test checks it).
 */
export function currentEquivalent(engine: CacheEngine, info: CacheNodeTypeInfo): string {
  if (info.family.status !== "previous") return info.nodeType;
  const target = info.family.currentFamily;
  const current = CACHE_NODE_FAMILIES[engine].find((f) => f.family === target && f.status === "current");
  if (!current) throw new Error(`elasticache-node-types: ${info.family.family} points to ${target}, which is not a current family`);
  return `${target}.${current.sizes.includes(info.size) ? info.size : current.sizes[0]}`;
}
