/**
 * From the model to the cost engine's inputs: what the stacks build in each account (the workload VPC's NAT
 * gateways, its Transit Gateway attachment and flow logs; in every account three KMS keys, an alert topic and
 * the security baseline; the hub's Direct Connect, VPN and inspection VPC; each environment's app tier).
 * `app.ts`, `hybrid.ts` and `baseline.ts` next to this file translate those parts of the model.
 */
import {
  CostAssumptions,
  coreAccountTargets,
  NETWORK_HUB_STACK,
  type CostAssumptionsFile,
  type LandingZoneModel,
  type WorkloadModel,
} from "../../config/index.js";
import type { AccountCostSubject } from "../estimate.js";
import type { EnvironmentCostInputs } from "../inputs.js";
import { appCostInputs } from "./app.js";
import { baselineCostInputs } from "./baseline.js";
import { hubHybridCostInputs, workloadInspectionCostInputs } from "./hybrid.js";

/** The assumptions of an account whose file sets none (the hub: `shared.yaml` has no `costAssumptions`). */
export function defaultCostAssumptions(): CostAssumptionsFile {
  return CostAssumptions.parse({});
}

/** Per-purpose KMS keys every account stack owns (logs, data, secrets; src/modules/encryption). */
export const KMS_KEYS_PER_ACCOUNT = 3;

/** Options of {@link costInputsFromModel}. */
export interface CostInputOptions {
  /**
   * Price the security baseline (CloudTrail, Config, GuardDuty, Security Hub) that every account stack builds.
   * @default true
   */
  readonly securityBaseline?: boolean;
  /** Assumptions of the hub account. @default {@link defaultCostAssumptions} */
  readonly hubAssumptions?: CostAssumptionsFile;
}

/**
 * The hub's hybrid settings as the hub stack builds them: the central inspection VPC only when an environment uses
 * `inspection: central` (src/accounts/hybrid.ts builds it from the routing plan, which has it only then); with
 * `per-vpc` alone, `networkHub.hybrid.inspection` is just the firewall policy of the environments' own firewalls.
 * Throws nothing; call only when `model.networkHub.hybrid` is set.
 */
function builtHubHybrid(model: LandingZoneModel): NonNullable<LandingZoneModel["networkHub"]["hybrid"]> {
  const { inspection, ...rest } = model.networkHub.hybrid!;
  return inspection && model.environments.some((e) => e.inspection === "central") ? { ...rest, inspection } : rest;
}

/**
 * One subject per account: the network hub first, then every workload environment (sorted by name, as in the
 * model), each with the quantities the model implies at its `costAssumptions`, then the core accounts of the AWS
 * Organizations layer (log archive, security tooling) at the hub's assumptions.
 */
export function costInputsFromModel(model: LandingZoneModel, options: CostInputOptions = {}): AccountCostSubject[] {
  const hub = model.networkHub;
  const hubAssumptions = options.hubAssumptions ?? defaultCostAssumptions();
  // With the AWS Organizations layer the organization trail logs every account beside its own trail.
  // (a second copy only while the account keeps its own trail: baseline.cloudTrail.accountTrails).
  const orgTrails = model.baseline.organization && model.baseline.cloudTrail.accountTrails ? 1 : 0;
  const baseline = (a: CostAssumptionsFile, flowLogGb: number) =>
    (options.securityBaseline ?? true) ? { baseline: baselineCostInputs(a, flowLogGb, orgTrails) } : {};
  return [
    {
      name: NETWORK_HUB_STACK,
      kind: "network-hub",
      stackName: hub.stackName,
      accountId: hub.accountId,
      region: hub.region,
      assumptions: hubAssumptions,
      inputs: {
        ...accountPlumbing(hubAssumptions),
        ...(hub.hybrid ? hubHybridCostInputs(builtHubHybrid(model), hubAssumptions) : {}),
        ...baseline(hubAssumptions, 0),
      },
    },
    ...model.environments.map(
      (env): AccountCostSubject => ({
        name: env.name,
        kind: "workload",
        stackName: env.stackName,
        accountId: env.accountId,
        region: env.region,
        segment: env.segment,
        assumptions: env.costAssumptions,
        inputs: {
          ...workloadVpcCostInputs(env),
          ...workloadInspectionCostInputs(env.inspection, env.vpc.azCount, env.costAssumptions),
          ...(model.dns?.endpointEnvironment === env.name
            ? {
                resolverEndpoints: {
                  ipAddresses: model.dns.inboundAddresses.length + model.dns.outboundAddresses.length,
                  endpoints: 2,
                  queriesMillionsPerMonth: env.costAssumptions.resolverQueriesMillionsPerMonth,
                },
              }
            : {}),
          ...(env.app ? appCostInputs(env.app, env.costAssumptions) : {}),
          ...baseline(env.costAssumptions, env.costAssumptions.flowLogGbPerMonth),
        },
      }),
    ),
    // The log archive and security tooling accounts: the account plumbing and the baseline (no VPC). The archive's
    // S3 storage is not priced, as in the hub before the layer.
    ...coreAccountTargets(model).map(
      (t): AccountCostSubject => ({
        name: t.stackName,
        kind: "core",
        stackName: t.stackName,
        accountId: t.accountId,
        region: t.region,
        assumptions: hubAssumptions,
        inputs: { ...accountPlumbing(hubAssumptions), ...baseline(hubAssumptions, 0) },
      }),
    ),
  ];
}

/** What every account stack builds: its hours per month, three KMS keys and an alert topic. */
export function accountPlumbing(assumptions: CostAssumptionsFile): EnvironmentCostInputs {
  return { hoursPerMonth: assumptions.hoursPerMonth, kmsKeys: { count: KMS_KEYS_PER_ACCOUNT }, alertTopics: { count: 1 } };
}

/**
 * A workload account's VPC: NAT gateways (one per AZ, a single one, or none where central inspection carries the
 * egress: then the hub's inspection VPC bills the NAT gateways), its Transit Gateway attachment, its flow logs and
 * its (free) gateway endpoints, plus the account plumbing.
 */
export function workloadVpcCostInputs(env: Pick<WorkloadModel, "vpc" | "costAssumptions">): EnvironmentCostInputs {
  const a = env.costAssumptions;
  const { azCount, natGateways } = env.vpc;
  return {
    ...accountPlumbing(a),
    ...(natGateways === "none"
      ? {}
      : {
          natGateways: {
            count: natGateways === "one-per-az" ? azCount : 1,
            placement: natGateways,
            azCount,
            gbProcessedPerMonth: a.natGatewayGbProcessedPerMonth,
          },
        }),
    transitGateway: { attachments: 1, kinds: ["VPC"], gbProcessedPerMonth: a.transitGatewayGbProcessedPerMonth },
    flowLogs: { gbIngestedPerMonth: a.flowLogGbPerMonth, retentionDays: env.vpc.flowLogRetentionDays },
    ...(env.vpc.gatewayEndpoints.length > 0 ? { gatewayEndpoints: { services: [...env.vpc.gatewayEndpoints] } } : {}),
    ...(env.vpc.interfaceEndpoints.length > 0
      ? {
          interfaceEndpoints: {
            services: [...env.vpc.interfaceEndpoints],
            azCount,
            gbProcessedPerMonth: a.interfaceEndpointGbProcessedPerMonth,
            withoutEndpoints: natGateways === "none" ? ("inspection" as const) : ("nat" as const),
          },
        }
      : {}),
  };
}
