/**
 * Pricing of the application tier: ALB, ECS on Fargate, RDS for MySQL, ElastiCache for Redis, CloudFront, AWS
 * WAF and Shield Advanced. Each function is pure: quantities in, {@link CostLine}s out.
 */
import type {
  AlbInputs,
  CloudFrontInputs,
  DynamodbTableInputs,
  ElastiCacheInputs,
  FargateServiceInputs,
  NlbInputs,
  RdsInputs,
  WafInputs,
} from "../inputs.js";
import { count, fmt, line, unpricedLine, type CostLine } from "../line.js";
import { PRICING_PAGES, type PriceEntry, type PriceTable } from "../prices/index.js";

/**
 * NLB hours and NLCU-hours (`count × nlcuPerHour × hoursPerMonth`), both unpriced lines (USD 0, see
 * {@link CostLine.unpriced}): the price tables hold no NLB prices, because none could be read from the AWS pricing
 * page (https://aws.amazon.com/elasticloadbalancing/pricing/) when they were last updated; the lines show what is billed.
 */
export function nlbCost(nlb: NlbInputs, hoursPerMonth: number, region: string): CostLine[] {
  const reason = `the ${region} price table has no Network Load Balancer prices. Add them to src/cost/prices/${region}.ts from ${PRICING_PAGES.elb}.`;
  return [
    unpricedLine(
      "nlb-hours",
      "NLB hours",
      `${count(nlb.count, "load balancer")} × ${fmt(hoursPerMonth)} h`,
      nlb.count * hoursPerMonth,
      "NLB-hour",
      PRICING_PAGES.elb,
      reason,
    ),
    unpricedLine(
      "nlb-nlcu",
      "NLB capacity units (NLCU)",
      `${fmt(nlb.nlcuPerHour)} NLCU average × ${fmt(hoursPerMonth)} h per load balancer`,
      nlb.count * nlb.nlcuPerHour * hoursPerMonth,
      "NLCU-hour",
      PRICING_PAGES.elb,
      reason,
    ),
  ];
}

/** ALB hours and LCU-hours (`count × lcuPerHour × hoursPerMonth`). Price: https://aws.amazon.com/elasticloadbalancing/pricing/ */
export function albCost(alb: AlbInputs, hoursPerMonth: number, prices: PriceTable): CostLine[] {
  return [
    line(
      "alb-hours",
      "ALB hours",
      `${count(alb.count, "load balancer")} × ${fmt(hoursPerMonth)} h`,
      alb.count * hoursPerMonth,
      prices.albHour,
    ),
    line(
      "alb-lcu",
      "ALB capacity units (LCU)",
      `${fmt(alb.lcuPerHour)} LCU average × ${fmt(hoursPerMonth)} h per load balancer`,
      alb.count * alb.lcuPerHour * hoursPerMonth,
      prices.albLcuHour,
    ),
  ];
}

/**
 * Fargate vCPU-hours and GB-hours of every service at its desired count, all month (Linux/x86; autoscaling
 * above the desired count is not included). Price: https://aws.amazon.com/fargate/pricing/
 */
export function fargateCost(services: readonly FargateServiceInputs[], hoursPerMonth: number, prices: PriceTable): CostLine[] {
  if (services.length === 0) return [];
  const vcpu = services.reduce((sum, s) => sum + (s.cpuUnits / 1024) * s.desiredCount, 0);
  const gb = services.reduce((sum, s) => sum + (s.memoryMiB / 1024) * s.desiredCount, 0);
  const tasks = (what: (s: FargateServiceInputs) => string) => services.map((s) => `${s.name} ${s.desiredCount} × ${what(s)}`).join(", ");
  return [
    line(
      "fargate-vcpu",
      "Fargate vCPU",
      `${tasks((s) => `${fmt(s.cpuUnits / 1024)} vCPU`)}; × ${fmt(hoursPerMonth)} h`,
      vcpu * hoursPerMonth,
      prices.fargateVcpuHour,
    ),
    line(
      "fargate-memory",
      "Fargate memory",
      `${tasks((s) => `${fmt(s.memoryMiB / 1024)} GB`)}; × ${fmt(hoursPerMonth)} h`,
      gb * hoursPerMonth,
      prices.fargateGbHour,
    ),
  ];
}

