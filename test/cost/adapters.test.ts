import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/index.js";
import {
  appCostInputs,
  baselineCostInputs,
  costInputsFromModel,
  defaultCostAssumptions,
  hubHybridCostInputs,
  priceAccount,
  workloadInspectionCostInputs,
  type AppCostShape,
  type EnvironmentCostInputs,
} from "../../src/cost/index.js";
import { workloadVpcCostInputs } from "../../src/cost/adapters/model.js";
import { EU_WEST_1 } from "../../src/cost/prices/eu-west-1.js";
import { cleanupConfigDirs, REFERENCE_DIR } from "../support/config-dir.js";
import { organizationWith } from "../support/organization.js";

const a = defaultCostAssumptions();

describe("costInputsFromModel", () => {
  const subjects = costInputsFromModel(loadConfig(REFERENCE_DIR), { securityBaseline: false });
  const byName = Object.fromEntries(subjects.map((s) => [s.name, s]));

  it("lists the hub first, then every workload environment", () => {
    expect(subjects.map((s) => [s.name, s.kind, s.stackName])).toEqual([
      ["network-hub", "network-hub", "network-hub"],
      ["dev", "workload", "workload-dev"],
      ["prod", "workload", "workload-prod"],
      ["test", "workload", "workload-test"],
    ]);
  });

  it("gives the hub its KMS keys, alert topic, and the Direct Connect, VPN and inspection VPC it builds", () => {
    const hub = byName["network-hub"]!.inputs;
    expect(hub).toMatchObject({ hoursPerMonth: 730, kmsKeys: { count: 3 }, alertTopics: { count: 1 } });
    expect(hub).toMatchObject(hubHybridCostInputs(loadConfig(REFERENCE_DIR).networkHub.hybrid!, a));
    expect(hub.vpn).toBeDefined();
    expect(hub.directConnect).toBeDefined();
    expect(hub.networkFirewall).toBeDefined();
  });

  it("prices no inspection VPC in the hub when no environment uses central inspection (the hub stack builds none)", () => {
    const model = loadConfig(REFERENCE_DIR);
    const perVpcOnly = {
      ...model,
      environments: model.environments.map((e) => (e.inspection === "central" ? { ...e, inspection: "per-vpc" as const } : e)),
    };
    const hub = costInputsFromModel(perVpcOnly, { securityBaseline: false })[0]!.inputs;
    const { inspection: _, ...hybrid } = model.networkHub.hybrid!;
    expect(hub.networkFirewall).toBeUndefined();
    expect(hub.natGateways).toBeUndefined();
    expect(hub.transitGateway?.kinds).not.toContain("inspection VPC");
    expect(hub).toMatchObject(hubHybridCostInputs(hybrid, a));
  });

  it("bills a centrally inspected prod no NAT gateway and dev a single one, each with its VPC attachment, flow logs and app tier", () => {
    const model = loadConfig(REFERENCE_DIR);
    const prodEnv = model.environments.find((e) => e.name === "prod")!;
    expect(prodEnv.vpc.natGateways).toBe("none");
    expect(byName.prod!.inputs.natGateways).toBeUndefined();
    expect(byName.prod!.inputs).toMatchObject({
      hoursPerMonth: 730,
      kmsKeys: { count: 3 },
      alertTopics: { count: 1 },
      transitGateway: { attachments: 1, kinds: ["VPC"], gbProcessedPerMonth: 50 },
      flowLogs: { gbIngestedPerMonth: 20, retentionDays: 365 },
      ...appCostInputs(prodEnv.app!, prodEnv.costAssumptions),
    });
    expect(byName.prod!.inputs.rds).toMatchObject({ multiAz: true, readReplicas: 1 });
    expect(byName.prod!.inputs.shieldAdvanced).toBe(true);
    expect(byName.dev!.inputs.natGateways).toEqual({ count: 1, placement: "single", azCount: 2, gbProcessedPerMonth: 100 });
    expect(byName.dev!.inputs.flowLogs).toEqual({ gbIngestedPerMonth: 20, retentionDays: 30 });
    expect(byName.dev!.inputs.shieldAdvanced).toBe(false);
  });

  it("prices the security baseline every account builds, unless turned off", () => {
    expect(byName.prod!.inputs.baseline).toBeUndefined();
    const withBaseline = costInputsFromModel(loadConfig(REFERENCE_DIR));
    expect(withBaseline.every((s) => s.inputs.baseline !== undefined)).toBe(true);
    expect(withBaseline[0]!.inputs.baseline!.guardDuty.flowAndDnsLogGbPerMonth).toBe(2); // the hub has no VPC flow logs
    expect(withBaseline[2]!.inputs.baseline!.guardDuty.flowAndDnsLogGbPerMonth).toBe(22);
  });
});

