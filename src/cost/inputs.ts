/**
 * What the cost engine prices: one account's billable quantities, in neutral terms (counts, sizes and usage per
 * month), independent of the config schema. `adapters/` fills it from the model; the pricing functions in
 * `components/` read only this. Every part is optional: an absent part costs nothing and prints no line.
 */
import type { DxPortSpeed } from "./prices/types.js";

/** NAT gateways of a VPC. */
export interface NatGatewayInputs {
  /** Gateways running all month. */
  readonly count: number;
  /** How they are placed, for the driver text: one per AZ, or one shared. */
  readonly placement: "one-per-az" | "single";
  readonly azCount: number;
  /** GB processed by all gateways together. */
  readonly gbProcessedPerMonth: number;
}

/** Transit Gateway attachments billed to the account (the attachment's owner pays its hours). */
export interface TransitGatewayInputs {
  /** Attachments, for example 1 VPC attachment, or a VPN and a DX gateway attachment in the hub. */
  readonly attachments: number;
  /** What they attach, for the driver text, for example `VPC`. */
  readonly kinds: readonly string[];
  /** GB the account sends into the Transit Gateway (billed to the sender's attachment). */
  readonly gbProcessedPerMonth: number;
}

/** VPC flow logs delivered to CloudWatch Logs. */
export interface FlowLogInputs {
  readonly gbIngestedPerMonth: number;
  /** Log group retention: steady-state storage is `gbIngestedPerMonth × retentionDays / (365 / 12)`. */
  readonly retentionDays: number;
}

/** Site-to-Site VPN. */
export interface VpnInputs {
  /** VPN connections (two tunnels each; AWS bills per connection). */
  readonly connections: number;
}

/** Direct Connect dedicated ports and data out. */
export interface DirectConnectInputs {
  /** Dedicated ports the organization owns; 0 when the connection is a partner's hosted connection. */
  readonly ports: number;
  readonly portSpeed: DxPortSpeed;
  /** GB sent from AWS to on-prem over Direct Connect. */
  readonly gbOutPerMonth: number;
}

/** AWS Network Firewall endpoints (one per AZ of the firewall). */
export interface NetworkFirewallInputs {
  readonly endpoints: number;
  /** `central`: the hub inspection VPC; `per-vpc`: a firewall tier in the workload VPC. */
  readonly placement: "central" | "per-vpc";
  readonly gbProcessedPerMonth: number;
}

/** Route 53 Resolver endpoints (inbound and outbound) of the account: their IP addresses and the queries through them. */
export interface ResolverEndpointInputs {
  /** IP addresses (one elastic network interface each) over all endpoints: one per AZ per endpoint. */
  readonly ipAddresses: number;
  readonly endpoints: number;
  /** Millions of DNS queries through the endpoints, both directions. */
  readonly queriesMillionsPerMonth: number;
}

/** Interface VPC endpoints of a workload VPC, and what the traffic through them would otherwise have paid. */
export interface InterfaceEndpointInputs {
  /** Services with an endpoint (`ecr.api`, `logs`, ...). */
  readonly services: readonly string[];
  /** AZs: each endpoint has a network interface in each. */
  readonly azCount: number;
  /** GB of AWS API traffic through the endpoints. */
  readonly gbProcessedPerMonth: number;
  /**
   * The path that traffic takes without the endpoints: `nat` (the VPC's NAT gateways) or `inspection` (the
   * transit gateway, the hub's Network Firewall and its NAT gateways).
   */
  readonly withoutEndpoints: "nat" | "inspection";
}

/** Application load balancers. */
export interface AlbInputs {
  readonly count: number;
  /** Average LCUs per load balancer per hour. */
  readonly lcuPerHour: number;
}

/** Network Load Balancers (the app tier's `networkLoadBalancer`). */
export interface NlbInputs {
  readonly count: number;
  /** Average NLCUs per load balancer per hour. */
  readonly nlcuPerHour: number;
}

/** One ECS service on Fargate (Linux/x86), priced at its desired count all month. */
export interface FargateServiceInputs {
  readonly name: string;
  /** CPU units per task (1024 = 1 vCPU). */
  readonly cpuUnits: number;
  readonly memoryMiB: number;
  readonly desiredCount: number;
}

/** One EC2 Auto Scaling tier, priced at its desired count all month (Linux on-demand) with its gp3 root volumes. */
export interface Ec2TierInputs {
  readonly name: string;
  readonly instanceType: string;
  readonly desiredCount: number;
  readonly rootVolumeGiB: number;
}

/** One Lambda function's size. */
export interface LambdaFunctionInputs {
  readonly name: string;
  readonly memoryMiB: number;
  readonly architecture: "arm64" | "x86_64";
}

/** The functions, the requests each serves a month, their average duration, and the HTTP API carrying them all. */
export interface LambdaInputs {
  readonly functions: readonly LambdaFunctionInputs[];
  /** Requests per function per month; the HTTP API serves all of them. */
  readonly requestsPerFunctionPerMonth: number;
  readonly averageDurationMs: number;
}

