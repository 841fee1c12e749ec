/**
 * Which IAM service namespace (the `ec2` of `ec2:CreateVpc`) each Terraform type of the AWS provider calls, so
 * the deploy role of an account can be given exactly the services its stack uses
 * ("Actions, resources, and condition keys for AWS services",
 * https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html).
 *
 * The table matches type names by exact name or by prefix (an entry ending in `_`); the longest match wins, so
 * `aws_route53_` (route53) beats `aws_route` (ec2). A type that no entry matches is an error naming the type: the
 * table cannot silently fall behind the stacks. Pure data and functions: no cdktf import.
 */

/** One row: a type name, or a prefix when it ends in `_`, and its IAM service namespace (`null`: no AWS API call). */
export interface ServiceOfType {
  readonly match: string;
  readonly service: string | null;
}

/**
 * The table. `null` marks types Terraform evaluates locally (policy documents, partitions, the ELB account table):
 * they need no permission. Keep rows sorted by `match`.
 */
export const SERVICE_OF_TYPE: readonly ServiceOfType[] = [
  { match: "aws_accessanalyzer_", service: "access-analyzer" },
  { match: "aws_acm_", service: "acm" },
  { match: "aws_alb", service: "elasticloadbalancing" },
  { match: "aws_alb_", service: "elasticloadbalancing" },
  { match: "aws_apigatewayv2_", service: "apigateway" },
  { match: "aws_appautoscaling_", service: "application-autoscaling" },
  { match: "aws_autoscaling_", service: "autoscaling" },
  { match: "aws_availability_zone", service: "ec2" },
  { match: "aws_availability_zones", service: "ec2" },
  { match: "aws_backup_", service: "backup" },
  { match: "aws_caller_identity", service: "sts" },
  { match: "aws_cloudfront_", service: "cloudfront" },
  { match: "aws_cloudtrail", service: "cloudtrail" },
  { match: "aws_cloudtrail_", service: "cloudtrail" },
  { match: "aws_cloudwatch_composite_alarm", service: "cloudwatch" },
  { match: "aws_cloudwatch_dashboard", service: "cloudwatch" },
  { match: "aws_cloudwatch_event_", service: "events" },
  { match: "aws_cloudwatch_log_", service: "logs" },
  { match: "aws_cloudwatch_metric_alarm", service: "cloudwatch" },
  { match: "aws_cloudwatch_metric_stream", service: "cloudwatch" },
  { match: "aws_cloudwatch_query_definition", service: "logs" },
  { match: "aws_codedeploy_", service: "codedeploy" },
  { match: "aws_config_", service: "config" },
  { match: "aws_customer_gateway", service: "ec2" },
  { match: "aws_db_", service: "rds" },
  { match: "aws_default_", service: "ec2" },
  { match: "aws_dx_", service: "directconnect" },
  { match: "aws_dynamodb_", service: "dynamodb" },
  { match: "aws_ebs_", service: "ec2" },
  { match: "aws_ec2_", service: "ec2" },
  { match: "aws_ecr_", service: "ecr" },
  { match: "aws_ecs_", service: "ecs" },
  { match: "aws_egress_only_internet_gateway", service: "ec2" },
  { match: "aws_eip", service: "ec2" },
  { match: "aws_eip_", service: "ec2" },
  { match: "aws_elasticache_", service: "elasticache" },
  { match: "aws_elb", service: "elasticloadbalancing" },
  { match: "aws_elb_service_account", service: null },
  { match: "aws_flow_log", service: "ec2" },
  { match: "aws_guardduty_", service: "guardduty" },
  { match: "aws_iam_", service: "iam" },
  { match: "aws_iam_policy_document", service: null },
  { match: "aws_identitystore_", service: "identitystore" },
  { match: "aws_inspector2_", service: "inspector2" },
  { match: "aws_instance", service: "ec2" },
  { match: "aws_internet_gateway", service: "ec2" },
  { match: "aws_internet_gateway_", service: "ec2" },
  { match: "aws_kinesis_firehose_", service: "firehose" },
  { match: "aws_kms_", service: "kms" },
  { match: "aws_lambda_", service: "lambda" },
  { match: "aws_launch_template", service: "ec2" },
  { match: "aws_lb", service: "elasticloadbalancing" },
  { match: "aws_lb_", service: "elasticloadbalancing" },
  { match: "aws_main_route_table_association", service: "ec2" },
  { match: "aws_nat_gateway", service: "ec2" },
  { match: "aws_network_acl", service: "ec2" },
  { match: "aws_network_acl_", service: "ec2" },
  { match: "aws_network_interface", service: "ec2" },
  { match: "aws_network_interface_", service: "ec2" },
  { match: "aws_networkfirewall_", service: "network-firewall" },
  { match: "aws_organizations_", service: "organizations" },
  { match: "aws_partition", service: null },
  { match: "aws_prefix_list", service: "ec2" },
  { match: "aws_ram_", service: "ram" },
  { match: "aws_rds_", service: "rds" },
  { match: "aws_region", service: null },
  { match: "aws_route", service: "ec2" },
  { match: "aws_route53_", service: "route53" },
  { match: "aws_route53_resolver_", service: "route53resolver" },
  { match: "aws_route_table", service: "ec2" },
  { match: "aws_route_table_", service: "ec2" },
  { match: "aws_s3_", service: "s3" },
  { match: "aws_secretsmanager_", service: "secretsmanager" },
  { match: "aws_security_group", service: "ec2" },
  { match: "aws_security_group_", service: "ec2" },
  { match: "aws_securityhub_", service: "securityhub" },
  { match: "aws_service_discovery_", service: "servicediscovery" },
  { match: "aws_servicequotas_", service: "servicequotas" },
  { match: "aws_shield_", service: "shield" },
  { match: "aws_sns_", service: "sns" },
  { match: "aws_sqs_", service: "sqs" },
  { match: "aws_ssm_", service: "ssm" },
  // IAM Identity Center permission sets and assignments (sso:*) and the identity store's groups (identitystore:*)
  { match: "aws_ssoadmin_", service: "sso" },
  { match: "aws_subnet", service: "ec2" },
  { match: "aws_subnet_", service: "ec2" },
  { match: "aws_subnets", service: "ec2" },
  { match: "aws_vpc", service: "ec2" },
  { match: "aws_vpc_", service: "ec2" },
  { match: "aws_vpn_", service: "ec2" },
  { match: "aws_wafv2_", service: "wafv2" },
];

