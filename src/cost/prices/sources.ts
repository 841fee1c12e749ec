/** AWS pricing pages the price tables cite, and the notes that say where a figure was taken from. */
import type { PriceEntry } from "./types.js";

/** The AWS pricing page of each service. */
export const PRICING_PAGES = {
  vpc: "https://aws.amazon.com/vpc/pricing/",
  transitGateway: "https://aws.amazon.com/transit-gateway/pricing/",
  vpn: "https://aws.amazon.com/vpn/pricing/",
  directConnect: "https://aws.amazon.com/directconnect/pricing/",
  networkFirewall: "https://aws.amazon.com/network-firewall/pricing/",
  elb: "https://aws.amazon.com/elasticloadbalancing/pricing/",
  fargate: "https://aws.amazon.com/fargate/pricing/",
  rdsMysql: "https://aws.amazon.com/rds/mysql/pricing/",
  elastiCache: "https://aws.amazon.com/elasticache/pricing/",
  cloudFront: "https://aws.amazon.com/cloudfront/pricing/",
  waf: "https://aws.amazon.com/waf/pricing/",
  shield: "https://aws.amazon.com/shield/pricing/",
  cloudTrail: "https://aws.amazon.com/cloudtrail/pricing/",
  config: "https://aws.amazon.com/config/pricing/",
  guardDuty: "https://aws.amazon.com/guardduty/pricing/",
  securityHub: "https://aws.amazon.com/security-hub/pricing/",
  cloudWatch: "https://aws.amazon.com/cloudwatch/pricing/",
  kms: "https://aws.amazon.com/kms/pricing/",
  route53: "https://aws.amazon.com/route53/pricing/",
  privateLink: "https://aws.amazon.com/privatelink/pricing/",
  ec2: "https://aws.amazon.com/ec2/pricing/",
  ebs: "https://aws.amazon.com/ebs/pricing/",
  lambda: "https://aws.amazon.com/lambda/pricing/",
  apiGateway: "https://aws.amazon.com/api-gateway/pricing/",
} as const;

/** Note of a figure written down from memory of the AWS pricing page. */
export const FROM_MEMORY = "list price as of 2025, verify";
/**
 * Note of a figure taken from the pay-as-you-go table of the reference design this project implements ("AWS
 * Advanced PaaS Architecture", dated 2025-08-11). The design gives no Region; its figures are the us-east-1 list
 * prices.
 */
export const FROM_SEED = "reference design's pay-as-you-go table (2025-08-11; no Region stated, matches us-east-1)";

/** A {@link PriceEntry}. */
export const price = (usd: number, unit: string, source: string, note: string = FROM_MEMORY): PriceEntry => ({ usd, unit, source, note });

/** One entry per instance class, each `usd` per `unit`, all from memory. */
export const perClass = (prices: Readonly<Record<string, number>>, unit: string, source: string): Record<string, PriceEntry> =>
  Object.fromEntries(Object.entries(prices).map(([name, usd]) => [name, price(usd, unit, source)]));
