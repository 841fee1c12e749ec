/**
 * The application tier's inputs (`WorkloadModel.app`): ALB, Fargate, RDS, ElastiCache, CloudFront, WAF and
 * Shield Advanced. {@link AppCostShape} names only the fields of `AppModel` the estimate reads; `AppModel` is
 * assignable to it, and tests build it by hand. `costInputsFromModel` (model.ts) calls it for every
 * environment with an `app:` block.
 */
import type { CostAssumptionsFile } from "../../config/index.js";
import type { EnvironmentCostInputs, RdsInputs } from "../inputs.js";
import { definedOnly } from "../../util/defined.js";

/** The parts of `AppModel` the estimate reads. `AppModel` is assignable to it. */
export interface AppCostShape {
  /** Present: the app tier has a Network Load Balancer. */
  readonly networkLoadBalancer?: object;
  /** Services by compute kind (absent: `ecs-fargate`). */
  readonly services: readonly (
    | {
        readonly compute?: "ecs-fargate";
        readonly name: string;
        readonly cpu: number;
        readonly memoryMiB: number;
        readonly desiredCount: number;
      }
    | {
        readonly compute: "ec2-asg";
        readonly name: string;
        readonly instanceType: string;
        readonly desiredCount: number;
        readonly rootVolumeGiB: number;
        readonly tier: "web" | "app";
      }
    | { readonly compute: "lambda"; readonly name: string; readonly memoryMiB: number; readonly architecture: "arm64" | "x86_64" }
  )[];
  /** Absent: no database. */
  readonly database?: {
    readonly engine: NonNullable<RdsInputs["engine"]>;
    readonly instanceClass: string;
    readonly allocatedStorageGiB: number;
    readonly multiAz: boolean;
    readonly readReplicas: number;
  };
  /** Absent: no cache. */
  readonly cache?: { readonly nodeType: string; readonly replicas: number };
  /** DynamoDB tables; absent or empty: none. */
  readonly dynamodbTables?: readonly {
    readonly tableName: string;
    readonly billingMode: "PAY_PER_REQUEST" | "PROVISIONED";
    readonly readCapacity?: number;
    readonly writeCapacity?: number;
    readonly replicaRegions: readonly string[];
  }[];
  readonly waf: { readonly managedRuleGroups: readonly string[]; readonly blockedCountries: readonly string[] };
  readonly shieldAdvanced: boolean;
}

/**
 * Web ACLs the app tier builds: one in CloudFront scope, one regional on the ALB
 * (`cloudfront-web-acl` and `regional-web-acl` in src/accounts/app-tier/edge.ts).
 */
export const APP_WEB_ACLS = 2;

/**
 * One ALB, the Fargate services at their desired count, the database where there is one (RDS: the primary,
 * Multi-AZ or not, and its replicas; Aurora: the writer and the readers), the Redis nodes (primary + replicas)
 * where there is a cache, each DynamoDB table (unpriced), a CloudFront distribution, two web ACLs (the CloudFront one with the rate
 * rule, the geo rule when countries are blocked and each managed rule group; the regional one with the managed
 * rule groups only, see `edgeWebAcls`), and Shield Advanced when subscribed.
 */
export function appCostInputs(app: AppCostShape, a: CostAssumptionsFile): Partial<EnvironmentCostInputs> {
  const managed = app.waf.managedRuleGroups.length;
  const cloudFrontRules = 1 + (app.waf.blockedCountries.length > 0 ? 1 : 0) + managed;
  return {
    // The internal ALB of app-tier EC2 services is a second load balancer.
    alb: { count: app.services.some((s) => s.compute === "ec2-asg" && s.tier === "app") ? 2 : 1, lcuPerHour: a.albLcuPerHour },
    ...(app.networkLoadBalancer ? { nlb: { count: 1, nlcuPerHour: a.nlbNlcuPerHour } } : {}),
    fargate: {
      services: app.services.flatMap((s) =>
        "cpu" in s ? [{ name: s.name, cpuUnits: s.cpu, memoryMiB: s.memoryMiB, desiredCount: s.desiredCount }] : [],
      ),
    },
    ...computeInputs(app, a),
    ...(app.database
      ? {
          rds: {
            ...(app.database.engine === "rds-mysql" ? {} : { engine: app.database.engine }),
            instanceClass: app.database.instanceClass,
            multiAz: app.database.multiAz,
            readReplicas: app.database.readReplicas,
            allocatedStorageGiB: app.database.allocatedStorageGiB,
          },
        }
      : {}),
    ...(app.cache ? { elastiCache: { nodeType: app.cache.nodeType, nodes: 1 + app.cache.replicas } } : {}),
    ...(app.dynamodbTables && app.dynamodbTables.length > 0
      ? {
          dynamodbTables: app.dynamodbTables.map((t) =>
            definedOnly({
              tableName: t.tableName,
              billingMode: t.billingMode,
              readCapacity: t.readCapacity,
              writeCapacity: t.writeCapacity,
              regions: 1 + t.replicaRegions.length,
            }),
          ),
        }
      : {}),
    cloudFront: { dataOutGbPerMonth: a.cloudFrontDataOutGbPerMonth, httpsRequestsPerMonth: a.cloudFrontHttpsRequestsPerMonth },
    waf: { webAcls: APP_WEB_ACLS, rules: cloudFrontRules + managed, requestsPerMonth: a.wafRequestsPerMonth },
    shieldAdvanced: app.shieldAdvanced,
  };
}

/** The EC2 tiers and Lambda functions of the app, when it has any. */
function computeInputs(app: AppCostShape, a: CostAssumptionsFile): Partial<EnvironmentCostInputs> {
  const tiers = app.services.flatMap((s) =>
    s.compute === "ec2-asg"
      ? [{ name: s.name, instanceType: s.instanceType, desiredCount: s.desiredCount, rootVolumeGiB: s.rootVolumeGiB }]
      : [],
  );
  const functions = app.services.flatMap((s) =>
    s.compute === "lambda" ? [{ name: s.name, memoryMiB: s.memoryMiB, architecture: s.architecture }] : [],
  );
  return {
    ...(tiers.length > 0 ? { ec2: { tiers } } : {}),
    ...(functions.length > 0
      ? {
          lambda: {
            functions,
            requestsPerFunctionPerMonth: a.lambdaRequestsPerFunctionPerMonth,
            averageDurationMs: a.lambdaAverageDurationMs,
          },
        }
      : {}),
  };
}
