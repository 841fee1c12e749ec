/**
 * The typed model of one environment's application tier (`WorkloadModel.app`): the validated `app:`
 * block with every name derived once (buckets, load balancer, target groups, database and cache ids), so
 * stacks, the cost estimate and the diagram read the same values.
 */
import { createHash } from "node:crypto";
import { al2023AmiParameter, type Ec2Architecture, ec2Architecture } from "../aws/ec2-instance-types.js";
import { DEFAULT_ENGINE_VERSIONS } from "../aws/rds-engine-versions.js";
import type { RdsEngine } from "../aws/rds-instance-classes.js";
import type { AppFile } from "./schema/app.js";
import { definedOnly } from "../util/defined.js";

/** How a service is released. See `AppService.deployment` in schema/app.ts. */
export type DeploymentStyle = "rolling" | "blue-green";

/**
 * A secret a service reads at task start, from the ARN written in `secrets:` (already checked by the schema's
 * `SecretArn`): a Secrets Manager secret (optionally one JSON key or version of it) or an SSM parameter.
 */
export type ServiceSecretModel =
  | {
      readonly source: "secretsmanager";
      /** The secret's ARN, without the JSON key and version. */
      readonly arn: string;
      readonly jsonKey?: string;
      readonly versionStage?: string;
      readonly versionId?: string;
    }
  | { readonly source: "ssm"; readonly arn: string };

const SECRETS_MANAGER_ARN = /^(arn:[\w-]+:secretsmanager:[a-z0-9-]+:\d{12}:secret:[^:]+)(?::([^:]*):([^:]*):([^:]*))?$/;

/**
 * The {@link ServiceSecretModel} of a secret ARN that passed the schema (`arn:<partition>:secretsmanager:...` with
 * an optional `:<json-key>:<version-stage>:<version-id>`, or `arn:<partition>:ssm:...:parameter/...`); empty
 * parts of the suffix are left out.
 * @throws Error for any other text (the schema never lets one through).
 */