/**
 * RDS for MySQL: the primary's instance hours (Multi-AZ bills the standby too: twice the Single-AZ price), each
 * read replica's (Single-AZ), and gp3 storage: the primary's allocation (twice when Multi-AZ) plus one
 * allocation per replica. Backups beyond the free amount, I/O and data transfer are not included.
 * Price: https://aws.amazon.com/rds/mysql/pricing/
 * An instance class the price table lacks gives unpriced instance lines (see {@link CostLine.unpriced}), naming the
 * classes it has; storage is still priced.
 */
export function rdsCost(rds: RdsInputs, hoursPerMonth: number, prices: PriceTable): CostLine[] {
  if (rds.engine !== undefined && rds.engine !== "rds-mysql") return unpricedDatabaseCost(rds, rds.engine, hoursPerMonth, prices.region);
  const priced = lookup(prices.rdsMysqlInstanceHour, rds.instanceClass, "RDS for MySQL instance class", prices.region);
  const instance = (key: string, component: string, driver: string, quantity: number): CostLine =>
    typeof priced === "string"
      ? unpricedLine(key, component, driver, quantity, "instance-hour", PRICING_PAGES.rdsMysql, priced)
      : line(key, component, driver, quantity, priced);
  const copies = rds.multiAz ? 2 : 1;
  const lines = [
    instance(
      "rds-instance-hours",
      "RDS MySQL instance hours",
      `${rds.instanceClass} ${rds.multiAz ? "Multi-AZ (primary + standby, billed ×2)" : "Single-AZ"} × ${fmt(hoursPerMonth)} h`,
      copies * hoursPerMonth,
    ),
  ];
  if (rds.readReplicas > 0) {
    lines.push(
      instance(
        "rds-replica-hours",
        "RDS MySQL read replica hours",
        `${count(rds.readReplicas, "replica")} (${rds.instanceClass}, Single-AZ) × ${fmt(hoursPerMonth)} h`,
        rds.readReplicas * hoursPerMonth,
      ),
    );
  }
  const replicas = rds.readReplicas > 0 ? ` + ${count(rds.readReplicas, "replica")} × ${fmt(rds.allocatedStorageGiB)} GB` : "";
  lines.push(
    line(
      "rds-storage",
      "RDS storage (gp3)",
      `${fmt(rds.allocatedStorageGiB)} GB${rds.multiAz ? " × 2 (Multi-AZ)" : ""}${replicas}`,
      rds.allocatedStorageGiB * (copies + rds.readReplicas),
      prices.rdsStorageGbMonth,
    ),
  );
  return lines;
}

/** The pricing page of each engine the price tables do not price yet. */
const UNPRICED_DATABASE_PAGES = {
  "rds-postgres": { label: "RDS PostgreSQL", page: "https://aws.amazon.com/rds/postgresql/pricing/" },
  "aurora-mysql": { label: "Aurora MySQL", page: "https://aws.amazon.com/rds/aurora/pricing/" },
  "aurora-postgres": { label: "Aurora PostgreSQL", page: "https://aws.amazon.com/rds/aurora/pricing/" },
} as const;

/**
 * The quantities of a database engine the price tables have no prices for, each an unpriced line (USD 0, see
 * {@link CostLine.unpriced}), so the estimate shows what is billed without inventing a price: RDS for PostgreSQL as RDS for MySQL
 * (instance hours, Multi-AZ ×2, replicas, gp3 storage); Aurora as instance hours of the writer and each reader
 * (no standby: readers are the failover targets) and cluster storage of `allocatedStorageGiB` (billed once per
 * cluster, not per instance); Aurora Standard's I/O requests are not counted.
 */
