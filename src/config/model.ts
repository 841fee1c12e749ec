/**
 * The typed model that the account stacks consume: the validated config plus everything derived from
 * it (stack names, state keys, role ARNs, resource names, subnet plans). Nothing downstream reads YAML
 * or re-derives these values.
 */
import { defaultAvailabilityZoneIds } from "../aws/availability-zone-ids.js";
import { buildAppModel, type AppModel } from "./app-model.js";
import { definedOnly } from "../util/defined.js";
import { AWS_REGIONS } from "./aws-regions.js";
import { adoptedResources, type AdoptedResources } from "./model-adopt.js";
import { buildBaseline } from "./model-baseline.js";
import { buildDns, type DnsModel } from "./model-dns.js";
import { buildAwsOrganizations, type AwsOrganizationsModel } from "./model-organization.js";
import { buildHybrid, type HybridModel, type InspectionMode, type OnPremisesAccessModel, type RoutingModel } from "./model-hybrid.js";
import type { CostAssumptionsFile, EnvironmentFile, INTERFACE_ENDPOINT_SERVICES, SharedFile } from "./schema/index.js";
import { planSubnets, type SubnetPlan } from "./subnet-plan.js";

/** Transit gateway route tables, one per routing segment. prod and nonprod never propagate into each other. */
export const SEGMENTS = ["prod", "nonprod", "onprem"] as const;
/** A routing segment. */
export type Segment = (typeof SEGMENTS)[number];
/**
 * The segment of a workload environment: `prod`, `nonprod`, or `shared` (the shared-services segment: its own TGW
 * route table, created only when an environment uses it; prod and nonprod both reach it, it bridges neither;
 * docs/shared-services.md).
 */
export type WorkloadSegment = "prod" | "nonprod" | "shared";
/**
 * Whether a workload segment's data is protected (`preventDestroy`, the policy pack's prod-only rules, the
 * prod-only config checks): prod, and shared, whose services (DNS, CI, directory) prod depends on.
 */
export const protectedSegment = (segment: WorkloadSegment): boolean => segment === "prod" || segment === "shared";

/** A service with an interface VPC endpoint (`vpc.interfaceEndpoints`). */
export type InterfaceEndpointService = (typeof INTERFACE_ENDPOINT_SERVICES)[number];

/** Where and as whom a stack deploys, and where its state lives. */
export interface AccountTarget {
  /** Terraform stack name, also the folder under `cdktf.out/stacks/`. */
  readonly stackName: string;
  readonly accountId: string;
  readonly region: string;
  /** ARN partition of the Region (`aws`, `aws-cn`, `aws-us-gov`). */
  readonly partition: string;
  /** Role Terraform assumes in the account: `arn:<partition>:iam::<accountId>:role/<deployRoleName>`. */
  readonly deployRoleArn: string;
  /**
   * The landing-zone permissions boundary of the account, `arn:<partition>:iam::<accountId>:policy/<org>-landing-zone-boundary`
   * (the bootstrap creates it): the deploy role and every IAM role the stack creates carry it.
   */
  readonly permissionsBoundaryArn: string;
  /** S3 key of this stack's state: `<keyPrefix>/<accountId>/<stackName>.tfstate`; unique per stack. */
  readonly stateKey: string;
  /** Prefix of the account's resource names: `<organization>-<environment>` or `<organization>-network-hub`. */
  readonly namePrefix: string;
  /**
   * Whether data-bearing resources (KMS keys, databases, caches, data buckets, DX gateway, VPN, firewalls) carry
   * `lifecycle.prevent_destroy` and deletion protection: true for the hub and the prod and shared segments. Stacks pass it
   * to constructs as their `preventDestroy` prop; the policy pack's prod-only rules apply where it is true.
   */
  readonly preventDestroy: boolean;
  /** Email addresses subscribed to the account's alert topic. @default [] */
  readonly alertEmails: readonly string[];
  /** Accepted policy-pack findings of this stack (`policy.suppressions`), each with its reason. @default [] */
  readonly policySuppressions: readonly { readonly rule: string; readonly address?: string; readonly reason: string }[];
  /** Existing resources the stack imports instead of creating (`adopt:` of the account's file). @default {} */
  readonly adopt: AdoptedResources;
}

