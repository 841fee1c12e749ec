/** The app tier's load balancer: an ALB that only CloudFront can reach, with the origin header as its key. */
import type { Construct } from "constructs";
import { CloudFrontOnlyAlb } from "../../modules/load-balancer/alb.js";
import type { AppBuckets } from "./buckets.js";
import type { AppTierProps } from "./props.js";

/**
 * The ALB (`alb`): internet-facing in the public subnets (`app.edge.origin` `public-alb`), or internal in the private
 * app subnets for a CloudFront VPC origin (`vpc-origin`). Where the environment has `preventDestroy` it gets deletion
 * protection and the `strictest` desync mitigation; a test listener is added when any service deploys blue-green.
 * @param originHeaderValue the secret CloudFront sends in the origin header, which the rules require; undefined when
 *   `app.edge.originSecretHeader` is false (internal ALB only).
 * @param originCertificateArn the origin certificate (HTTPS listener), when the app has a custom domain.
 * @param buckets the app tier's buckets: access logs go to `albLogs`, whose policy the ALB waits for.
 */
export function appLoadBalancer(
  scope: Construct,
  { env, app, vpc }: AppTierProps,
  originHeaderValue: string | undefined,
  originCertificateArn: string | undefined,
  buckets: AppBuckets,
): CloudFrontOnlyAlb {
  const internal = app.edge.origin === "vpc-origin";
  return new CloudFrontOnlyAlb(scope, "alb", {
    name: app.loadBalancerName,
    vpcId: vpc.vpcId,
    vpcCidr: vpc.cidrBlock,
    subnetIds: internal ? vpc.subnetIds.privateApp : vpc.subnetIds.public,
    ...(internal ? { internal } : {}),
    ...(originCertificateArn ? { certificateArn: originCertificateArn } : {}),
    ...(originHeaderValue !== undefined ? { originHeaderValue } : {}),
    accessLogBucket: app.buckets.albLogs,
    accessLogBucketPolicy: buckets.albLogs.policy,
    deletionProtection: env.preventDestroy,
    desyncMitigationMode: env.preventDestroy ? "strictest" : "defensive",
    testListener: app.services.some((s) => s.compute === "ecs-fargate" && s.deployment === "blue-green"),
  });
}