export function serviceSecretOf(arn: string): ServiceSecretModel {
  const sm = SECRETS_MANAGER_ARN.exec(arn);
  if (sm) {
    const [, secretArn, jsonKey, versionStage, versionId] = sm;
    return {
      source: "secretsmanager",
      arn: secretArn!,
      ...(jsonKey ? { jsonKey } : {}),
      ...(versionStage ? { versionStage } : {}),
      ...(versionId ? { versionId } : {}),
    };
  }
  if (/^arn:[\w-]+:ssm:[a-z0-9-]+:\d{12}:parameter\//.test(arn)) return { source: "ssm", arn };
  throw new Error(`not a Secrets Manager secret or SSM parameter ARN: ${arn}`);
}

/** One ECS Fargate service of the app tier (`compute: ecs-fargate`, the default). */
export interface AppFargateServiceModel {
  readonly compute: "ecs-fargate";
  readonly name: string;
  /** Runtime label, for example `nodejs22`. */
  readonly runtime: string;
  readonly ecrRepository: string;
  readonly imageTag: string;
  readonly containerPort: number;
  readonly healthCheckPath: string;
  /** Fargate CPU units (1024 = 1 vCPU). */
  readonly cpu: number;
  readonly memoryMiB: number;
  /** Non-root `uid[:gid]` or user name. */
  readonly user: string;
  readonly desiredCount: number;
  readonly minCount: number;
  readonly maxCount: number;
  readonly autoscaling: { readonly cpuPercent?: number; readonly requestsPerTarget?: number };
  /** ALB path patterns; empty for a service behind the NLB. */
  readonly pathPatterns: readonly string[];
  /** `alb` (behind CloudFront and the ALB) or `nlb` (behind the app tier's Network Load Balancer). */
  readonly loadBalancer: "alb" | "nlb";
  /** The NLB listener, with `loadBalancer` `nlb`. */
  readonly nlb?: { readonly protocol: "TCP" | "TLS" | "UDP"; readonly port: number };
  readonly environment: Readonly<Record<string, string>>;
  /** Variable name → the Secrets Manager secret or SSM parameter ECS injects. */
  readonly secrets: Readonly<Record<string, ServiceSecretModel>>;
  readonly deployment: DeploymentStyle;
  /** ALB listener rule priority, from the service's position in the list: 100, 110, 120, ... */
  readonly rulePriority: number;
  /** ECS service name and task family: `<namePrefix>-<name>`. */
  readonly fullName: string;
  /** Target group name(s), at most 32 characters: one for rolling, blue and green for blue-green. */
  readonly targetGroupNames: readonly string[];
}

/** One EC2 Auto Scaling tier of the app tier (`compute: ec2-asg`). See docs/app-compute.md. */
export interface AppEc2ServiceModel {
  readonly compute: "ec2-asg";
  readonly name: string;
  readonly runtime: string;
  /** `web`: behind the public ALB; `app`: behind the internal ALB. */
  readonly tier: "web" | "app";
  readonly instanceType: string;
  /** CPU architecture of the instance type (Graviton families: arm64). */
  readonly architecture: Ec2Architecture;
  /** SSM parameter holding the AMI id: the one written, or the AL2023 public parameter of `architecture`. */
  readonly amiSsmParameter: string;
  /** Port the application listens on. */
  readonly port: number;
  readonly healthCheckPath: string;
  readonly rootVolumeGiB: number;
  readonly desiredCount: number;
  readonly minCount: number;
  readonly maxCount: number;
  readonly autoscaling: { readonly cpuPercent?: number; readonly requestsPerTarget?: number };
  readonly pathPatterns: readonly string[];
  readonly environment: Readonly<Record<string, string>>;
  /** Listener rule priority on its load balancer, from the service's position in the list: 100, 110, 120, ... */
  readonly rulePriority: number;
  /** Auto Scaling group, launch template, role and security group name: `<namePrefix>-<name>`. */
  readonly fullName: string;
  /** Target group name, at most 32 characters. */
  readonly targetGroupName: string;
}

/** One Lambda function behind the HTTP API (`compute: lambda`). See docs/app-compute.md. */
export interface AppLambdaServiceModel {
  readonly compute: "lambda";
  readonly name: string;
  /** Managed runtime of a zip package; absent for an image. */
  readonly runtime?: string;
  /** Handler of a zip package (`index.handler` unless written); absent for an image. */
  readonly handler?: string;
  readonly code: { readonly s3Bucket: string; readonly s3Key: string; readonly s3ObjectVersion?: string } | { readonly imageUri: string };
  readonly architecture: "arm64" | "x86_64";
  readonly memoryMiB: number;
  readonly timeoutSeconds: number;
  readonly reservedConcurrency?: number;
  /** Steady-state requests per second of the function's routes. */
  readonly throttlingRateLimit: number;
  readonly throttlingBurstLimit: number;
  readonly pathPatterns: readonly string[];
  /** HTTP API route keys of the path patterns ({@link httpApiRouteKey}). */
  readonly routeKeys: readonly string[];
  readonly environment: Readonly<Record<string, string>>;
  /** Function, role and log group name: `<namePrefix>-<name>`. */
  readonly fullName: string;
}

/** One service of the app tier, by its `compute` kind. */
export type AppServiceModel = AppFargateServiceModel | AppEc2ServiceModel | AppLambdaServiceModel;

/**
 * The HTTP API route key of an ALB-style path pattern: `/api/*` → `ANY /api/{proxy+}`, `/*` → `$default`, an exact
 * path `/health` → `ANY /health` (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-routes.html).
 * @returns `undefined` for a pattern a route cannot express (a `*` or `?` other than a trailing `/*`).
 */
export function httpApiRouteKey(pattern: string): string | undefined {
  if (pattern === "/*") return "$default";
  const prefix = pattern.endsWith("/*") ? pattern.slice(0, -2) : pattern;
  if (/[*?]/.test(prefix)) return undefined;
  return pattern.endsWith("/*") ? `ANY ${prefix}/{proxy+}` : `ANY ${prefix}`;
}

/** The database engine as the config names it (`app.database.engine`). */
export type AppDatabaseEngine = "rds-mysql" | "rds-postgres" | "aurora-mysql" | "aurora-postgres";

/** The RDS `Engine` value of each config engine (`aws_db_instance.engine` or `aws_rds_cluster.engine`). */
export const RDS_ENGINE_OF: Readonly<Record<AppDatabaseEngine, RdsEngine>> = Object.freeze({
  "rds-mysql": "mysql",
  "rds-postgres": "postgres",
  "aurora-mysql": "aurora-mysql",
  "aurora-postgres": "aurora-postgresql",
});

/** The database of the app tier (`AppModel.database`), after defaults. */
export interface AppDatabaseModel {
  readonly engine: AppDatabaseEngine;
  /** The RDS `Engine` value: `mysql`, `postgres`, `aurora-mysql` or `aurora-postgresql`. */
  readonly rdsEngine: RdsEngine;
  /** True for the Aurora engines: an `aws_rds_cluster` with `aws_rds_cluster_instance`s. */
  readonly aurora: boolean;
  /** The engine version written, or the engine's default (`DEFAULT_ENGINE_VERSIONS`). */
  readonly engineVersion: string;
  readonly instanceClass: string;
  /** RDS: gp3 storage of the primary. Aurora: the data size the cost estimate assumes (storage grows by itself). */
  readonly allocatedStorageGiB: number;
  /** RDS only: the storage autoscaling ceiling. */
  readonly maxAllocatedStorageGiB: number;
  /** RDS: a Multi-AZ standby. Aurora: readers placed in other AZs than the writer. */
  readonly multiAz: boolean;
  /** RDS: read replicas. Aurora: reader instances. */
  readonly readReplicas: number;
  /** Aurora only: `aurora` (Standard) or `aurora-iopt1` (I/O-Optimized). @default "aurora" for Aurora, absent for RDS */
  readonly storageType?: "aurora" | "aurora-iopt1";
  readonly backupRetentionDays: number;
  readonly backupWindow: string;
  readonly maintenanceWindow: string;
  readonly deletionProtection: boolean;
  readonly databaseName: string;
  /** TCP port clients connect to: 3306 (MySQL engines) or 5432 (PostgreSQL engines). */
  readonly port: number;
  /**
   * RDS identifier of the primary (RDS; replicas are `<identifier>-replica-<n>`, n from 1) or of the cluster
   * (Aurora; instances are `<identifier>-<n>`, n from 1, the first the initial writer): `<namePrefix>-mysql`,
   * `<namePrefix>-postgres`, `<namePrefix>-aurora-mysql` or `<namePrefix>-aurora-postgres`.
   */
  readonly identifier: string;
}

/** The cache of the app tier (`AppModel.cache`), after defaults. */
export interface AppCacheModel {
  /** `redis` (Redis OSS 7.1) or `valkey` (Valkey 8.0). */
  readonly engine: "redis" | "valkey";
  readonly nodeType: string;
  readonly replicas: number;
  readonly multiAz: boolean;
  readonly snapshotRetentionDays: number;
  /** ElastiCache replication group id (at most 40 characters): `<namePrefix>-<engine>`. */
  readonly replicationGroupId: string;
  /** Id and name of the IAM-authenticated user the services connect as (at most 40 characters): `<namePrefix>-<engine>-app`. */
  readonly iamUserName: string;
  /** Id of the switched-off `default` user the user group must contain (at most 40 characters). */
  readonly defaultUserId: string;
  /** Id of the user group (at most 40 characters). */
  readonly userGroupId: string;
}

/** One DynamoDB table of the app tier (`AppModel.dynamodbTables`), after defaults. */
export interface AppDynamodbTableModel {
  /** The name written in the config. */
  readonly name: string;
  /** `aws_dynamodb_table.name`: `<namePrefix>-<name>`. */
  readonly tableName: string;
  /** Environment variable carrying the table name to every service: `DYNAMODB_TABLE_<NAME>` (upper case, `.` and `-` as `_`). */
  readonly envVar: string;
  readonly partitionKey: { readonly name: string; readonly type: "S" | "N" | "B" };
  readonly sortKey?: { readonly name: string; readonly type: "S" | "N" | "B" };
  readonly billingMode: "PAY_PER_REQUEST" | "PROVISIONED";
  /** PROVISIONED only. */
  readonly readCapacity?: number;
  /** PROVISIONED only. */
  readonly writeCapacity?: number;
  readonly ttlAttribute?: string;
  /** Regions of global-table replicas; empty for a single-Region table. */
  readonly replicaRegions: readonly string[];
  readonly pointInTimeRecovery: boolean;
}

/** The environment variable naming a table for the services: `DYNAMODB_TABLE_` and the name in upper case, `.` and `-` as `_`. */
export function dynamodbTableEnvVar(name: string): string {
  return `DYNAMODB_TABLE_${name.toUpperCase().replace(/[.-]/g, "_")}`;
}

/** The application tier of one environment, after defaults and with derived names. */
export interface AppModel {
  /** `<organization>-<environment>`, the prefix of every name below. */
  readonly namePrefix: string;
  /** Custom domain; absent means the CloudFront default certificate and a plain-HTTP origin hop (see README). */
  readonly domain?: {
    readonly hostedZoneName: string;
    /** Name users browse to: `<recordName>.<hostedZoneName>` (CloudFront alias, us-east-1 certificate). */
    readonly siteName: string;
    /**
     * Name CloudFront uses for the ALB origin: `origin-<recordName>.<hostedZoneName>` (regional certificate). A public
     * DNS record with `edge.origin` `public-alb`; with `vpc-origin` only the name CloudFront sends (SNI) and the certificate's.
     */
    readonly originName: string;
    /**
     * DNS failover of `siteName` (`app.domain.failover`): a health check on `healthCheckPath` of the distribution, and
     * the standby alias target (`dnsName`, `hostedZoneId`) the SECONDARY records point to.
     */
    readonly failover?: {
      readonly healthCheckPath: string;
      readonly secondary: { readonly dnsName: string; readonly hostedZoneId: string };
    };
    /** Name of the internal ALB of `tier: app` EC2 services: `internal-<recordName>.<hostedZoneName>` (regional certificate). */
    readonly internalName: string;
  };
  /**
   * How CloudFront reaches the ALB (`app.edge`): `public-alb` (internet-facing, public subnets, DNS record
   * `origin-<recordName>`) or `vpc-origin` (internal, private app subnets, a CloudFront VPC origin, no origin record);
   * `originSecretHeader`: CloudFront sends the secret header and the ALB rules require it (always true with `public-alb`).
   */
  readonly edge: { readonly origin: "public-alb" | "vpc-origin"; readonly originSecretHeader: boolean };
  readonly services: readonly AppServiceModel[];
  /**
   * The Network Load Balancer of the services with `loadBalancer: nlb` (`app.networkLoadBalancer`); absent without one.
   * `name`: `<namePrefix>-nlb` (at most 32 characters); `tlsName`: `nlb-<recordName>.<hostedZoneName>`, the name of the
   * TLS listeners' certificate and of the NLB's alias record, when the app has a custom domain.
   */
  readonly networkLoadBalancer?: {
    readonly scheme: "internal" | "internet-facing";
    readonly allowedCidrs: readonly string[];
    readonly name: string;
    readonly tlsName?: string;
  };
  /** Name of the internal ALB in front of the `tier: app` EC2 services, when there are any (at most 32 characters). */
  readonly internalLoadBalancerName?: string;
  /** Name of the HTTP API in front of the Lambda services, when there are any. */
  readonly httpApiName?: string;
  /** The database; absent when the `app:` block has no `database:` section. */
  readonly database?: AppDatabaseModel;
  /** The cache; absent when the `app:` block has no `cache:` section. */
  readonly cache?: AppCacheModel;
  /** DynamoDB tables (`app.dynamodbTables`). @default [] */
  readonly dynamodbTables: readonly AppDynamodbTableModel[];
  readonly waf: {
    readonly ratePerFiveMinutes: number;
    readonly managedRuleGroups: readonly string[];
    readonly blockedCountries: readonly string[];
  };
  /** Shield Advanced protections on; false when the file does not say (the validator requires it in prod). */
  readonly shieldAdvanced: boolean;
  /** Region receiving bucket replicas, when the environment has a backup copy. */
  readonly backupCopy?: { readonly region: string };
  /** Retention of container, WAF and database log groups, in days. */
  readonly logRetentionDays: number;
  /** S3 bucket names (globally unique: they include the account id). */
  readonly buckets: {
    readonly frontend: string;
    readonly data: string;
    readonly albLogs: string;
    readonly cloudFrontLogs: string;
    /** Replica bucket names in the backup Region, when `backupCopy` is set. */
    readonly frontendReplica?: string;
    readonly dataReplica?: string;
  };
  /** Application load balancer name (at most 32 characters). */
  readonly loadBalancerName: string;
}

/**
 * `parts` joined with `-`; when longer than `max`, cut and ended with a 6-character hash of the full name,
 * so names stay unique and within AWS limits (ALB and target groups: 32, ElastiCache: 40).
 */
export function boundedName(parts: readonly string[], max: number): string {
  const full = parts.join("-");
  if (full.length <= max) return full;
  const hash = createHash("sha256").update(full).digest("hex").slice(0, 6);
  return `${full.slice(0, max - 7).replace(/-+$/, "")}-${hash}`;
}

/** Builds the app model of an environment from its parsed `app:` block. */
export function buildAppModel(app: AppFile, namePrefix: string, accountId: string): AppModel {
  const bucket = (purpose: string) => `${namePrefix}-${accountId}-${purpose}`;
  return {
    namePrefix,
    ...(app.domain
      ? {
          domain: {
            hostedZoneName: app.domain.hostedZoneName,
            siteName: `${app.domain.recordName}.${app.domain.hostedZoneName}`,
            originName: `origin-${app.domain.recordName}.${app.domain.hostedZoneName}`,
            ...(app.domain.failover
              ? { failover: { healthCheckPath: app.domain.failover.healthCheckPath, secondary: { ...app.domain.failover.secondary } } }
              : {}),
            internalName: `internal-${app.domain.recordName}.${app.domain.hostedZoneName}`,
          },
        }
      : {}),
    edge: { origin: app.edge.origin, originSecretHeader: app.edge.originSecretHeader },
    services: app.services.map((s, i) => serviceModel(s, i, namePrefix)),
    ...(app.networkLoadBalancer
      ? {
          networkLoadBalancer: {
            scheme: app.networkLoadBalancer.scheme,
            allowedCidrs: [...app.networkLoadBalancer.allowedCidrs],
            name: boundedName([namePrefix, "nlb"], 32),
            ...(app.domain ? { tlsName: `nlb-${app.domain.recordName}.${app.domain.hostedZoneName}` } : {}),
          },
        }
      : {}),
    ...(app.services.some((s) => s.compute === "ec2-asg" && s.tier === "app")
      ? { internalLoadBalancerName: boundedName([namePrefix, "internal"], 32) }
      : {}),
    ...(app.services.some((s) => s.compute === "lambda") ? { httpApiName: `${namePrefix}-api` } : {}),
    ...(app.database ? { database: databaseModel(app.database, namePrefix) } : {}),
    ...(app.cache
      ? {
          cache: {
            ...app.cache,
            replicationGroupId: boundedName([namePrefix, app.cache.engine], 40),
            iamUserName: boundedName([namePrefix, `${app.cache.engine}-app`], 40),
            defaultUserId: boundedName([namePrefix, `${app.cache.engine}-default`], 40),
            userGroupId: boundedName([namePrefix, `${app.cache.engine}-users`], 40),
          },
        }
      : {}),
    dynamodbTables: app.dynamodbTables.map((t) =>
      definedOnly({
        ...t,
        tableName: `${namePrefix}-${t.name}`,
        envVar: dynamodbTableEnvVar(t.name),
        partitionKey: { ...t.partitionKey },
        sortKey: t.sortKey ? { ...t.sortKey } : undefined,
        replicaRegions: [...t.replicaRegions],
      }),
    ),
    waf: {
      ratePerFiveMinutes: app.waf.ratePerFiveMinutes,
      managedRuleGroups: [...app.waf.managedRuleGroups],
      blockedCountries: [...app.waf.blockedCountries],
    },
    shieldAdvanced: app.shieldAdvanced ?? false,
    ...(app.backupCopy ? { backupCopy: { region: app.backupCopy.region } } : {}),
    logRetentionDays: app.logRetentionDays,
    buckets: {
      frontend: bucket("frontend"),
      data: bucket("data"),
      albLogs: bucket("alb-logs"),
      cloudFrontLogs: bucket("cf-logs"),
      ...(app.backupCopy ? { frontendReplica: bucket("frontend-replica"), dataReplica: bucket("data-replica") } : {}),
    },
    loadBalancerName: boundedName([namePrefix, "alb"], 32),
  };
}

/** The model of one parsed service, at position `i` of the list. */
function serviceModel(s: AppFile["services"][number], i: number, namePrefix: string): AppServiceModel {
  const fullName = `${namePrefix}-${s.name}`;
  const rulePriority = 100 + i * 10;
  if (s.compute === "ec2-asg") {
    const { amiSsmParameter, ...rest } = s;
    const architecture = ec2Architecture(s.instanceType) ?? "x86_64";
    return {
      ...rest,
      architecture,
      amiSsmParameter: amiSsmParameter ?? al2023AmiParameter(architecture),
      autoscaling: definedOnly(s.autoscaling),
      pathPatterns: [...s.pathPatterns],
      environment: { ...s.environment },
      rulePriority,
      fullName,
      targetGroupName: boundedName([namePrefix, s.name], 32),
    };
  }
  if (s.compute === "lambda") {
    const zip = "s3Bucket" in s.code;
    return definedOnly({
      ...s,
      handler: zip ? (s.handler ?? "index.handler") : undefined,
      runtime: zip ? s.runtime : undefined,
      code: definedOnly({ ...s.code }),
      pathPatterns: [...s.pathPatterns],
      routeKeys: s.pathPatterns.flatMap((p) => httpApiRouteKey(p) ?? []),
      environment: { ...s.environment },
      fullName,
    });
  }
  const { nlb, pathPatterns, ...fargate } = s;
  return {
    ...fargate,
    compute: "ecs-fargate",
    autoscaling: definedOnly(s.autoscaling),
    pathPatterns: [...(pathPatterns ?? [])],
    ...(nlb ? { nlb: { ...nlb } } : {}),
    environment: { ...s.environment },
    secrets: Object.fromEntries(Object.entries(s.secrets).map(([name, arn]) => [name, serviceSecretOf(arn)])),
    rulePriority,
    fullName,
    targetGroupNames:
      s.deployment === "blue-green"
        ? ["blue", "green"].map((c) => boundedName([namePrefix, s.name, c], 32))
        : [boundedName([namePrefix, s.name], 32)],
  };
}

/** The NLB listener of a service; only ECS Fargate services sit behind the NLB (`loadBalancer: nlb`). */
export function nlbListenerOf(s: AppServiceModel): AppFargateServiceModel["nlb"] {
  return s.compute === "ecs-fargate" ? s.nlb : undefined;
}

/** The database model of a parsed `database:` section: the engine's default version, port and identifier. */
function databaseModel(db: NonNullable<AppFile["database"]>, namePrefix: string): AppDatabaseModel {
  const rdsEngine = RDS_ENGINE_OF[db.engine];
  const aurora = db.engine.startsWith("aurora");
  const { engineVersion, storageType, engine, ...rest } = db;
  return {
    ...rest,
    engine,
    rdsEngine,
    aurora,
    engineVersion: engineVersion ?? DEFAULT_ENGINE_VERSIONS[rdsEngine],
    ...(aurora ? { storageType: storageType ?? "aurora" } : {}),
    port: engine.endsWith("postgres") ? 5432 : 3306,
    identifier: `${namePrefix}-${engine === "rds-mysql" ? "mysql" : engine === "rds-postgres" ? "postgres" : engine}`,
  };
}
