/**
 * The config schema: the single source of truth for the shape of `environments/*.yaml`.
 *
 * Two kinds of file, each with its own root schema:
 * - `shared.yaml` ({@link SharedFileSchema}): the organization and the network hub account, owned by the
 *   platform team;
 * - one file per workload environment ({@link EnvironmentFileSchema}), owned by that environment's team.
 *
 * Every object is a `z.strictObject`, so an unknown or misspelled key is an error. The TypeScript types
 * below are inferred from these schemas, and `npm run schema` generates the editor JSON Schemas in
 * `schema/` from them. Cross-field and cross-file rules (overlaps, uniqueness, ASN ranges, Regions)
 * live in `src/config/validate/`.
 */
import { z } from "zod";

const ACCOUNT_ID_HINT = 'Write the 12-digit AWS account id in quotes, for example accountId: "123456789012" (unquoted, YAML reads a number and drops leading zeros).';

/** A 12-digit AWS account id, as a quoted string. */
export const AccountId = z
  .string({ error: ACCOUNT_ID_HINT })
  .regex(/^\d{12}$/, { error: ACCOUNT_ID_HINT })
  .meta({ description: "12-digit AWS account id, quoted.", examples: ["123456789012"] });

/** An AWS Region code such as `eu-west-1`; that it is a real Region is checked semantically. */
export const RegionName = z
  .string({ error: "Write an AWS Region code such as eu-west-1." })
  .regex(/^[a-z]{2}(-gov)?-[a-z]+-\d$/, { error: "Write an AWS Region code such as eu-west-1." })
  .meta({ description: "AWS Region code, for example eu-west-1." });

/** An IPv4 CIDR block in `a.b.c.d/n` notation; host bits and overlaps are checked semantically. */
export const Ipv4Cidr = z
  .string({ error: "Write an IPv4 CIDR block such as 10.20.0.0/16." })
  .regex(/^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}\/(3[0-2]|[12]?\d)$/, {
    error: "Write an IPv4 CIDR block such as 10.20.0.0/16.",
  })
  .meta({ description: "IPv4 CIDR block, a.b.c.d/n, with no host bits set." });

/** A BGP autonomous system number; that it is private and distinct is checked semantically. */
export const Asn = z
  .int({ error: "Write a BGP ASN as a whole number, for example 64512." })
  .min(1, { error: "Write a BGP ASN as a whole number, for example 64512." })
  .max(4294967295, { error: "A BGP ASN is at most 4294967295." })
  .meta({ description: "BGP ASN. Private ranges: 64512-65534 or 4200000000-4294967294." });

/** An IAM role name (not an ARN). */
export const IamRoleName = z
  .string()
  .regex(/^[\w+=,.@-]{1,64}$/, {
    error: "Write an IAM role name (not an ARN): 1-64 letters, digits or +=,.@_- , for example LandingZoneDeploy.",
  });

/** CloudWatch Logs retention values the PutRetentionPolicy API accepts, in days. */
export const CLOUDWATCH_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
] as const;

/** Tiers of subnets in every workload VPC, repeated in every AZ. */
export const SUBNET_TIERS = ["public", "privateApp", "privateData", "transit"] as const;

const prefixLength = (tier: string, dflt: number, min: number, max: number) =>
  z
    .int({ error: `Write the ${tier} subnet size as a prefix length, a whole number such as ${dflt}.` })
    .min(min, { error: `A ${tier} subnet prefix length is at least /${min}.` })
    .max(max, { error: `A ${tier} subnet prefix length is at most /${max} (AWS subnets are /16 to /28).` })
    .default(dflt)
    .meta({ description: `Prefix length of each ${tier} subnet (one per AZ). @default ${dflt}` });

