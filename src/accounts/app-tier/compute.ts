/**
 * The app tier's services other than ECS Fargate: EC2 Auto Scaling tiers (`compute: ec2-asg`; web behind the
 * public ALB, app behind an internal ALB only the web tier reaches) and Lambda functions behind an API Gateway
 * HTTP API (`compute: lambda`). Each is admitted to the database and the cache like a Fargate service and gets the
 * same application statements (database IAM auth, cache user, data bucket, DynamoDB tables). See docs/app-compute.md.
 */
import { Route53Record } from "@cdktf/provider-aws/lib/route53-record";
import type { Construct } from "constructs";
import type { AppEc2ServiceModel, AppLambdaServiceModel } from "../../config/index.js";
import { AutoScalingTier, autoScalingKeyStatements } from "../../modules/compute/auto-scaling-tier.js";
import { HttpApi } from "../../modules/compute/http-api.js";
import { VpcLambdaFunction } from "../../modules/compute/lambda-function.js";
import { DnsValidatedCertificate } from "../../modules/edge/certificate.js";
import type { PolicyStatement } from "../../modules/iam/index.js";
import type { CloudFrontOnlyAlb } from "../../modules/load-balancer/alb.js";
import { InternalAlb } from "../../modules/load-balancer/internal-alb.js";
import type { AppBuckets } from "./buckets.js";
import type { DataTier } from "./data-tier.js";
import type { AppTierProps } from "./props.js";

/** What the compute services run behind and talk to. */
export interface ComputeDependencies {
  /** The public ALB: web tiers are routed there. */
  readonly alb: CloudFrontOnlyAlb;
  /** The app tier's buckets (the internal ALB logs to `albLogs`). */
  readonly buckets: AppBuckets;
  /** The database and cache, which admit each service. */
  readonly dataTier: DataTier;
  /** Hosted zone of the app's domain (the internal ALB's certificate and record), when there is one. */
  readonly zoneId: string | undefined;
  /** Environment variables every service gets (data tier endpoints, table names). */
  readonly environment: Readonly<Record<string, string>>;
  /** Application statements of a service (database user `dbUser`, cache, data bucket, tables). */
  readonly statementsFor: (dbUser: string) => PolicyStatement[];
}

/** The compute services built, for alarms, cost and tests. */
export interface AppCompute {
  /** EC2 Auto Scaling tiers by service name. */
  readonly tiers: Readonly<Record<string, AutoScalingTier>>;
  /** The internal ALB, when a `tier: app` service exists. */
  readonly internalAlb?: InternalAlb;
  /** Lambda functions by service name. */
  readonly functions: Readonly<Record<string, VpcLambdaFunction>>;
  /** The HTTP API, when a Lambda service exists. */
  readonly httpApi?: HttpApi;
}

/**
 * The EC2 tiers (`tier-<name>`), the internal ALB (`internal-alb`, with `internal-certificate` and
 * `internal-record`), the Lambda functions (`function-<name>`) and the HTTP API (`http-api`). The data key's policy
 * admits EC2 Auto Scaling's service-linked role when any tier exists (its volumes use that key).
 */
export function appCompute(scope: Construct, props: AppTierProps, deps: ComputeDependencies): AppCompute {
  const { app, env, keys } = props;
  const ec2 = app.services.filter((s): s is AppEc2ServiceModel => s.compute === "ec2-asg");
  const lambdas = app.services.filter((s): s is AppLambdaServiceModel => s.compute === "lambda");
  const tiers: Record<string, AutoScalingTier> = {};
  const functions: Record<string, VpcLambdaFunction> = {};
  let internalAlb: InternalAlb | undefined;
  if (ec2.length > 0) {
    for (const statement of autoScalingKeyStatements(env.accountId, env.partition)) keys.data.addToPolicy(statement);
    internalAlb = ec2.some((s) => s.tier === "app") ? internalLoadBalancer(scope, props, deps) : undefined;
    for (const svc of ec2) tiers[svc.name] = ec2Tier(scope, props, deps, svc, internalAlb);
    if (internalAlb) {
      for (const svc of ec2.filter((s) => s.tier === "web")) {
        internalAlb.allowFrom(svc.name, tiers[svc.name]!.securityGroupId);
        tiers[svc.name]!.allowEgressTo(
          "internal-alb",
          internalAlb.securityGroupId,
          internalAlb.port,
          "HTTPS to the app tier's internal ALB",
        );
      }
    }
  }
  let httpApi: HttpApi | undefined;
  if (lambdas.length > 0 && app.httpApiName) {
    const api = new HttpApi(scope, "http-api", {
      name: app.httpApiName,
      logKmsKeyArn: keys.logs.keyArn,
      logRetentionDays: app.logRetentionDays,
    });
    for (const svc of lambdas) {
      const fn = lambdaFunction(scope, props, deps, svc);
      functions[svc.name] = fn;
      api.addFunction({
        id: svc.name,
        functionName: fn.functionName,
        invokeArn: fn.invokeArn,
        timeoutSeconds: svc.timeoutSeconds,
        routeKeys: svc.routeKeys,
        throttlingRateLimit: svc.throttlingRateLimit,
        throttlingBurstLimit: svc.throttlingBurstLimit,
      });
    }
    api.addStage();
    httpApi = api;
  }
  return { tiers, functions, ...(internalAlb ? { internalAlb } : {}), ...(httpApi ? { httpApi } : {}) };
}

