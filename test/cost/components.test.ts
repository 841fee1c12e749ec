import { describe, expect, it } from "vitest";
import { EU_WEST_1 } from "../../src/cost/prices/eu-west-1.js";
import { US_EAST_1 } from "../../src/cost/prices/us-east-1.js";
import {
  albCost,
  nlbCost,
  cloudFrontCost,
  compareEnvironments,
  directConnectCost,
  elastiCacheCost,
  estimateCosts,
  fargateCost,
  flowLogCost,
  gatewayEndpointCost,
  natGatewayCost,
  networkFirewallCost,
  priceAccount,
  rdsCost,
  round2,
  shieldAdvancedCost,
  transitGatewayCost,
  vpnCost,
  wafCost,
  baselineCost,
  kmsKeyCost,
  type AccountCostSubject,
  type CostLine,
  type EnvironmentCostInputs,
} from "../../src/cost/index.js";
import { defaultCostAssumptions } from "../../src/cost/adapters/model.js";

const H = 730;
const usd = (lines: readonly CostLine[]) => Object.fromEntries(lines.map((l) => [l.key, l.monthlyUsd]));

describe("network pricing", () => {
  it("prices NAT gateways by the hour per gateway and by the GB processed", () => {
    const lines = natGatewayCost({ count: 3, placement: "one-per-az", azCount: 3, gbProcessedPerMonth: 100 }, H, EU_WEST_1);
    expect(usd(lines)).toEqual({ "nat-gateway-hours": 105.12, "nat-gateway-data": 4.8 }); // 3 × 730 × 0.048; 100 × 0.048
    expect(lines[0]!.driver).toBe("3 gateways (one-per-az, 3 AZs) × 730 h");
    expect(lines[0]!.quantity).toBe(2190);
  });

  it("says a single NAT gateway is shared by the AZs", () => {
    expect(natGatewayCost({ count: 1, placement: "single", azCount: 2, gbProcessedPerMonth: 0 }, H, US_EAST_1)[0]).toMatchObject({
      driver: "1 gateway (single, shared by 2 AZs) × 730 h",
      monthlyUsd: 32.85, // 730 × 0.045 (reference design price)
    });
  });

  it("prices Transit Gateway attachments by the hour and the GB sent", () => {
    expect(usd(transitGatewayCost({ attachments: 2, kinds: ["VPN", "DX gateway"], gbProcessedPerMonth: 1000 }, H, EU_WEST_1))).toEqual({
      "tgw-attachment-hours": 73,
      "tgw-data": 20,
    });
  });

  it("prices flow logs by GB ingested and by the GB kept for the retention period", () => {
    const lines = flowLogCost({ gbIngestedPerMonth: 10, retentionDays: 365 }, EU_WEST_1);
    expect(usd(lines)).toEqual({ "flow-logs-ingestion": 5.7, "flow-logs-storage": 3.6 }); // 10 × 0.57; 10 × 12 months × 0.03
  });

  it("prices KMS keys at $1 a month each", () => {
    expect(usd(kmsKeyCost({ count: 3 }, EU_WEST_1))).toEqual({ "kms-keys": 3 });
  });

  it("prices VPN connections by the hour", () => {
    expect(usd(vpnCost({ connections: 2 }, H, EU_WEST_1))).toEqual({ "vpn-connection-hours": 73 });
  });

  it("prices a dedicated Direct Connect port by its speed's hourly rate, and data out by the GB", () => {
    expect(usd(directConnectCost({ ports: 1, portSpeed: "10Gbps", gbOutPerMonth: 1000 }, H, EU_WEST_1))).toEqual({
      "dx-port-hours": 1642.5,
      "dx-data-out": 20,
    });
  });

  it("leaves out the port of a hosted Direct Connect connection (the partner bills it)", () => {
    expect(directConnectCost({ ports: 0, portSpeed: "1Gbps", gbOutPerMonth: 10 }, H, EU_WEST_1).map((l) => l.key)).toEqual(["dx-data-out"]);
  });

  it("prices Network Firewall endpoints by the hour and the GB processed", () => {
    expect(usd(networkFirewallCost({ endpoints: 3, placement: "central", gbProcessedPerMonth: 1000 }, H, US_EAST_1))).toEqual({
      "network-firewall-endpoint-hours": 865.05, // 3 × 730 × 0.395
      "network-firewall-data": 65,
    });
  });
});