/** Sizes of the four subnet tiers, as prefix lengths; each tier gets one subnet per AZ. */
export const SubnetPrefixLengths = z
  .strictObject({
    public: prefixLength("public", 24, 16, 28),
    privateApp: prefixLength("privateApp", 20, 16, 28),
    privateData: prefixLength("privateData", 23, 16, 28),
    // A transit gateway attachment needs only one ENI per AZ; AWS recommends a small dedicated /28.
    transit: prefixLength("transit", 28, 16, 28),
  })
  .meta({ description: "Subnet sizes per tier, as prefix lengths. Space for 3 AZs is always reserved." });

/** The workload VPC of one environment. */
export const WorkloadVpc = z
  .strictObject({
    cidr: Ipv4Cidr.meta({ description: "VPC CIDR: an RFC 1918 block that overlaps no other VPC or on-prem range." }),
    azCount: z
      .literal([2, 3], { error: "Write azCount: 2 or azCount: 3." })
      .default(3)
      .meta({ description: "Number of Availability Zones. @default 3" }),
    natGateways: z
      .enum(["one-per-az", "single"], { error: "Write natGateways: one-per-az (highly available) or natGateways: single (cheaper, dev only)." })
      .default("one-per-az")
      .meta({ description: "one-per-az: a NAT gateway in every AZ (prod-safe). single: one shared NAT gateway. @default one-per-az" }),
    flowLogs: z
      .strictObject({
        retentionDays: z
          .int()
          .refine((v) => (CLOUDWATCH_RETENTION_DAYS as readonly number[]).includes(v), {
            error: `CloudWatch Logs accepts only these retention periods (days): ${CLOUDWATCH_RETENTION_DAYS.join(", ")}.`,
          })
          .default(365)
          .meta({ description: "Flow-log retention in days (a CloudWatch Logs retention value). @default 365" }),
      })
      .default({ retentionDays: 365 })
      .meta({ description: "VPC flow logs (traffic type ALL) to a KMS-encrypted CloudWatch log group." }),
    subnetPrefixLengths: SubnetPrefixLengths.default({ public: 24, privateApp: 20, privateData: 23, transit: 28 }),
  })
  .meta({ description: "The environment's VPC." });

/** Terraform state settings shared by every stack. */
export const StateSettings = z
  .strictObject({
    bucket: z
      .string()
      .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, { error: "Write an S3 bucket name: 3-63 lowercase letters, digits, dots or hyphens." })
      .meta({ description: "S3 bucket that holds every stack's state." }),
    region: RegionName.meta({ description: "Region of the state bucket." }),
    keyPrefix: z
      .string()
      .regex(/^[A-Za-z0-9!_.*'()-]+(\/[A-Za-z0-9!_.*'()-]+)*$/, { error: "Write a key prefix without leading or trailing slash, for example landing-zone." })
      .meta({ description: "Prefix of every state key: <keyPrefix>/<accountId>/<stack>.tfstate." }),
    kmsKeyArn: z
      .string()
      .regex(/^arn:aws(-cn|-us-gov)?:kms:[a-z0-9-]+:\d{12}:(key|alias)\/[A-Za-z0-9/_-]+$/, {
        error: "Write the state KMS key as an ARN, for example arn:aws:kms:eu-west-1:123456789012:alias/terraform-state.",
      })
      .meta({ description: "KMS key (or alias) ARN that encrypts state objects." }),
  })
  .meta({ description: "Terraform S3 backend settings. Locking uses S3-native lock files." });

/** The GitHub repository and OIDC roles used by the pipeline. */
export const GithubSettings = z
  .strictObject({
    repository: z
      .string()
      .regex(/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/, { error: "Write the repository as owner/name, for example acme/landing-zone." })
      .meta({ description: "GitHub repository (owner/name) whose workflows may assume the pipeline roles." }),
    planRoleName: IamRoleName.default("landing-zone-github-plan").meta({
      description: "Role the pull-request workflow assumes in each account (read-only). @default landing-zone-github-plan",
    }),
    applyRoleName: IamRoleName.default("landing-zone-github-apply").meta({
      description: "Role the main-branch workflow assumes in each account. @default landing-zone-github-apply",
    }),
  })
  .meta({ description: "CI settings: GitHub Actions authenticates to each account with OIDC." });

