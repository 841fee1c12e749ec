/**
 * The application tier of a workload account, translated from `WorkloadModel.app` into constructs:
 *
 *   users → CloudFront (WAF CLOUDFRONT scope, Shield Advanced) ─┬─ default → S3 frontend (OAC)
 *                                                               └─ service paths + secret header
 *         → ALB (CloudFront prefix list only, WAF REGIONAL, 403 unless header and path match); internet-facing in the
 *           public subnets, or internal in the private app subnets behind a CloudFront VPC origin (`app.edge`)
 *         → ECS Fargate services (private app subnets) → the database, optional: RDS MySQL or PostgreSQL (primary,
 *                                                        standby, replicas) or an Aurora cluster; IAM auth
 *                                                      → ElastiCache Redis, optional (private data subnets; IAM auth)
 *                                                      → DynamoDB tables, optional (data key; global-table replicas)
 *
 * Each section is a function in its own file of this folder, and creates its constructs directly in the
 * `AppTier` scope: construct ids below are Terraform addresses of stateful resources, do not rename them
 * (see DEVELOPERS.md). The constructor calls the sections in the order the resources appear in the
 * synthesized JSON; reordering them changes no address but rewrites every workload stack's JSON.
 */
import type { TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import type { RedisCache } from "../../modules/cache/redis.js";
import { AppCluster } from "../../modules/containers/cluster.js";
import type { AppDistribution } from "../../modules/edge/distribution.js";
import type { ShieldProtections } from "../../modules/edge/shield.js";
import type { AlbVpcOrigin } from "../../modules/edge/vpc-origin.js";
import type { WebAcl } from "../../modules/edge/web-acl.js";
import type { PurposeKmsKey } from "../../modules/encryption/index.js";
import type { CloudFrontOnlyAlb } from "../../modules/load-balancer/alb.js";
import type { NetworkLoadBalancer } from "../../modules/load-balancer/nlb.js";
import type { GeneratedSecret } from "../../modules/secrets/generated-secret.js";
import type { BucketReplication } from "../../modules/storage/replication.js";
import { backupCopy } from "./backup.js";
import { type AppBuckets, appBuckets } from "./buckets.js";
import { type AppDatabase, dataTier, dataTierEnvironment } from "./data-tier.js";
import { domainCertificates, domainRecords } from "./domain.js";
import { type AppDynamodbTables, dynamodbEnvironment, dynamodbStatements, dynamodbTables } from "./dynamodb.js";
import { edgeDistribution, edgeVpcOrigin, edgeWebAcls, shieldProtections } from "./edge.js";
import { appLoadBalancer } from "./load-balancer.js";
import { appNetworkLoadBalancer } from "./network-load-balancer.js";
import type { AppTierProps } from "./props.js";
import { appSecrets } from "./secrets.js";
import { type AppCompute, appCompute } from "./compute.js";
import { type AppServiceHandle, appServices, taskStatements } from "./services.js";

/** The app tier: edge, load balancer, services, database, cache, buckets and backup copy. */
export class AppTier extends Construct {
  readonly distribution: AppDistribution;
  readonly alb: CloudFrontOnlyAlb;
  /** The Network Load Balancer of the services with `loadBalancer: nlb`, when the app has one. */
  readonly nlb?: NetworkLoadBalancer;
  readonly cloudFrontWebAcl: WebAcl;
  readonly regionalWebAcl: WebAcl;
  readonly cluster: AppCluster;
  /** Services by name. */
  readonly services: Readonly<Record<string, AppServiceHandle>>;
  /** The database, when the config has one. */
  readonly database?: AppDatabase;
  /** The cache, when the config has one. */
  readonly cache?: RedisCache;
  /** DynamoDB tables by config name; empty without `dynamodbTables`. */
  readonly dynamodbTables: AppDynamodbTables;
  readonly buckets: AppBuckets;
  /** Secret holding the CloudFront → ALB header value (rotate: see README); absent without `app.edge.originSecretHeader`. */
  readonly originHeaderSecret?: GeneratedSecret;
  /** The CloudFront VPC origin of the internal ALB, with `app.edge.origin` `vpc-origin`. */
  readonly vpcOrigin?: AlbVpcOrigin;
  readonly shield?: ShieldProtections;
  /** Provider of us-east-1 in this account: CloudFront's certificate, its WAF, and their alarms live there. */
  readonly edgeProvider: TerraformProvider;
  /** Logs key in us-east-1 (CloudFront WAF log group; the us-east-1 alert topic). */
  readonly edgeLogsKey: PurposeKmsKey;
  readonly replication?: BucketReplication;
  /** EC2 Auto Scaling tiers, the internal ALB, Lambda functions and the HTTP API (empty for Fargate-only apps). */
  readonly compute: AppCompute;

  constructor(scope: Construct, id: string, props: AppTierProps) {
    super(scope, id);
    const { app } = props;
    const usEast1 = props.providerIn("us-east-1", "us-east-1");
    this.edgeProvider = usEast1;

    const secrets = appSecrets(this, app, props.keys);
    if (secrets.originHeader) this.originHeaderSecret = secrets.originHeader;
    const originHeaderValue = secrets.originHeader?.secretValue;
    this.buckets = appBuckets(this, props);
    const certificates = app.domain ? domainCertificates(this, app.domain, usEast1, props.env) : undefined;
    this.alb = appLoadBalancer(this, props, originHeaderValue, certificates?.originCertificateArn, this.buckets);
    const vpcOrigin = edgeVpcOrigin(this, props, this.alb);
    if (vpcOrigin) this.vpcOrigin = vpcOrigin;

    const acls = edgeWebAcls(this, props, usEast1, this.alb);
    this.edgeLogsKey = acls.edgeLogsKey;
    this.cloudFrontWebAcl = acls.cloudFront;
    this.regionalWebAcl = acls.regional;
    this.distribution = edgeDistribution(this, props, {
      buckets: this.buckets,
      alb: this.alb,
      originHeaderValue,
      vpcOrigin,
      webAclArn: acls.cloudFront.webAclArn,
      siteCertificateArn: certificates?.siteCertificateArn,
    });
    if (app.domain && certificates)
      domainRecords(this, app.domain, certificates.zoneId, this.distribution, vpcOrigin ? undefined : this.alb);

    const nlb = appNetworkLoadBalancer(this, props, this.buckets, certificates?.zoneId);
    if (nlb) this.nlb = nlb.nlb;

    this.cluster = new AppCluster(this, "cluster", { name: app.namePrefix });
    // The data tier first: services read its endpoints, then it admits each service's security group.
    const data = dataTier(this, props);
    if (data.database) this.database = data.database;
    if (data.cache) this.cache = data.cache;
    this.dynamodbTables = dynamodbTables(this, props);
    const environment = { ...dataTierEnvironment(props, data), ...dynamodbEnvironment(props, this.dynamodbTables) };
    this.services = appServices(this, props, {
      cluster: this.cluster,
      alb: this.alb,
      nlb,
      dataTier: data,
      dynamodbTables: this.dynamodbTables,
      dataTierEnvironment: environment,
      dataBucket: this.buckets.data,
    });
    this.compute = appCompute(this, props, {
      alb: this.alb,
      buckets: this.buckets,
      dataTier: data,
      zoneId: certificates?.zoneId,
      environment,
      statementsFor: (dbUser) => [
        ...taskStatements(props, data, this.buckets.data, dbUser),
        ...dynamodbStatements(props, this.dynamodbTables),
      ],
    });

    const shield = shieldProtections(this, props, this.distribution, this.alb);
    if (shield) this.shield = shield;
    const replication = backupCopy(this, props, this.buckets);
    if (replication) this.replication = replication;
  }
}
