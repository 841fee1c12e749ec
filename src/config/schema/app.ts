/**
 * The `app:` block of an environment file: the application tier (CloudFront + WAF + Shield → ALB →
 * ECS Fargate → an optional database (RDS MySQL or PostgreSQL, Aurora MySQL or PostgreSQL) and an optional
 * ElastiCache cache (Redis OSS or Valkey), and an S3 frontend). See docs/app-data.md for the data choices.
 *
 * One area of the schema folder: ./index.ts only references {@link AppSettings}. Like every area file, this one
 * must not import ./index.ts (index.ts imports it, and the cycle would break whichever file loads second); shared
 * pieces live in small modules both import, such as ./log-retention.ts.
 *
 * Defaults are prod-safe (Multi-AZ, a read replica, deletion protection, two tasks) for the sections that are
 * written; `database:` and `cache:` themselves are optional (left out: none is built); a cheap
 * environment opts out explicitly, as the shipped `dev.yaml` does. Cross-field rules (prod needs
 * Multi-AZ and at least 7 backup days, a cache with Multi-AZ needs a replica, unique service names and
 * path patterns, an explicit `shieldAdvanced` in prod, ...) live in `validate/app.ts`; AWS type names (instance
 * class, node type, engine version, Fargate cpu/memory pair) are checked against AWS's tables in
 * `validate/aws-types.ts`.
 */
import { z } from "zod";
import { FARGATE_CPU_UNITS, FARGATE_SIZES_DOC } from "../../aws/fargate.js";
import { orList } from "../problems.js";
import { AppEc2Service, AppLambdaService, COMPUTE_HINT, checkCounts, ServiceAutoscaling } from "./app-compute.js";
import { AppDynamodbTables } from "./app-dynamodb.js";
import { AppDomain, AppEdge, AppNetworkLoadBalancer, AppServiceNlb } from "./app-edge.js";
import { logRetentionDays } from "./log-retention.js";

/** AWS WAF managed rule groups the `waf.managedRuleGroups` list may name (vendor AWS). */
export const WAF_MANAGED_RULE_GROUPS = [
  "AWSManagedRulesCommonRuleSet",
  "AWSManagedRulesKnownBadInputsRuleSet",
  "AWSManagedRulesSQLiRuleSet",
  "AWSManagedRulesAmazonIpReputationList",
  "AWSManagedRulesAnonymousIpList",
  "AWSManagedRulesLinuxRuleSet",
  "AWSManagedRulesUnixRuleSet",
  "AWSManagedRulesBotControlRuleSet",
] as const;

/** The default managed rule groups: Common, KnownBadInputs, SQLi and the Amazon IP reputation list. */
export const DEFAULT_WAF_RULE_GROUPS = [
  "AWSManagedRulesCommonRuleSet",
  "AWSManagedRulesKnownBadInputsRuleSet",
  "AWSManagedRulesSQLiRuleSet",
  "AWSManagedRulesAmazonIpReputationList",
] as const;

const SECRET_ARN_HINT =
  "Write the ARN of a Secrets Manager secret (arn:aws:secretsmanager:<region>:<account>:secret:<name>) or an SSM parameter (arn:aws:ssm:<region>:<account>:parameter/<name>); never the secret value itself.";

/** A reference to a secret: a Secrets Manager secret ARN (optionally with `:json-key::`) or an SSM parameter ARN. */
export const SecretArn = z
  .string({ error: SECRET_ARN_HINT })
  .regex(
    /^arn:aws(-cn|-us-gov)?:(secretsmanager:[a-z0-9-]+:\d{12}:secret:[\w/+=.@-]+(:[\w.-]*:[\w-]*:[\w-]*)?|ssm:[a-z0-9-]+:\d{12}:parameter\/[\w/.-]+)$/,
    {
      error: SECRET_ARN_HINT,
    },
  )
  .meta({ description: "ARN of a Secrets Manager secret or SSM parameter; ECS injects its value at task start." });

const ENV_NAME_HINT = "Write an environment variable name: a letter or _, then letters, digits or _, for example DB_NAME.";
const envName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, { error: ENV_NAME_HINT });

export { ServiceAutoscaling };