/** The organization: naming, tags, state and the role every stack assumes. */
export const Organization = z
  .strictObject({
    name: z
      .string()
      .regex(/^[a-z][a-z0-9-]{1,30}[a-z0-9]$/, { error: "Write a short lowercase name (3-32 characters, a-z 0-9 -), for example acme." })
      .meta({ description: "Short lowercase organization name; prefixes resource names." }),
    homeRegion: RegionName.meta({ description: "The organization's home Region." }),
    tags: z
      .record(
        z.string().regex(/^(?!aws:)[\w .:/=+@-]{1,128}$/, { error: "A tag key is 1-128 characters and must not start with aws:." }),
        z.string().max(256, { error: "A tag value is at most 256 characters." }),
      )
      .default({})
      .meta({ description: "Tags applied to every resource through the provider's default_tags." }),
    deployRoleName: IamRoleName.meta({
      description: "IAM role that exists in every account and that Terraform assumes there (arn:aws:iam::<account>:role/<name>).",
    }),
    ramSharingWithAwsOrganization: z
      .boolean()
      .default(false)
      .meta({
        description:
          "true when RAM sharing with AWS Organizations is enabled, so shares are accepted automatically. false: each workload stack accepts the transit gateway share. @default false",
      }),
    state: StateSettings,
    github: GithubSettings,
  })
  .meta({ description: "Organization-wide settings." });

/** The on-premises network reached through the hub. */
export const OnPremises = z
  .strictObject({
    cidrs: z
      .array(Ipv4Cidr)
      .min(1, { error: "List at least one on-premises CIDR, for example cidrs: [172.16.0.0/16]." })
      .meta({ description: "On-premises CIDR blocks; workload app and data tiers route them to the transit gateway." }),
    bgpAsn: Asn.meta({ description: "The on-premises router's BGP ASN; must differ from the transit gateway's." }),
  })
  .meta({ description: "The on-premises network." });

/** Where an account's alarms and security findings are sent. */
export const AlertSettings = z
  .strictObject({
    emails: z
      .array(z.email({ error: "Write an email address, for example platform-alerts@example.com." }))
      .default([])
      .meta({ description: "Email addresses subscribed to the account's alert topic; each must confirm once. @default []" }),
  })
  .meta({ description: "Alerts: a KMS-encrypted SNS topic per account that alarms and findings publish to." });

/** The network hub account: transit gateway and on-prem reachability. */
export const NetworkHub = z
  .strictObject({
    accountId: AccountId,
    region: RegionName.meta({ description: "Region of the transit gateway; every workload VPC must be in it." }),
    transitGateway: z
      .strictObject({
        amazonSideAsn: Asn.default(64512).meta({ description: "Amazon-side BGP ASN of the transit gateway. Changing it replaces the transit gateway. @default 64512" }),
      })
      .meta({ description: "The hub transit gateway." }),
    onPremises: OnPremises,
    alerts: AlertSettings.default({ emails: [] }),
  })
  .meta({ description: "The network hub account." });

/** One plan-guard exception: a destroy or replace of a stateful resource that a reviewer has accepted. */
export const PlanGuardAllow = z
  .strictObject({
    stack: z.string().min(1).meta({ description: "Stack name, for example workload-prod." }),
    address: z
      .string()
      .min(1)
      .meta({ description: "Terraform resource address as terraform plan prints it, for example aws_db_instance.data_primary_1A2B3C4D." }),
    actions: z
      .array(z.enum(["delete", "replace"], { error: "Write delete or replace." }))
      .min(1)
      .default(["delete", "replace"])
      .meta({ description: "Which changes are allowed. @default [delete, replace]" }),
    reason: z
      .string()
      .trim()
      .min(10, { error: "Write a reason of at least 10 characters: why losing this resource's data is acceptable." })
      .meta({ description: "Why this change is acceptable (at least 10 characters); echoed in the plan-guard summary." }),
  })
  .meta({ description: "A plan-guard exception." });

