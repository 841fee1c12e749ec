/** LZ-TLS4: ElastiCache replication groups encrypt in transit. */
import { isTrue } from "../stack.js";
import { COMPLIANT, nonCompliant, type PolicyRule } from "../types.js";

/**
 * `aws_elasticache_replication_group.transit_encryption_enabled = true`, and `transit_encryption_mode`
 * not `preferred` (which still accepts plain connections,
 * https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/in-transit-encryption.html).
 */
export const redisTls: PolicyRule = {
  id: "LZ-TLS4",
  level: "error",
  title: "ElastiCache replication groups require TLS in transit",
  rationale: "Cached data often holds sessions and tokens; without TLS it crosses the network in clear text.",
  sources: ["FSBP ElastiCache.5", "CKV_AWS_30"],
  resourceTypes: ["aws_elasticache_replication_group"],
  check: (r) => {
    if (!isTrue(r.body.transit_encryption_enabled))
      return nonCompliant("transit_encryption_enabled is not true. Set transitEncryptionEnabled: true.");
    if (r.body.transit_encryption_mode === "preferred")
      return nonCompliant('transit_encryption_mode is "preferred", which accepts plain connections. Set it to "required".');
    return COMPLIANT;
  },
};
