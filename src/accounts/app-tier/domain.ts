/**
 * The app tier's custom domain: the hosted zone, the two DNS-validated certificates (the site's in us-east-1
 * for CloudFront, the origin's in the stack's Region for the ALB), and the alias records pointing at them.
 */
import { DataAwsRoute53Zone } from "@cdktf/provider-aws/lib/data-aws-route53-zone";
import { Route53HealthCheck } from "@cdktf/provider-aws/lib/route53-health-check";
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
 * The Route 53 health check (`site-health-check`) of the primary: HTTPS GET of `path` on the distribution's own
 * `*.cloudfront.net` name, every 30 s, unhealthy after 3 failures. Not the site name: while the primary is unhealthy
 * that name resolves to the standby, and the check would then measure the standby and flip back
 * (https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/dns-failover-determining-health-of-endpoints.html).
 */
function siteHealthCheck(scope: Construct, path: string, distribution: AppDistribution): Route53HealthCheck {
  return new Route53HealthCheck(scope, "site-health-check", {
    type: "HTTPS",
    fqdn: distribution.domainName,
    port: 443,
    resourcePath: path,
    enableSni: true,
    requestInterval: 30,
    failureThreshold: 3,
    tags: { Name: `${distribution.domainName}${path}` },
  });
}

/**
 * Alias records: A and AAAA of the site name to the distribution (with `domain.failover`: PRIMARY records with the
 * health check, and SECONDARY records to the standby endpoint, which evaluate its own health; CloudFront alias targets
 * cannot, https://docs.aws.amazon.com/Route53/latest/APIReference/API_AliasTarget.html), A of the origin name to the ALB when `alb` is
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
  const failover = domain.failover ? siteHealthCheck(scope, domain.failover.healthCheckPath, distribution) : undefined;
  for (const type of ["A", "AAAA"]) {
    const id = `site-record-${type.toLowerCase()}`;
    // CloudFront aliases cannot evaluate target health; with failover, the health check decides instead.
    new Route53Record(scope, id, {
      zoneId,
      name: domain.siteName,
      type,
      alias: { name: distribution.domainName, zoneId: distribution.hostedZoneId, evaluateTargetHealth: false },
      ...(failover ? { setIdentifier: "primary", failoverRoutingPolicy: { type: "PRIMARY" }, healthCheckId: failover.id } : {}),
    });
    if (domain.failover) {
      new Route53Record(scope, `${id}-secondary`, {
        zoneId,
        name: domain.siteName,
        type,
        alias: { name: domain.failover.secondary.dnsName, zoneId: domain.failover.secondary.hostedZoneId, evaluateTargetHealth: true },
        setIdentifier: "secondary",
        failoverRoutingPolicy: { type: "SECONDARY" },
      });
    }
  }
  if (!alb) return;
  new Route53Record(scope, "origin-record", {
    zoneId,
    name: domain.originName,
    type: "A",
    alias: { name: alb.dnsName, zoneId: alb.zoneId, evaluateTargetHealth: true },
  });
}