describe("baselineCostInputs", () => {
  it("feeds GuardDuty the account's management events and its flow-log GB plus DNS logs", () => {
    expect(baselineCostInputs({ ...a, cloudTrailManagementEventsPerMonth: 7, guardDutyDnsLogGbPerMonth: 1 }, 5)).toEqual({
      cloudTrail: { managementEventsPerMonth: 7, dataEventsPerMonth: 0 },
      config: { itemsPerMonth: 2000, ruleEvaluationsPerMonth: 20_000 },
      guardDuty: { managementEventsPerMonth: 7, flowAndDnsLogGbPerMonth: 6 },
      securityHub: { checksPerMonth: 5000 },
    });
  });
});

/** Shaped like the shipped prod app (environments/prod.yaml), written by hand. */
const prodApp: AppCostShape = {
  services: [
    { name: "api", cpu: 1024, memoryMiB: 2048, desiredCount: 3 },
    { name: "worker", cpu: 512, memoryMiB: 1024, desiredCount: 2 },
  ],
  database: { engine: "rds-mysql", instanceClass: "db.r6g.large", allocatedStorageGiB: 100, multiAz: true, readReplicas: 1 },
  cache: { nodeType: "cache.r7g.large", replicas: 2 },
  waf: {
    managedRuleGroups: ["AWSManagedRulesCommonRuleSet", "AWSManagedRulesKnownBadInputsRuleSet", "AWSManagedRulesSQLiRuleSet"],
    blockedCountries: ["KP"],
  },
  shieldAdvanced: true,
};

describe("appCostInputs", () => {
  it("turns the app model into one ALB, the services, the database, the cache nodes, CloudFront, two web ACLs and Shield", () => {
    expect(appCostInputs(prodApp, a)).toEqual({
      alb: { count: 1, lcuPerHour: 1 },
      fargate: {
        services: [
          { name: "api", cpuUnits: 1024, memoryMiB: 2048, desiredCount: 3 },
          { name: "worker", cpuUnits: 512, memoryMiB: 1024, desiredCount: 2 },
        ],
      },
      rds: { instanceClass: "db.r6g.large", multiAz: true, readReplicas: 1, allocatedStorageGiB: 100 },
      elastiCache: { nodeType: "cache.r7g.large", nodes: 3 },
      cloudFront: { dataOutGbPerMonth: 100, httpsRequestsPerMonth: 10_000_000 },
      // CloudFront ACL: rate rule + geo rule + 3 managed groups = 5; regional ACL: the 3 managed groups
      waf: { webAcls: 2, rules: 8, requestsPerMonth: 10_000_000 },
      shieldAdvanced: true,
    });
  });

  it("counts no geo rule when no country is blocked", () => {
    expect(appCostInputs({ ...prodApp, waf: { managedRuleGroups: ["x"], blockedCountries: [] } }, a).waf!.rules).toBe(3);
  });

  it("gives lines for every app component that the pricing functions can price", () => {
    const inputs: EnvironmentCostInputs = { hoursPerMonth: 730, ...appCostInputs(prodApp, a) };
    expect(priceAccount(inputs, EU_WEST_1).map((l) => l.key)).toEqual([
      "cloudfront-data-out",
      "cloudfront-requests",
      "waf-web-acls",
      "waf-rules",
      "waf-requests",
      "shield-advanced",
      "alb-hours",
      "alb-lcu",
      "fargate-vcpu",
      "fargate-memory",
      "rds-instance-hours",
      "rds-replica-hours",
      "rds-storage",
      "elasticache-node-hours",
    ]);
  });
});

describe("workloadVpcCostInputs", () => {
  const vpc = (natGateways: "one-per-az" | "single" | "none") => ({
    vpc: {
      name: "x",
      cidr: "10.0.0.0/16",
      azCount: 3,
      natGateways,
      flowLogRetentionDays: 30,
      gatewayEndpoints: [],
      interfaceEndpoints: [],
      subnets: {} as never,
    },
    costAssumptions: a,
  });

  it("bills a NAT gateway per AZ, a single one, or none where central inspection carries the egress", () => {
    expect(workloadVpcCostInputs(vpc("one-per-az")).natGateways).toMatchObject({ count: 3, placement: "one-per-az" });
    expect(workloadVpcCostInputs(vpc("single")).natGateways).toMatchObject({ count: 1, placement: "single" });
    expect(workloadVpcCostInputs(vpc("none")).natGateways).toBeUndefined();
    expect(workloadVpcCostInputs(vpc("none")).transitGateway).toMatchObject({ attachments: 1 });
  });
});

