/**
 * The estimate: every account's lines and total, the organization's total, and the comparison of the workload
 * environments that explains what makes one cost more than the cheapest.
 */
import type { CostAssumptionsFile } from "../config/index.js";
import {
  albCost,
  nlbCost,
  cloudFrontCost,
  dynamodbCost,
  elastiCacheCost,
  fargateCost,
  rdsCost,
  shieldAdvancedCost,
  wafCost,
} from "./components/app.js";
import { baselineCost } from "./components/baseline.js";
import {
  alertTopicCost,
  directConnectCost,
  flowLogCost,
  gatewayEndpointCost,
  kmsKeyCost,
  natGatewayCost,
  networkFirewallCost,
  resolverEndpointCost,
  interfaceEndpointCost,
  transitGatewayCost,
  vpnCost,
} from "./components/network.js";
import type { EnvironmentCostInputs } from "./inputs.js";
import { round2, type CostLine } from "./line.js";
import { ec2TierCost, lambdaCost } from "./components/compute.js";
import { priceTableFor, type PriceTable } from "./prices/index.js";

/**
 * Every line of one account, in a fixed order (network, app tier, baseline).
 * @param shieldSubscribers accounts of the organization subscribing to Shield Advanced, for this account's share
 *   of the fee; ignored unless `inputs.shieldAdvanced`. @default 1
 * An RDS instance class or ElastiCache node type the table lacks gives unpriced lines ({@link CostLine.unpriced}).
 */
export function priceAccount(inputs: EnvironmentCostInputs, prices: PriceTable, shieldSubscribers = 1): CostLine[] {
  const h = inputs.hoursPerMonth;
  return [
    ...(inputs.natGateways ? natGatewayCost(inputs.natGateways, h, prices) : []),
    ...(inputs.transitGateway ? transitGatewayCost(inputs.transitGateway, h, prices) : []),
    ...(inputs.vpn ? vpnCost(inputs.vpn, h, prices) : []),
    ...(inputs.directConnect ? directConnectCost(inputs.directConnect, h, prices) : []),
    ...(inputs.networkFirewall ? networkFirewallCost(inputs.networkFirewall, h, prices) : []),
    ...(inputs.resolverEndpoints ? resolverEndpointCost(inputs.resolverEndpoints, h, prices) : []),
    ...(inputs.interfaceEndpoints && inputs.interfaceEndpoints.services.length > 0
      ? interfaceEndpointCost(inputs.interfaceEndpoints, h, prices)
      : []),
    ...(inputs.gatewayEndpoints && inputs.gatewayEndpoints.services.length > 0 ? gatewayEndpointCost(inputs.gatewayEndpoints) : []),
    ...(inputs.flowLogs ? flowLogCost(inputs.flowLogs, prices) : []),
    ...(inputs.cloudFront ? cloudFrontCost(inputs.cloudFront, prices) : []),
    ...(inputs.waf ? wafCost(inputs.waf, prices) : []),
    ...(inputs.shieldAdvanced ? shieldAdvancedCost(Math.max(1, shieldSubscribers), prices) : []),
    ...(inputs.alb ? albCost(inputs.alb, h, prices) : []),
    ...(inputs.nlb ? nlbCost(inputs.nlb, h, prices.region) : []),
    ...(inputs.fargate ? fargateCost(inputs.fargate.services, h, prices) : []),
    ...(inputs.ec2 ? ec2TierCost(inputs.ec2.tiers, h, prices) : []),
    ...(inputs.lambda ? lambdaCost(inputs.lambda, prices) : []),
    ...(inputs.rds ? rdsCost(inputs.rds, h, prices) : []),
    ...(inputs.elastiCache ? elastiCacheCost(inputs.elastiCache, h, prices) : []),
    ...(inputs.dynamodbTables ? dynamodbCost(inputs.dynamodbTables, h, prices.region) : []),
    ...(inputs.baseline ? baselineCost(inputs.baseline, prices) : []),
    ...(inputs.kmsKeys ? kmsKeyCost(inputs.kmsKeys, prices) : []),
    ...(inputs.alertTopics ? alertTopicCost(inputs.alertTopics) : []),
  ];
}