/**
 * The database: RDS for MySQL (a primary, an optional Multi-AZ standby, and read replicas, Single-AZ each), or an
 * engine the price tables do not price yet (RDS for PostgreSQL, Aurora MySQL, Aurora PostgreSQL).
 */
export interface RdsInputs {
  /** The config's engine; only `rds-mysql` is priced, the others are listed as unpriced. @default "rds-mysql" */
  readonly engine?: "rds-mysql" | "rds-postgres" | "aurora-mysql" | "aurora-postgres";
  /** For example `db.r6g.large`; must be in the price table. */
  readonly instanceClass: string;
  /** A synchronous standby: AWS bills Multi-AZ instance hours and storage at twice the Single-AZ price. */
  readonly multiAz: boolean;
  readonly readReplicas: number;
  /** Storage of the primary, and of each replica (a replica gets the primary's size). */
  readonly allocatedStorageGiB: number;
}

/** ElastiCache for Redis OSS nodes. */
export interface ElastiCacheInputs {
  /** For example `cache.r7g.large`; must be in the price table. */
  readonly nodeType: string;
  /** Primary plus replicas. */
  readonly nodes: number;
}

/** One DynamoDB table: its billing mode and how many Regions hold a copy (the table and its replicas). */
export interface DynamodbTableInputs {
  /** `aws_dynamodb_table.name`. */
  readonly tableName: string;
  readonly billingMode: "PAY_PER_REQUEST" | "PROVISIONED";
  /** PROVISIONED only. */
  readonly readCapacity?: number;
  /** PROVISIONED only. */
  readonly writeCapacity?: number;
  /** 1 + the number of replica Regions. */
  readonly regions: number;
}

/** CloudFront distribution traffic. */
export interface CloudFrontInputs {
  readonly dataOutGbPerMonth: number;
  readonly httpsRequestsPerMonth: number;
}

/** AWS WAF web ACLs. */
export interface WafInputs {
  readonly webAcls: number;
  /** Rules and rule groups over all web ACLs (a managed rule group counts as one rule). */
  readonly rules: number;
  readonly requestsPerMonth: number;
}

/** The security baseline of the account (CloudTrail, AWS Config, GuardDuty, Security Hub). */
export interface BaselineInputs {
  readonly cloudTrail: {
    /** Management events; the first trail's copy of them is free, so they cost nothing here. */
    readonly managementEventsPerMonth: number;
    readonly dataEventsPerMonth: number;
    /**
     * Paid copies of the management events: trails beyond the first logging this account (with the AWS
     * Organizations layer, the account's own trail and the organization trail: one). @default 0
     */
    readonly additionalManagementEventCopies?: number;
  };
  readonly config: { readonly itemsPerMonth: number; readonly ruleEvaluationsPerMonth: number };
  readonly guardDuty: {
    /** CloudTrail management events GuardDuty analyses. */
    readonly managementEventsPerMonth: number;
    /** GB of VPC flow logs and DNS query logs GuardDuty analyses. */
    readonly flowAndDnsLogGbPerMonth: number;
  };
  readonly securityHub: { readonly checksPerMonth: number };
}

/** One account's billable quantities. */
export interface EnvironmentCostInputs {
  /** Hours every always-on resource runs in the month. @default 730 (set by the adapter) */
  readonly hoursPerMonth: number;
  readonly natGateways?: NatGatewayInputs;
  readonly transitGateway?: TransitGatewayInputs;
  readonly flowLogs?: FlowLogInputs;
  /** Customer managed KMS keys. */
  readonly kmsKeys?: { readonly count: number };
  /** SNS alert topics: no monthly fee; listed so the account's table shows them. */
  readonly alertTopics?: { readonly count: number };
  /** Gateway VPC endpoints (S3, DynamoDB): free; listed so the table shows what they replace. */
  readonly gatewayEndpoints?: { readonly services: readonly string[] };
  readonly vpn?: VpnInputs;
  readonly directConnect?: DirectConnectInputs;
  readonly networkFirewall?: NetworkFirewallInputs;
  readonly resolverEndpoints?: ResolverEndpointInputs;
  readonly interfaceEndpoints?: InterfaceEndpointInputs;
  readonly alb?: AlbInputs;
  readonly nlb?: NlbInputs;
  readonly fargate?: { readonly services: readonly FargateServiceInputs[] };
  /** EC2 Auto Scaling tiers (`compute: ec2-asg`). */
  readonly ec2?: { readonly tiers: readonly Ec2TierInputs[] };
  /** Lambda functions (`compute: lambda`) and the HTTP API in front of them. */
  readonly lambda?: LambdaInputs;
  readonly rds?: RdsInputs;
  readonly elastiCache?: ElastiCacheInputs;
  readonly dynamodbTables?: readonly DynamodbTableInputs[];
  readonly cloudFront?: CloudFrontInputs;
  readonly waf?: WafInputs;
  /** The account subscribes to Shield Advanced (the fee is per organization; see `estimate.ts` for its split). */
  readonly shieldAdvanced?: boolean;
  readonly baseline?: BaselineInputs;
}
