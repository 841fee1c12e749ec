/** LZ-AWS11: KMS key arguments that AWS reports back as the key ARN are given the key ARN. */
import type { SynthResource } from "../stack.js";
import { NOT_APPLICABLE, outcomeOf, type PolicyRule, type RuleOutcome } from "../types.js";

/**
 * Arguments whose API reports the key ARN whatever form it was given, so that any other form (an alias, an alias
 * ARN, a key id) differs from the state on every plan, with what that costs, and the source; and CloudWatch Logs,
 * whose API takes the key ARN only.
 */
export const KEY_ARN_ARGUMENTS: Readonly<Record<string, { readonly field: string; readonly effect: string; readonly source: string }>> = {
  aws_cloudtrail: {
    field: "kms_key_id",
    effect: "CloudTrail returns the key ARN, so every plan shows an in-place change",
    source: "https://github.com/hashicorp/terraform-provider-aws/issues/33928",
  },
  aws_db_instance: {
    field: "kms_key_id",
    effect: "RDS returns the key ARN, so every plan replaces the database",
    source: "https://github.com/hashicorp/terraform-provider-aws/issues/1477",
  },
  aws_rds_cluster: {
    field: "kms_key_id",
    effect: "RDS returns the key ARN, so every plan replaces the cluster",
    source: "https://github.com/hashicorp/terraform-provider-aws/issues/25713",
  },
  aws_elasticache_replication_group: {
    field: "kms_key_id",
    effect: "ElastiCache returns the key ARN, so every plan replaces the replication group",
    source: "https://github.com/hashicorp/terraform-provider-aws/issues/25713",
  },
  aws_ebs_volume: {
    field: "kms_key_id",
    effect: "EC2 returns the key ARN, so every plan replaces the volume",
    source: "https://github.com/hashicorp/terraform-provider-aws/issues/2407",
  },
  aws_cloudwatch_log_group: {
    field: "kms_key_id",
    effect:
      'CloudWatch Logs takes the key ARN ("The Amazon Resource Name (ARN) of the KMS key"; a key id fails with "The specified KMS Key Id could not be found", hashicorp/terraform-provider-aws#25258)',
    source: "https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_CreateLogGroup.html",
  },
};

const KEY_ARN = /^arn:[\w-]+:kms:[\w-]+:\d{12}:key\/[\w-]+$/;
const REFERENCE = /^\$\{((?:data\.)?)([a-z0-9_]+)\.[A-Za-z0-9_-]+\.([a-z_]+)\}$/;
/** Attributes that hold a key ARN, per referenced type (resource and data source alike). */
const ARN_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  aws_kms_key: ["arn"],
  aws_kms_replica_key: ["arn"],
  aws_kms_external_key: ["arn"],
  aws_kms_replica_external_key: ["arn"],
  aws_kms_alias: ["target_key_arn"],
};

/** What `value` is: a key ARN, something else (described), or unknown (an expression the pack cannot judge). */
function classify(
  value: unknown,
): { readonly kind: "key-arn" } | { readonly kind: "other"; readonly what: string } | { readonly kind: "unknown" } {
  if (typeof value !== "string" || value === "") return { kind: "unknown" };
  if (!value.includes("${")) {
    if (KEY_ARN.test(value)) return { kind: "key-arn" };
    if (value.startsWith("alias/") || /^arn:[\w-]+:kms:.*:alias\//.test(value)) return { kind: "other", what: `the alias ${value}` };
    return { kind: "other", what: `${value}, not a key ARN` };
  }
  const m = REFERENCE.exec(value);
  if (!m) return { kind: "unknown" };
  const [, , type = "", attribute = ""] = m;
  const arnAttributes = ARN_ATTRIBUTES[type];
  if (!arnAttributes) return { kind: "unknown" };
  if (arnAttributes.includes(attribute)) return { kind: "key-arn" };
  return { kind: "other", what: `${value.slice(2, -1)} (${type === "aws_kms_alias" ? "the alias" : "the key id"}, not the key ARN)` };
}

/**
 * For the arguments of {@link KEY_ARN_ARGUMENTS}: a literal must be a key ARN (`arn:<partition>:kms:<region>:
 * <account>:key/<id>`), a reference must be a key ARN attribute (`aws_kms_key.*.arn`, `data.aws_kms_key.*.arn`,
 * `aws_kms_alias.*.target_key_arn`, ...). An alias, an alias ARN, a key id or a reference to them is
 * non-compliant; another expression (a variable, a function) is not judged. Not applicable without the argument.
 */
export const kmsKeyArn: PolicyRule = {
  id: "LZ-AWS11",
  level: "error",
  title: "KMS key arguments that AWS reports as the key ARN are given the key ARN, not an alias or a key id",
  rationale:
    "These APIs return the key ARN whatever form they were given: an alias or a key id shows a change in every plan, which replaces databases, caches and volumes (CloudWatch Logs accepts only the key ARN).",
  sources: [
    "https://github.com/hashicorp/terraform-provider-aws/issues/33928",
    "https://github.com/hashicorp/terraform-provider-aws/issues/694",
    "https://github.com/hashicorp/terraform-provider-aws/issues/1477",
    "https://github.com/hashicorp/terraform-provider-aws/issues/25713",
    "https://github.com/hashicorp/terraform-provider-aws/issues/2407",
    "https://github.com/hashicorp/terraform-provider-aws/issues/25258",
    "https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_CreateLogGroup.html",
  ],
  resourceTypes: Object.keys(KEY_ARN_ARGUMENTS),
  check: (r: SynthResource): RuleOutcome => {
    const arg = KEY_ARN_ARGUMENTS[r.type];
    if (!arg) return NOT_APPLICABLE;
    const c = classify(r.body[arg.field]);
    if (c.kind === "unknown") return NOT_APPLICABLE;
    return outcomeOf(
      c.kind === "other"
        ? [
            `${arg.field} is ${c.what}; ${arg.effect} (${arg.source}). Write the key ARN: aws_kms_key.<name>.arn, or data "aws_kms_key" on the alias and its .arn`,
          ]
        : [],
    );
  },
};
