/**
 * The app tier's services: one ECS Fargate service per `app.services` entry in the private app subnets, its route
 * on the ALB, its admission to the database and the cache, and a CodeDeploy blue-green deployment where asked.
 */
import type { Construct } from "constructs";
import type { AppFargateServiceModel } from "../../config/index.js";
import { BlueGreenDeployment } from "../../modules/containers/blue-green.js";
import type { AppCluster } from "../../modules/containers/cluster.js";
import { FargateService, type TaskSecret } from "../../modules/containers/fargate-service.js";
import type { PolicyStatement } from "../../modules/iam/index.js";
import type { CloudFrontOnlyAlb } from "../../modules/load-balancer/alb.js";
import type { AppNetworkLoadBalancer } from "./network-load-balancer.js";
import type { SecureBucket } from "../../modules/storage/secure-bucket.js";
import type { DataTier } from "./data-tier.js";
import { type AppDynamodbTables, dynamodbStatements } from "./dynamodb.js";
import type { AppTierProps } from "./props.js";

/** Everything of one service that alarms, cost and diagrams need. */
export interface AppServiceHandle {
  readonly service: FargateService;
  readonly blueGreen?: BlueGreenDeployment;
}

/** What the services run on and talk to. */
export interface ServiceDependencies {
  readonly cluster: AppCluster;
  readonly alb: CloudFrontOnlyAlb;
  /** The NLB of the services with `loadBalancer: nlb`, when the app has one. */
  readonly nlb: AppNetworkLoadBalancer | undefined;
  readonly dataTier: DataTier;
  /** DynamoDB tables every service may read and write items of. */
  readonly dynamodbTables: AppDynamodbTables;
  /** Environment variables locating the data tier (see `dataTierEnvironment`). */
  readonly dataTierEnvironment: Readonly<Record<string, string>>;
  readonly dataBucket: SecureBucket;
}

/**
 * One {@link FargateService} (`service-<name>`) per service, created after its ALB listener rules, and a
 * {@link BlueGreenDeployment} (`deploy-<name>`) for each blue-green one. Each service connects to the database as the IAM user named like the service
 * (`-` becomes `_`, `DB_USER`) and to the cache as its IAM user (`REDIS_USER`); no database or cache password
 * exists. The service's `secrets` are injected from the ARNs in the config; the README asks that they be
 * encrypted with the account's secrets key (or the AWS managed key), which the execution role may decrypt.
 * @returns the services by name.
 */
export function appServices(scope: Construct, props: AppTierProps, deps: ServiceDependencies): Record<string, AppServiceHandle> {
  const { env, app, keys, vpc } = props;
  const { cluster, alb, dataTier } = deps;
  const account = { accountId: env.accountId, region: env.region, partition: env.partition };
  const services: Record<string, AppServiceHandle> = {};
  for (const svc of app.services) {
    if (svc.compute !== "ecs-fargate") continue;
    const nlb = svc.nlb ? deps.nlb?.nlb : undefined;
    if (svc.nlb && !nlb) throw new Error(`service ${svc.name}: loadBalancer nlb without the app's networkLoadBalancer`);
    const dbUser = svc.name.replace(/-/g, "_");
    const service = new FargateService(scope, `service-${svc.name}`, {
      name: svc.fullName,
      runtime: svc.runtime,
      ecrRepositoryName: svc.ecrRepository,
      imageTag: svc.imageTag,
      containerPort: svc.containerPort,
      healthCheckPath: svc.healthCheckPath,
      cpu: svc.cpu,
      memoryMiB: svc.memoryMiB,
      user: svc.user,
      desiredCount: svc.desiredCount,
      minCount: svc.minCount,
      maxCount: svc.maxCount,
      autoscaling: svc.autoscaling,
      environment: { ...deps.dataTierEnvironment, ...(dataTier.database ? { DB_USER: dbUser } : {}), ...svc.environment },
      secrets: Object.fromEntries(
        Object.entries(svc.secrets).map(([name, secret]): [string, TaskSecret] => [name, { ...secret, kmsKeyArn: keys.secrets.keyArn }]),
      ),
      deployment: svc.deployment,
      targetGroupNames: svc.targetGroupNames,
      clusterArn: cluster.clusterArn,
      clusterName: cluster.clusterName,
      vpcId: vpc.vpcId,
      subnetIds: vpc.subnetIds.privateApp,
      albSecurityGroupId: nlb ? nlb.securityGroupId : alb.securityGroupId,
      ...(svc.nlb ? { targetProtocol: svc.nlb.protocol === "UDP" ? ("UDP" as const) : ("TCP" as const) } : {}),
      albArnSuffix: alb.arnSuffix,
      logKmsKeyArn: keys.logs.keyArn,
      logRetentionDays: app.logRetentionDays,
      ecrKmsKeyArn: keys.data.keyArn,
      taskPolicyStatements: [
        ...taskStatements(props, dataTier, deps.dataBucket, dbUser),
        ...dynamodbStatements(props, deps.dynamodbTables),
      ],
      vpcCidr: vpc.cidrBlock,
      ...account,
    });
    dataTier.database?.allowFrom(svc.name, service.securityGroupId);
    dataTier.cache?.allowFrom(svc.name, service.securityGroupId);
    const routes =
      nlb && svc.nlb
        ? [
            nlb.addListener({
              id: svc.name,
              protocol: svc.nlb.protocol,
              port: svc.nlb.port,
              targetGroupArn: service.targetGroupArns[0]!,
              ...(svc.nlb.protocol === "TLS" && deps.nlb?.certificateArn ? { certificateArn: deps.nlb.certificateArn } : {}),
            }),
          ]
        : alb.addServiceRoute({
            id: svc.name,
            priority: svc.rulePriority,
            pathPatterns: svc.pathPatterns,
            targetGroupArn: service.targetGroupArns[0]!,
            ...(svc.deployment === "blue-green" ? { testTargetGroupArn: service.targetGroupArns[1]!, ignoreActionChanges: true } : {}),
          });
    // The service names only its target groups; CreateService fails until a listener rule uses them.
    service.waitFor(...routes);
    const blueGreen = svc.deployment === "blue-green" ? blueGreenDeployment(scope, props, svc, service, cluster, alb) : undefined;
    services[svc.name] = blueGreen ? { service, blueGreen } : { service };
  }
  return services;
}