/** The internal ALB in the private app subnets, its certificate and its alias record. */
function internalLoadBalancer(scope: Construct, { env, app, vpc }: AppTierProps, deps: ComputeDependencies): InternalAlb {
  if (!app.domain || !deps.zoneId || !app.internalLoadBalancerName)
    throw new Error("internal ALB: the app needs a domain (validate/app-compute.ts checks it)");
  const certificate = new DnsValidatedCertificate(scope, "internal-certificate", {
    domainName: app.domain.internalName,
    hostedZoneId: deps.zoneId,
  });
  const alb = new InternalAlb(scope, "internal-alb", {
    name: app.internalLoadBalancerName,
    vpcId: vpc.vpcId,
    vpcCidr: vpc.cidrBlock,
    subnetIds: vpc.subnetIds.privateApp,
    certificateArn: certificate.certificateArn,
    accessLogBucket: app.buckets.albLogs,
    accessLogBucketPolicy: deps.buckets.albLogs.policy,
    deletionProtection: env.preventDestroy,
    desyncMitigationMode: env.preventDestroy ? "strictest" : "defensive",
  });
  new Route53Record(scope, "internal-record", {
    zoneId: deps.zoneId,
    name: app.domain.internalName,
    type: "A",
    alias: { name: alb.dnsName, zoneId: alb.zoneId, evaluateTargetHealth: true },
  });
  return alb;
}

/** One EC2 tier: behind the public ALB (web) or the internal ALB (app), admitted to the data tier. */
function ec2Tier(
  scope: Construct,
  props: AppTierProps,
  deps: ComputeDependencies,
  svc: AppEc2ServiceModel,
  internalAlb: InternalAlb | undefined,
): AutoScalingTier {
  const { env, app, keys, vpc } = props;
  const behind = svc.tier === "app" ? internalAlb! : deps.alb;
  const dbUser = svc.name.replace(/-/g, "_");
  const tier = new AutoScalingTier(scope, `tier-${svc.name}`, {
    name: svc.fullName,
    runtime: svc.runtime,
    instanceType: svc.instanceType,
    amiSsmParameter: svc.amiSsmParameter,
    port: svc.port,
    healthCheckPath: svc.healthCheckPath,
    rootVolumeGiB: svc.rootVolumeGiB,
    volumeKmsKeyArn: keys.data.keyArn,
    desiredCount: svc.desiredCount,
    minCount: svc.minCount,
    maxCount: svc.maxCount,
    autoscaling: svc.autoscaling,
    environment: {
      ...deps.environment,
      ...(deps.dataTier.database ? { DB_USER: dbUser } : {}),
      ...(svc.tier === "web" && internalAlb && app.domain ? { APP_TIER_URL: `https://${app.domain.internalName}` } : {}),
      ...svc.environment,
    },
    targetGroupName: svc.targetGroupName,
    vpcId: vpc.vpcId,
    subnetIds: vpc.subnetIds.privateApp,
    loadBalancerSecurityGroupId: behind.securityGroupId,
    loadBalancerArnSuffix: behind.arnSuffix,
    instancePolicyStatements: deps.statementsFor(dbUser),
    sessionKmsKeyArn: keys.logs.keyArn,
    sessionLogGroupName: `/aws/ssm/sessions/${app.namePrefix}`,
    vpcCidr: vpc.cidrBlock,
    egressPorts: dataTierPorts(props),
    accountId: env.accountId,
    region: env.region,
    partition: env.partition,
  });
  deps.dataTier.database?.allowFrom(svc.name, tier.securityGroupId);
  deps.dataTier.cache?.allowFrom(svc.name, tier.securityGroupId);
  if (svc.tier === "app") internalAlb!.addRoute(svc.name, svc.rulePriority, svc.pathPatterns, tier.targetGroupArn);
  else
    deps.alb.addServiceRoute({
      id: svc.name,
      priority: svc.rulePriority,
      pathPatterns: svc.pathPatterns,
      targetGroupArn: tier.targetGroupArn,
    });
  return tier;
}

/** One Lambda function in the private app subnets, admitted to the data tier. */
function lambdaFunction(scope: Construct, props: AppTierProps, deps: ComputeDependencies, svc: AppLambdaServiceModel): VpcLambdaFunction {
  const { env, app, keys, vpc } = props;
  const dbUser = svc.name.replace(/-/g, "_");
  const fn = new VpcLambdaFunction(scope, `function-${svc.name}`, {
    name: svc.fullName,
    code: svc.code,
    ...(svc.runtime ? { runtime: svc.runtime } : {}),
    ...(svc.handler ? { handler: svc.handler } : {}),
    architecture: svc.architecture,
    memoryMiB: svc.memoryMiB,
    timeoutSeconds: svc.timeoutSeconds,
    ...(svc.reservedConcurrency !== undefined ? { reservedConcurrency: svc.reservedConcurrency } : {}),
    environment: { ...deps.environment, ...(deps.dataTier.database ? { DB_USER: dbUser } : {}), ...svc.environment },
    vpcId: vpc.vpcId,
    subnetIds: vpc.subnetIds.privateApp,
    vpcCidr: vpc.cidrBlock,
    egressPorts: dataTierPorts(props),
    logKmsKeyArn: keys.logs.keyArn,
    logRetentionDays: app.logRetentionDays,
    policyStatements: deps.statementsFor(dbUser),
    accountId: env.accountId,
  });
  deps.dataTier.database?.allowFrom(svc.name, fn.securityGroupId);
  deps.dataTier.cache?.allowFrom(svc.name, fn.securityGroupId);
  return fn;
}

/** The data tier's ports the instances and functions may open in the VPC: the database's (3306 or 5432) and the cache's (6379), where they exist. */
function dataTierPorts({ app }: AppTierProps): number[] {
  return [...(app.database ? [app.database.port] : []), ...(app.cache ? [6379] : [])];
}
