/**
 * LZ-AWS3: resources that AWS checks against other resources at creation are ordered after them, which a
 * name written as a plain string (or a reference to the wrong resource) hides from Terraform.
 */
import { asList, block, isExpression, isTrue, type SynthResource, type SynthStack } from "../stack.js";
import { NOT_APPLICABLE, outcomeOf, type PolicyRule } from "../types.js";

/**
 * The resource a name-valued argument designates: the resource it refers to, or, for a plain string, the
 * resource of one of `types` in the stack whose `field` holds that string. Undefined when neither exists
 * (the resource is managed elsewhere, and the pack cannot judge the order).
 */
function designated(value: unknown, types: readonly string[], stack: SynthStack, field = "name"): SynthResource | undefined {
  const target = stack.resolve(value);
  if (target) return types.includes(target.type) ? target : undefined;
  if (typeof value !== "string" || isExpression(value)) return undefined;
  return types.flatMap((t) => stack.ofType(t)).find((x) => x.body[field] === value);
}

/**
 * (a) CodeDeploy ECS deployment groups: CreateDeploymentGroup checks that the ECS service exists and uses the
 * CODE_DEPLOY controller, and that the target groups exist
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/migrate-codedeploy-to-ecs-bluegreen.html).
 */
function deploymentGroupProblems(r: SynthResource, stack: SynthStack): string[] | undefined {
  const ecs = block(r.body.ecs_service);
  if (!ecs) return undefined;
  const pair = block(block(r.body.load_balancer_info)?.target_group_pair_info);
  const named: [string, SynthResource | undefined][] = [
    ["ecs_service.service_name", designated(ecs.service_name, ["aws_ecs_service"], stack)],
    ["ecs_service.cluster_name", designated(ecs.cluster_name, ["aws_ecs_cluster"], stack)],
    ...asList<Record<string, unknown>>(pair?.target_group).map((tg, i): [string, SynthResource | undefined] => [
      `load_balancer_info.target_group_pair_info.target_group[${i}].name`,
      designated(tg.name, ["aws_lb_target_group", "aws_alb_target_group"], stack),
    ]),
  ];
  const unordered = named.filter((n): n is [string, SynthResource] => n[1] !== undefined && !stack.dependsOn(r, n[1]));
  if (unordered.length === 0) return [];
  return [
    `${unordered.map(([field, target]) => `${field} names ${target.address}`).join(", ")} by a plain string, so Terraform may create the deployment group first and CreateDeploymentGroup fails (the ECS service must already exist with the CODE_DEPLOY controller). Write the resources' name attributes (\${aws_ecs_service.<name>.name}, \${aws_lb_target_group.<name>.name}) or add them to depends_on.`,
  ];
}

const LISTENER_TYPES = ["aws_lb_listener", "aws_lb_listener_rule", "aws_alb_listener", "aws_alb_listener_rule"];

/**
 * (d) ECS services behind a load balancer: CreateService rejects a target group that no listener or listener
 * rule uses yet ("The target group … does not have an associated load balancer"), and the service refers only
 * to the target group (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/alb.html; AWS CDK adds the
 * same dependency, aws/aws-cdk#1160).
 */
function ecsServiceProblems(r: SynthResource, stack: SynthStack): string[] | undefined {
  const groups = asList<Record<string, unknown>>(r.body.load_balancer).flatMap((lb) => {
    const tg = designated(lb.target_group_arn, ["aws_lb_target_group", "aws_alb_target_group"], stack, "arn");
    return tg ? [tg] : [];
  });
  if (groups.length === 0) return undefined;
  return groups.flatMap((tg) => {
    const users = LISTENER_TYPES.flatMap((t) => stack.ofType(t)).filter((l) => stack.refersTo(l.body, tg));
    if (users.length === 0)
      return [
        `load_balancer names ${tg.address}, which no listener or listener rule of this stack forwards to; CreateService fails with "does not have an associated load balancer". Forward to it from a listener or rule, and make the service depend on that.`,
      ];
    return users.some((l) => stack.dependsOn(r, l))
      ? []
      : [
          `load_balancer names ${tg.address} but the service does not wait for ${users.map((l) => l.address).join(" or ")}, which attaches it to the load balancer; CreateService fails with "does not have an associated load balancer" when it runs first. Add depends_on = [${users[0]!.address}].`,
        ];
  });
}

/** The `aws_s3_bucket` a bucket name or reference designates. */
const bucketOf = (value: unknown, stack: SynthStack) => designated(value, ["aws_s3_bucket"], stack, "bucket");

/** Resources of `type` whose `bucket` argument designates `bucket` (by reference or by its name). */
const bucketChildren = (type: string, bucket: SynthResource, stack: SynthStack) =>
  stack
    .ofType(type)
    .filter((x) => stack.refersTo(x.body.bucket, bucket) || (bucket.body.bucket !== undefined && x.body.bucket === bucket.body.bucket));

/**
 * (b) ALB access logs: Elastic Load Balancing checks that it may write to the bucket when access logs are
 * turned on ("Access Denied for bucket"), so the load balancer waits for the bucket policy
 * (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/enable-access-logging.html).
 */