/**
 * The CodeDeploy application, deployment group and rollback alarms of a blue-green service. The group names
 * the service and its target groups by references, so Terraform creates it after them.
 */
function blueGreenDeployment(
  scope: Construct,
  { env, alertTopicArn }: AppTierProps,
  svc: AppFargateServiceModel,
  service: FargateService,
  cluster: AppCluster,
  alb: CloudFrontOnlyAlb,
): BlueGreenDeployment {
  return new BlueGreenDeployment(scope, `deploy-${svc.name}`, {
    name: svc.fullName,
    clusterName: cluster.clusterName,
    serviceName: service.serviceNameRef,
    targetGroupNames: [service.targetGroupNames[0]!, service.targetGroupNames[1]!],
    targetGroupArnSuffixes: [service.targetGroupArnSuffixes[0]!, service.targetGroupArnSuffixes[1]!],
    albArnSuffix: alb.arnSuffix,
    prodListenerArn: alb.forwardingListenerArn,
    testListenerArn: alb.testListenerArn!,
    alarmTopicArn: alertTopicArn,
    partition: env.partition,
  });
}

/**
 * The application statements of a service (the task role; an EC2 tier's instance role; a function's role): where there is a database, connect as `dbUser` with IAM authentication to the primary
 * and to every read replica (each DB instance has its own `DbiResourceId`, and `DB_READ_HOSTS` names the replicas;
 * an Aurora cluster has one resource id for all its instances,
 * https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/UsingWithRDS.IAMDBAuth.IAMPolicy.html); where there is a
 * cache, connect to it as its IAM user; read and write the data bucket's objects, list it, and use the data key through S3 only
 * (`kms:ViaService`).
 */
export function taskStatements(
  { env, keys }: AppTierProps,
  { database, cache }: DataTier,
  data: SecureBucket,
  dbUser: string,
): PolicyStatement[] {
  const dbUserArn = (resourceId: string) => `arn:${env.partition}:rds-db:${env.region}:${env.accountId}:dbuser:${resourceId}/${dbUser}`;
  const dbUserArns = database?.resourceIds.map(dbUserArn) ?? [];
  return [
    ...(dbUserArns.length > 0
      ? [
          {
            Sid: "ConnectWithIamAuth",
            Effect: "Allow" as const,
            Action: "rds-db:connect",
            Resource: dbUserArns.length === 1 ? dbUserArns[0]! : dbUserArns,
          },
        ]
      : []),
    ...(cache ? [cache.connectStatement()] : []),
    {
      Sid: "ReadWriteData",
      Effect: "Allow",
      Action: ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"],
      Resource: `${data.bucketArn}/*`,
    },
    { Sid: "ListData", Effect: "Allow", Action: "s3:ListBucket", Resource: data.bucketArn },
    {
      Sid: "UseDataKeyThroughS3",
      Effect: "Allow",
      Action: ["kms:Decrypt", "kms:GenerateDataKey"],
      Resource: keys.data.keyArn,
      Condition: { StringEquals: { "kms:ViaService": `s3.${env.region}.amazonaws.com` } },
    },
  ];
}