function unpricedDatabaseCost(
  rds: RdsInputs,
  engine: keyof typeof UNPRICED_DATABASE_PAGES,
  hoursPerMonth: number,
  region: string,
): CostLine[] {
  const { label, page } = UNPRICED_DATABASE_PAGES[engine];
  const reason = `the ${region} price table has no ${label} prices. Add them to src/cost/prices/${region}.ts.`;
  const line = (key: string, component: string, driver: string, quantity: number, unit: string): CostLine =>
    unpricedLine(key, component, driver, quantity, unit, page, reason);
  if (engine === "rds-postgres") {
    const copies = rds.multiAz ? 2 : 1;
    return [
      line(
        "rds-instance-hours",
        `${label} instance hours`,
        `${rds.instanceClass} ${rds.multiAz ? "Multi-AZ (primary + standby)" : "Single-AZ"} × ${fmt(hoursPerMonth)} h`,
        copies * hoursPerMonth,
        "instance-hour",
      ),
      ...(rds.readReplicas > 0
        ? [
            line(
              "rds-replica-hours",
              `${label} read replica hours`,
              `${count(rds.readReplicas, "replica")} (${rds.instanceClass}) × ${fmt(hoursPerMonth)} h`,
              rds.readReplicas * hoursPerMonth,
              "instance-hour",
            ),
          ]
        : []),
      line(
        "rds-storage",
        "RDS storage (gp3)",
        `${fmt(rds.allocatedStorageGiB)} GB × ${copies + rds.readReplicas} (primary${rds.multiAz ? ", standby" : ""}, replicas)`,
        rds.allocatedStorageGiB * (copies + rds.readReplicas),
        "GB-month",
      ),
    ];
  }
  const instances = 1 + rds.readReplicas;
  return [
    line(
      "rds-instance-hours",
      `${label} instance hours`,
      `${count(instances, "instance")} (writer + ${count(rds.readReplicas, "reader")}, ${rds.instanceClass}) × ${fmt(hoursPerMonth)} h`,
      instances * hoursPerMonth,
      "instance-hour",
    ),
    line(
      "rds-storage",
      "Aurora cluster storage",
      `${fmt(rds.allocatedStorageGiB)} GB (one cluster volume; I/O requests of Aurora Standard not counted)`,
      rds.allocatedStorageGiB,
      "GB-month",
    ),
  ];
}

/**
 * ElastiCache for Redis OSS node hours (backup storage beyond the free amount not included).
 * Price: https://aws.amazon.com/elasticache/pricing/
 * A node type the price table lacks gives an unpriced line (see {@link CostLine.unpriced}), naming the types it has.
 */
export function elastiCacheCost(cache: ElastiCacheInputs, hoursPerMonth: number, prices: PriceTable): CostLine[] {
  const node = lookup(prices.elastiCacheNodeHour, cache.nodeType, "ElastiCache node type", prices.region);
  const args = [
    "elasticache-node-hours",
    "ElastiCache node hours",
    `${count(cache.nodes, "node")} (${cache.nodeType}) × ${fmt(hoursPerMonth)} h`,
    cache.nodes * hoursPerMonth,
  ] as const;
  return [typeof node === "string" ? unpricedLine(...args, "node-hour", PRICING_PAGES.elastiCache, node) : line(...args, node)];
}

/**
 * CloudFront data out to viewers and HTTPS requests, at the first-tier price of the table's viewer region.
 * The always-free allowance (1 TB and 10 million requests a month) applies once per organization under
 * consolidated billing, so it is not subtracted here. Price: https://aws.amazon.com/cloudfront/pricing/
 */
export function cloudFrontCost(cf: CloudFrontInputs, prices: PriceTable): CostLine[] {
  return [
    line(
      "cloudfront-data-out",
      "CloudFront data out",
      `${fmt(cf.dataOutGbPerMonth)} GB/month`,
      cf.dataOutGbPerMonth,
      prices.cloudFrontDataOutGb,
    ),
    line(
      "cloudfront-requests",
      "CloudFront HTTPS requests",
      `${fmt(cf.httpsRequestsPerMonth)} requests/month`,
      cf.httpsRequestsPerMonth / 10_000,
      prices.cloudFrontHttpsRequests10k,
    ),
  ];
}

