/**
 * The CloudFront distribution in front of the app tier, with two origins:
 * - the S3 frontend bucket through Origin Access Control (the default behaviour, cached);
 * - the ALB for each service's path patterns (`https-only`, origin TLS 1.2, not cached, every viewer
 *   header but Host forwarded), adding the secret origin header the ALB requires; an internet-facing ALB as a
 *   custom origin, or an internal one through a CloudFront VPC origin (`albVpcOriginId`), whose own settings then
 *   carry the protocol, ports and TLS versions.
 *
 * Viewers are redirected to HTTPS. With a certificate (us-east-1 ACM) the distribution answers on the
 * custom name with `TLSv1.2_2021`; without one it uses the `*.cloudfront.net` default certificate, with
 * which CloudFront ignores the minimum protocol version and still accepts TLS 1.0 and 1.1
 * (https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/secure-connections-supported-viewer-protocols-ciphers.html).
 *
 * Standard logs go to a bucket with ACLs enabled (CloudFront standard logging writes through ACLs); the
 * distribution is created after the bucket's ownership controls that enable them.
 */
import { CloudfrontDistribution, type CloudfrontDistributionOrderedCacheBehavior } from "@cdktf/provider-aws/lib/cloudfront-distribution";
import { CloudfrontOriginAccessControl } from "@cdktf/provider-aws/lib/cloudfront-origin-access-control";
import { CloudfrontResponseHeadersPolicy } from "@cdktf/provider-aws/lib/cloudfront-response-headers-policy";
import type { ITerraformDependable } from "cdktf";
import { Construct } from "constructs";

/** AWS managed cache and origin request policy ids (https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-managed-cache-policies.html). */
export const MANAGED_POLICIES = {
  cachingOptimized: "658327ea-f89d-4fab-a63d-7e88639e58f6",
  cachingDisabled: "4135ea2d-6df8-44a3-9df3-4b5a84be39ad",
  allViewerExceptHostHeader: "b689b0a8-53d0-40ab-baf2-68738e2966ac",
} as const;

const S3_ORIGIN = "frontend-s3";
const ALB_ORIGIN = "alb";

/** Props of {@link AppDistribution}. */
export interface AppDistributionProps {
  /** Name prefix, for example `acme-prod`. */
  readonly name: string;
  /** Regional domain name of the frontend bucket. */
  readonly frontendBucketDomainName: string;
  /** Name CloudFront connects to for the ALB: the origin record with a domain, else the ALB's DNS name. */
  readonly albOriginDomainName: string;
  /** true: `https-only` to the ALB on 443; false: `http-only` on 80 (no certificate for the origin name). */
  readonly albOriginHttps: boolean;
  /** Header name and value CloudFront adds to ALB requests. @default no header (only with `albVpcOriginId`) */
  readonly originHeader?: { readonly name: string; readonly value: string };
  /**
   * Id of the CloudFront VPC origin of an internal ALB (`aws_cloudfront_vpc_origin.id`): the ALB origin uses
   * `vpc_origin_config` instead of `custom_origin_config`, and `albOriginHttps` is then the VPC origin's business.
   * @default a custom origin (internet-facing ALB)
   */
  readonly albVpcOriginId?: string;
  /** Path patterns routed to the ALB. */
  readonly albPathPatterns: readonly string[];
  /** Custom name and its us-east-1 ACM certificate. @default the CloudFront default certificate */
  readonly customDomain?: { readonly name: string; readonly certificateArn: string };
  /** ARN of a CLOUDFRONT-scope web ACL. */
  readonly webAclArn: string;
  /** Domain name of the log bucket (`<bucket>.s3.amazonaws.com`). */
  readonly logBucketDomainName: string;
  /**
   * The log bucket's `aws_s3_bucket_ownership_controls` (`BucketOwnerPreferred`), which the distribution
   * depends on: standard logging needs the bucket's ACLs enabled when the distribution is created, and new
   * buckets start with ACLs disabled
   * (https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/standard-logging-legacy-s3.html).
   */
  readonly logBucketOwnershipControls: ITerraformDependable;
  /** `PriceClass_100` (North America, Europe), `PriceClass_200`, `PriceClass_All`. @default "PriceClass_100" */
  readonly priceClass?: string;
}

