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

/** One accepted policy-pack finding: a rule not enforced in this account's stack, with the reason. */
export const PolicySuppression = z
  .strictObject({
    rule: z
      .string()
      .regex(/^LZ-[A-Z]+\d+$/, { error: "Write a rule id such as LZ-NET1 (see docs/rules.md)." })
      .meta({ description: "Policy-pack rule id, for example LZ-IAM3 (docs/rules.md lists them)." }),
    address: z
      .string()
      .min(1)
      .optional()
      .meta({ description: "Terraform address (or address prefix) the suppression is limited to, for example aws_iam_role.deploy. @default every resource of the stack" }),
    reason: z
      .string()
      .trim()
      .min(10, { error: "Write a reason of at least 10 characters: why this finding is acceptable here." })
      .meta({ description: "Why the finding is acceptable (at least 10 characters); echoed in the synth summary." }),
  })
  .meta({ description: "An accepted policy-pack finding." });

/** Policy-pack settings of one account stack. */
export const PolicySettings = z
  .strictObject({
    suppressions: z.array(PolicySuppression).default([]).meta({ description: "Accepted findings, each with a reason. @default []" }),
  })
  .meta({ description: "Synth-time policy pack: an error-level finding fails synthesis unless suppressed here." });

/** CloudWatch alarm thresholds of a workload account; each has a default. */
export const AlarmSettings = z
  .strictObject({
    natPortAllocationErrors: z.int().min(1).default(1).meta({ description: "NAT gateway ErrorPortAllocation count per 5 minutes that alarms. @default 1" }),
    alb5xxPercent: z.number().min(0.1).max(100).default(5).meta({ description: "ALB target + ELB 5xx responses, percent of requests over 5 minutes. @default 5" }),
    albTargetResponseSeconds: z.number().min(0.01).default(2).meta({ description: "ALB target response time p95, seconds. @default 2" }),
    ecsCpuPercent: z.number().min(1).max(100).default(85).meta({ description: "ECS service average CPU, percent. @default 85" }),
    ecsMemoryPercent: z.number().min(1).max(100).default(85).meta({ description: "ECS service average memory, percent. @default 85" }),
    rdsCpuPercent: z.number().min(1).max(100).default(80).meta({ description: "RDS CPU, percent. @default 80" }),
    rdsFreeStorageGiB: z.number().min(0.1).default(10).meta({ description: "RDS free storage below this many GiB alarms. @default 10" }),
    rdsReplicaLagSeconds: z.number().min(1).default(60).meta({ description: "RDS replica lag, seconds. @default 60" }),
    rdsConnections: z.int().min(1).default(500).meta({ description: "RDS database connections. @default 500" }),
    cacheCpuPercent: z.number().min(1).max(100).default(75).meta({ description: "ElastiCache engine CPU, percent. @default 75" }),
    cacheEvictions: z.int().min(1).default(100).meta({ description: "ElastiCache evictions per 5 minutes. @default 100" }),
    wafBlockedRequests: z.int().min(1).default(1000).meta({ description: "WAF blocked requests per 5 minutes (an IP flood or attack). @default 1000" }),
  })
  .meta({ description: "Alarm thresholds; every alarm notifies the account's alert topic." });