/** The Terraform S3 backend shared by every stack. */
export interface StateBackend {
  readonly bucket: string;
  readonly region: string;
  readonly kmsKeyArn: string;
}

/** The network hub account. */
export interface NetworkHubModel extends AccountTarget {
  readonly transitGateway: {
    /** Name tag of the transit gateway; workload stacks look the gateway up by it. */
    readonly name: string;
    readonly amazonSideAsn: number;
    /** Name tag of the route table of each segment. */
    readonly routeTableNames: Readonly<Record<Segment, string>>;
    /** Name of the RAM resource share that shares the gateway with the workload accounts. */
    readonly resourceShareName: string;
    /** Transit Gateway Flow Logs to a CloudWatch log group (`networkHub.transitGateway.flowLogs`); absent when disabled. */
    readonly flowLogs?: { readonly retentionDays: number };
  };
  readonly onPremises: { readonly cidrs: readonly string[]; readonly bgpAsn: number };
  /**
   * AZ IDs of the AZs every VPC uses (hub and workloads, all in the hub's Region), index = AZ index: subnets are
   * placed by AZ ID, so AZ index i is the same physical zone in every account. From `networkHub.availabilityZoneIds`,
   * else the Region's defaults (src/aws/availability-zone-ids.ts).
   */
  readonly availabilityZoneIds: readonly string[];
  /** Direct Connect, VPN and the central inspection VPC; undefined when `networkHub.hybrid` is absent. */
  readonly hybrid?: HybridModel;
}

/**
 * Where a workload VPC's NAT gateways are: `one-per-az`, `single` (in the first AZ), or `none` (central
 * inspection carries the egress through the hub, https://docs.aws.amazon.com/whitepapers/latest/building-scalable-secure-multi-vpc-network-infrastructure/centralized-egress-to-internet.html).
 */
export type NatGatewayPlacement = "one-per-az" | "single" | "none";

/** One workload environment (dev, test, prod, ...). */
export interface WorkloadModel extends AccountTarget {
  readonly name: string;
  readonly segment: WorkloadSegment;
  readonly vpc: {
    readonly name: string;
    readonly cidr: string;
    readonly azCount: number;
    /**
     * NAT gateways of the VPC: one per AZ, a single one, or none (central inspection: the private app tier's
     * 0.0.0.0/0 goes to the transit gateway and out through the hub's inspection VPC).
     * @default "none" with `inspection: central`, else "one-per-az"
     */
    readonly natGateways: NatGatewayPlacement;
    readonly flowLogRetentionDays: number;
    /** Services given a gateway VPC endpoint in the privateApp route tables (`vpc.gatewayEndpoints`). @default ["s3", "dynamodb"] */
    readonly gatewayEndpoints: readonly ("s3" | "dynamodb")[];
    /** Services given an interface VPC endpoint in the privateApp subnets (`vpc.interfaceEndpoints`). @default [] */
    readonly interfaceEndpoints: readonly InterfaceEndpointService[];
    /** Subnet CIDRs per tier, index = AZ index; `firewall` only with `inspection: per-vpc`. */
    readonly subnets: SubnetPlan;
  };
  /**
   * The environment's hub attachment role, in the network hub account: `<deployRoleName>-attach-<name>`. The
   * stack's hub provider assumes it to accept, associate and propagate the environment's Transit Gateway
   * attachment; it can do nothing else in the hub (the bootstrap creates it, trusted by this environment's apply
   * role only).
   */
  readonly hubAttachmentRoleName: string;
  /** ARN of {@link hubAttachmentRoleName}: `arn:<partition>:iam::<hub account>:role/<deployRoleName>-attach-<name>`. */
  readonly hubAttachmentRoleArn: string;
  /** The application tier (CloudFront, WAF, ALB, Fargate, RDS, Redis, S3); absent when the file has no `app:`. */
  readonly app?: AppModel;
  /** Network Firewall inspection of this environment's traffic. @default "none" */
  readonly inspection: InspectionMode;
  /** Which private tiers on-prem reaches. @default { privateApp: "all", privateData: "none" } */
  readonly onPremisesAccess: OnPremisesAccessModel;
  /** Alarm thresholds (`alarms:`), each with its default applied. */
  readonly alarms: AlarmThresholds;
  /** Usage assumptions of `lz cost` (traffic, requests, logs per month); they change no resource. */
  readonly costAssumptions: CostAssumptionsFile;
}

