/**
 * The app tier's Network Load Balancer (`app.networkLoadBalancer`), for the services with `loadBalancer: nlb`: the
 * NLB itself, and with a custom domain the certificate of its TLS listeners and its alias record
 * `nlb-<recordName>.<hostedZoneName>`. These services are not behind CloudFront or AWS WAF: clients reach the NLB
 * directly, on the ports and from the CIDRs the config names.
 */
import { Route53Record } from "@cdktf/provider-aws/lib/route53-record";
import type { Construct } from "constructs";
import { nlbListenerOf } from "../../config/index.js";
import { DnsValidatedCertificate } from "../../modules/edge/certificate.js";
import { NetworkLoadBalancer } from "../../modules/load-balancer/nlb.js";
import type { AppBuckets } from "./buckets.js";
import type { AppTierProps } from "./props.js";

/** The NLB and, when a service listens on TLS, the certificate its TLS listeners use. */
export interface AppNetworkLoadBalancer {
  readonly nlb: NetworkLoadBalancer;
  /** Certificate of `networkLoadBalancer.tlsName`, in the stack's Region; present when a service listens on TLS. */
  readonly certificateArn?: string;
}

/**
 * The NLB (`nlb`) in the private app subnets (`internal`) or the public subnets (`internet-facing`), with deletion
 * protection where the environment has `preventDestroy`; access logs when a service listens on TLS (the only
 * connections NLB access logs record). With a custom domain: the alias record `nlb-record` (A) and, for TLS, the
 * certificate `nlb-certificate`.
 * @param zoneId the custom domain's hosted zone, when the app has one.
 * @returns undefined when the app has no `networkLoadBalancer`.
 */
export function appNetworkLoadBalancer(
  scope: Construct,
  { env, app, vpc }: AppTierProps,
  buckets: AppBuckets,
  zoneId: string | undefined,
): AppNetworkLoadBalancer | undefined {
  const settings = app.networkLoadBalancer;
  if (!settings) return undefined;
  const tls = app.services.some((s) => nlbListenerOf(s)?.protocol === "TLS");
  const nlb = new NetworkLoadBalancer(scope, "nlb", {
    name: settings.name,
    vpcId: vpc.vpcId,
    vpcCidr: vpc.cidrBlock,
    subnetIds: settings.scheme === "internal" ? vpc.subnetIds.privateApp : vpc.subnetIds.public,
    scheme: settings.scheme,
    allowedCidrs: settings.allowedCidrs,
    ...(tls ? { accessLogs: { bucket: app.buckets.albLogs, bucketPolicy: buckets.albLogs.policy } } : {}),
    deletionProtection: env.preventDestroy,
  });
  if (!settings.tlsName || zoneId === undefined) return { nlb };
  new Route53Record(scope, "nlb-record", {
    zoneId,
    name: settings.tlsName,
    type: "A",
    alias: { name: nlb.dnsName, zoneId: nlb.zoneId, evaluateTargetHealth: true },
  });
  if (!tls) return { nlb };
  const certificateArn = new DnsValidatedCertificate(scope, "nlb-certificate", { domainName: settings.tlsName, hostedZoneId: zoneId })
    .certificateArn;
  return { nlb, certificateArn };
}
