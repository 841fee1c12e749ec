/** LZ-DATA2: prod ElastiCache replication groups are Multi-AZ, with failover, snapshots and prevent_destroy. */
import { block, isTrue } from "../stack.js";
import { NOT_APPLICABLE, outcomeOf, type PolicyRule } from "../types.js";

/**
 * In stacks whose data is protected ({@link StackFacts.preventDestroy}): `aws_elasticache_replication_group`
 * has `multi_az_enabled`, `automatic_failover_enabled`, `snapshot_retention_limit >= 1` and
 * `lifecycle.prevent_destroy` (ElastiCache has no deletion protection flag). Not applicable elsewhere.
 */
export const cacheProdResilience: PolicyRule = {
  id: "LZ-DATA2",
  level: "error",
  title: "In prod, ElastiCache replication groups are Multi-AZ with automatic failover, snapshots and prevent_destroy",
  rationale: "A cache outage in prod turns into a database overload; a destroyed cache loses sessions.",
  sources: ["FSBP ElastiCache.1", "FSBP ElastiCache.3"],
  resourceTypes: ["aws_elasticache_replication_group"],
  check: (r, stack) => {
    if (!stack.facts.preventDestroy) return NOT_APPLICABLE;
    const b = r.body;
    const problems: string[] = [];
    if (!isTrue(b.multi_az_enabled)) problems.push("multi_az_enabled is not true");
    if (!isTrue(b.automatic_failover_enabled)) problems.push("automatic_failover_enabled is not true");
    if (Number(b.snapshot_retention_limit ?? 0) < 1) problems.push("snapshot_retention_limit is below 1 day");
    if (!isTrue(block(b.lifecycle)?.prevent_destroy)) problems.push("lifecycle.prevent_destroy is not set");
    return outcomeOf(problems.length ? [`${problems.join(", ")}. Prod caches must fail over and be protected from deletion`] : []);
  },
};
