/** The app tier's data stores: RDS MySQL (primary, standby, replicas) and ElastiCache Redis, in the private data subnets. */
import { Fn } from "cdktf";
import type { Construct } from "constructs";
import { supportsPerformanceInsights } from "../../aws/rds-capabilities.js";
import { RedisCache } from "../../modules/cache/redis.js";
import { MysqlDatabase } from "../../modules/database/mysql.js";
import type { AppTierProps } from "./props.js";

/** The database and the cache. */
export interface DataTier {
  readonly database: MysqlDatabase;
  readonly cache: RedisCache;
}

/**
 * The database (`database`) and the cache (`cache`), encrypted with the data key, `prevent_destroy` where the
 * environment has `preventDestroy`. Performance Insights is on where the instance class supports it
 * (`supportsPerformanceInsights`, https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_DatabaseInsights.Engines.html).
 * The cache has no notification topic: ElastiCache cannot publish to the KMS-encrypted alert topic (see RedisCache).
 * Services are admitted afterwards with `allowFrom`.
 */
export function dataTier(scope: Construct, { env, app, keys, vpc }: AppTierProps): DataTier {
  const database = new MysqlDatabase(scope, "database", {
    ...app.database,
    performanceInsights: supportsPerformanceInsights("mysql", app.database.instanceClass) ?? false,
    preventDestroy: env.preventDestroy,
    vpcId: vpc.vpcId,
    subnetIds: vpc.subnetIds.privateData,
    kmsKeyArn: keys.data.keyArn,
    secretsKmsKeyArn: keys.secrets.keyArn,
    partition: env.partition,
  });
  const cache = new RedisCache(scope, "cache", {
    ...app.cache,
    kmsKeyArn: keys.data.keyArn,
    vpcId: vpc.vpcId,
    subnetIds: vpc.subnetIds.privateData,
    preventDestroy: env.preventDestroy,
  });
  return { database, cache };
}

/**
 * The environment variables that tell a service where the data tier is: `DB_HOST`, `DB_READ_HOSTS` (the replicas,
 * comma-separated, or the primary when there are none), `DB_PORT`, `DB_NAME`, `REDIS_HOST`, `REDIS_PORT`,
 * `REDIS_TLS`, `REDIS_USER` (the user to authenticate as with an IAM token; no password exists) and `DATA_BUCKET`.
 */
export function dataTierEnvironment({ app }: AppTierProps, { database, cache }: DataTier): Record<string, string> {
  return {
    DB_HOST: database.endpointAddress,
    DB_READ_HOSTS:
      database.replicaEndpointAddresses.length > 0 ? Fn.join(",", [...database.replicaEndpointAddresses]) : database.endpointAddress,
    DB_PORT: "3306",
    DB_NAME: app.database.databaseName,
    REDIS_HOST: cache.primaryEndpointAddress,
    REDIS_PORT: "6379",
    REDIS_TLS: "true",
    REDIS_USER: cache.iamUserName,
    DATA_BUCKET: app.buckets.data,
  };
}
