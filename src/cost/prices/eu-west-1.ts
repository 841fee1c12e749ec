/**
 * Europe (Ireland) on-demand list prices, USD. Written down on 2026-11-22 from the AWS pricing pages as
 * remembered for 2025 (every entry says so: verify before quoting a figure); prices that do not depend on the
 * Region (WAF, Shield Advanced, CloudTrail, Config) are the reference design's.
 */
import { FROM_MEMORY, FROM_SEED, perClass, price, PRICING_PAGES as P } from "./sources.js";
import type { PriceTable } from "./types.js";

export const EU_WEST_1: PriceTable = {
  region: "eu-west-1",
  currency: "USD",
  retrievedOn: "2026-11-22",
  basis:
    "AWS on-demand list prices for eu-west-1 as of 2025, written from memory (verify); Region-independent prices from the reference design's pay-as-you-go table (2025-08-11)",
  natGatewayHour: price(0.048, "NAT gateway-hour", P.vpc),
  natGatewayGb: price(0.048, "GB processed", P.vpc),
  transitGatewayAttachmentHour: price(0.05, "attachment-hour", P.transitGateway),
  transitGatewayGb: price(0.02, "GB processed", P.transitGateway),
  vpnConnectionHour: price(0.05, "VPN connection-hour", P.vpn),
  directConnectPortHour: {
    "1Gbps": price(0.3, "dedicated 1 Gbps port-hour", P.directConnect),
    "10Gbps": price(2.25, "dedicated 10 Gbps port-hour", P.directConnect),
    "100Gbps": price(22.5, "dedicated 100 Gbps port-hour", P.directConnect),
  },
  directConnectDataOutGb: price(0.02, "GB out to a Direct Connect location in Europe", P.directConnect),
  networkFirewallEndpointHour: price(0.395, "firewall endpoint-hour", P.networkFirewall),
  networkFirewallGb: price(0.065, "GB processed", P.networkFirewall),
  albHour: price(0.0252, "ALB-hour", P.elb),
  albLcuHour: price(0.008, "LCU-hour", P.elb),
  fargateVcpuHour: price(0.04048, "vCPU-hour (Linux/x86)", P.fargate),
  fargateGbHour: price(0.004445, "GB-hour (Linux/x86)", P.fargate),
  rdsMysqlInstanceHour: perClass(
    {
      "db.t3.micro": 0.018,
      "db.t3.small": 0.036,
      "db.t3.medium": 0.072,
      "db.t3.large": 0.144,
      "db.t4g.micro": 0.017,
      "db.t4g.small": 0.034,
      "db.t4g.medium": 0.068,
      "db.t4g.large": 0.136,
      "db.m5.large": 0.19,
      "db.m6g.large": 0.168,
      "db.m6g.xlarge": 0.336,
      "db.r5.large": 0.28,
      "db.r6g.large": 0.25,
      "db.r6g.xlarge": 0.5,
    },
    "Single-AZ instance-hour",
    P.rdsMysql,
  ),
  rdsStorageGbMonth: price(0.127, "gp3 GB-month, Single-AZ", P.rdsMysql),
  elastiCacheNodeHour: perClass(
    {
      "cache.t3.micro": 0.018,
      "cache.t3.small": 0.036,
      "cache.t3.medium": 0.073,
      "cache.t4g.micro": 0.017,
      "cache.t4g.small": 0.034,
      "cache.t4g.medium": 0.068,
      "cache.m6g.large": 0.164,
      "cache.m7g.large": 0.174,
      "cache.r6g.large": 0.226,
      "cache.r7g.large": 0.241,
    },
    "node-hour (Redis OSS)",
    P.elastiCache,
  ),
  cloudFrontDataOutGb: price(
    0.085,
    "GB to viewers in Europe (first 10 TB)",
    P.cloudFront,
    `${FROM_MEMORY}; the reference design gives the same ~$0.085`,
  ),
  cloudFrontHttpsRequests10k: price(0.012, "10,000 HTTPS requests from viewers in Europe", P.cloudFront),
  wafWebAclMonth: price(5, "web ACL-month", P.waf, FROM_SEED),
  wafRuleMonth: price(1, "rule-month (a managed rule group counts as one)", P.waf, FROM_SEED),
  wafRequestsMillion: price(0.6, "million requests", P.waf, FROM_SEED),
  shieldAdvancedMonth: price(3000, "organization-month (1-year commitment)", P.shield),
  cloudTrailDataEvents100k: price(0.1, "100,000 data events", P.cloudTrail),
  configItem: price(0.003, "configuration item recorded", P.config, FROM_SEED),
  configRuleEvaluation: price(0.001, "rule evaluation (first 100,000 a month)", P.config, FROM_SEED),
  guardDutyManagementEventsMillion: price(4.4, "million CloudTrail management events analysed", P.guardDuty),
  guardDutyFlowAndDnsLogGb: price(1.1, "GB of VPC flow and DNS logs analysed (first 500 GB)", P.guardDuty),
  securityHubCheck: price(0.001, "security check (first 100,000 a month)", P.securityHub),
  cloudWatchLogsIngestGb: price(0.57, "GB ingested (vended logs, first 10 TB)", P.cloudWatch),
  cloudWatchLogsStorageGbMonth: price(0.03, "GB-month stored", P.cloudWatch),
  kmsKeyMonth: price(1, "customer managed key-month", P.kms),
  // Also quoted on "How do I optimize costs for Route 53 Resolver endpoints?" (https://repost.aws/knowledge-center/route-53-resolver-endpoint-costs).
  resolverEndpointIpHour: price(0.125, "Resolver endpoint IP address-hour", P.route53),
  resolverQueriesMillion: price(0.4, "million queries through Resolver endpoints (first billion a month)", P.route53),
  interfaceEndpointAzHour: price(0.011, "interface endpoint-hour per AZ", P.privateLink),
  interfaceEndpointGb: price(0.01, "GB processed by interface endpoints (first PB a month)", P.privateLink),
};
