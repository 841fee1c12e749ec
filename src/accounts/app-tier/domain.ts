/**
 * The app tier's custom domain: the hosted zone, the two DNS-validated certificates (the site's in us-east-1
 * for CloudFront, the origin's in the stack's Region for the ALB), and the alias records pointing at them.
 */
import { DataAwsRoute53Zone } from "@cdktf/provider-aws/lib/data-aws-route53-zone";
import { Route53Record } from "@cdktf/provider-aws/lib/route53-record";
import { Route53Zone } from "@cdktf/provider-aws/lib/route53-zone";
import type { TerraformProvider } from "cdktf";
import type { Construct } from "constructs";
import type { AccountTarget, AppModel } from "../../config/index.js";
import { DnsValidatedCertificate } from "../../modules/edge/certificate.js";
import type { AppDistribution } from "../../modules/edge/distribution.js";
import type { CloudFrontOnlyAlb } from "../../modules/load-balancer/alb.js";

/** The custom domain of an app tier (`AppModel.domain`). */
export type AppDomain = NonNullable<AppModel["domain"]>;

/** The zone and certificates of a custom domain. */
export interface DomainCertificates {
  /** Id of the public hosted zone `domain.hostedZoneName`. */
  readonly zoneId: string;
  /** Certificate of `domain.siteName`, in us-east-1 (CloudFront's). */
  readonly siteCertificateArn: string;
  /** Certificate of `domain.originName`, in the stack's Region (the ALB's). */
  readonly originCertificateArn: string;
}

/**
 * The public hosted zone (`hosted-zone`) and both certificates (`site-certificate`, `origin-certificate`).
 *
 * The zone is looked up by name (a data source), unless the account adopts it (`target.adopt.hostedZone`): then the
 * stack manages it, an `aws_route53_zone` imported by that zone id, with `prevent_destroy` where
 * `target.preventDestroy` (a new zone gets new name servers, so the parent zone's delegation would break).
 */
export function domainCertificates(
  scope: Construct,
  domain: AppDomain,
  usEast1: TerraformProvider,
  target: Pick<AccountTarget, "adopt" | "preventDestroy">,
): DomainCertificates {
  const zoneImportId = target.adopt.hostedZone;
  let zoneId: string;
  if (zoneImportId) {
    const zone = new Route53Zone(scope, "hosted-zone", {
      name: domain.hostedZoneName,
      forceDestroy: false,
      ...(target.preventDestroy ? { lifecycle: { preventDestroy: true } } : {}),
    });
    zone.importFrom(zoneImportId);
    zoneId = zone.zoneId;
  } else {
    zoneId = new DataAwsRoute53Zone(scope, "hosted-zone", { name: domain.hostedZoneName, privateZone: false }).zoneId;
  }
  const siteCertificateArn = new DnsValidatedCertificate(scope, "site-certificate", {
    domainName: domain.siteName,
    hostedZoneId: zoneId,
    provider: usEast1,
  }).certificateArn;
  const originCertificateArn = new DnsValidatedCertificate(scope, "origin-certificate", {
    domainName: domain.originName,
    hostedZoneId: zoneId,
  }).certificateArn;
  return { zoneId, siteCertificateArn, originCertificateArn };
}

/**
 * Alias records: A and AAAA of the site name to the distribution, A of the origin name to the ALB when `alb` is
 * given (an internet-facing ALB; an internal one behind a VPC origin needs no public name: CloudFront reaches it by
 * the VPC origin, and the origin name is only what it sends for TLS).
 */
export function domainRecords(
  scope: Construct,
  domain: AppDomain,
  zoneId: string,
  distribution: AppDistribution,
  alb: CloudFrontOnlyAlb | undefined,
): void {
  for (const type of ["A", "AAAA"]) {
    new Route53Record(scope, `site-record-${type.toLowerCase()}`, {
      zoneId,
      name: domain.siteName,
      type,
      alias: { name: distribution.domainName, zoneId: distribution.hostedZoneId, evaluateTargetHealth: false },
    });
  }
  if (!alb) return;
  new Route53Record(scope, "origin-record", {
    zoneId,
    name: domain.originName,
    type: "A",
    alias: { name: alb.dnsName, zoneId: alb.zoneId, evaluateTargetHealth: true },
  });
}