function loadBalancerProblems(r: SynthResource, stack: SynthStack): string[] | undefined {
  const logs = block(r.body.access_logs);
  if (!logs || !isTrue(logs.enabled)) return undefined;
  const bucket = bucketOf(logs.bucket, stack);
  if (!bucket) return undefined;
  if (bucket.body.policy !== undefined)
    return stack.dependsOn(r, bucket)
      ? []
      : [
          `access_logs.bucket names ${bucket.address}, which carries the bucket policy, by a plain string; ELB checks write access when access logs are enabled. Refer to the bucket (\${${bucket.address}.id}) or add it to depends_on.`,
        ];
  const policies = bucketChildren("aws_s3_bucket_policy", bucket, stack);
  if (policies.length === 0)
    return [
      `access log bucket ${bucket.address} has no aws_s3_bucket_policy in this stack, so Elastic Load Balancing cannot write to it. Add a policy that lets ELB log delivery put objects, and make the load balancer depend on it.`,
    ];
  return policies.some((p) => stack.dependsOn(r, p))
    ? []
    : [
        `access_logs names ${bucket.address} but the load balancer does not wait for its bucket policy ${policies.map((p) => p.address).join(", ")}; ELB checks write access when access logs are enabled and the first apply fails with "Access Denied for bucket". Add depends_on = [${policies[0]!.address}].`,
      ];
}

/**
 * (c) CloudFront standard logging (legacy) writes through bucket ACLs: the bucket's object ownership must
 * allow ACLs (not BucketOwnerEnforced, the default for buckets created since April 2023), before the
 * distribution is created (https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/standard-logging-legacy-s3.html).
 */
function distributionProblems(r: SynthResource, stack: SynthStack): string[] | undefined {
  const logging = block(r.body.logging_config);
  if (!logging || typeof logging.bucket !== "string") return undefined;
  const bucket =
    stack.resolve(logging.bucket) ?? bucketOf(logging.bucket.replace(/\.s3(\.[a-z0-9-]+)?\.amazonaws\.com(\.cn)?$/, ""), stack);
  if (bucket?.type !== "aws_s3_bucket") return undefined;
  const controls = bucketChildren("aws_s3_bucket_ownership_controls", bucket, stack);
  if (controls.length === 0)
    return [
      `log bucket ${bucket.address} has no aws_s3_bucket_ownership_controls, so it has ACLs disabled (BucketOwnerEnforced, the default for new buckets) and CloudFront cannot deliver standard logs. Add ownership controls with object_ownership = "BucketOwnerPreferred" and make the distribution depend on them.`,
    ];
  const enforced = controls.filter((c) => block(c.body.rule)?.object_ownership === "BucketOwnerEnforced");
  if (enforced.length > 0)
    return [
      `log bucket ${bucket.address} sets object_ownership = "BucketOwnerEnforced" (${enforced[0]!.address}), which disables ACLs; CloudFront standard logging writes through ACLs. Write "BucketOwnerPreferred".`,
    ];
  return controls.some((c) => stack.dependsOn(r, c))
    ? []
    : [
        `logging_config names ${bucket.address} but the distribution does not wait for its ownership controls ${controls[0]!.address}; until they apply the bucket has ACLs disabled and CloudFront rejects the log bucket. Add depends_on = [${controls[0]!.address}].`,
      ];
}

/**
 * Creation order that AWS enforces and plain-string names hide from Terraform:
 * (a) `aws_codedeploy_deployment_group` with `ecs_service` depends on the ECS service, cluster and target
 * groups it names; (b) an `aws_lb` with `access_logs.enabled` depends on its log bucket's
 * `aws_s3_bucket_policy` (and the bucket has one); (c) an `aws_cloudfront_distribution` with
 * `logging_config` depends on its log bucket's `aws_s3_bucket_ownership_controls`, which are not
 * BucketOwnerEnforced; (d) an `aws_ecs_service` with `load_balancer` depends on a listener or listener rule
 * that forwards to each target group it names. "Depends" means a reference or `depends_on`, directly or
 * through other resources. Resources named but not in the stack are not judged.
 */
export const creationOrder: PolicyRule = {
  id: "LZ-AWS3",
  level: "error",
  title: "Deployment groups, ECS services, ALBs with access logs and logging distributions wait for what AWS checks at creation",
  rationale:
    "AWS checks these at creation: the ECS service of a deployment group, a listener using an ECS service's target group, the log bucket's policy of an ALB, the ACLs of CloudFront's log bucket. Without a dependency Terraform creates them in parallel and the first apply fails.",
  sources: [
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/migrate-codedeploy-to-ecs-bluegreen.html",
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-type-bluegreen.html",
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/alb.html",
    "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/enable-access-logging.html",
    "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/standard-logging-legacy-s3.html",
  ],
  resourceTypes: ["aws_codedeploy_deployment_group", "aws_ecs_service", "aws_lb", "aws_alb", "aws_cloudfront_distribution"],
  check: (r, stack) => {
    const problems =
      r.type === "aws_codedeploy_deployment_group"
        ? deploymentGroupProblems(r, stack)
        : r.type === "aws_ecs_service"
          ? ecsServiceProblems(r, stack)
          : r.type === "aws_cloudfront_distribution"
            ? distributionProblems(r, stack)
            : loadBalancerProblems(r, stack);
    return problems === undefined ? NOT_APPLICABLE : outcomeOf(problems);
  },
};