/** One account to estimate: who it is, its quantities, and the assumptions they came from. */
export interface AccountCostSubject {
  /** Environment name (`prod`), `network-hub`, or a core account's stack name (`log-archive`, `security-tooling`). */
  readonly name: string;
  /** `core`: the log archive and security tooling accounts of the AWS Organizations layer. */
  readonly kind: "network-hub" | "workload" | "core";
  readonly stackName: string;
  readonly accountId: string;
  readonly region: string;
  /** Routing segment of a workload (`shared`: the shared-services segment, usually without an app tier). */
  readonly segment?: "prod" | "nonprod" | "shared";
  readonly inputs: EnvironmentCostInputs;
  /** The usage assumptions the inputs were built with (printed with the result). */
  readonly assumptions: CostAssumptionsFile;
}

/** One account's estimate. */
export interface AccountEstimate extends Omit<AccountCostSubject, "inputs"> {
  readonly lines: readonly CostLine[];
  /** Sum of the lines' (rounded) monthly USD. */
  readonly totalMonthlyUsd: number;
  /** Date of the price table used. */
  readonly pricesRetrievedOn: string;
}

/** Why one workload environment costs more than the cheapest: a component and the difference. */
export interface CostDifference {
  readonly key: string;
  readonly component: string;
  readonly deltaMonthlyUsd: number;
  /** This environment's driver of the component. */
  readonly driver: string;
  /** The cheapest environment's driver, or `none` when it has no such line. */
  readonly cheapestDriver: string;
}

/** A workload environment against the cheapest one. */
export interface EnvironmentComparison {
  readonly name: string;
  readonly totalMonthlyUsd: number;
  /** Its total minus the cheapest environment's total. */
  readonly deltaMonthlyUsd: number;
  /** Components that cost more than in the cheapest environment, largest difference first. */
  readonly costsMore: readonly CostDifference[];
}

/** The whole estimate. */
export interface CostReport {
  readonly currency: "USD";
  /** The price tables used: Region, date, basis. */
  readonly priceTables: readonly { readonly region: string; readonly retrievedOn: string; readonly basis: string }[];
  /** Accounts in order: the hub first, then the workloads by name (filtered by `--env`). */
  readonly accounts: readonly AccountEstimate[];
  /** Sum of the listed accounts' totals. */
  readonly totalMonthlyUsd: number;
  /** The workload environments (all of them, even with a filter), cheapest first; undefined with fewer than 2. */
  readonly comparison?: { readonly cheapest: string; readonly environments: readonly EnvironmentComparison[] };
  /** What the estimate leaves out. */
  readonly notIncluded: readonly string[];
  /**
   * Why some lines of the listed accounts have no price (each reason once: the instance class or node type, the
   * classes the table has, where to add it); every total excludes those lines. Empty when everything is priced.
   */
  readonly unpriced: readonly string[];
}

/** What no line of the estimate covers; printed under the tables and in the JSON. */
export const NOT_INCLUDED: readonly string[] = [
  "data transfer out to the internet and between AZs; data transfer out of Shield-protected resources",
  "free tiers (CloudFront's 1 TB and 10 million requests, Lambda's 1 million requests and 400,000 GB-seconds, Config, Security Hub ingestion) and Savings Plans or reserved instances",
  "autoscaling above each service's or Auto Scaling group's desired count; RDS backups beyond the free amount, I/O and ElastiCache backups",
  "S3 storage and requests (state, trail, frontend, logs), KMS requests, CloudWatch metrics, alarms and dashboards",
  "the Network Firewall NAT-gateway waiver (one NAT hour and GB free per firewall endpoint hour and GB): NAT is priced in full",
  "taxes and support plans",
];