/** The distribution, its OAC and response-headers policy. */
export class AppDistribution extends Construct {
  readonly distributionId: string;
  readonly distributionArn: string;
  readonly domainName: string;
  /** Route 53 hosted zone id of CloudFront names (for alias records). */
  readonly hostedZoneId: string;

  constructor(scope: Construct, id: string, props: AppDistributionProps) {
    super(scope, id);
    if (props.originHeader === undefined && props.albVpcOriginId === undefined)
      throw new Error(`${id}: an internet-facing ALB origin needs originHeader (the ALB rules require it)`);
    const oac = new CloudfrontOriginAccessControl(this, "origin-access-control", {
      name: `${props.name}-frontend`,
      description: "CloudFront signs requests to the frontend bucket",
      originAccessControlOriginType: "s3",
      signingBehavior: "always",
      signingProtocol: "sigv4",
    });
    const headers = new CloudfrontResponseHeadersPolicy(this, "security-headers", {
      name: `${props.name}-security-headers`,
      securityHeadersConfig: {
        strictTransportSecurity: { accessControlMaxAgeSec: 63072000, includeSubdomains: true, preload: true, override: true },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: "DENY", override: true },
        referrerPolicy: { referrerPolicy: "strict-origin-when-cross-origin", override: true },
        xssProtection: { protection: true, modeBlock: true, override: true },
      },
    });
    const albBehavior = (pathPattern: string): CloudfrontDistributionOrderedCacheBehavior => ({
      pathPattern,
      targetOriginId: ALB_ORIGIN,
      viewerProtocolPolicy: "redirect-to-https",
      allowedMethods: ["GET", "HEAD", "OPTIONS", "PUT", "POST", "PATCH", "DELETE"],
      cachedMethods: ["GET", "HEAD"],
      cachePolicyId: MANAGED_POLICIES.cachingDisabled,
      originRequestPolicyId: MANAGED_POLICIES.allViewerExceptHostHeader,
      responseHeadersPolicyId: headers.id,
      compress: true,
    });
    const distribution = new CloudfrontDistribution(this, "distribution", {
      enabled: true,
      comment: `${props.name} app`,
      httpVersion: "http2and3",
      isIpv6Enabled: true,
      priceClass: props.priceClass ?? "PriceClass_100",
      defaultRootObject: "index.html",
      webAclId: props.webAclArn,
      ...(props.customDomain ? { aliases: [props.customDomain.name] } : {}),
      origin: [
        { originId: S3_ORIGIN, domainName: props.frontendBucketDomainName, originAccessControlId: oac.id },
        {
          originId: ALB_ORIGIN,
          domainName: props.albOriginDomainName,
          ...(props.albVpcOriginId !== undefined
            ? { vpcOriginConfig: { vpcOriginId: props.albVpcOriginId } }
            : {
                customOriginConfig: {
                  httpPort: 80,
                  httpsPort: 443,
                  originProtocolPolicy: props.albOriginHttps ? "https-only" : "http-only",
                  originSslProtocols: ["TLSv1.2"],
                },
              }),
          ...(props.originHeader ? { customHeader: [{ name: props.originHeader.name, value: props.originHeader.value }] } : {}),
        },
      ],
      defaultCacheBehavior: {
        targetOriginId: S3_ORIGIN,
        viewerProtocolPolicy: "redirect-to-https",
        allowedMethods: ["GET", "HEAD"],
        cachedMethods: ["GET", "HEAD"],
        cachePolicyId: MANAGED_POLICIES.cachingOptimized,
        responseHeadersPolicyId: headers.id,
        compress: true,
      },
      orderedCacheBehavior: props.albPathPatterns.map(albBehavior),
      restrictions: { geoRestriction: { restrictionType: "none" } },
      viewerCertificate: props.customDomain
        ? { acmCertificateArn: props.customDomain.certificateArn, sslSupportMethod: "sni-only", minimumProtocolVersion: "TLSv1.2_2021" }
        : { cloudfrontDefaultCertificate: true },
      loggingConfig: { bucket: props.logBucketDomainName, prefix: "cloudfront/", includeCookies: false },
      tags: { Name: props.name },
      dependsOn: [props.logBucketOwnershipControls],
    });
    this.distributionId = distribution.id;
    this.distributionArn = distribution.arn;
    this.domainName = distribution.domainName;
    this.hostedZoneId = distribution.hostedZoneId;
  }
}
