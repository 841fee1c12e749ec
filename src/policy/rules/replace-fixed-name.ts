/** LZ-AWS4: a resource replaced create-before-destroy does not have a fixed name where a name prefix exists. */
import { block, isExpression, isTrue } from "../stack.js";
import { COMPLIANT, nonCompliant, NOT_APPLICABLE, type PolicyRule } from "../types.js";

/**
 * Resource types whose name must be unique in the account and Region (or account, for IAM) and that have
 * `name_prefix` in hashicorp/aws 5.100 (checked against the provider schema that @cdktf/provider-aws 20.1
 * is generated from). Types without `name_prefix` (for example `aws_elasticache_parameter_group`) are not
 * listed: they need a name suffix that changes with the replacement instead.
 */
export const NAME_PREFIX_TYPES: readonly string[] = [
  "aws_db_parameter_group",
  "aws_db_option_group",
  "aws_db_subnet_group",
  "aws_rds_cluster_parameter_group",
  "aws_docdb_cluster_parameter_group",
  "aws_neptune_parameter_group",
  "aws_neptune_cluster_parameter_group",
  "aws_security_group",
  "aws_launch_template",
  "aws_launch_configuration",
  "aws_autoscaling_group",
  "aws_lb",
  "aws_alb",
  "aws_lb_target_group",
  "aws_alb_target_group",
  "aws_iam_role",
  "aws_iam_policy",
  "aws_iam_instance_profile",
];

/**
 * A resource of {@link NAME_PREFIX_TYPES} with `lifecycle.create_before_destroy = true` has no fixed `name`:
 * on replacement Terraform creates the new object before deleting the old one, and AWS rejects a second
 * object with the same name (`DBParameterGroupAlreadyExists`, `InvalidGroup.Duplicate`,
 * `DuplicateTargetGroupName`, `EntityAlreadyExists`). A name built from a `random_*` resource counts as
 * unique. Sources: hashicorp/terraform-provider-aws#41020 (the failure) and #41048 (the documented fix,
 * `name_prefix`).
 */
export const replaceFixedName: PolicyRule = {
  id: "LZ-AWS4",
  level: "error",
  title: "Resources replaced create-before-destroy use name_prefix, not a fixed name",
  rationale:
    "With create_before_destroy the replacement is created while the old object still holds the name, so a fixed name fails the apply with AlreadyExists on every change that forces replacement.",
  sources: [
    "https://github.com/hashicorp/terraform-provider-aws/pull/41048",
    "https://github.com/hashicorp/terraform-provider-aws/issues/41020",
    "https://developer.hashicorp.com/terraform/language/meta-arguments/lifecycle#create_before_destroy",
  ],
  resourceTypes: NAME_PREFIX_TYPES,
  check: (r) => {
    if (!isTrue(block(r.body.lifecycle)?.create_before_destroy)) return NOT_APPLICABLE;
    const name = r.body.name;
    if (typeof name !== "string" || name === "") return COMPLIANT;
    if (isExpression(name) && /\$\{[^}]*\brandom_[a-z_]+\./.test(name)) return COMPLIANT;
    return nonCompliant(
      `name = "${name}" is fixed but lifecycle.create_before_destroy is true: the replacement is created while the old ${r.type} still holds the name, and AWS answers AlreadyExists on replacement; use name_prefix (namePrefix) instead of name.`,
    );
  },
};
