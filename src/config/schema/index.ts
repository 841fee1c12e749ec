/**
 * The config schema: the single source of truth for the shape of `environments/*.yaml`.
 *
 * Two kinds of file, each with its own root schema:
 * - `shared.yaml` ({@link SharedFileSchema}): the organization and the network hub account, owned by the
 *   platform team;
 * - one file per workload environment ({@link EnvironmentFileSchema}), owned by that environment's team.
 *
 * One file per area, as src/config/validate/ is split: common.ts (ids, Regions, CIDRs, ASNs, role names),
 * organization.ts, aws-organizations.ts (the AWS Organizations layer), network.ts (subnet tiers, workload VPC, network hub and transit gateway), hybrid.ts (Direct
 * Connect, VPN, inspection, on-prem access), dns.ts (hybrid DNS), routing.ts (static routes, intents), baseline.ts, bootstrap.ts,
 * plan-guard.ts, policy.ts, alarms.ts (alerts and alarm thresholds), cost-assumptions.ts, app.ts (the app tier; its edge,
 * domain and NLB in app-edge.ts),
 * adopt.ts (existing resources a stack imports instead of creating).
 * This file composes the two roots and re-exports every area, so importing the schema means importing this file.
 * No area file imports this one. Keys are listed in the order the editor JSON Schemas show them.
 *
 * Every object is a `z.strictObject`, so an unknown or misspelled key is an error. The TypeScript types
 * are inferred from these schemas, and `npm run schema` generates the editor JSON Schemas in
 * `schema/` from them. Cross-field and cross-file rules (overlaps, uniqueness, ASN ranges, Regions)
 * live in `src/config/validate/`.
 */
import { z } from "zod";
import { EnvironmentAdopt, HubAdopt } from "./adopt.js";
import { AlarmSettings, AlertSettings } from "./alarms.js";
import { AppSettings } from "./app.js";
import { OrganizationAccount } from "./aws-organizations.js";
import { BaselineSettings } from "./baseline.js";
import { BootstrapSettings } from "./bootstrap.js";
import { AccountId, RegionName } from "./common.js";
import { CostAssumptions } from "./cost-assumptions.js";
import { OnPremisesAccess } from "./hybrid.js";
import { NetworkHub, WorkloadVpc } from "./network.js";
import { Organization } from "./organization.js";
import { PlanGuardSettings } from "./plan-guard.js";
import { PolicySettings } from "./policy.js";
import { RoutingSettings } from "./routing.js";

export * from "./adopt.js";
export * from "./alarms.js";
export * from "./app.js";
export * from "./app-edge.js";
export * from "./aws-organizations.js";
export * from "./baseline.js";
export * from "./bootstrap.js";
export * from "./common.js";
export * from "./cost-assumptions.js";
export * from "./dns.js";
export * from "./hybrid.js";
export { CLOUDWATCH_RETENTION_DAYS } from "./log-retention.js";
export * from "./network.js";
export * from "./organization.js";
export * from "./plan-guard.js";
export * from "./policy.js";
export * from "./routing.js";

/** Root of `shared.yaml`. */
export const SharedFileSchema = z
  .strictObject({
    organization: Organization,
    networkHub: NetworkHub,
    planGuard: PlanGuardSettings.default({ allow: [] }),
    bootstrap: BootstrapSettings.optional(),
    routing: RoutingSettings.default({ staticRoutes: [], intents: [] }),
    baseline: BaselineSettings.default({
      logArchive: { objectLockDays: 365, infrequentAccessDays: 30, glacierDays: 90, expireDays: 2557 },
      cloudTrail: { logRetentionDays: 365, organizationTrail: false, accountTrails: true },
      guardDuty: { s3Protection: true, eksProtection: false },
      securityHub: { cisVersion: "3.0.0" },
      sessionManager: { logRetentionDays: 365 },
    }),
    adopt: HubAdopt.default({}),
  })
  .meta({ title: "Landing zone shared config", description: "environments/shared.yaml: the organization and the network hub." });

/** Root of one environment file (`dev.yaml`, `prod.yaml`, ...). */
export const EnvironmentFileSchema = z
  .strictObject({
    name: z
      .string()
      .regex(/^[a-z][a-z0-9-]{0,18}[a-z0-9]$/, {
        error: "Write a short lowercase environment name (2-20 characters, a-z 0-9 -), for example prod.",
      })
      .meta({ description: "Environment name; part of the stack name workload-<name>." }),
    accountId: AccountId,
    account: OrganizationAccount.optional().meta({
      description: "The account in AWS Organizations (name, root email, OU). Required with organization.awsOrganizations in shared.yaml.",
    }),
    region: RegionName.meta({ description: "Region of the workload VPC; must be the network hub's Region." }),
    segment: z.enum(["prod", "nonprod", "shared"], { error: "Write segment: prod, segment: nonprod or segment: shared." }).meta({
      description:
        "Routing segment. prod and nonprod never reach each other through the transit gateway; shared (common services) is reached by both and bridges neither",
    }),
    vpc: WorkloadVpc,
    alerts: AlertSettings.default({ emails: [] }),
    app: AppSettings.optional().meta({
      description: "The application tier (see docs/config.md, The app tier). Omit it for an account without an app.",
    }),
    inspection: z.enum(["central", "per-vpc", "none"], { error: "Write inspection: central, per-vpc or none." }).default("none").meta({
      description:
        "central: inter-segment, on-prem and internet traffic through the hub inspection VPC. per-vpc: a firewall tier in this VPC. none: no Network Firewall. @default none",
    }),
    onPremisesAccess: OnPremisesAccess.default({ privateApp: "all", privateData: "none" }),
    alarms: AlarmSettings.prefault({}),
    policy: PolicySettings.default({ suppressions: [] }),
    costAssumptions: CostAssumptions.prefault({}),
    adopt: EnvironmentAdopt.default({}),
  })
  .meta({ title: "Landing zone environment", description: "One workload account: its VPC and routing segment." });

/** The parsed `shared.yaml`, after defaults. */
export type SharedFile = z.output<typeof SharedFileSchema>;

/** One parsed environment file, after defaults. */
export type EnvironmentFile = z.output<typeof EnvironmentFileSchema>;

/** Inspection mode of an environment. */
export type InspectionMode = EnvironmentFile["inspection"];
