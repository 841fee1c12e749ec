/**
 * The shape of a price table: AWS on-demand list prices of one Region, in USD, each with the pricing page
 * it comes from. One file per Region (`eu-west-1.ts`, `us-east-1.ts`), listed in `index.ts`.
 */

/** One price. */
export interface PriceEntry {
  /** Price in USD per {@link unit}. */
  readonly usd: number;
  /** What one unit is, for example `NAT gateway-hour`, `GB processed`, `10,000 HTTPS requests`. */
  readonly unit: string;
  /** The AWS pricing page the price is listed on. */
  readonly source: string;
  /** Where the figure was taken from and what it assumes, for example "list price as of 2025, verify". */
  readonly note: string;
}

/** Dedicated Direct Connect port speeds priced in the tables. */
export const DX_PORT_SPEEDS = ["1Gbps", "10Gbps", "100Gbps"] as const;
/** A dedicated Direct Connect port speed. */
export type DxPortSpeed = (typeof DX_PORT_SPEEDS)[number];

/** Prices of one Region. Every hourly price is per resource-hour; every monthly price per resource-month. */
export interface PriceTable {
  readonly region: string;
  readonly currency: "USD";
  /** ISO date (YYYY-MM-DD) the table was written down; the prices are as of the notes of each entry. */
  readonly retrievedOn: string;
  /** One sentence on where the figures come from. */
  readonly basis: string;
  readonly natGatewayHour: PriceEntry;
  readonly natGatewayGb: PriceEntry;
  readonly transitGatewayAttachmentHour: PriceEntry;
  readonly transitGatewayGb: PriceEntry;
  readonly vpnConnectionHour: PriceEntry;
  readonly directConnectPortHour: Readonly<Record<DxPortSpeed, PriceEntry>>;
  readonly directConnectDataOutGb: PriceEntry;
  readonly networkFirewallEndpointHour: PriceEntry;
  readonly networkFirewallGb: PriceEntry;
  readonly albHour: PriceEntry;
  readonly albLcuHour: PriceEntry;
  readonly fargateVcpuHour: PriceEntry;
  readonly fargateGbHour: PriceEntry;
  /** RDS for MySQL, Single-AZ on-demand, per instance class (`db.r6g.large`). Multi-AZ is twice this. */
  readonly rdsMysqlInstanceHour: Readonly<Record<string, PriceEntry>>;
  /** RDS gp3 storage, Single-AZ, per GB-month. Multi-AZ is twice this. */
  readonly rdsStorageGbMonth: PriceEntry;
  /** ElastiCache for Redis OSS on-demand, per node type (`cache.r7g.large`). */
  readonly elastiCacheNodeHour: Readonly<Record<string, PriceEntry>>;
  readonly cloudFrontDataOutGb: PriceEntry;
  readonly cloudFrontHttpsRequests10k: PriceEntry;
  readonly wafWebAclMonth: PriceEntry;
  readonly wafRuleMonth: PriceEntry;
  readonly wafRequestsMillion: PriceEntry;
  /** Per organization (consolidated billing), not per account. */
  readonly shieldAdvancedMonth: PriceEntry;
  readonly cloudTrailDataEvents100k: PriceEntry;
  /** Additional copies of management events (a second trail logging the same account), per 100,000 events. */
  readonly cloudTrailManagementEventCopies100k: PriceEntry;
  readonly configItem: PriceEntry;
  readonly configRuleEvaluation: PriceEntry;
  readonly guardDutyManagementEventsMillion: PriceEntry;
  readonly guardDutyFlowAndDnsLogGb: PriceEntry;
  readonly securityHubCheck: PriceEntry;
  readonly cloudWatchLogsIngestGb: PriceEntry;
  readonly cloudWatchLogsStorageGbMonth: PriceEntry;
  readonly kmsKeyMonth: PriceEntry;
  /** Route 53 Resolver endpoints: per IP address (elastic network interface) per hour. */
  readonly resolverEndpointIpHour: PriceEntry;
  /** Route 53 Resolver endpoints: per million queries through inbound and outbound endpoints (first billion a month). */
  readonly resolverQueriesMillion: PriceEntry;
  /** Interface VPC endpoint (AWS PrivateLink): per endpoint per AZ per hour. */
  readonly interfaceEndpointAzHour: PriceEntry;
  /** Interface VPC endpoint: per GB processed (first PB a month). */
  readonly interfaceEndpointGb: PriceEntry;
  /** EC2 Linux on-demand, per instance type (`t4g.small`). */
  readonly ec2InstanceHour: Readonly<Record<string, PriceEntry>>;
  /** EBS gp3 storage, per GB-month (baseline IOPS and throughput included). */
  readonly ebsGp3GbMonth: PriceEntry;
  readonly lambdaRequestsMillion: PriceEntry;
  /** Lambda compute, per GB-second, by architecture. */
  readonly lambdaGbSecond: Readonly<Record<"arm64" | "x86_64", PriceEntry>>;
  /** API Gateway HTTP API requests, per million (first 300 million a month). */
  readonly httpApiRequestsMillion: PriceEntry;
}