/** Alarm thresholds of a workload account; see `AlarmSettings` in schema/alarms.ts for units and defaults. */
export type AlarmThresholds = EnvironmentFile["alarms"];

/**
 * The security and governance baseline shared by every account stack: where logs go, and the settings
 * of CloudTrail, AWS Config, GuardDuty, Security Hub and Session Manager.
 */
export interface BaselineModel {
  /**
   * The central log bucket and its KMS key, and the central AWS Config bucket next to it: in the log archive
   * account with `organization.awsOrganizations`, else in the network hub account.
   */
  readonly logArchive: {
    /** Stack that owns the bucket: `log-archive` with the AWS Organizations layer, else the network hub's. */
    readonly stackName: string;
    readonly accountId: string;
    readonly region: string;
    readonly partition: string;
    /**
     * `<org>-log-archive-<accountId>` (bucket names are global), or the adopted bucket's name (`adopt.logBucket`): the
     * Object Lock archive CloudTrail delivers to.
     */
    readonly bucketName: string;
    /**
     * `<org>-aws-config-<accountId>`: the bucket AWS Config delivers to, without Object Lock ("AWS Config does not
     * support the delivery channel to an Amazon S3 bucket where object lock is enabled",
     * https://docs.aws.amazon.com/config/latest/APIReference/API_PutDeliveryChannel.html).
     */
    readonly configBucketName: string;
    /** Alias of the archive key, without `alias/`: `<org>-log-archive`. */
    readonly kmsAliasName: string;
    /** ARN of that alias; other accounts read the key ARN through it and give CloudTrail and Config the key ARN. */
    readonly kmsAliasArn: string;
    readonly objectLockDays: number;
    readonly infrequentAccessDays: number;
    readonly glacierDays: number;
    readonly expireDays: number;
  };
  /**
   * Every account that delivers logs to the archive (hub first, then the environments): account id, stack, and the
   * name of its trail (`cloudTrail.name`, or the name in the ARN of the account's `adopt.cloudTrail`).
   */
  readonly accounts: readonly { readonly accountId: string; readonly stackName: string; readonly trailName: string }[];
  /** Default trail name of every account (`<org>-trail`), CloudWatch Logs retention, organization trail in the hub. */
  readonly cloudTrail: {
    readonly name: string;
    readonly logRetentionDays: number;
    readonly organizationTrail: boolean;
    /** Each account keeps its own trail (false only with the AWS Organizations layer: the organization trail then logs it). */
    readonly accountTrails: boolean;
  };
  /** AWS Config aggregator in the hub: its name and account. */
  readonly configAggregator: { readonly name: string; readonly accountId: string; readonly region: string };
  readonly guardDuty: { readonly s3Protection: boolean; readonly eksProtection: boolean };
  readonly securityHub: { readonly cisVersion: "1.4.0" | "3.0.0" };
  readonly sessionManager: { readonly logRetentionDays: number };
  /**
   * With `organization.awsOrganizations` (once the core accounts have ids): the organization-wide side of the
   * baseline. Absent otherwise (the archive and aggregator stay in the hub, every account manages its own
   * GuardDuty detector and Security Hub). See src/config/model-baseline.ts and docs/log-archive-security.md.
   */
  readonly organization?: OrganizationBaselineModel;
}

/** The organization-wide part of the baseline (AWS Organizations layer); see {@link BaselineModel.organization}. */
export interface OrganizationBaselineModel {
  /**
   * The organization trail (`<org>-organization-trail`), created in the management account by the organization
   * stack: it logs every member account to `cloudtrail/AWSLogs/<organization id>/` of the archive.
   * https://docs.aws.amazon.com/awscloudtrail/latest/userguide/creating-trail-organization.html
   */
  readonly trail: { readonly name: string; readonly accountId: string; readonly region: string; readonly partition: string };
  /**
   * The security tooling account: delegated administrator of GuardDuty, Security Hub, AWS Config and IAM Access
   * Analyzer. Its stack enables GuardDuty and Security Hub in every member account (auto-enable, central
   * configuration), so the other accounts' baselines no longer create a detector or a Security Hub subscription.
   */
  readonly securityTooling: { readonly accountId: string; readonly region: string; readonly stackName: string };
  /** Regions Security Hub aggregates findings from and its configuration policy applies to: the Regions of the stacks. */
  readonly regions: readonly string[];
}

