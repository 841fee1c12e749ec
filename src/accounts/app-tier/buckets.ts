/** The app tier's S3 buckets: the frontend, the data bucket, and the ALB and CloudFront access-log buckets. */
import type { Construct } from "constructs";
import { nlbListenerOf } from "../../config/index.js";
import { allowKeyUseByService } from "../../modules/iam/index.js";
import { albLogDeliveryStatement } from "../../modules/load-balancer/alb.js";
import { nlbLogDeliveryStatements } from "../../modules/load-balancer/nlb.js";
import { SecureBucket } from "../../modules/storage/secure-bucket.js";
import type { AppTierProps } from "./props.js";

/** Days ALB and CloudFront access logs are kept in their buckets. */
export const ACCESS_LOG_DAYS = 90;

/** The buckets of the app tier. */
export interface AppBuckets {
  /** Static frontend, read by CloudFront through origin access control. */
  readonly frontend: SecureBucket;
  /** Application data, read and written by the services' task roles. */
  readonly data: SecureBucket;
  /** ALB access logs (SSE-S3, expire after {@link ACCESS_LOG_DAYS}). */
  readonly albLogs: SecureBucket;
  /** CloudFront standard logs (ACLs enabled, logs key, expire after {@link ACCESS_LOG_DAYS}). */
  readonly cloudFrontLogs: SecureBucket;
}

/**
 * The four buckets, with the ALB's log-delivery statement on its log bucket and the logs key's grant to the
 * CloudFront log delivery service. Frontend and data buckets get `prevent_destroy` where the environment has `preventDestroy`.
 */
export function appBuckets(scope: Construct, { env, app, keys }: AppTierProps): AppBuckets {
  const frontend = new SecureBucket(scope, "frontend-bucket", {
    bucketName: app.buckets.frontend,
    encryption: { kind: "kms", keyArn: keys.data.keyArn },
    preventDestroy: env.preventDestroy,
  });
  const data = new SecureBucket(scope, "data-bucket", {
    bucketName: app.buckets.data,
    encryption: { kind: "kms", keyArn: keys.data.keyArn },
    preventDestroy: env.preventDestroy,
  });
  // ALB access logs support SSE-S3 only (see SecureBucket).
  const albLogs = new SecureBucket(scope, "alb-logs-bucket", {
    bucketName: app.buckets.albLogs,
    encryption: { kind: "sse-s3" },
    expireAfterDays: ACCESS_LOG_DAYS,
  });
  albLogs.addToPolicy(albLogDeliveryStatement(albLogs.bucketArn, env.accountId, env.region, env.partition));
  if (app.services.some((s) => nlbListenerOf(s)?.protocol === "TLS"))
    for (const statement of nlbLogDeliveryStatements(albLogs.bucketArn, env.accountId, env.region, env.partition))
      albLogs.addToPolicy(statement);
  // CloudFront standard logs are delivered through bucket ACLs (the awslogsdelivery account gets
  // FULL_CONTROL), so this bucket keeps ACLs enabled. SSE-KMS works when the key lets the log delivery
  // service generate data keys ("Configure standard logging (legacy)", SSE-KMS bucket permissions,
  // https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/AccessLogs.html).
  keys.logs.addToPolicy(
    allowKeyUseByService("CloudFrontLogDeliveryEncryptsLogs", "delivery.logs.amazonaws.com", ["kms:GenerateDataKey*", "kms:Decrypt"]),
  );
  const cloudFrontLogs = new SecureBucket(scope, "cloudfront-logs-bucket", {
    bucketName: app.buckets.cloudFrontLogs,
    encryption: { kind: "kms", keyArn: keys.logs.keyArn },
    aclsEnabled: true,
    expireAfterDays: ACCESS_LOG_DAYS,
  });
  return { frontend, data, albLogs, cloudFrontLogs };
}