/**
 * Prices every subject with its Region's table and compares the workload environments.
 * @param only names to keep in `accounts` (the comparison still covers every workload). @default every account
 * @throws PriceLookupError for a Region without a price table (an unpriced instance class or node type is a
 *   {@link CostReport.unpriced} line instead).
 */
export function estimateCosts(subjects: readonly AccountCostSubject[], only?: readonly string[]): CostReport {
  const subscribers = subjects.filter((s) => s.inputs.shieldAdvanced).length;
  const tables = new Map<string, PriceTable>();
  const estimates = subjects.map((s): AccountEstimate => {
    const table = priceTableFor(s.region);
    tables.set(table.region, table);
    const lines = priceAccount(s.inputs, table, subscribers);
    const { inputs: _inputs, ...who } = s;
    return {
      ...who,
      lines,
      totalMonthlyUsd: round2(lines.reduce((sum, l) => sum + l.monthlyUsd, 0)),
      pricesRetrievedOn: table.retrievedOn,
    };
  });
  const accounts = only ? estimates.filter((e) => only.includes(e.name)) : estimates;
  const comparison = compareEnvironments(estimates.filter((e) => e.kind === "workload"));
  return {
    currency: "USD",
    priceTables: [...tables.values()].map((t) => ({ region: t.region, retrievedOn: t.retrievedOn, basis: t.basis })),
    accounts,
    totalMonthlyUsd: round2(accounts.reduce((sum, a) => sum + a.totalMonthlyUsd, 0)),
    ...(comparison ? { comparison } : {}),
    notIncluded: NOT_INCLUDED,
    unpriced: [...new Set(accounts.flatMap((a) => a.lines.flatMap((l) => (l.unpriced ? [l.unpriced] : []))))],
  };
}

/**
 * Each environment against the cheapest: the difference of totals and the components that cost more, with both
 * drivers, so the prod-only choices (NAT per AZ, more AZs, Multi-AZ, Shield Advanced) are named.
 * @returns undefined for fewer than two environments.
 */
export function compareEnvironments(environments: readonly AccountEstimate[]): CostReport["comparison"] {
  if (environments.length < 2) return undefined;
  const sorted = [...environments].sort((a, b) => a.totalMonthlyUsd - b.totalMonthlyUsd || a.name.localeCompare(b.name));
  const cheapest = sorted[0]!;
  const byKey = (e: AccountEstimate) => {
    const m = new Map<string, { component: string; monthlyUsd: number; drivers: string[] }>();
    for (const l of e.lines) {
      const prev = m.get(l.key);
      m.set(l.key, {
        component: l.component,
        monthlyUsd: (prev?.monthlyUsd ?? 0) + l.monthlyUsd,
        drivers: [...(prev?.drivers ?? []), l.driver],
      });
    }
    return m;
  };
  const base = byKey(cheapest);
  return {
    cheapest: cheapest.name,
    environments: sorted.map((e) => {
      const costsMore: CostDifference[] = [];
      for (const [key, mine] of byKey(e)) {
        const theirs = base.get(key);
        const delta = round2(mine.monthlyUsd - (theirs?.monthlyUsd ?? 0));
        if (delta > 0)
          costsMore.push({
            key,
            component: mine.component,
            deltaMonthlyUsd: delta,
            driver: mine.drivers.join("; "),
            cheapestDriver: theirs ? theirs.drivers.join("; ") : "none",
          });
      }
      costsMore.sort((a, b) => b.deltaMonthlyUsd - a.deltaMonthlyUsd || a.key.localeCompare(b.key));
      return {
        name: e.name,
        totalMonthlyUsd: e.totalMonthlyUsd,
        deltaMonthlyUsd: round2(e.totalMonthlyUsd - cheapest.totalMonthlyUsd),
        costsMore,
      };
    }),
  };
}