/** Settings of `lz plan-guard`, which fails a plan that deletes or replaces a stateful resource. */
export const PlanGuardSettings = z
  .strictObject({
    allow: z.array(PlanGuardAllow).default([]).meta({ description: "Accepted destroys or replaces, each with a reason. @default []" }),
  })
  .meta({ description: "Plan guard: stops plans that destroy or replace data-bearing resources." });

/** A managed IAM policy attached to the deploy role, with the reason it is needed. */
export const DeployRolePolicy = z
  .strictObject({
    arn: z
      .string()
      .regex(/^arn:aws(-cn|-us-gov)?:iam::(aws|\d{12}):policy\/[\w+=,.@\/-]+$/, {
        error: "Write a managed policy ARN, for example arn:aws:iam::aws:policy/PowerUserAccess or arn:aws:iam::123456789012:policy/LandingZoneDeploy.",
      })
      .meta({ description: "ARN of an AWS-managed or customer-managed IAM policy." }),
    reason: z
      .string()
      .trim()
      .min(10, { error: "Write a reason of at least 10 characters: why the deploy role needs these rights." })
      .meta({ description: "Why the deploy role needs this policy (at least 10 characters), so a reviewer sees why broad rights were granted." }),
  })
  .meta({ description: "A policy attached to the deploy role in every account." });

/**
 * The bootstrap stack (`cdktf.out/stacks/bootstrap`), applied by hand by an administrator before the first
 * pipeline run: the state bucket and key, and in every account the GitHub OIDC provider and the plan, apply
 * and deploy roles. Leave the block out and no bootstrap stack is synthesized.
 */
export const BootstrapSettings = z
  .strictObject({
    adminRoleName: IamRoleName.default("OrganizationAccountAccessRole").meta({
      description:
        "Role the administrator's credentials assume in every account (hub, workloads, state) to create the bootstrap resources. AWS Organizations creates OrganizationAccountAccessRole in accounts it creates. @default OrganizationAccountAccessRole",
    }),
    backend: z
      .enum(["local", "s3"], { error: "Write backend: local (day 0, before the state bucket exists) or backend: s3 (after the bootstrap state was migrated)." })
      .default("local")
      .meta({
        description:
          "Where the bootstrap stack keeps its own state. local: a file next to the output folder (day 0). s3: the state bucket, key <keyPrefix>/bootstrap.tfstate (after migrating, see README Day 0). @default local",
      }),
    deployRolePolicies: z
      .array(DeployRolePolicy)
      .min(1, { error: "List at least one policy for the deploy role, with a reason, for example arn: arn:aws:iam::aws:policy/AdministratorAccess." })
      .meta({ description: "Managed policies of the deploy role (organization.deployRoleName) in every account, each with the reason it is needed." }),
  })
  .meta({ description: "Bootstrap stack: state bucket and key, GitHub OIDC provider, plan/apply/deploy roles. Applied by hand." });

/** Root of `shared.yaml`. */
export const SharedFileSchema = z
  .strictObject({
    organization: Organization,
    networkHub: NetworkHub,
    planGuard: PlanGuardSettings.default({ allow: [] }),
    bootstrap: BootstrapSettings.optional(),
  })
  .meta({ title: "Landing zone shared config", description: "environments/shared.yaml: the organization and the network hub." });

const usage = (description: string, dflt: number, max = 1e12) =>
  z
    .number({ error: `Write a number of at least 0, for example ${dflt}.` })
    .min(0, { error: `Write a number of at least 0, for example ${dflt}.` })
    .max(max, { error: `Write a number of at most ${max}.` })
    .default(dflt)
    .meta({ description: `${description} @default ${dflt}` });

/**
 * What `lz cost` assumes about usage in one environment's account: traffic, requests, log volume and event counts
 * per month. They never change what is synthesized. Every figure is per month and per account. The defaults are
 * a small, steady workload; set the ones you know. See src/cost/ for how each one is priced.
 */