/** Thrown when a Terraform type has no row in {@link SERVICE_OF_TYPE}. */
export class UnknownResourceTypeError extends Error {
  constructor(
    /** The type without a row, for example `aws_gamelift_fleet`. */
    readonly type: string,
    /** Where it was found, for example `workload-prod: aws_gamelift_fleet.api_1A2B3C4D`. */
    readonly where: string,
  ) {
    super(
      `${where}: no IAM service is known for the Terraform type ${type}, so the deploy role could not be given the rights to manage it. ` +
        "Add a row for it to SERVICE_OF_TYPE in src/pipeline/service-prefixes.ts (the service prefix of its API actions, " +
        "https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html).",
    );
    this.name = "UnknownResourceTypeError";
  }
}

/**
 * The IAM service namespace of a Terraform type (`aws_vpc` → `ec2`), or `null` for types evaluated locally.
 * @param where what to name in the error (stack and address). @default the type itself
 * @throws UnknownResourceTypeError when no row matches.
 */
export function serviceOfType(type: string, where: string = type): string | null {
  let best: ServiceOfType | undefined;
  for (const row of SERVICE_OF_TYPE) {
    const hit = row.match.endsWith("_") ? type.startsWith(row.match) : type === row.match;
    if (hit && (!best || row.match.length > best.match.length)) best = row;
  }
  if (!best) throw new UnknownResourceTypeError(type, where);
  return best.service;
}

/**
 * The sorted, unique IAM service namespaces of `types` (types evaluated locally add none).
 * @throws UnknownResourceTypeError for the first type without a row.
 */
export function servicesOfTypes(types: Iterable<string>): string[] {
  const services = new Set<string>();
  for (const t of types) {
    const s = serviceOfType(t);
    if (s) services.add(s);
  }
  return [...services].sort();
}
