/** LZ-IAM1: no trust or resource policy allows a wildcard principal without a restricting condition. */
import { policyStatements, type NormalizedStatement } from "../iam-policy.js";
import type { SynthResource } from "../stack.js";
import { COMPLIANT, NOT_APPLICABLE, outcomeOf, type PolicyRule } from "../types.js";

/** Resource types and the argument that holds their trust or resource policy. */
export const POLICY_FIELDS: Readonly<Record<string, string>> = {
  aws_iam_role: "assume_role_policy",
  aws_s3_bucket_policy: "policy",
  aws_sns_topic_policy: "policy",
  aws_sns_topic: "policy",
  aws_sqs_queue_policy: "policy",
  aws_sqs_queue: "policy",
  aws_kms_key: "policy",
  aws_ecr_repository_policy: "policy",
  aws_secretsmanager_secret_policy: "policy",
  aws_secretsmanager_secret: "policy",
  aws_cloudwatch_log_resource_policy: "policy_document",
  aws_cloudwatch_event_bus_policy: "policy",
  aws_glacier_vault: "access_policy",
};

/**
 * Condition keys that pin a wildcard principal to known callers
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html).
 */
export const RESTRICTING_KEYS: readonly string[] = [
  "aws:principalorgid",
  "aws:principalaccount",
  "aws:sourceaccount",
  "aws:sourcearn",
  "aws:sourceorgid",
  "aws:sourcevpce",
  "aws:sourcevpc",
  "aws:principalarn",
];

const isWildcard = (s: NormalizedStatement) => (s.principals["*"]?.length ?? 0) > 0 || (s.principals.AWS ?? []).includes("*");
const restricted = (s: NormalizedStatement) =>
  Object.values(s.conditions).some((keys) => Object.keys(keys).some((k) => RESTRICTING_KEYS.includes(k.toLowerCase())));

/**
 * Every `Allow` statement of a trust policy (`aws_iam_role.assume_role_policy`) or resource policy
 * ({@link POLICY_FIELDS}) names its principals; `"Principal": "*"` or `{"AWS": "*"}` is accepted only
 * with a condition on one of {@link RESTRICTING_KEYS}. Deny statements may use `*` (they only take
 * away). A policy that is an unresolvable expression is not applicable.
 */
export const iamNoWildcardPrincipal: PolicyRule = {
  id: "LZ-IAM1",
  level: "error",
  title: "Trust and resource policies allow no wildcard principal without an account/org/source condition",
  rationale: "A wildcard principal lets any AWS account (or anonymous callers) assume the role or use the resource.",
  sources: ["FSBP S3.2", "FSBP S3.3", "CKV_AWS_60", "CKV_AWS_70"],
  resourceTypes: Object.keys(POLICY_FIELDS),
  check: (r: SynthResource, stack) => {
    const field = POLICY_FIELDS[r.type]!;
    if (r.body[field] === undefined) return NOT_APPLICABLE;
    const statements = policyStatements(r.body[field], stack);
    if (!statements) return NOT_APPLICABLE;
    const bad = statements.filter((s) => s.effect === "Allow" && isWildcard(s) && !restricted(s));
    if (bad.length === 0) return COMPLIANT;
    return outcomeOf(
      bad.map(
        (s) =>
          `statement ${s.sid ?? "(no Sid)"} allows principal "*" (${s.actions.join(", ") || "no action"}). Name the principals, or add a condition on aws:PrincipalOrgID, aws:SourceAccount or aws:SourceArn`,
      ),
    );
  },
};