/**
 * The bootstrap stack: applied by hand, once, by an administrator (see README "Day 0"). It creates the state
 * bucket and key in the state account, and in every landing-zone account the GitHub OIDC provider and the
 * plan, apply and deploy roles. Present only when `shared.yaml` has a `bootstrap` block.
 */
export interface BootstrapModel {
  /** Stack name and folder under `cdktf.out/stacks/`: always {@link BOOTSTRAP_STACK}. */
  readonly stackName: string;
  /** Role the administrator's credentials assume in every account, for example `OrganizationAccountAccessRole`. */
  readonly adminRoleName: string;
  /** Where the bootstrap stack's own state lives: a local file on day 0, the state bucket afterwards. */
  readonly backend: "local" | "s3";
  /**
   * S3 key of the bootstrap state once migrated: `<keyPrefix>/bootstrap.tfstate`, outside every account's
   * `<keyPrefix>/<accountId>/` prefix, so no pipeline role can read or write it.
   */
  readonly stateKey: string;
  /**
   * Managed policies attached to the deploy role in every account in addition to the policy generated from the
   * stacks (src/pipeline/permissions.ts), each with the reason it is needed. @default []
   */
  readonly deployRolePolicies: readonly { readonly arn: string; readonly reason: string }[];
  /** The account that holds the state bucket and its KMS key: the account in `organization.state.kmsKeyArn`. */
  readonly stateAccountId: string;
  /** ARN partition of the state Region. */
  readonly statePartition: string;
  /**
   * Alias name (without `alias/`) of the state key when `state.kmsKeyArn` is an alias ARN: the bootstrap
   * creates the key and this alias. Undefined when `kmsKeyArn` names a key (`key/<id>`): the key exists
   * already and the bootstrap only uses it.
   */
  readonly stateKmsAliasName: string | undefined;
}

/** AWS's AdministratorAccess managed policy, in any partition: `arn:<partition>:iam::aws:policy/AdministratorAccess`. */
const ADMINISTRATOR_ACCESS_ARN = /:policy\/AdministratorAccess$/;

/**
 * The deploy-role policies of the bootstrap stack that grant AWS's AdministratorAccess managed policy, each with
 * the reason the config gives. The policy pack's LZ-IAM3 (src/policy/rules/iam-no-admin-access.ts) flags these
 * attachments; each is an accepted exception whose reason is this one.
 */
export function administratorAccessPolicies(bootstrap: BootstrapModel): readonly { readonly arn: string; readonly reason: string }[] {
  return bootstrap.deployRolePolicies.filter((p) => ADMINISTRATOR_ACCESS_ARN.test(p.arn));
}

/** Stack name of the bootstrap stack; it is applied by hand and never part of the pipeline matrix. */
export const BOOTSTRAP_STACK = "bootstrap";

/** The whole landing zone. */
export interface LandingZoneModel {
  readonly organization: {
    readonly name: string;
    readonly homeRegion: string;
    /** Tags for every resource (provider default_tags), before the per-stack tags are added. */
    readonly tags: Readonly<Record<string, string>>;
    readonly deployRoleName: string;
    /** Name of the permissions boundary policy in every account: `<org>-landing-zone-boundary`. */
    readonly permissionsBoundaryName: string;
    readonly ramSharingWithAwsOrganization: boolean;
    readonly github: { readonly repository: string; readonly planRoleName: string; readonly applyRoleName: string };
  };
  readonly state: StateBackend;
  readonly networkHub: NetworkHubModel;
  /** Workload environments, sorted by name. */
  readonly environments: readonly WorkloadModel[];
  /** The bootstrap stack, when `shared.yaml` has a `bootstrap` block. */
  readonly bootstrap?: BootstrapModel;
  /** Accepted destroys/replaces of stateful resources, checked by `lz plan-guard`. */
  readonly planGuard: {
    readonly allow: readonly {
      readonly stack: string;
      readonly address: string;
      readonly actions: readonly ("delete" | "replace")[];
      readonly reason: string;
    }[];
  };
  /** Extra static TGW routes and the routing intents (`routing` in shared.yaml). */
  readonly routing: RoutingModel;
  /** The security, governance and observability baseline of every account stack. */
  readonly baseline: BaselineModel;
  /** The AWS Organizations layer (`organization.awsOrganizations`); absent when someone else manages the organization. */
  readonly awsOrganizations?: AwsOrganizationsModel;
  /** Hybrid DNS with Route 53 Resolver (`networkHub.dns`, ./model-dns.ts); absent when not configured. */
  readonly dns?: DnsModel;
}