describe("app-tier pricing", () => {
  it("prices ALB hours and LCU-hours", () => {
    expect(usd(albCost({ count: 1, lcuPerHour: 2 }, H, US_EAST_1))).toEqual({ "alb-hours": 16.43, "alb-lcu": 11.68 }); // 730 × 0.0225; 2 × 730 × 0.008
  });

  it("lists NLB hours and NLCU-hours as unpriced lines with their quantities and the page to price them from", () => {
    const lines = nlbCost({ count: 1, nlcuPerHour: 2 }, H, "eu-west-1");
    expect(lines.map((l) => [l.key, l.quantity, l.unit, l.monthlyUsd])).toEqual([
      ["nlb-hours", 730, "NLB-hour", 0],
      ["nlb-nlcu", 1460, "NLCU-hour", 0], // 2 × 730
    ]);
    for (const l of lines) {
      expect(l.source).toBe("https://aws.amazon.com/elasticloadbalancing/pricing/");
      expect(l.unpriced).toMatch(/^the eu-west-1 price table has no Network Load Balancer prices/);
    }
  });

  it("prices Fargate vCPU-hours and GB-hours of every task at the desired count", () => {
    const lines = fargateCost(
      [
        { name: "api", cpuUnits: 1024, memoryMiB: 2048, desiredCount: 3 },
        { name: "worker", cpuUnits: 512, memoryMiB: 1024, desiredCount: 2 },
      ],
      H,
      EU_WEST_1,
    );
    // vCPU: 3 × 1 + 2 × 0.5 = 4 → 4 × 730 × 0.04048; GB: 3 × 2 + 2 × 1 = 8 → 8 × 730 × 0.004445
    expect(usd(lines)).toEqual({ "fargate-vcpu": round2(4 * 730 * 0.04048), "fargate-memory": round2(8 * 730 * 0.004445) });
    expect(lines[0]!.driver).toBe("api 3 × 1 vCPU, worker 2 × 0.5 vCPU; × 730 h");
  });

  it("doubles RDS instance hours and storage for Multi-AZ, and adds each read replica's hours and storage", () => {
    const lines = rdsCost({ instanceClass: "db.r6g.large", multiAz: true, readReplicas: 1, allocatedStorageGiB: 100 }, H, EU_WEST_1);
    expect(usd(lines)).toEqual({
      "rds-instance-hours": 365, // 2 × 730 × 0.25
      "rds-replica-hours": 182.5, // 1 × 730 × 0.25
      "rds-storage": 38.1, // (2 + 1) × 100 × 0.127
    });
    expect(lines[0]!.driver).toBe("db.r6g.large Multi-AZ (primary + standby, billed ×2) × 730 h");
  });

  it("prices a Single-AZ RDS instance without replicas once", () => {
    expect(usd(rdsCost({ instanceClass: "db.t4g.micro", multiAz: false, readReplicas: 0, allocatedStorageGiB: 20 }, H, EU_WEST_1))).toEqual(
      {
        "rds-instance-hours": 12.41,
        "rds-storage": 2.54,
      },
    );
  });

  it("gives unpriced instance lines (0 USD, with the reason) when the table lacks the instance class, and still prices storage", () => {
    const lines = rdsCost({ instanceClass: "db.x9.huge", multiAz: true, readReplicas: 1, allocatedStorageGiB: 20 }, H, EU_WEST_1);
    const reason = `no eu-west-1 price for RDS for MySQL instance class db.x9.huge. The price table has: ${Object.keys(EU_WEST_1.rdsMysqlInstanceHour).sort().join(", ")}. Add it to src/cost/prices/eu-west-1.ts.`;
    expect(lines.map((l) => [l.key, l.quantity, l.monthlyUsd, l.unpriced])).toEqual([
      ["rds-instance-hours", 2 * H, 0, reason],
      ["rds-replica-hours", H, 0, reason],
      ["rds-storage", 60, usd(lines)["rds-storage"], undefined],
    ]);
    expect(usd(lines)["rds-storage"]).toBeGreaterThan(0);
  });

  it("lists Aurora's writer and reader hours and one cluster volume unpriced, without a standby copy", () => {
    const lines = rdsCost(
      { engine: "aurora-mysql", instanceClass: "db.r7g.large", multiAz: true, readReplicas: 2, allocatedStorageGiB: 100 },
      H,
      EU_WEST_1,
    );
    expect(lines.map((l) => [l.key, l.quantity, l.monthlyUsd])).toEqual([
      ["rds-instance-hours", 3 * 730, 0], // writer + 2 readers, no ×2 for Multi-AZ
      ["rds-storage", 100, 0], // one cluster volume, not one per instance
    ]);
    expect(lines[0]!.unit).toBe("instance-hour");
    expect(lines[0]!.unpriced).toBe("the eu-west-1 price table has no Aurora MySQL prices. Add them to src/cost/prices/eu-west-1.ts.");
    expect(lines[0]!.source).toBe("https://aws.amazon.com/rds/aurora/pricing/");
  });

  it("lists RDS for PostgreSQL in the MySQL shape, unpriced, and never throws for a class the MySQL table lacks", () => {
    const lines = rdsCost(
      { engine: "rds-postgres", instanceClass: "db.x9.huge", multiAz: true, readReplicas: 1, allocatedStorageGiB: 50 },
      H,
      EU_WEST_1,
    );
    expect(lines.map((l) => [l.key, l.quantity, l.monthlyUsd])).toEqual([
      ["rds-instance-hours", 2 * 730, 0],
      ["rds-replica-hours", 730, 0],
      ["rds-storage", 150, 0], // (2 + 1) × 50
    ]);
  });

  it("prices ElastiCache node hours, and gives an unpriced line for an unknown node type", () => {
    expect(usd(elastiCacheCost({ nodeType: "cache.r7g.large", nodes: 3 }, H, US_EAST_1))).toEqual({ "elasticache-node-hours": 479.61 }); // 3 × 730 × 0.219
    const [unpriced, ...rest] = elastiCacheCost({ nodeType: "cache.nope", nodes: 1 }, H, US_EAST_1);
    expect(rest).toEqual([]);
    expect(unpriced?.monthlyUsd).toBe(0);
    expect(unpriced?.unpriced).toMatch(/^no us-east-1 price for ElastiCache node type cache\.nope\. The price table has: cache\./);
  });

  it("prices CloudFront data out by the GB and HTTPS requests by the 10,000", () => {
    expect(usd(cloudFrontCost({ dataOutGbPerMonth: 1000, httpsRequestsPerMonth: 50_000_000 }, US_EAST_1))).toEqual({
      "cloudfront-data-out": 85,
      "cloudfront-requests": 50,
    });
  });

  it("prices WAF web ACLs, rules and requests by the million", () => {
    expect(usd(wafCost({ webAcls: 2, rules: 10, requestsPerMonth: 20_000_000 }, EU_WEST_1))).toEqual({
      "waf-web-acls": 10,
      "waf-rules": 10,
      "waf-requests": 12,
    });
  });

  it("splits the organization's Shield Advanced fee between the subscribing accounts", () => {
    expect(shieldAdvancedCost(1, EU_WEST_1)[0]).toMatchObject({
      monthlyUsd: 3000,
      driver: "subscribed: the whole $3,000/month organization fee (1-year commitment), the only subscribing account",
    });
    expect(shieldAdvancedCost(3, EU_WEST_1)[0]!.monthlyUsd).toBe(1000);
  });
});