describe("hubHybridCostInputs and workloadInspectionCostInputs", () => {
  it("prices the hub's VPN, DX port and gateway attachment, and the inspection VPC's endpoints, NAT gateways and attachment", () => {
    const hybrid = {
      directConnect: { transitVirtualInterfaces: [{ connectionId: "dxcon-abc123" }] },
      vpns: [{ name: "acme-vpn" }],
      inspection: { azCount: 3 },
    };
    expect(hubHybridCostInputs(hybrid, a)).toEqual({
      transitGateway: { attachments: 3, kinds: ["VPN", "DX gateway", "inspection VPC"], gbProcessedPerMonth: 50 },
      vpn: { connections: 1 },
      directConnect: { ports: 1, portSpeed: "1Gbps", gbOutPerMonth: 100 },
      networkFirewall: { endpoints: 3, placement: "central", gbProcessedPerMonth: 100 },
      natGateways: { count: 3, placement: "one-per-az", azCount: 3, gbProcessedPerMonth: 100 },
    });
  });

  it("bills no DX port for a hosted connection or a gateway without a virtual interface", () => {
    expect(
      hubHybridCostInputs({ directConnect: { transitVirtualInterfaces: [{ connectionId: "dxcon-1" }] } }, a, { dedicated: false })
        .directConnect!.ports,
    ).toBe(0);
    expect(hubHybridCostInputs({ directConnect: { transitVirtualInterfaces: [] } }, a).directConnect!.ports).toBe(0);
    expect(
      hubHybridCostInputs({ directConnect: { transitVirtualInterfaces: [{ connectionId: "dxcon-1" }] } }, a, { portSpeed: "10Gbps" })
        .directConnect!.portSpeed,
    ).toBe("10Gbps");
  });

  it("bills a DX port per distinct connection of the transit VIFs, and a connection and attachment per VPN", () => {
    const inputs = hubHybridCostInputs(
      {
        directConnect: {
          transitVirtualInterfaces: [{ connectionId: "dxcon-1" }, { connectionId: "dxcon-2" }, { connectionId: "dxcon-2" }],
        },
        vpns: [{ name: "acme-vpn" }, { name: "acme-vpn-site-b" }],
      },
      a,
    );
    expect(inputs.directConnect!.ports).toBe(2);
    expect(inputs.vpn).toEqual({ connections: 2 });
    expect(inputs.transitGateway).toEqual({ attachments: 3, kinds: ["2 VPNs", "DX gateway"], gbProcessedPerMonth: 50 });
  });

  it("adds nothing for a hub without hybrid parts", () => {
    expect(hubHybridCostInputs({}, a)).toEqual({});
  });

  it("gives a per-vpc workload a firewall endpoint per AZ, and central or none nothing", () => {
    expect(workloadInspectionCostInputs("per-vpc", 2, a)).toEqual({
      networkFirewall: { endpoints: 2, placement: "per-vpc", gbProcessedPerMonth: 100 },
    });
    expect(workloadInspectionCostInputs("central", 3, a)).toEqual({});
    expect(workloadInspectionCostInputs("none", 3, a)).toEqual({});
  });
});

afterAll(cleanupConfigDirs);

describe("costInputsFromModel with the AWS Organizations layer", () => {
  it("prices the log archive and security tooling accounts, and the organization trail's copy in every account", () => {
    const subjects = costInputsFromModel(loadConfig(organizationWith()));
    expect(subjects.map((s) => `${s.kind}:${s.name}`)).toEqual([
      "network-hub:network-hub",
      "workload:dev",
      "workload:prod",
      "workload:test",
      "core:log-archive",
      "core:security-tooling",
    ]);
    for (const s of subjects) expect(s.inputs.baseline?.cloudTrail.additionalManagementEventCopies, s.name).toBe(1);
    expect(costInputsFromModel(loadConfig(REFERENCE_DIR))[0]!.inputs.baseline?.cloudTrail.additionalManagementEventCopies).toBeUndefined();
  });
});