/** Name of the landing-zone permissions boundary policy of `organization`: `<org>-landing-zone-boundary`. */
export function permissionsBoundaryName(organization: string): string {
  return `${organization}-landing-zone-boundary`;
}

/**
 * Name of an environment's hub attachment role: `<deployRoleName>-attach-<environment>`. IAM role names have at
 * most 64 characters; src/config/validate/bootstrap.ts checks the config keeps it within.
 */
export function hubAttachmentRoleName(deployRoleName: string, environment: string): string {
  return `${deployRoleName}-attach-${environment}`;
}

/** Stack name of the network hub. */
export const NETWORK_HUB_STACK = "network-hub";

/**
 * Builds the model from validated files. Call only after stage 1 and 2 passed: it throws `Error` on
 * input those stages reject (an unknown Region, a subnet plan that does not fit).
 */
export function buildModel(shared: SharedFile, environments: readonly EnvironmentFile[]): LandingZoneModel {
  const org = shared.organization;
  const target = (
    stackName: string,
    accountId: string,
    region: string,
    extra: {
      namePrefix: string;
      preventDestroy: boolean;
      alertEmails: readonly string[];
      policySuppressions: AccountTarget["policySuppressions"];
      adopt: AdoptedResources;
    },
  ): AccountTarget => {
    const info = AWS_REGIONS[region];
    if (!info) throw new Error(`unknown Region ${region}`);
    return {
      stackName,
      accountId,
      region,
      partition: info.partition,
      deployRoleArn: `arn:${info.partition}:iam::${accountId}:role/${org.deployRoleName}`,
      permissionsBoundaryArn: `arn:${info.partition}:iam::${accountId}:policy/${permissionsBoundaryName(org.name)}`,
      stateKey: `${org.state.keyPrefix}/${accountId}/${stackName}.tfstate`,
      ...extra,
    };
  };
  const hub = shared.networkHub;
  const tgwName = `${org.name}-tgw`;
  const hybrid = buildHybrid(org.name, shared, environments);
  // The management and core accounts: protected like the hub, alerts to the hub's recipients, nothing adopted.
  const awsOrganizations = buildAwsOrganizations(shared, environments, (stackName, accountId, region, namePrefix) =>
    target(stackName, accountId, region, {
      namePrefix,
      preventDestroy: true,
      alertEmails: [...hub.alerts.emails],
      policySuppressions: [],
      adopt: adoptedResources({}),
    }),
  );
  const dns = buildDns(org.name, shared, environments);
  return {
    organization: {
      name: org.name,
      homeRegion: org.homeRegion,
      tags: org.tags,
      deployRoleName: org.deployRoleName,
      permissionsBoundaryName: permissionsBoundaryName(org.name),
      ramSharingWithAwsOrganization: org.ramSharingWithAwsOrganization,
      github: org.github,
    },
    state: { bucket: org.state.bucket, region: org.state.region, kmsKeyArn: org.state.kmsKeyArn },
    networkHub: {
      ...target(NETWORK_HUB_STACK, hub.accountId, hub.region, {
        namePrefix: `${org.name}-${NETWORK_HUB_STACK}`,
        preventDestroy: true,
        alertEmails: [...hub.alerts.emails],
        policySuppressions: hub.policy.suppressions.map((x) => definedOnly(x)),
        adopt: adoptedResources(shared.adopt),
      }),
      transitGateway: {
        name: tgwName,
        amazonSideAsn: hub.transitGateway.amazonSideAsn,
        routeTableNames: { prod: `${tgwName}-prod`, nonprod: `${tgwName}-nonprod`, onprem: `${tgwName}-onprem` },
        resourceShareName: `${tgwName}-share`,
        ...(hub.transitGateway.flowLogs.enabled ? { flowLogs: { retentionDays: hub.transitGateway.flowLogs.retentionDays } } : {}),
      },
      onPremises: { cidrs: [...hub.onPremises.cidrs], bgpAsn: hub.onPremises.bgpAsn },
      availabilityZoneIds: hub.availabilityZoneIds ?? defaultAvailabilityZoneIds(hub.region),
      ...(hybrid ? { hybrid } : {}),
    },
    ...(shared.bootstrap ? { bootstrap: bootstrapModel(shared) } : {}),
    planGuard: { allow: shared.planGuard.allow.map((a) => ({ ...a, actions: [...a.actions] })) },
    routing: { staticRoutes: shared.routing.staticRoutes.map((r) => ({ ...r })), intents: shared.routing.intents },
    environments: [...environments]
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((env) => {
        const plan = planSubnets(env.vpc.cidr, env.vpc.subnetPrefixLengths, env.vpc.azCount, { firewall: env.inspection === "per-vpc" });
        if (!plan.fits) throw new Error(`subnet plan of ${env.name} does not fit`);
        const attachRole = hubAttachmentRoleName(org.deployRoleName, env.name);
        return {
          ...target(`workload-${env.name}`, env.accountId, env.region, {
            namePrefix: `${org.name}-${env.name}`,
            preventDestroy: protectedSegment(env.segment),
            alertEmails: [...env.alerts.emails],
            policySuppressions: env.policy.suppressions.map((x) => definedOnly(x)),
            adopt: adoptedResources(env.adopt),
          }),
          name: env.name,
          hubAttachmentRoleName: attachRole,
          hubAttachmentRoleArn: `arn:${AWS_REGIONS[hub.region]?.partition ?? "aws"}:iam::${hub.accountId}:role/${attachRole}`,
          segment: env.segment,
          vpc: {
            name: `${org.name}-${env.name}`,
            cidr: env.vpc.cidr,
            azCount: env.vpc.azCount,
            natGateways: env.vpc.natGateways ?? (env.inspection === "central" ? "none" : "one-per-az"),
            flowLogRetentionDays: env.vpc.flowLogs.retentionDays,
            gatewayEndpoints: [...env.vpc.gatewayEndpoints],
            interfaceEndpoints: [...env.vpc.interfaceEndpoints],
            subnets: plan.plan,
          },
          ...(env.app ? { app: buildAppModel(env.app, `${org.name}-${env.name}`, env.accountId) } : {}),
          inspection: env.inspection,
          onPremisesAccess: {
            privateApp:
              typeof env.onPremisesAccess.privateApp === "string" ? env.onPremisesAccess.privateApp : [...env.onPremisesAccess.privateApp],
            privateData:
              typeof env.onPremisesAccess.privateData === "string"
                ? env.onPremisesAccess.privateData
                : [...env.onPremisesAccess.privateData],
          },
          alarms: { ...env.alarms },
          costAssumptions: { ...env.costAssumptions },
        };
      }),
    baseline: buildBaseline(shared, environments, awsOrganizations),
    ...(awsOrganizations ? { awsOrganizations } : {}),
    ...(dns ? { dns } : {}),
  };
}

/** The bootstrap part of the model; the state account and key alias are read from `state.kmsKeyArn`. */
function bootstrapModel(shared: SharedFile): BootstrapModel {
  const bootstrap = shared.bootstrap!;
  const state = shared.organization.state;
  // arn:<partition>:kms:<region>:<account>:(key|alias)/<name>, as the schema's regex guarantees.
  const [, partition = "aws", , , accountId = "", resource = ""] = state.kmsKeyArn.split(":");
  return {
    stackName: BOOTSTRAP_STACK,
    adminRoleName: bootstrap.adminRoleName,
    backend: bootstrap.backend,
    stateKey: `${state.keyPrefix}/${BOOTSTRAP_STACK}.tfstate`,
    deployRolePolicies: bootstrap.deployRolePolicies.map((p) => ({ ...p })),
    stateAccountId: accountId,
    statePartition: partition,
    stateKmsAliasName: resource.startsWith("alias/") ? resource.slice("alias/".length) : undefined,
  };
}