describe("baseline pricing", () => {
  it("bills CloudTrail data events only (the first trail's management events are free), Config items and evaluations, GuardDuty and Security Hub", () => {
    const lines = baselineCost(
      {
        cloudTrail: { managementEventsPerMonth: 1_000_000, dataEventsPerMonth: 2_000_000 },
        config: { itemsPerMonth: 1000, ruleEvaluationsPerMonth: 10_000 },
        guardDuty: { managementEventsPerMonth: 1_000_000, flowAndDnsLogGbPerMonth: 10 },
        securityHub: { checksPerMonth: 2000 },
      },
      US_EAST_1,
    );
    expect(usd(lines)).toEqual({
      "cloudtrail-data-events": 2, // 20 × 0.10
      "config-items": 3, // 1000 × 0.003
      "config-rule-evaluations": 10,
      "guardduty-events": 4,
      "guardduty-logs": 10,
      "securityhub-checks": 2,
    });
  });

  it("prints no CloudTrail line without data events", () => {
    const lines = baselineCost(
      {
        cloudTrail: { managementEventsPerMonth: 1, dataEventsPerMonth: 0 },
        config: { itemsPerMonth: 0, ruleEvaluationsPerMonth: 0 },
        guardDuty: { managementEventsPerMonth: 0, flowAndDnsLogGbPerMonth: 0 },
        securityHub: { checksPerMonth: 0 },
      },
      US_EAST_1,
    );
    expect(lines.map((l) => l.key)).not.toContain("cloudtrail-data-events");
  });
});

describe("CloudTrail additional management event copies", () => {
  it("bills the second copy of the management events an organization trail adds beside the account's own trail", () => {
    const lines = baselineCost(
      {
        cloudTrail: { managementEventsPerMonth: 150_000, dataEventsPerMonth: 0, additionalManagementEventCopies: 1 },
        config: { itemsPerMonth: 0, ruleEvaluationsPerMonth: 0 },
        guardDuty: { managementEventsPerMonth: 0, flowAndDnsLogGbPerMonth: 0 },
        securityHub: { checksPerMonth: 0 },
      },
      EU_WEST_1,
    );
    // AWS's own example (https://aws.amazon.com/cloudtrail/pricing/): 150,000 events × $2 per 100,000 = $3.
    expect(usd(lines)["cloudtrail-management-copies"]).toBe(3);
  });
});

