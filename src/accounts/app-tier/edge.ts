/**
 * The app tier's edge: the web ACLs (CLOUDFRONT scope in us-east-1, REGIONAL on the ALB) with their logs key in
 * us-east-1, the CloudFront distribution with its grants on the frontend bucket and the data key, and Shield
 * Advanced protections.
 */
import { Wafv2WebAclAssociation } from "@cdktf/provider-aws/lib/wafv2-web-acl-association";
import type { TerraformProvider } from "cdktf";
import type { Construct } from "constructs";
import { AppDistribution } from "../../modules/edge/distribution.js";
import { AlbVpcOrigin } from "../../modules/edge/vpc-origin.js";
import { ShieldProtections } from "../../modules/edge/shield.js";
import { WebAcl } from "../../modules/edge/web-acl.js";
import { allowKeyUseByService, allowService } from "../../modules/iam/index.js";
import { cloudWatchLogsKeyStatement, PurposeKmsKey } from "../../modules/encryption/index.js";
import { type CloudFrontOnlyAlb, ORIGIN_HEADER_NAME } from "../../modules/load-balancer/alb.js";
import type { AppBuckets } from "./buckets.js";
import type { AppTierProps } from "./props.js";

/** The two web ACLs and the us-east-1 logs key of the CloudFront one. */
export interface EdgeWebAcls {
  /** Logs key in us-east-1 (CloudFront WAF log group; the us-east-1 alert topic). */
  readonly edgeLogsKey: PurposeKmsKey;
  /** CLOUDFRONT-scope ACL, in us-east-1. */
  readonly cloudFront: WebAcl;
  /** REGIONAL ACL, associated with the ALB. */
  readonly regional: WebAcl;
}

/**
 * The logs key in us-east-1 (`edge-logs-key`; KMS keys and log groups are Regional, and the CLOUDFRONT-scope ACL
 * logs in us-east-1), both web ACLs with the same managed rule groups, and the REGIONAL one's association with
 * the ALB. Only the CLOUDFRONT-scope ACL rate-limits per IP: there the source IP is the viewer, while the ALB
 * behind CloudFront sees edge servers, and its X-Forwarded-For first address can be forged by the client
 * (policy rule LZ-AWS2).
 */
export function edgeWebAcls(
  scope: Construct,
  { env, app, keys }: AppTierProps,
  usEast1: TerraformProvider,
  alb: CloudFrontOnlyAlb,
): EdgeWebAcls {
  const wafCommon = {
    managedRuleGroups: app.waf.managedRuleGroups,
    logRetentionDays: app.logRetentionDays,
    accountId: env.accountId,
    partition: env.partition,
  };
  const edgeLogsKey = new PurposeKmsKey(scope, "edge-logs-key", {
    accountId: env.accountId,
    region: "us-east-1",
    partition: env.partition,
    aliasName: `${app.namePrefix}-edge-logs`,
    description: `CloudFront WAF logs in us-east-1 (${app.namePrefix})`,
    provider: usEast1,
    preventDestroy: env.preventDestroy,
  });
  edgeLogsKey.addToPolicy(cloudWatchLogsKeyStatement(env.accountId, "us-east-1", env.partition));
  edgeLogsKey.addToPolicy(
    allowKeyUseByService("AlarmsPublishToEncryptedTopic", "cloudwatch.amazonaws.com", ["kms:Decrypt", "kms:GenerateDataKey*"], {
      StringEquals: { "aws:SourceAccount": env.accountId },
    }),
  );
  const cloudFront = new WebAcl(scope, "cloudfront-web-acl", {
    logKmsKeyArn: edgeLogsKey.keyArn,
    ...wafCommon,
    name: `${app.namePrefix}-cloudfront`,
    scope: "CLOUDFRONT",
    ratePerFiveMinutes: app.waf.ratePerFiveMinutes,
    blockedCountries: app.waf.blockedCountries,
    region: "us-east-1",
    provider: usEast1,
  });
  const regional = new WebAcl(scope, "regional-web-acl", {
    ...wafCommon,
    name: `${app.namePrefix}-alb`,
    scope: "REGIONAL",
    region: env.region,
    logKmsKeyArn: keys.logs.keyArn,
  });
  new Wafv2WebAclAssociation(scope, "alb-web-acl-association", {
    resourceArn: alb.loadBalancerArn,
    webAclArn: regional.webAclArn,
  });
  return { edgeLogsKey, cloudFront, regional };
}

