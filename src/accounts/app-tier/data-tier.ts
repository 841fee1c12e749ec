/**
 * The app tier's data stores, each optional: the database (RDS for MySQL or PostgreSQL: primary, standby,
 * replicas; or an Aurora MySQL or PostgreSQL cluster) and the ElastiCache Redis cache, in the private data subnets.
 */
import { Fn } from "cdktf";
import type { Construct } from "constructs";
import { supportsPerformanceInsights } from "../../aws/rds-capabilities.js";
import type { AppDatabaseModel } from "../../config/index.js";
import { RedisCache } from "../../modules/cache/redis.js";
import { AuroraCluster } from "../../modules/database/aurora.js";
import { MysqlDatabase } from "../../modules/database/mysql.js";
import type { AppTierProps } from "./props.js";

/** The database of the app tier: an RDS primary with replicas, or an Aurora cluster. */
export type AppDatabase = MysqlDatabase | AuroraCluster;

/** The database and the cache, each absent when the config has no such section. */
export interface DataTier {
  readonly database?: AppDatabase;
  readonly cache?: RedisCache;
}

/**
 * The database (`database`) and the cache (`cache`) where the config has them, encrypted with the data key,
 * `prevent_destroy` where the environment has `preventDestroy`. Performance Insights is on where the instance
 * class supports it (`supportsPerformanceInsights`,
 * https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_DatabaseInsights.Engines.html; an engine the table does
 * not cover gets none). The cache has no notification topic: ElastiCache cannot publish to the KMS-encrypted alert
 * topic (see RedisCache). Services are admitted afterwards with `allowFrom`.
 */
export function dataTier(scope: Construct, props: AppTierProps): DataTier {
  const { env, app, keys, vpc } = props;
  const database = app.database ? appDatabase(scope, props, app.database) : undefined;
  const cache = app.cache
    ? new RedisCache(scope, "cache", {
        ...app.cache,
        kmsKeyArn: keys.data.keyArn,
        vpcId: vpc.vpcId,
        subnetIds: vpc.subnetIds.privateData,
        preventDestroy: env.preventDestroy,
      })
    : undefined;
  return { ...(database ? { database } : {}), ...(cache ? { cache } : {}) };
}

function appDatabase(scope: Construct, { env, keys, vpc }: AppTierProps, db: AppDatabaseModel): AppDatabase {
  const common = {
    identifier: db.identifier,
    engineVersion: db.engineVersion,
    instanceClass: db.instanceClass,
    readReplicas: db.readReplicas,
    multiAz: db.multiAz,
    backupRetentionDays: db.backupRetentionDays,
    backupWindow: db.backupWindow,
    maintenanceWindow: db.maintenanceWindow,
    databaseName: db.databaseName,
    deletionProtection: db.deletionProtection,
    performanceInsights: supportsPerformanceInsights(db.rdsEngine, db.instanceClass) ?? false,
    preventDestroy: env.preventDestroy,
    vpcId: vpc.vpcId,
    subnetIds: vpc.subnetIds.privateData,
    kmsKeyArn: keys.data.keyArn,
    secretsKmsKeyArn: keys.secrets.keyArn,
    partition: env.partition,
  };
  if (db.rdsEngine === "aurora-mysql" || db.rdsEngine === "aurora-postgresql") {
    return new AuroraCluster(scope, "database", {
      ...common,
      engine: db.rdsEngine,
      storageType: db.storageType ?? "aurora",
      availabilityZones: vpc.availabilityZones,
    });
  }
  return new MysqlDatabase(scope, "database", {
    ...common,
    ...(db.rdsEngine === "postgres" ? { engine: "postgres" } : {}),
    allocatedStorageGiB: db.allocatedStorageGiB,
    maxAllocatedStorageGiB: db.maxAllocatedStorageGiB,
  });
}

/** `DB_READ_HOSTS`: an Aurora cluster's reader endpoint, an RDS database's replicas (comma-separated) or its primary. */
function readHosts(database: AppDatabase): string {
  if (database instanceof AuroraCluster) return database.readerEndpointAddress;
  const replicas = database.replicaEndpointAddresses;
  return replicas.length > 0 ? Fn.join(",", [...replicas]) : database.endpointAddress;
}

/**
 * The environment variables that tell a service where the data tier is. With a database: `DB_HOST` (the primary or
 * the Aurora cluster endpoint), `DB_READ_HOSTS` (the RDS replicas, comma-separated, or the primary when there are
 * none; Aurora: the reader endpoint), `DB_PORT`, `DB_NAME`, `DB_ENGINE` (only for an engine other than rds-mysql,
 * so the shipped task definitions stay as they are). With a cache: `REDIS_HOST`, `REDIS_PORT`, `REDIS_TLS`,
 * `REDIS_USER` (the user to authenticate as with an IAM token; no password exists). Always `DATA_BUCKET`.
 */
export function dataTierEnvironment({ app }: AppTierProps, { database, cache }: DataTier): Record<string, string> {
  return {
    ...(database && app.database
      ? {
          DB_HOST: database.endpointAddress,
          DB_READ_HOSTS: readHosts(database),
          DB_PORT: String(database.port),
          DB_NAME: app.database.databaseName,
          ...(app.database.engine === "rds-mysql" ? {} : { DB_ENGINE: app.database.engine }),
        }
      : {}),
    ...(cache
      ? {
          REDIS_HOST: cache.primaryEndpointAddress,
          REDIS_PORT: "6379",
          REDIS_TLS: "true",
          REDIS_USER: cache.iamUserName,
        }
      : {}),
    DATA_BUCKET: app.buckets.data,
  };
}