export const CostAssumptions = z
  .strictObject({
    hoursPerMonth: z
      .number({ error: "Write hoursPerMonth as a number of hours, for example 730." })
      .min(1, { error: "Write hoursPerMonth between 1 and 744 (31 days)." })
      .max(744, { error: "Write hoursPerMonth between 1 and 744 (31 days)." })
      .default(730)
      .meta({ description: "Hours every always-on resource runs in a month (AWS prices a month as 730 hours). @default 730" }),
    natGatewayGbProcessedPerMonth: usage("GB processed by all NAT gateways of the VPC together (egress to the internet and its replies).", 100),
    transitGatewayGbProcessedPerMonth: usage("GB this account sends through the Transit Gateway (to on-prem and the hub).", 50),
    networkFirewallGbProcessedPerMonth: usage("GB inspected by Network Firewall for this account's traffic, when it has firewall endpoints.", 100),
    flowLogGbPerMonth: usage("GB of VPC flow-log records ingested into CloudWatch Logs.", 20),
    albLcuPerHour: usage("Average load balancer capacity units (LCU) per ALB per hour.", 1, 1e6),
    cloudFrontDataOutGbPerMonth: usage("GB CloudFront serves to viewers.", 100),
    cloudFrontHttpsRequestsPerMonth: usage("HTTPS requests CloudFront serves.", 10_000_000),
    wafRequestsPerMonth: usage("Requests inspected by the web ACLs (CloudFront and ALB together).", 10_000_000),
    directConnectGbOutPerMonth: usage("GB sent from AWS to on-prem over Direct Connect (hub account).", 100),
    cloudTrailManagementEventsPerMonth: usage(
      "Management events in the account. The first trail's copy is free; GuardDuty analyses them.",
      500_000,
    ),
    cloudTrailDataEventsPerMonth: usage("CloudTrail data events recorded (S3 object and Lambda invoke events), when data events are on.", 0),
    configItemsPerMonth: usage("AWS Config configuration items recorded (continuous recording).", 2_000),
    configRuleEvaluationsPerMonth: usage("AWS Config rule evaluations.", 20_000),
    guardDutyDnsLogGbPerMonth: usage("GB of DNS query logs GuardDuty analyses (VPC flow logs are counted from flowLogGbPerMonth).", 2),
    securityHubChecksPerMonth: usage("Security Hub security checks run.", 5_000),
  })
  .meta({ description: "Usage assumptions of `lz cost` for this account, per month; they change no resource. @default the defaults of each field" });

/** Root of one environment file (`dev.yaml`, `prod.yaml`, ...). */
export const EnvironmentFileSchema = z
  .strictObject({
    name: z
      .string()
      .regex(/^[a-z][a-z0-9-]{0,18}[a-z0-9]$/, { error: "Write a short lowercase environment name (2-20 characters, a-z 0-9 -), for example prod." })
      .meta({ description: "Environment name; part of the stack name workload-<name>." }),
    accountId: AccountId,
    region: RegionName.meta({ description: "Region of the workload VPC; must be the network hub's Region." }),
    segment: z
      .enum(["prod", "nonprod"], { error: "Write segment: prod or segment: nonprod." })
      .meta({ description: "Routing segment. prod and nonprod never reach each other through the transit gateway." }),
    vpc: WorkloadVpc,
    alerts: AlertSettings.default({ emails: [] }),
    costAssumptions: CostAssumptions.prefault({}),
  })
  .meta({ title: "Landing zone environment", description: "One workload account: its VPC and routing segment." });

/** The parsed `shared.yaml`, after defaults. */
export type SharedFile = z.output<typeof SharedFileSchema>;
/** One parsed environment file, after defaults. */
export type EnvironmentFile = z.output<typeof EnvironmentFileSchema>;
/** Usage assumptions of the cost estimate, after defaults. */
export type CostAssumptionsFile = z.output<typeof CostAssumptions>;
/** A subnet tier name. */
export type SubnetTier = (typeof SUBNET_TIERS)[number];