/** What {@link edgeDistribution} puts in front of. */
export interface DistributionOrigins {
  readonly buckets: AppBuckets;
  readonly alb: CloudFrontOnlyAlb;
  /** The secret CloudFront sends in the origin header; undefined without `app.edge.originSecretHeader`. */
  readonly originHeaderValue: string | undefined;
  /** The VPC origin of the internal ALB (`app.edge.origin` `vpc-origin`). */
  readonly vpcOrigin: AlbVpcOrigin | undefined;
  /** The CLOUDFRONT-scope web ACL. */
  readonly webAclArn: string;
  /** The site certificate in us-east-1, when the app has a custom domain. */
  readonly siteCertificateArn: string | undefined;
}

/**
 * The CloudFront VPC origin (`vpc-origin`) of the internal ALB, when `app.edge.origin` is `vpc-origin`: HTTPS with the
 * origin certificate when the app has a custom domain, else HTTP (inside the AWS network).
 */
export function edgeVpcOrigin(scope: Construct, { app }: AppTierProps, alb: CloudFrontOnlyAlb): AlbVpcOrigin | undefined {
  if (app.edge.origin !== "vpc-origin") return undefined;
  return new AlbVpcOrigin(scope, "vpc-origin", {
    name: app.loadBalancerName,
    loadBalancerArn: alb.loadBalancerArn,
    https: app.domain !== undefined,
  });
}

/**
 * The CloudFront distribution (`cdn`): the frontend bucket by default, the services' paths to the ALB (through the
 * VPC origin when there is one) with the secret header when the app has it. Only this distribution may read the frontend bucket and decrypt with the data key
 * (condition `AWS:SourceArn`).
 */
export function edgeDistribution(scope: Construct, { app, keys }: AppTierProps, origins: DistributionOrigins): AppDistribution {
  const { buckets, alb, siteCertificateArn } = origins;
  const distribution = new AppDistribution(scope, "cdn", {
    name: app.namePrefix,
    frontendBucketDomainName: buckets.frontend.bucketRegionalDomainName,
    albOriginDomainName: app.domain ? app.domain.originName : alb.dnsName,
    albOriginHttps: app.domain !== undefined,
    ...(origins.originHeaderValue !== undefined ? { originHeader: { name: ORIGIN_HEADER_NAME, value: origins.originHeaderValue } } : {}),
    ...(origins.vpcOrigin ? { albVpcOriginId: origins.vpcOrigin.vpcOriginId } : {}),
    // Lambda paths go to the HTTP API and app-tier EC2 paths to the internal ALB, never through CloudFront (docs/app-compute.md).
    albPathPatterns: app.services.flatMap((s) =>
      s.compute === "lambda" || (s.compute === "ec2-asg" && s.tier === "app") ? [] : s.pathPatterns,
    ),
    ...(app.domain && siteCertificateArn ? { customDomain: { name: app.domain.siteName, certificateArn: siteCertificateArn } } : {}),
    webAclArn: origins.webAclArn,
    logBucketDomainName: buckets.cloudFrontLogs.bucket.bucketDomainName,
    logBucketOwnershipControls: buckets.cloudFrontLogs.ownershipControls,
  });
  const fromDistribution = { StringEquals: { "AWS:SourceArn": distribution.distributionArn } };
  buckets.frontend.addToPolicy(
    allowService(
      "CloudFrontReadsFrontend",
      "cloudfront.amazonaws.com",
      "s3:GetObject",
      `${buckets.frontend.bucketArn}/*`,
      fromDistribution,
    ),
  );
  keys.data.addToPolicy(allowKeyUseByService("CloudFrontDecryptsFrontend", "cloudfront.amazonaws.com", "kms:Decrypt", fromDistribution));
  return distribution;
}

/**
 * Shield Advanced protections (`shield`) of the distribution and the ALB, when `app.shieldAdvanced`. An internal ALB
 * (VPC origin) is not protected: it has no public address, so DDoS traffic reaches only the distribution.
 */
export function shieldProtections(
  scope: Construct,
  { app }: AppTierProps,
  distribution: AppDistribution,
  alb: CloudFrontOnlyAlb,
): ShieldProtections | undefined {
  if (!app.shieldAdvanced) return undefined;
  return new ShieldProtections(scope, "shield", {
    name: app.namePrefix,
    resources: {
      distribution: distribution.distributionArn,
      ...(app.edge.origin === "public-alb" ? { alb: alb.loadBalancerArn } : {}),
    },
  });
}