describe("gatewayEndpointCost", () => {
  it("lists the gateway endpoints at no charge, and no line without endpoints", () => {
    expect(gatewayEndpointCost({ services: ["s3", "dynamodb"] })).toEqual([
      {
        key: "gateway-endpoints",
        component: "Gateway VPC endpoints",
        driver: "2 endpoints (s3, dynamodb): no charge; their traffic bypasses NAT and firewall processing",
        quantity: 2,
        unitUsd: 0,
        unit: "endpoint-month",
        monthlyUsd: 0,
        source: "https://docs.aws.amazon.com/vpc/latest/privatelink/gateway-endpoints.html",
      },
    ]);
    expect(priceAccount({ hoursPerMonth: 730, gatewayEndpoints: { services: [] } }, US_EAST_1)).toEqual([]);
  });
});

describe("an account and the comparison", () => {
  const tiny: EnvironmentCostInputs = {
    hoursPerMonth: 100,
    natGateways: { count: 2, placement: "one-per-az", azCount: 2, gbProcessedPerMonth: 10 },
    kmsKeys: { count: 1 },
    alertTopics: { count: 1 },
  };

  it("adds up a tiny hand-built account: every line is quantity × price, the total their sum", () => {
    const lines = priceAccount(tiny, US_EAST_1);
    expect(lines.map((l) => [l.key, l.quantity, l.monthlyUsd])).toEqual([
      ["nat-gateway-hours", 200, 9], // 2 × 100 h × 0.045
      ["nat-gateway-data", 10, 0.45],
      ["kms-keys", 1, 1],
      ["alert-topic", 1, 0],
    ]);
    const subject = (name: string, inputs: EnvironmentCostInputs): AccountCostSubject => ({
      name,
      kind: "workload",
      stackName: `workload-${name}`,
      accountId: "000000000001",
      region: "us-east-1",
      assumptions: defaultCostAssumptions(),
      inputs,
    });
    const report = estimateCosts([
      subject("a", tiny),
      subject("b", { ...tiny, natGateways: { ...tiny.natGateways!, count: 1, placement: "single" } }),
    ]);
    expect(report.accounts.map((a) => a.totalMonthlyUsd)).toEqual([10.45, 5.95]);
    expect(report.totalMonthlyUsd).toBe(16.4);
    expect(report.comparison).toEqual({
      cheapest: "b",
      environments: [
        { name: "b", totalMonthlyUsd: 5.95, deltaMonthlyUsd: 0, costsMore: [] },
        {
          name: "a",
          totalMonthlyUsd: 10.45,
          deltaMonthlyUsd: 4.5,
          costsMore: [
            {
              key: "nat-gateway-hours",
              component: "NAT gateway hours",
              deltaMonthlyUsd: 4.5,
              driver: "2 gateways (one-per-az, 2 AZs) × 100 h",
              cheapestDriver: "1 gateway (single, shared by 2 AZs) × 100 h",
            },
          ],
        },
      ],
    });
  });

  it("counts Shield Advanced once for the organization however many accounts subscribe", () => {
    const subject = (name: string): AccountCostSubject => ({
      name,
      kind: "workload",
      stackName: name,
      accountId: "000000000001",
      region: "eu-west-1",
      assumptions: defaultCostAssumptions(),
      inputs: { hoursPerMonth: H, shieldAdvanced: true },
    });
    const report = estimateCosts([subject("x"), subject("y")]);
    expect(report.accounts.map((a) => a.totalMonthlyUsd)).toEqual([1500, 1500]);
    expect(report.totalMonthlyUsd).toBe(3000);
  });

  it("names a component the cheapest environment lacks with the driver none", () => {
    const env = (name: string, lines: CostLine[]) => ({
      name,
      kind: "workload" as const,
      stackName: name,
      accountId: "1",
      region: "eu-west-1",
      assumptions: defaultCostAssumptions(),
      lines,
      totalMonthlyUsd: lines.reduce((s, l) => s + l.monthlyUsd, 0),
      pricesRetrievedOn: "x",
    });
    const c = compareEnvironments([env("dev", []), env("prod", shieldAdvancedCost(1, EU_WEST_1))])!;
    expect(c.environments[1]!.costsMore[0]).toMatchObject({ key: "shield-advanced", deltaMonthlyUsd: 3000, cheapestDriver: "none" });
    expect(compareEnvironments([env("dev", [])])).toBeUndefined();
  });
});