/** The security, governance and observability baseline every account stack carries. */
export const BaselineSettings = z
  .strictObject({
    logArchive: z
      .strictObject({
        objectLockDays: z.int().min(1).max(36500).default(365).meta({ description: "Object Lock default retention (GOVERNANCE mode) of every log object, days. @default 365" }),
        infrequentAccessDays: z.int().min(30).default(30).meta({ description: "Days before log objects move to STANDARD_IA. @default 30" }),
        glacierDays: z.int().min(31).default(90).meta({ description: "Days before log objects move to GLACIER (Flexible Retrieval). @default 90" }),
        expireDays: z.int().min(1).default(2557).meta({ description: "Days before log objects expire (7 years). Must exceed objectLockDays and glacierDays. @default 2557" }),
      })
      .default({ objectLockDays: 365, infrequentAccessDays: 30, glacierDays: 90, expireDays: 2557 })
      .meta({ description: "The central log bucket in the network hub account (CloudTrail and AWS Config of every account)." }),
    cloudTrail: z
      .strictObject({
        logRetentionDays: z
          .int()
          .refine((v) => (CLOUDWATCH_RETENTION_DAYS as readonly number[]).includes(v), {
            error: `CloudWatch Logs accepts only these retention periods (days): ${CLOUDWATCH_RETENTION_DAYS.join(", ")}.`,
          })
          .default(365)
          .meta({ description: "Retention of each account's CloudTrail log group, days. @default 365" }),
        organizationTrail: z
          .boolean()
          .default(false)
          .meta({ description: "true when the hub is the organization's management (or delegated) account: the hub's trail becomes an organization trail. @default false" }),
      })
      .default({ logRetentionDays: 365, organizationTrail: false })
      .meta({ description: "CloudTrail in every account: multi-Region, validated, KMS, to the central bucket and CloudWatch Logs." }),
    guardDuty: z
      .strictObject({
        s3Protection: z.boolean().default(true).meta({ description: "GuardDuty S3 Protection (S3 data events). @default true" }),
        eksProtection: z.boolean().default(false).meta({ description: "GuardDuty EKS audit-log monitoring (no EKS in this landing zone). @default false" }),
      })
      .default({ s3Protection: true, eksProtection: false })
      .meta({ description: "GuardDuty detector settings." }),
    securityHub: z
      .strictObject({
        cisVersion: z
          .enum(["1.4.0", "3.0.0"], { error: "Write cisVersion: \"3.0.0\" or cisVersion: \"1.4.0\"." })
          .default("3.0.0")
          .meta({ description: "CIS AWS Foundations Benchmark version to subscribe to. @default 3.0.0" }),
      })
      .default({ cisVersion: "3.0.0" })
      .meta({ description: "Security Hub: AWS Foundational Security Best Practices and CIS standards." }),
    sessionManager: z
      .strictObject({
        logRetentionDays: z
          .int()
          .refine((v) => (CLOUDWATCH_RETENTION_DAYS as readonly number[]).includes(v), {
            error: `CloudWatch Logs accepts only these retention periods (days): ${CLOUDWATCH_RETENTION_DAYS.join(", ")}.`,
          })
          .default(365)
          .meta({ description: "Retention of the Session Manager session log group, days. @default 365" }),
      })
      .default({ logRetentionDays: 365 })
      .meta({ description: "SSM Session Manager preferences: sessions logged to a KMS-encrypted log group." }),
  })
  .meta({ description: "Security, governance and observability baseline in every account." });

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
    policy: PolicySettings.default({ suppressions: [] }),
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

/** Root of `shared.yaml`. */
export const SharedFileSchema = z
  .strictObject({
    organization: Organization,
    networkHub: NetworkHub,
    planGuard: PlanGuardSettings.default({ allow: [] }),
    baseline: BaselineSettings.default({
      logArchive: { objectLockDays: 365, infrequentAccessDays: 30, glacierDays: 90, expireDays: 2557 },
      cloudTrail: { logRetentionDays: 365, organizationTrail: false },
      guardDuty: { s3Protection: true, eksProtection: false },
      securityHub: { cisVersion: "3.0.0" },
      sessionManager: { logRetentionDays: 365 },
    }),
  })
  .meta({ title: "Landing zone shared config", description: "environments/shared.yaml: the organization and the network hub." });

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
    alarms: AlarmSettings.prefault({}),
    policy: PolicySettings.default({ suppressions: [] }),
  })
  .meta({ title: "Landing zone environment", description: "One workload account: its VPC and routing segment." });

/** The parsed `shared.yaml`, after defaults. */
export type SharedFile = z.output<typeof SharedFileSchema>;
/** One parsed environment file, after defaults. */
export type EnvironmentFile = z.output<typeof EnvironmentFileSchema>;
/** A subnet tier name. */
export type SubnetTier = (typeof SUBNET_TIERS)[number];