/** AWS WAF web ACLs, rules and requests. Price: https://aws.amazon.com/waf/pricing/ */
export function wafCost(waf: WafInputs, prices: PriceTable): CostLine[] {
  return [
    line("waf-web-acls", "WAF web ACLs", `${count(waf.webAcls, "web ACL")} × 1 month`, waf.webAcls, prices.wafWebAclMonth),
    line("waf-rules", "WAF rules", `${count(waf.rules, "rule")} over all web ACLs × 1 month`, waf.rules, prices.wafRuleMonth),
    line(
      "waf-requests",
      "WAF requests",
      `${fmt(waf.requestsPerMonth)} requests/month`,
      waf.requestsPerMonth / 1_000_000,
      prices.wafRequestsMillion,
    ),
  ];
}

/**
 * An account's share of the Shield Advanced subscription. AWS bills $3,000 a month **once per organization**
 * (consolidated billing, 1-year commitment), however many accounts subscribe. The estimate splits it evenly
 * between the accounts that subscribe, so the per-account totals add up to the organization's bill without
 * counting the fee twice. Data transfer out of protected resources is not included.
 * Price: https://aws.amazon.com/shield/pricing/
 * @param subscribers accounts of the organization that subscribe (at least 1).
 */
export function shieldAdvancedCost(subscribers: number, prices: PriceTable): CostLine[] {
  const fee = `$${fmt(prices.shieldAdvancedMonth.usd)}/month organization fee (1-year commitment)`;
  const driver =
    subscribers === 1
      ? `subscribed: the whole ${fee}, the only subscribing account`
      : `subscribed: 1/${subscribers} of the ${fee}, split between ${subscribers} subscribing accounts`;
  return [line("shield-advanced", "Shield Advanced", driver, 1 / subscribers, prices.shieldAdvancedMonth)];
}

/** The price of `name`, or why there is none: the classes the table has and where to add it. */
export function lookup(table: Readonly<Record<string, PriceEntry>>, name: string, what: string, region: string): PriceEntry | string {
  const entry = table[name];
  if (!entry) {
    return `no ${region} price for ${what} ${name}. The price table has: ${Object.keys(table).sort().join(", ")}. Add it to src/cost/prices/${region}.ts.`;
  }
  return entry;
}

/** The DynamoDB pricing pages: on-demand (per request unit) and provisioned (per capacity-unit hour). */
const DYNAMODB_PRICING = {
  PAY_PER_REQUEST: "https://aws.amazon.com/dynamodb/pricing/on-demand/",
  PROVISIONED: "https://aws.amazon.com/dynamodb/pricing/provisioned/",
} as const;

/**
 * One unpriced line per DynamoDB table ({@link CostLine.unpriced}): on-demand tables bill per read and write request
 * unit and GB-month stored, which no assumption here estimates; provisioned tables bill per read and write
 * capacity-unit hour (the quantity shown: (read + write) × hours × Regions), which the price tables do not price.
 * Replicas bill again in each replica Region (replicated write request units,
 * https://aws.amazon.com/dynamodb/pricing/on-demand/).
 */
export function dynamodbCost(tables: readonly DynamodbTableInputs[], hoursPerMonth: number, region: string): CostLine[] {
  return tables.map((t) => {
    const where = t.regions > 1 ? ` in ${t.regions} Regions (table + replicas)` : "";
    const reason =
      t.billingMode === "PAY_PER_REQUEST"
        ? "on-demand request units and storage depend on traffic that no cost assumption describes."
        : `the ${region} price table has no DynamoDB capacity-unit prices. Add them to src/cost/prices/${region}.ts.`;
    return t.billingMode === "PAY_PER_REQUEST"
      ? unpricedLine(
          `dynamodb-${t.tableName}`,
          `DynamoDB ${t.tableName}`,
          `on-demand${where}`,
          t.regions,
          "table",
          DYNAMODB_PRICING.PAY_PER_REQUEST,
          reason,
        )
      : unpricedLine(
          `dynamodb-${t.tableName}`,
          `DynamoDB ${t.tableName}`,
          `${fmt(t.readCapacity ?? 0)} RCU + ${fmt(t.writeCapacity ?? 0)} WCU × ${fmt(hoursPerMonth)} h${where}`,
          ((t.readCapacity ?? 0) + (t.writeCapacity ?? 0)) * hoursPerMonth * t.regions,
          "capacity-unit-hour",
          DYNAMODB_PRICING.PROVISIONED,
          reason,
        );
  });
}