/** One containerized service: an ECR repository, a Fargate task definition, an ECS service and its ALB routing. */
export const AppFargateService = z
  .strictObject({
    name: z
      .string()
      .regex(/^[a-z][a-z0-9-]{0,18}[a-z0-9]$/, {
        error: "Write a short lowercase service name (2-20 characters, a-z 0-9 -), for example api.",
      })
      .meta({ description: "Service name; part of the ECS service, task family, ECR repository and log group names." }),
    compute: z
      .literal("ecs-fargate")
      .optional()
      .meta({ description: "ecs-fargate (the default), ec2-asg or lambda; see docs/app-compute.md. @default ecs-fargate" }),
    runtime: z
      .string()
      .regex(/^[a-z][a-z0-9.-]{1,30}$/, { error: "Write a short runtime label such as nodejs22 or python3.12." })
      .meta({ description: "Runtime label (documentation and the Runtime tag), for example nodejs22 or python3.12." }),
    ecrRepository: z
      .string()
      .regex(/^[a-z0-9]+([._-][a-z0-9]+)*(\/[a-z0-9]+([._-][a-z0-9]+)*)*$/, {
        error: "Write an ECR repository name: lowercase letters, digits and . _ - /, for example acme/api.",
      })
      .meta({ description: "Name of the ECR repository this stack creates for the service (scan on push, immutable tags, KMS)." }),
    imageTag: z
      .string()
      .regex(/^[\w][\w.-]{0,127}$/, { error: "Write an image tag such as 1.4.2 or a git SHA (tags are immutable, so never latest)." })
      .refine((t) => t !== "latest", {
        error: "Write a version or git SHA as imageTag; the repositories use immutable tags, so latest cannot move.",
      })
      .meta({ description: "Image tag to deploy. Repositories are immutable: every release pushes a new tag." }),
    containerPort: z
      .int({ error: "Write the container port as a whole number, for example 8080." })
      .min(1024, { error: "Write a containerPort of 1024 or more: the container runs as a non-root user, which cannot bind lower ports." })
      .max(65535, { error: "Write a containerPort of at most 65535." })
      .meta({ description: "Port the container listens on (≥ 1024, the task runs as a non-root user)." }),
    healthCheckPath: z
      .string()
      .regex(/^\/[\w./-]*$/, { error: "Write a health-check path starting with /, for example /health." })
      .default("/health")
      .meta({ description: "Path the ALB target group polls; 200-399 is healthy. @default /health" }),
    cpu: z
      .int({ error: `Write cpu as Fargate CPU units: ${orList(FARGATE_CPU_UNITS)} (1024 = 1 vCPU).` })
      .refine((v) => FARGATE_CPU_UNITS.includes(v), {
        error: `Write cpu as Fargate CPU units: ${orList(FARGATE_CPU_UNITS)} (1024 = 1 vCPU).`,
      })
      .meta({ description: `Task CPU units (1024 = 1 vCPU): ${FARGATE_CPU_UNITS.join(", ")}. See ${FARGATE_SIZES_DOC}` }),
    memoryMiB: z.int({ error: "Write memoryMiB as a whole number of MiB, for example 512." }).meta({
      description:
        "Task memory in MiB; must be a value Fargate allows for the cpu (for cpu 256: 512, 1024 or 2048), checked by lz validate.",
    }),
    user: z
      .string()
      .regex(/^(?!0(:|$)|root(:|$))[\w.-]+(:[\w.-]+)?$/, {
        error: 'Write a non-root user as uid[:gid] or name, for example "1000:1000"; root and uid 0 are not allowed.',
      })
      .default("1000:1000")
      .meta({ description: "User the container runs as (uid[:gid] or name from the image); never root. @default 1000:1000" }),
    desiredCount: z
      .int()
      .min(0)
      .default(2)
      .meta({ description: "Tasks started when the service is created; autoscaling adjusts it afterwards. @default 2" }),
    minCount: z.int().min(0).default(2).meta({ description: "Fewest tasks autoscaling keeps. @default 2" }),
    maxCount: z.int().min(1).max(1000).default(6).meta({ description: "Most tasks autoscaling starts. @default 6" }),
    autoscaling: ServiceAutoscaling.default({ cpuPercent: 60 }),
    pathPatterns: z
      .array(z.string().regex(/^\/[\w./*?-]*$/, { error: "Write a path pattern starting with /, for example /api/*." }))
      .min(1, { error: "List at least one path pattern, for example pathPatterns: [/api/*]." })
      .max(4, {
        error:
          "List at most 4 path patterns: an ALB rule holds at most 5 condition values and the secret-header check takes one (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-limits.html).",
      })
      .optional()
      .meta({
        description:
          "Paths CloudFront sends to the ALB and the ALB forwards to this service, for example [/api/*]. Required with loadBalancer alb, not allowed with nlb.",
      }),
    loadBalancer: z.enum(["alb", "nlb"]).default("alb").meta({
      description:
        "alb: behind CloudFront and the ALB on pathPatterns (HTTP). nlb: behind the app tier's Network Load Balancer on nlb.port (TCP, TLS or UDP); not behind CloudFront or WAF. @default alb",
    }),
    nlb: AppServiceNlb.optional(),
    environment: z
      .record(envName, z.string().max(4096))
      .default({})
      .meta({ description: "Non-secret environment variables. Secrets go in secrets:, by ARN. @default {}" }),
    secrets: z
      .record(envName, SecretArn)
      .default({})
      .meta({ description: "Environment variables filled from Secrets Manager or SSM at task start: NAME: <ARN>. @default {}" }),
    deployment: z
      .enum(["rolling", "blue-green"], { error: "Write deployment: rolling or deployment: blue-green." })
      .default("rolling")
      .meta({
        description:
          "rolling: ECS rolling update with the deployment circuit breaker and rollback. blue-green: CodeDeploy shifts traffic between two target groups and rolls back on alarms. @default rolling",
      }),
  })
  .superRefine((s, ctx) => {
    // The cpu/memoryMiB pair is checked in validate/aws-types.ts, with the other AWS type names.
    const issue = (path: PropertyKey[], message: string) => ctx.addIssue({ code: "custom", path, message });
    if (s.loadBalancer === "alb") {
      if (s.pathPatterns === undefined) issue(["pathPatterns"], "List at least one path pattern, for example pathPatterns: [/api/*].");
      if (s.nlb !== undefined) issue(["nlb"], "nlb: is for loadBalancer: nlb. Write loadBalancer: nlb, or leave nlb out");
    } else {
      if (s.nlb === undefined)
        issue(["loadBalancer"], "a service behind the NLB needs its listener. Write nlb: {protocol: TCP, port: <port>}");
      if (s.pathPatterns !== undefined)
        issue(["pathPatterns"], "the NLB forwards by port, not path, and the service is not behind CloudFront. Leave pathPatterns out");
      if (s.deployment === "blue-green")
        issue(
          ["deployment"],
          "blue-green deployments run on the ALB's test listener. Write deployment: rolling for a service behind the NLB",
        );
      if (s.autoscaling.requestsPerTarget !== undefined)
        issue(
          ["autoscaling", "requestsPerTarget"],
          "requestsPerTarget scales on the ALB's request count, which an NLB has not. Scale on cpuPercent for a service behind the NLB",
        );
    }
    checkCounts(s, ctx);
  })
  .meta({ description: "One containerized service behind the ALB or the NLB (compute: ecs-fargate, the default)." });

/** One service of the app tier: ECS Fargate (the default), an EC2 Auto Scaling tier, or Lambda functions. */
export const AppService = z
  .discriminatedUnion("compute", [AppFargateService, AppEc2Service, AppLambdaService], {
    error: (issue) => (issue.code === "invalid_union" ? COMPUTE_HINT : undefined),
  })
  .meta({ description: "One service: compute ecs-fargate (default), ec2-asg or lambda." });

/**
 * The database engines of the app tier: RDS for MySQL or PostgreSQL (a DB instance with a Multi-AZ standby and read
 * replicas), or Aurora MySQL or PostgreSQL (a cluster with a writer and reader instances). See docs/app-data.md.
 */
export const APP_DATABASE_ENGINES = ["rds-mysql", "rds-postgres", "aurora-mysql", "aurora-postgres"] as const;

/** Which engine version formats each engine takes, and the message that says what to write. */
const ENGINE_VERSION_FORMATS: Readonly<Record<(typeof APP_DATABASE_ENGINES)[number], { readonly pattern: RegExp; readonly hint: string }>> =
  {
    "rds-mysql": {
      pattern: /^8\.[04](\.\d+)?$/,
      hint: 'Write a MySQL 8.4 or 8.0 engine version in quotes: engineVersion: "8.4", a pinned "8.4.x", "8.0" or a pinned "8.0.x".',
    },
    "rds-postgres": {
      pattern: /^(16|17)(\.\d+)?$/,
      hint: 'Write a PostgreSQL 17 or 16 engine version in quotes: engineVersion: "17", a pinned "17.x", "16" or a pinned "16.x".',
    },
    "aurora-mysql": {
      pattern: /^8\.0(\.mysql_aurora\.3\.\d{2}\.\d+)?$/,
      hint: 'Write an Aurora MySQL version 3 engine version in quotes: engineVersion: "8.0" (the default 3.x version) or a pinned "8.0.mysql_aurora.3.xx.y".',
    },
    "aurora-postgres": {
      pattern: /^(16|17)\.\d+$/,
      hint: 'Write an Aurora PostgreSQL 17 or 16 engine version with its minor in quotes, for example engineVersion: "17.7" or "16.9".',
    },
  };

/** The app database: RDS (primary, Multi-AZ standby, read replicas) or Aurora (writer and readers). */
export const AppDatabase = z
  .strictObject({
    engine: z
      .enum(APP_DATABASE_ENGINES)
      .default("rds-mysql")
      .meta({
        description:
          "rds-mysql: RDS for MySQL; rds-postgres: RDS for PostgreSQL (both a DB instance, a Multi-AZ standby and read replicas). " +
          "aurora-mysql (MySQL 8.0 compatible, Aurora MySQL version 3) and aurora-postgres: an Aurora cluster with a writer and readReplicas reader instances. @default rds-mysql",
      }),
    engineVersion: z
      .string({ error: 'Write the engine version in quotes, for example engineVersion: "8.4".' })
      .optional()
      .meta({
        description:
          'Engine version. rds-mysql: "8.4" (the LTS major: latest minor, auto minor upgrades) or a pinned "8.4.x" that RDS still offers; ' +
          '"8.0" and "8.0.x" are allowed but cost extra: RDS for MySQL 8.0 left RDS standard support on 2026-07-31, so a new 8.0 ' +
          "database is enrolled in RDS Extended Support, charged per vCPU-hour " +
          '(https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/extended-support-overview.html). rds-postgres: "17", "16" or a pinned minor. ' +
          'aurora-mysql: "8.0" (the default Aurora MySQL 3.x version) or a pinned "8.0.mysql_aurora.3.xx.y". aurora-postgres: "17.x" or "16.x". ' +
          '@default "8.4" (rds-mysql), "17" (rds-postgres), "8.0" (aurora-mysql), "17.7" (aurora-postgres)',
      }),
    storageType: z
      .enum(["aurora", "aurora-iopt1"])
      .optional()
      .meta({
        description:
          "Aurora only: the cluster storage configuration, aurora (Aurora Standard: storage and I/O billed per request) or aurora-iopt1 " +
          "(Aurora I/O-Optimized: no I/O charges, higher instance and storage prices), " +
          "https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Aurora.Overview.StorageReliability.html#aurora-storage-type. @default aurora",
      }),
    instanceClass: z
      .string()
      .regex(/^db\.[a-z0-9]+\.[a-z0-9]+$/, { error: "Write an RDS instance class such as db.t4g.micro or db.r6g.large." })
      .default("db.r6g.large")
      .meta({
        description:
          "Instance class of the primary and of each replica (Aurora: of the writer and each reader); lz validate checks the engine offers it. @default db.r6g.large",
      }),
    allocatedStorageGiB: z
      .int()
      .min(20, { error: "Write allocatedStorageGiB of at least 20 (the gp3 minimum for MySQL)." })
      .max(65536)
      .default(100)
      .meta({
        description:
          "Initial storage in GiB (gp3). Aurora storage grows by itself: there it is only the size the cost estimate assumes. @default 100",
      }),
    maxAllocatedStorageGiB: z.int().min(20).max(65536).default(500).meta({
      description:
        "Storage autoscaling ceiling in GiB; equal to allocatedStorageGiB turns autoscaling off. Not used by Aurora. @default 500",
    }),
    multiAz: z.boolean().default(true).meta({
      description:
        "RDS: a synchronous standby in another AZ. Aurora: the readers in other AZs than the writer, so a failover target exists (needs readReplicas ≥ 1). Required in prod. @default true",
    }),
    readReplicas: z
      .int()
      .min(0)
      .max(5, { error: "Write readReplicas between 0 and 5 (RDS for MySQL allows up to 15, but 5 keeps replication lag visible)." })
      .default(1)
      .meta({ description: "RDS: asynchronous read replicas (replicate_source_db). Aurora: reader instances of the cluster. @default 1" }),
    backupRetentionDays: z
      .int()
      .min(1, { error: "Write backupRetentionDays of at least 1: read replicas need automated backups on the primary." })
      .max(35, { error: "Write backupRetentionDays of at most 35 (the RDS maximum)." })
      .default(14)
      .meta({ description: "Automated backup retention in days (1-35; at least 7 in prod). @default 14" }),
    backupWindow: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/, {
        error: 'Write the backup window in UTC as "hh:mm-hh:mm", for example "02:00-03:00".',
      })
      .default("02:00-03:00")
      .meta({
        description:
          'Daily backup window, UTC, "hh:mm-hh:mm" (at least 30 minutes, not overlapping the maintenance window). @default 02:00-03:00',
      }),
    maintenanceWindow: z
      .string()
      .regex(/^(mon|tue|wed|thu|fri|sat|sun):([01]\d|2[0-3]):[0-5]\d-(mon|tue|wed|thu|fri|sat|sun):([01]\d|2[0-3]):[0-5]\d$/, {
        error: 'Write the maintenance window in UTC as "ddd:hh:mm-ddd:hh:mm", for example "sun:03:30-sun:04:30".',
      })
      .default("sun:03:30-sun:04:30")
      .meta({ description: 'Weekly maintenance window, UTC, "ddd:hh:mm-ddd:hh:mm". @default sun:03:30-sun:04:30' }),
    deletionProtection: z
      .boolean()
      .default(true)
      .meta({ description: "RDS deletion protection and a final snapshot on delete (required in prod). @default true" }),
    databaseName: z
      .string()
      .regex(/^[A-Za-z][A-Za-z0-9_]{0,62}$/, {
        error: "Write a database name: a letter, then letters, digits or _ (at most 63 characters).",
      })
      .default("app")
      .meta({ description: "Initial database created on the primary (Aurora: in the cluster). @default app" }),
  })
  .superRefine((db, ctx) => {
    const format = ENGINE_VERSION_FORMATS[db.engine];
    if (db.engineVersion !== undefined && !format.pattern.test(db.engineVersion))
      ctx.addIssue({ code: "custom", path: ["engineVersion"], message: format.hint });
    if (db.storageType !== undefined && !db.engine.startsWith("aurora"))
      ctx.addIssue({
        code: "custom",
        path: ["storageType"],
        message: `storageType is an Aurora setting; ${db.engine} uses gp3 storage. Write engine: aurora-mysql or aurora-postgres, or leave storageType out`,
      });
  })
  .meta({
    description: "The app database: RDS for MySQL or PostgreSQL, or an Aurora MySQL or PostgreSQL cluster. Leave it out for no database.",
  });

/** The ElastiCache replication group (Redis OSS or Valkey). */
export const AppCache = z
  .strictObject({
    engine: z.enum(["redis", "valkey"]).default("redis").meta({
      description:
        "redis: ElastiCache for Redis OSS 7.1; valkey: ElastiCache for Valkey 8.0 (Redis OSS compatible, lower node prices, https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/engine-versions.html). Both with IAM authentication and TLS. @default redis",
    }),
    nodeType: z
      .string()
      .regex(/^cache\.[a-z0-9]+\.[a-z0-9]+$/, { error: "Write an ElastiCache node type such as cache.t4g.micro or cache.r7g.large." })
      .default("cache.r7g.large")
      .meta({
        description:
          "Node type of every node; lz validate checks it is a current ElastiCache node type (no previous generation, no r6gd). @default cache.r7g.large",
      }),
    replicas: z
      .int()
      .min(0)
      .max(5, { error: "Write replicas between 0 and 5 (ElastiCache allows at most 5 replicas per shard)." })
      .default(1)
      .meta({ description: "Read replicas next to the primary node. @default 1" }),
    multiAz: z.boolean().default(true).meta({ description: "Automatic failover and Multi-AZ; needs replicas ≥ 1. @default true" }),
    snapshotRetentionDays: z
      .int()
      .min(0)
      .max(35)
      .default(7)
      .meta({ description: "Daily snapshots kept, in days; 0 turns snapshots off. @default 7" }),
  })
  .meta({
    description:
      "ElastiCache for Redis OSS 7.1 or Valkey 8.0, encrypted at rest with KMS and in transit; services authenticate with IAM (no AUTH token exists). Leave it out for no cache.",
  });

/** The two web ACLs (CloudFront scope and regional on the ALB). */
export const AppWaf = z
  .strictObject({
    ratePerFiveMinutes: z
      .int({ error: "Write ratePerFiveMinutes as a whole number of requests, for example 2000." })
      .min(10, { error: "Write a ratePerFiveMinutes of at least 10 (the AWS WAF minimum)." })
      .max(2_000_000_000)
      .default(2000)
      .meta({
        description:
          "Requests per 5 minutes from one viewer IP before the CloudFront web ACL's rate-based rule blocks it (the ALB's web ACL has none: behind CloudFront it sees edge servers, not viewers). @default 2000",
      }),
    managedRuleGroups: z
      .array(z.enum(WAF_MANAGED_RULE_GROUPS))
      .default([...DEFAULT_WAF_RULE_GROUPS])
      .meta({ description: `AWS managed rule groups, in evaluation order. @default [${DEFAULT_WAF_RULE_GROUPS.join(", ")}]` }),
    blockedCountries: z
      .array(z.string().regex(/^[A-Z]{2}$/, { error: "Write an ISO 3166-1 alpha-2 country code in capitals, for example RU." }))
      .default([])
      .meta({ description: "Countries (ISO 3166-1 alpha-2) blocked at CloudFront. @default [] (no geo block)" }),
  })
  .meta({ description: "AWS WAF on CloudFront (CLOUDFRONT scope, us-east-1) and on the ALB (REGIONAL)." });

/** Root of the `app:` block. */
export const AppSettings = z
  .strictObject({
    domain: AppDomain.optional(),
    edge: AppEdge.default({ origin: "public-alb", originSecretHeader: true }),
    services: z
      .array(AppService)
      .min(1, { error: "List at least one service under services:." })
      .meta({ description: "The services: ECS Fargate (default), EC2 Auto Scaling tiers or Lambda functions (compute:)." }),
    networkLoadBalancer: AppNetworkLoadBalancer.optional(),
    database: AppDatabase.optional(),
    cache: AppCache.optional(),
    dynamodbTables: AppDynamodbTables,
    waf: AppWaf.default(AppWaf.parse({})),
    shieldAdvanced: z.boolean().optional().meta({
      description:
        "Shield Advanced protection of the distribution and the ALB. A paid subscription (USD 3,000/month per organization plus data transfer), so it is off unless written; prod must write it explicitly.",
    }),
    backupCopy: z
      .strictObject({
        region: z
          .string()
          .regex(/^[a-z]{2}(-gov)?-[a-z]+-\d$/, { error: "Write an AWS Region code such as eu-central-1." })
          .meta({ description: "Region that receives replicas of the frontend and data buckets; not the environment's own Region." }),
      })
      .optional()
      .meta({ description: "Cross-Region copy of the frontend and data buckets (S3 replication to KMS-encrypted, versioned replicas)." }),
    logRetentionDays: logRetentionDays(365, "Container, WAF and database log retention in days (a CloudWatch Logs retention value)."),
  })
  .meta({
    description:
      "The application tier: CloudFront, WAF, ALB, ECS Fargate services, an optional database (RDS or Aurora, MySQL or PostgreSQL), an optional cache (Redis or Valkey) and S3.",
  });

/** The parsed `app:` block, after defaults. */
export type AppFile = z.output<typeof AppSettings>;
