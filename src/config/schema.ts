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
import { logRetentionDays } from "./log-retention.js";

export { CLOUDWATCH_RETENTION_DAYS } from "./log-retention.js";
import { AppSettings } from "./app-schema.js";

const ACCOUNT_ID_HINT =
  'Write the 12-digit AWS account id in quotes, for example accountId: "123456789012" (unquoted, YAML reads a number and drops leading zeros).';

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
export const IamRoleName = z.string().regex(/^[\w+=,.@-]{1,64}$/, {
  error: "Write an IAM role name (not an ARN): 1-64 letters, digits or +=,.@_- , for example LandingZoneDeploy.",
});

/** Tiers of subnets in every workload VPC, repeated in every AZ. */
export const SUBNET_TIERS = ["public", "privateApp", "privateData", "transit"] as const;

/**
 * Optional subnet tiers, present only in some VPCs: `firewall` holds the AWS Network Firewall endpoints of an
 * environment with `inspection: per-vpc` (one /28 per AZ, see FIREWALL_SUBNET_PREFIX_LENGTH in subnet-plan.ts).
 */
export const OPTIONAL_SUBNET_TIERS = ["firewall"] as const;

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
      .enum(["one-per-az", "single"], {
        error: "Write natGateways: one-per-az (highly available) or natGateways: single (cheaper, dev only).",
      })
      .default("one-per-az")
      .meta({ description: "one-per-az: a NAT gateway in every AZ (prod-safe). single: one shared NAT gateway. @default one-per-az" }),
    flowLogs: z
      .strictObject({
        retentionDays: logRetentionDays(365, "Flow-log retention in days (a CloudWatch Logs retention value)."),
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
      .regex(/^[A-Za-z0-9!_.*'()-]+(\/[A-Za-z0-9!_.*'()-]+)*$/, {
        error: "Write a key prefix without leading or trailing slash, for example landing-zone.",
      })
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
    ramSharingWithAwsOrganization: z.boolean().default(false).meta({
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
    address: z.string().min(1).optional().meta({
      description:
        "Terraform address (or address prefix) the suppression is limited to, for example aws_iam_role.deploy. @default every resource of the stack",
    }),
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
    natPortAllocationErrors: z
      .int()
      .min(1)
      .default(1)
      .meta({ description: "NAT gateway ErrorPortAllocation count per 5 minutes that alarms. @default 1" }),
    alb5xxPercent: z
      .number()
      .min(0.1)
      .max(100)
      .default(5)
      .meta({ description: "ALB target + ELB 5xx responses, percent of requests over 5 minutes. @default 5" }),
    albTargetResponseSeconds: z.number().min(0.01).default(2).meta({ description: "ALB target response time p95, seconds. @default 2" }),
    ecsCpuPercent: z.number().min(1).max(100).default(85).meta({ description: "ECS service average CPU, percent. @default 85" }),
    ecsMemoryPercent: z.number().min(1).max(100).default(85).meta({ description: "ECS service average memory, percent. @default 85" }),
    rdsCpuPercent: z.number().min(1).max(100).default(80).meta({ description: "RDS CPU, percent. @default 80" }),
    rdsFreeStorageGiB: z.number().min(0.1).default(10).meta({ description: "RDS free storage below this many GiB alarms. @default 10" }),
    rdsReplicaLagSeconds: z.number().min(1).default(60).meta({ description: "RDS replica lag, seconds. @default 60" }),
    rdsConnections: z.int().min(1).default(500).meta({ description: "RDS database connections. @default 500" }),
    cacheCpuPercent: z.number().min(1).max(100).default(75).meta({ description: "ElastiCache engine CPU, percent. @default 75" }),
    cacheEvictions: z.int().min(1).default(100).meta({ description: "ElastiCache evictions per 5 minutes. @default 100" }),
    wafBlockedRequests: z
      .int()
      .min(1)
      .default(1000)
      .meta({ description: "WAF blocked requests per 5 minutes (an IP flood or attack). @default 1000" }),
  })
  .meta({ description: "Alarm thresholds; every alarm notifies the account's alert topic." });

/** The security, governance and observability baseline every account stack carries. */
export const BaselineSettings = z
  .strictObject({
    logArchive: z
      .strictObject({
        objectLockDays: z
          .int()
          .min(1)
          .max(36500)
          .default(365)
          .meta({ description: "Object Lock default retention (GOVERNANCE mode) of every log object, days. @default 365" }),
        infrequentAccessDays: z.int().min(30).default(30).meta({ description: "Days before log objects move to STANDARD_IA. @default 30" }),
        glacierDays: z
          .int()
          .min(31)
          .default(90)
          .meta({ description: "Days before log objects move to GLACIER (Flexible Retrieval). @default 90" }),
        expireDays: z
          .int()
          .min(1)
          .default(2557)
          .meta({ description: "Days before log objects expire (7 years). Must exceed objectLockDays and glacierDays. @default 2557" }),
      })
      .default({ objectLockDays: 365, infrequentAccessDays: 30, glacierDays: 90, expireDays: 2557 })
      .meta({ description: "The central log bucket in the network hub account (CloudTrail and AWS Config of every account)." }),
    cloudTrail: z
      .strictObject({
        logRetentionDays: logRetentionDays(365, "Retention of each account's CloudTrail log group, days."),
        organizationTrail: z.boolean().default(false).meta({
          description:
            "true when the hub is the organization's management (or delegated) account: the hub's trail becomes an organization trail. @default false",
        }),
      })
      .default({ logRetentionDays: 365, organizationTrail: false })
      .meta({ description: "CloudTrail in every account: multi-Region, validated, KMS, to the central bucket and CloudWatch Logs." }),
    guardDuty: z
      .strictObject({
        s3Protection: z.boolean().default(true).meta({ description: "GuardDuty S3 Protection (S3 data events). @default true" }),
        eksProtection: z
          .boolean()
          .default(false)
          .meta({ description: "GuardDuty EKS audit-log monitoring (no EKS in this landing zone). @default false" }),
      })
      .default({ s3Protection: true, eksProtection: false })
      .meta({ description: "GuardDuty detector settings." }),
    securityHub: z
      .strictObject({
        cisVersion: z
          .enum(["1.4.0", "3.0.0"], { error: 'Write cisVersion: "3.0.0" or cisVersion: "1.4.0".' })
          .default("3.0.0")
          .meta({ description: "CIS AWS Foundations Benchmark version to subscribe to. @default 3.0.0" }),
      })
      .default({ cisVersion: "3.0.0" })
      .meta({ description: "Security Hub: AWS Foundational Security Best Practices and CIS standards." }),
    sessionManager: z
      .strictObject({
        logRetentionDays: logRetentionDays(365, "Retention of the Session Manager session log group, days."),
      })
      .default({ logRetentionDays: 365 })
      .meta({ description: "SSM Session Manager preferences: sessions logged to a KMS-encrypted log group." }),
  })
  .meta({ description: "Security, governance and observability baseline in every account." });

// ---------------------------------------------------------------------------------------------------------------
// Hybrid connectivity, inspection and routing intents: `networkHub.hybrid`, the environment's `inspection` and
// `onPremisesAccess`, and shared.yaml's `routing`; src/config/validate/hybrid.ts and routing.ts hold the cross-field rules.
// ---------------------------------------------------------------------------------------------------------------

/** An IPv4 address `a.b.c.d`. */
export const Ipv4Address = z
  .string({ error: "Write an IPv4 address such as 203.0.113.10." })
  .regex(/^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/, {
    error: "Write an IPv4 address such as 203.0.113.10.",
  })
  .meta({ description: "IPv4 address, a.b.c.d." });

/**
 * A secret kept in AWS Secrets Manager, by name or ARN. Its value is read at apply time
 * (`data.aws_secretsmanager_secret_version`) and never written in the YAML or in git.
 */
export const SecretReference = z
  .strictObject({
    secretsManagerSecretId: z
      .string()
      .regex(/^(arn:aws(-cn|-us-gov)?:secretsmanager:[a-z0-9-]+:\d{12}:secret:[\w/+=.@-]+|[\w/+=.@-]{1,512})$/, {
        error: "Write a Secrets Manager secret name or ARN, for example acme/network/dx-bgp-auth-key.",
      })
      .meta({ description: "Name or ARN of the Secrets Manager secret whose SecretString is the value." }),
  })
  .meta({ description: "A value referenced from AWS Secrets Manager; the config never holds the value itself." });

/** Transit virtual interface on an existing Direct Connect connection. */
export const TransitVirtualInterface = z
  .strictObject({
    connectionId: z
      .string()
      .regex(/^dx(con|lag)-[a-z0-9]{8,}$/, {
        error: "Write the id of an existing dedicated or hosted connection (or LAG), for example dxcon-fgabc123.",
      })
      .meta({
        description: "Existing dedicated or hosted Direct Connect connection (dxcon-…) or LAG (dxlag-…) to create the interface on.",
      }),
    vlan: z
      .int({ error: "Write the VLAN id as a whole number from 1 to 4094." })
      .min(1, { error: "A VLAN id is 1 to 4094." })
      .max(4094, { error: "A VLAN id is 1 to 4094." })
      .meta({ description: "802.1Q VLAN id, 1-4094 (the one your provider assigned on a hosted connection)." }),
    customerAsn: Asn.optional().meta({
      description: "BGP ASN of the on-prem router on this interface. @default networkHub.onPremises.bgpAsn",
    }),
    mtu: z
      .literal([1500, 8500], { error: "Write mtu: 1500 or mtu: 8500 (jumbo frames)." })
      .default(8500)
      .meta({ description: "MTU in bytes: 1500 or 8500 (jumbo frames on a transit VIF). @default 8500" }),
    bgpAuthKey: SecretReference.meta({ description: "BGP MD5 authentication key, referenced from Secrets Manager." }),
  })
  .meta({ description: "A transit virtual interface to the Direct Connect gateway. Changing vlan or connectionId replaces it." });

/** Direct Connect: the gateway, an optional transit VIF, and the association with the transit gateway. */
export const DirectConnectSettings = z
  .strictObject({
    gateway: z
      .strictObject({
        amazonSideAsn: Asn.meta({
          description:
            "Amazon-side ASN of the Direct Connect gateway; must differ from the transit gateway's. Changing it replaces the gateway.",
        }),
      })
      .meta({ description: "The Direct Connect gateway." }),
    transitVirtualInterface: TransitVirtualInterface.optional(),
    allowedPrefixes: z
      .array(Ipv4Cidr)
      .min(1, { error: "List at least one prefix, or remove allowedPrefixes to use the default." })
      .max(200, { error: "AWS accepts at most 200 allowed prefixes on a transit gateway association. Summarize them." })
      .optional()
      .meta({
        description:
          "Prefixes AWS advertises to on-prem over Direct Connect (at most 200). @default the summarized VPC CIDRs of the environments on-prem may reach",
      }),
  })
  .meta({ description: "AWS Direct Connect: primary path to on-prem." });

const ikePhase = (phase: 1 | 2, minSeconds: number, maxSeconds: number) =>
  z
    .strictObject({
      encryptionAlgorithms: z
        .array(z.enum(["AES256", "AES256-GCM-16"], { error: "Write AES256 or AES256-GCM-16." }))
        .min(1)
        .default(["AES256-GCM-16"])
        .meta({ description: `Phase ${phase} encryption: AES256 and/or AES256-GCM-16. @default [AES256-GCM-16]` }),
      integrityAlgorithms: z
        .array(z.enum(["SHA2-256", "SHA2-384", "SHA2-512"], { error: "Write SHA2-256, SHA2-384 or SHA2-512." }))
        .min(1)
        .default(["SHA2-256"])
        .meta({ description: `Phase ${phase} integrity: SHA2-256, SHA2-384, SHA2-512. @default [SHA2-256]` }),
      dhGroupNumbers: z
        .array(z.literal([14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24], { error: "Write a Diffie-Hellman group from 14 to 24." }))
        .min(1)
        .default([20])
        .meta({ description: `Phase ${phase} Diffie-Hellman groups, 14-24. @default [20]` }),
      lifetimeSeconds: z
        .int()
        .min(minSeconds, { error: `AWS accepts a phase ${phase} lifetime of ${minSeconds} to ${maxSeconds} seconds.` })
        .max(maxSeconds, { error: `AWS accepts a phase ${phase} lifetime of ${minSeconds} to ${maxSeconds} seconds.` })
        .default(maxSeconds)
        .meta({ description: `Phase ${phase} lifetime in seconds, ${minSeconds}-${maxSeconds}. @default ${maxSeconds}` }),
    })
    .meta({ description: `IKE phase ${phase} proposals of both tunnels.` });

/** One VPN tunnel. */
export const VpnTunnel = z
  .strictObject({
    insideCidr: Ipv4Cidr.meta({ description: "/30 inside 169.254.0.0/16, outside AWS's reserved /30s, distinct from the other tunnel's." }),
    preSharedKey: SecretReference.optional().meta({ description: "Pre-shared key from Secrets Manager. @default AWS generates one" }),
  })
  .meta({ description: "One of the two tunnels of the VPN connection." });

/** Site-to-Site VPN on the transit gateway: the backup path. */
export const VpnSettings = z
  .strictObject({
    customerGateway: z
      .strictObject({
        ipAddress: Ipv4Address.meta({
          description: "Public IPv4 address of the on-prem VPN device. Changing it replaces the customer gateway.",
        }),
        bgpAsn: Asn.optional().meta({ description: "BGP ASN of the on-prem VPN device. @default networkHub.onPremises.bgpAsn" }),
      })
      .meta({ description: "The on-prem VPN device." }),
    staticRoutesOnly: z
      .boolean()
      .default(false)
      .meta({ description: "false: BGP (required alongside Direct Connect, so DX-propagated routes win). @default false" }),
    tunnels: z
      .tuple([VpnTunnel, VpnTunnel], { error: "List exactly two tunnels." })
      .meta({ description: "The two tunnels, each with its /30 inside CIDR." }),
    ikeVersions: z
      .array(z.literal("ikev2", { error: "Only ikev2 is allowed; IKEv1 is weaker and slower to rekey. Write ikeVersions: [ikev2]." }))
      .min(1)
      .default(["ikev2"])
      .meta({ description: "IKE versions: ikev2 only. @default [ikev2]" }),
    phase1: ikePhase(1, 900, 28800).default({
      encryptionAlgorithms: ["AES256-GCM-16"],
      integrityAlgorithms: ["SHA2-256"],
      dhGroupNumbers: [20],
      lifetimeSeconds: 28800,
    }),
    phase2: ikePhase(2, 900, 3600).default({
      encryptionAlgorithms: ["AES256-GCM-16"],
      integrityAlgorithms: ["SHA2-256"],
      dhGroupNumbers: [20],
      lifetimeSeconds: 3600,
    }),
    dpdTimeoutSeconds: z
      .int()
      .min(30, { error: "AWS's minimum dead peer detection timeout is 30 seconds." })
      .default(30)
      .meta({ description: "Dead peer detection timeout in seconds, at least 30. @default 30" }),
    dpdTimeoutAction: z
      .literal("restart", { error: "Write dpdTimeoutAction: restart, so AWS re-initiates IKE when the peer is lost." })
      .default("restart")
      .meta({ description: "What AWS does after a DPD timeout: restart. @default restart" }),
    logging: z
      .strictObject({
        retentionDays: logRetentionDays(365, "Tunnel log retention in days."),
      })
      .default({ retentionDays: 365 })
      .meta({ description: "Tunnel activity logs to a KMS-encrypted CloudWatch log group." }),
  })
  .meta({ description: "AWS Site-to-Site VPN attached to the transit gateway: backup path to on-prem." });

/** The central inspection VPC in the hub account. */
export const InspectionSettings = z
  .strictObject({
    vpcCidr: Ipv4Cidr.meta({
      description: "Inspection VPC CIDR, /16 to /24, overlapping no other VPC or on-prem range. Changing it replaces the VPC.",
    }),
    azCount: z
      .literal([2, 3], { error: "Write azCount: 2 or azCount: 3." })
      .default(3)
      .meta({ description: "AZs with a firewall endpoint; at least the azCount of every centrally inspected VPC. @default 3" }),
    allowedDomains: z
      .array(
        z
          .string()
          .regex(/^\.?([a-z0-9-]+\.)+[a-z]{2,}$/, { error: "Write a domain such as github.com, or .amazonaws.com for every subdomain." }),
      )
      .default([])
      .meta({ description: "Egress domain allow-list (HTTP Host / TLS SNI); a leading dot matches subdomains. @default [] (no egress)" }),
    suricataRules: z
      .array(z.string().min(1))
      .default([])
      .meta({ description: "Extra Suricata-compatible rules, one per entry, evaluated in strict order after the allow-list. @default []" }),
    logRetentionDays: logRetentionDays(365, "Retention of the FLOW and ALERT log groups, in days."),
  })
  .meta({
    description:
      "Central inspection VPC: AWS Network Firewall endpoints per AZ, appliance mode on its TGW attachment, central egress. Its allowedDomains, suricataRules and logRetentionDays are also the policy of every per-vpc firewall.",
  });

/** Hybrid connectivity and inspection in the hub. */
export const HybridSettings = z
  .strictObject({
    directConnect: DirectConnectSettings.optional(),
    vpn: VpnSettings.optional(),
    inspection: InspectionSettings.optional(),
  })
  .meta({ description: "Direct Connect (primary), Site-to-Site VPN (backup) and the central inspection VPC." });

/** Names of injected failures: `directconnect-down`, `vpn-tunnel-1-down`, `vpn-tunnel-2-down`, `az-a-down` … `az-c-down`. */
export const FAILURE_NAME = /^(directconnect-down|vpn-tunnel-[12]-down|az-[abc]-down)$/;

/** A path waypoint an intent may require. */
export const Waypoint = z.enum(["directconnect", "vpn", "inspection"], { error: "Write directconnect, vpn or inspection." });

/** What an intent expects: `denied`, or `{ via: … }` (every listed waypoint on the path, both ways). */
export const IntentExpectation = z.union(
  [
    z.literal("denied"),
    z.strictObject({
      via: z.union([Waypoint, z.array(Waypoint).min(1)]).meta({ description: "Waypoint(s) the path must cross, forward and back." }),
    }),
  ],
  { error: "Write denied, or via: directconnect | vpn | inspection (or a list of them)." },
);

const LOCATION =
  /^(onprem(:(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3})?|internet|[a-z][a-z0-9-]*\/(public|privateApp|privateData)(\/[abc])?|(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3})$/;
const LOCATION_HINT =
  "Write onprem, onprem:<ip>, <env>/<tier>[/<az a|b|c>], an IP address inside a VPC, or internet (as from: only toward a public subnet).";

/** A routing intent, checked by the verifier in the normal state and under every injected failure. */
export const RoutingIntent = z
  .strictObject({
    name: z
      .string()
      .regex(/^[a-z][a-z0-9-]{1,62}$/, { error: "Write a short lowercase name, a-z 0-9 -, for example onprem-to-prod-app." })
      .meta({ description: "Name shown in the report and in errors." }),
    from: z
      .string()
      .regex(LOCATION, { error: LOCATION_HINT })
      .meta({ description: `Source. ${LOCATION_HINT}` }),
    to: z
      .string()
      .regex(LOCATION, { error: LOCATION_HINT })
      .meta({ description: `Destination. ${LOCATION_HINT}` }),
    expect: IntentExpectation.meta({ description: "Expected outcome in the normal state, and under failures not listed in failures." }),
    failures: z
      .record(
        z.string().regex(FAILURE_NAME, { error: "Write directconnect-down, vpn-tunnel-1-down, vpn-tunnel-2-down or az-<a|b|c>-down." }),
        IntentExpectation,
      )
      .default({})
      .meta({ description: "Expected outcome under a given failure, when it differs from expect. @default {}" }),
  })
  .meta({ description: "A routing intent: from, to, and what is expected." });

/** A static transit gateway route written in the config. */
export const StaticRouteSettings = z
  .strictObject({
    routeTable: z
      .enum(["prod", "nonprod", "onprem"], { error: "Write prod, nonprod or onprem." })
      .meta({ description: "Transit gateway route table (segment)." }),
    destinationCidr: Ipv4Cidr,
    target: z
      .enum(["vpn", "blackhole"], { error: "Write vpn or blackhole." })
      .meta({ description: "vpn: the VPN attachment (not allowed with Direct Connect); blackhole: drop." }),
  })
  .meta({ description: "A static TGW route. Static routes beat every propagated route of the same prefix." });

/** Routing: extra static routes and the intents the verifier proves. */
export const RoutingSettings = z
  .strictObject({
    staticRoutes: z.array(StaticRouteSettings).default([]).meta({ description: "Extra static TGW routes. @default []" }),
    intents: z
      .array(RoutingIntent)
      .default([])
      .meta({ description: "Routing intents proven by lz routes, lz validate and synth. @default []" }),
  })
  .meta({ description: "Routing intents and extra static routes." });

/** Which tiers of an environment on-prem may reach: `all`, `none`, or a list of on-prem CIDRs. */
const tierAccess = (tier: string, dflt: "all" | "none") =>
  z
    .union([z.enum(["all", "none"]), z.array(Ipv4Cidr).min(1)], { error: "Write all, none, or a list of on-prem CIDRs." })
    .default(dflt)
    .meta({ description: `On-prem access to the ${tier} tier: all, none, or only from the listed on-prem CIDRs. @default ${dflt}` });

/** On-prem access to a workload environment, per tier. */
export const OnPremisesAccess = z
  .strictObject({ privateApp: tierAccess("privateApp", "all"), privateData: tierAccess("privateData", "none") })
  .meta({ description: "Which tiers on-prem reaches. The public tier is never routed to on-prem." });

/** The network hub account: transit gateway and on-prem reachability. */
export const NetworkHub = z
  .strictObject({
    accountId: AccountId,
    region: RegionName.meta({ description: "Region of the transit gateway; every workload VPC must be in it." }),
    transitGateway: z
      .strictObject({
        amazonSideAsn: Asn.default(64512).meta({
          description: "Amazon-side BGP ASN of the transit gateway. Changing it replaces the transit gateway. @default 64512",
        }),
      })
      .meta({ description: "The hub transit gateway." }),
    onPremises: OnPremises,
    alerts: AlertSettings.default({ emails: [] }),
    hybrid: HybridSettings.optional(),
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

/** A managed IAM policy attached to the deploy role, with the reason it is needed. */
export const DeployRolePolicy = z
  .strictObject({
    arn: z
      .string()
      .regex(/^arn:aws(-cn|-us-gov)?:iam::(aws|\d{12}):policy\/[\w+=,.@/-]+$/, {
        error:
          "Write a managed policy ARN, for example arn:aws:iam::aws:policy/PowerUserAccess or arn:aws:iam::123456789012:policy/LandingZoneDeploy.",
      })
      .meta({ description: "ARN of an AWS-managed or customer-managed IAM policy." }),
    reason: z.string().trim().min(10, { error: "Write a reason of at least 10 characters: why the deploy role needs these rights." }).meta({
      description: "Why the deploy role needs this policy (at least 10 characters), so a reviewer sees why broad rights were granted.",
    }),
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
      .enum(["local", "s3"], {
        error: "Write backend: local (day 0, before the state bucket exists) or backend: s3 (after the bootstrap state was migrated).",
      })
      .default("local")
      .meta({
        description:
          "Where the bootstrap stack keeps its own state. local: a file next to the output folder (day 0). s3: the state bucket, key <keyPrefix>/bootstrap.tfstate (after migrating, see README Day 0). @default local",
      }),
    deployRolePolicies: z
      .array(DeployRolePolicy)
      .min(1, {
        error: "List at least one policy for the deploy role, with a reason, for example arn: arn:aws:iam::aws:policy/AdministratorAccess.",
      })
      .meta({
        description:
          "Managed policies of the deploy role (organization.deployRoleName) in every account, each with the reason it is needed.",
      }),
  })
  .meta({ description: "Bootstrap stack: state bucket and key, GitHub OIDC provider, plan/apply/deploy roles. Applied by hand." });

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
      cloudTrail: { logRetentionDays: 365, organizationTrail: false },
      guardDuty: { s3Protection: true, eksProtection: false },
      securityHub: { cisVersion: "3.0.0" },
      sessionManager: { logRetentionDays: 365 },
    }),
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
    natGatewayGbProcessedPerMonth: usage(
      "GB processed by all NAT gateways of the VPC together (egress to the internet and its replies).",
      100,
    ),
    transitGatewayGbProcessedPerMonth: usage("GB this account sends through the Transit Gateway (to on-prem and the hub).", 50),
    networkFirewallGbProcessedPerMonth: usage(
      "GB inspected by Network Firewall for this account's traffic, when it has firewall endpoints.",
      100,
    ),
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
    cloudTrailDataEventsPerMonth: usage(
      "CloudTrail data events recorded (S3 object and Lambda invoke events), when data events are on.",
      0,
    ),
    configItemsPerMonth: usage("AWS Config configuration items recorded (continuous recording).", 2_000),
    configRuleEvaluationsPerMonth: usage("AWS Config rule evaluations.", 20_000),
    guardDutyDnsLogGbPerMonth: usage("GB of DNS query logs GuardDuty analyses (VPC flow logs are counted from flowLogGbPerMonth).", 2),
    securityHubChecksPerMonth: usage("Security Hub security checks run.", 5_000),
  })
  .meta({
    description: "Usage assumptions of `lz cost` for this account, per month; they change no resource. @default the defaults of each field",
  });

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
    region: RegionName.meta({ description: "Region of the workload VPC; must be the network hub's Region." }),
    segment: z
      .enum(["prod", "nonprod"], { error: "Write segment: prod or segment: nonprod." })
      .meta({ description: "Routing segment. prod and nonprod never reach each other through the transit gateway." }),
    vpc: WorkloadVpc,
    alerts: AlertSettings.default({ emails: [] }),
    app: AppSettings.optional().meta({
      description: "The application tier (see src/config/app-schema.ts). Omit it for an account without an app.",
    }),
    inspection: z.enum(["central", "per-vpc", "none"], { error: "Write inspection: central, per-vpc or none." }).default("none").meta({
      description:
        "central: inter-segment, on-prem and internet traffic through the hub inspection VPC. per-vpc: a firewall tier in this VPC. none: no Network Firewall. @default none",
    }),
    onPremisesAccess: OnPremisesAccess.default({ privateApp: "all", privateData: "none" }),
    alarms: AlarmSettings.prefault({}),
    policy: PolicySettings.default({ suppressions: [] }),
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
/** An optional subnet tier name (see {@link OPTIONAL_SUBNET_TIERS}). */
export type OptionalSubnetTier = (typeof OPTIONAL_SUBNET_TIERS)[number];
/** Inspection mode of an environment. */
export type InspectionMode = EnvironmentFile["inspection"];
/** A routing intent as parsed. */
export type RoutingIntentSettings = z.output<typeof RoutingIntent>;
