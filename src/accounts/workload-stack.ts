/**
 * A workload account (dev, test, prod, ...): its VPC, flow logs, and its attachment to the hub
 * transit gateway. The hub-side half of the attachment (acceptance, association, propagation) is in
 * this same stack through an aliased provider for the hub account, so one apply wires an environment
 * end to end and destroying an environment removes its hub-side records with it. That provider assumes the
 * environment's hub attachment role, which can do nothing else in the hub (src/pipeline/hub-attachment.ts).
 */
import type { Construct } from "constructs";
import { nlbListenerOf, type LandingZoneModel, type WorkloadModel } from "../config/index.js";
import {
  AlbAlarms,
  AlertTopic,
  DynamodbAlarms,
  ElastiCacheAlarms,
  EcsServiceAlarms,
  EnvironmentDashboard,
  NatGatewayAlarms,
  RdsAlarms,
  WafAlarms,
} from "../modules/observability/index.js";
import { NlbAlarms } from "../modules/observability/nlb-alarms.js";
import { TransitGatewaySpoke } from "../modules/transit-gateway/index.js";
import { GatewayEndpoints, InterfaceEndpoints, WorkloadVpc } from "../modules/vpc/index.js";
import { AccountStack } from "./account-stack.js";
import { AppTier } from "./app-tier/index.js";
import { addHybridDns, type WorkloadDns } from "./dns.js";
import { computeAlarms } from "./app-tier/compute-alarms.js";
import { attachmentRouteTables, routingPlanOf } from "./segments.js";
import { definedOnly } from "../util/defined.js";
import { workloadVpcRouting } from "./vpc-routes.js";

const missingTable = (tier: string, az: number): never => {
  throw new Error(`routing plan uses the ${tier} route table of AZ ${az}, and the VPC has no such route table`);
};

/** Every account of the landing zone (the network hub and each environment's), sorted, each once. */
export function landingZoneAccountIds(model: Pick<LandingZoneModel, "networkHub" | "environments">): string[] {
  return [...new Set([model.networkHub.accountId, ...model.environments.map((e) => e.accountId)])].sort();
}

/** Stack of one workload account. Depends on the network hub stack. */
export class WorkloadStack extends AccountStack {
  readonly vpc: WorkloadVpc;
  readonly spoke: TransitGatewaySpoke;
  /** The application tier (edge, ALB, services, database, cache, buckets), when the environment has `app:`. */
  readonly app?: AppTier;
  /** The environment's CloudWatch dashboard; app-tier alarm sets (ALB, ECS, RDS, cache, WAF) are added to it. */
  readonly dashboard: EnvironmentDashboard;
  /** Hybrid DNS of this VPC (./dns.ts); empty without `networkHub.dns`. */
  readonly dns: WorkloadDns;

  constructor(scope: Construct, model: LandingZoneModel, env: WorkloadModel) {
    super(scope, model, env, env.name, env.hubAttachmentRoleName);
    const hubProvider = this.hubProvider;
    if (!hubProvider) throw new Error(`${env.name}: a workload stack needs the hub provider (its account hosts the log archive?)`);

    // Every routing decision comes from the routing plan, which `lz routes` verifies.
    const plan = routingPlanOf(model);
    const vpcPlan = plan.vpcs.find((v) => v.name === env.name);
    if (!vpcPlan) throw new Error(`routing plan has no VPC for ${env.name}`);
    const routing = workloadVpcRouting(vpcPlan);
    // Per-vpc inspection: the plan routes public subnets to firewall endpoints and has an IGW edge route table.
    const perVpc = vpcPlan.gatewayRoutes !== undefined;
    const policy = model.networkHub.hybrid?.inspection;
    if (perVpc && (!env.vpc.subnets.firewall || !policy))
      throw new Error(`${env.name}: per-vpc inspection needs firewall subnets and networkHub.hybrid.inspection`);

    this.vpc = new WorkloadVpc(this, "vpc", {
      name: env.vpc.name,
      cidrBlock: env.vpc.cidr,
      // By AZ ID: AZ index i is the same physical zone in the hub and in every workload account.
      availabilityZoneIds: model.networkHub.availabilityZoneIds.slice(0, env.vpc.azCount),
      subnetCidrs: env.vpc.subnets,
      natGateways: env.vpc.natGateways,
      flowLogs: {
        retentionDays: env.vpc.flowLogRetentionDays,
        kmsKeyArn: this.keys.logs.keyArn,
        accountId: env.accountId,
        region: env.region,
        partition: env.partition,
      },
      routes: routing.routes,
      networkAcls: routing.networkAcls,
      importIds: definedOnly({ vpc: env.adopt.vpc, internetGateway: env.adopt.internetGateway, subnets: env.adopt.subnets }),
      ...(perVpc && env.vpc.subnets.firewall && policy
        ? {
            firewall: {
              subnetCidrs: env.vpc.subnets.firewall,
              edgeRoutes: routing.edgeRoutes,
              // CloudFront reaches the ALB on 443 with a domain (origin certificate), else on 80 (see README, the app tier).
              ingressTcpPorts: env.app ? [env.app.domain ? 443 : 80] : [],
              allowedDomains: policy.allowedDomains,
              suricataRules: policy.suricataRules,
              logRetentionDays: policy.logRetentionDays,
              preventDestroy: this.target.preventDestroy,
            },
          }
        : {}),
    });

    if (routing.gatewayEndpoints.length > 0)
      new GatewayEndpoints(this, "gateway-endpoints", {
        name: env.vpc.name,
        vpcId: this.vpc.vpcId,
        region: env.region,
        partition: env.partition,
        // Principals of the landing zone's accounts: this account's roles, and roles of other accounts assumed here.
        principalAccountIds: landingZoneAccountIds(model),
        endpoints: routing.gatewayEndpoints.map((e) => ({
          service: e.service,
          routeTableIds: e.routeTables.map(
            ({ tier, az }) =>
              (tier === "firewall" ? this.vpc.firewall?.routeTableIds : this.vpc.routeTableIds[tier])?.[az] ?? missingTable(tier, az),
          ),
        })),
      });

    // Interface endpoints in the privateApp subnets: the app tier's AWS API calls stay in the VPC (local route).
    if (env.vpc.interfaceEndpoints.length > 0)
      new InterfaceEndpoints(this, "interface-endpoints", {
        name: env.vpc.name,
        vpcId: this.vpc.vpcId,
        vpcCidr: env.vpc.cidr,
        region: env.region,
        subnetIds: this.vpc.subnetIds.privateApp,
        services: env.vpc.interfaceEndpoints,
        principalAccountIds: landingZoneAccountIds(model),
      });

    const tables = attachmentRouteTables(model, plan, env.name);
    this.spoke = new TransitGatewaySpoke(this, "transit-gateway-spoke", {
      hubProvider,
      transitGatewayName: model.networkHub.transitGateway.name,
      ...(model.organization.ramSharingWithAwsOrganization
        ? {}
        : { acceptResourceShareName: model.networkHub.transitGateway.resourceShareName }),
      name: env.vpc.name,
      vpcId: this.vpc.vpcId,
      subnetIds: this.vpc.subnetIds.transit,
      associateWithRouteTable: tables.associateWith,
      propagateToRouteTables: tables.propagateTo,
      routeTables: routing.transitGatewayRoutes.map(({ tier, az, destinations }) => ({
        routeTableId:
          (tier === "firewall" ? this.vpc.firewall?.routeTableIds : this.vpc.routeTableIds[tier])?.[az] ?? missingTable(tier, az),
        destinationCidrs: destinations,
      })),
    });

    this.dns = addHybridDns(this, model, env, this.vpc);

    if (env.app) {
      this.app = new AppTier(this, "app", {
        env,
        app: env.app,
        keys: this.keys,
        alertTopicArn: this.alerts.topicArn,
        vpc: this.vpc,
        providerIn: (alias, region) => this.accountProvider(alias, env, region),
      });
    }
    const alarmTarget = { namePrefix: env.namePrefix, topicArn: this.alerts.topicArn, region: env.region };
    this.dashboard = new EnvironmentDashboard(this, "dashboard", { name: env.namePrefix });
    // Central inspection: no NAT gateway in this VPC (egress leaves through the hub), so no NAT alarms.
    if (this.vpc.natGatewayIds.length > 0) {
      this.dashboard.add(
        new NatGatewayAlarms(this, "nat-gateway-alarms", {
          ...alarmTarget,
          natGatewayIds: this.vpc.natGatewayIds,
          portAllocationErrors: env.alarms.natPortAllocationErrors,
        }),
      );
    }
    if (this.app && env.app) this.addAppAlarms(this.app, env, alarmTarget);
  }

  /**
   * Alarms and dashboard widgets for the app tier: ALB 5xx rate and p95 response time (whole load balancer), CPU and memory per ECS
   * service, RDS per instance (replica lag on replicas; Aurora instances too) where there is a database, ElastiCache
   * CPU and evictions where there is a cache, throttled requests and system errors per DynamoDB table, and blocked-request
   * spikes on both web ACLs. The CloudFront ACL's metrics exist only in us-east-1, and an alarm can notify
   * only a topic of its own Region, so those alarms go to a us-east-1 copy of the alert topic
   * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/AlarmThatSendsEmail.html).
   */
  private addAppAlarms(app: AppTier, env: WorkloadModel, target: { namePrefix: string; topicArn: string; region: string }): void {
    const t = env.alarms;
    // Response time over the whole load balancer, not one target group: a blue-green service's live group
    // alternates with every release, and a fixed group would be the idle one after the first swap.
    this.dashboard.add(
      new AlbAlarms(this, "alb-alarms", {
        ...target,
        name: env.app!.loadBalancerName,
        loadBalancerArnSuffix: app.alb.arnSuffix,
        fiveXxPercent: t.alb5xxPercent,
        targetResponseSeconds: t.albTargetResponseSeconds,
      }),
    );
    const nlbServices = env.app!.services.filter((s) => nlbListenerOf(s));
    if (app.nlb && env.app!.networkLoadBalancer && nlbServices.length > 0) {
      this.dashboard.add(
        new NlbAlarms(this, "nlb-alarms", {
          ...target,
          name: env.app!.networkLoadBalancer.name,
          loadBalancerArnSuffix: app.nlb.arnSuffix,
          targetGroups: Object.fromEntries(nlbServices.map((s) => [s.name, app.services[s.name]!.service.targetGroupArnSuffixes[0]!])),
        }),
      );
    }
    for (const [name, handle] of Object.entries(app.services)) {
      this.dashboard.add(
        new EcsServiceAlarms(this, `ecs-alarms-${name}`, {
          ...target,
          clusterName: app.cluster.clusterName,
          serviceName: handle.service.serviceName,
          cpuPercent: t.ecsCpuPercent,
          memoryPercent: t.ecsMemoryPercent,
        }),
      );
    }
    for (const set of computeAlarms(this, app, env, target)) this.dashboard.add(set);
    const aurora = env.app?.database?.aurora ?? false;
    app.database?.instanceIdentifiers.forEach((id, i) => {
      this.dashboard.add(
        new RdsAlarms(this, i === 0 ? "rds-alarms-primary" : `rds-alarms-replica-${i}`, {
          ...target,
          dbInstanceIdentifier: id,
          isReplica: i > 0,
          ...(aurora ? { aurora } : {}),
          cpuPercent: t.rdsCpuPercent,
          freeStorageGiB: t.rdsFreeStorageGiB,
          connections: t.rdsConnections,
          replicaLagSeconds: t.rdsReplicaLagSeconds,
        }),
      );
    });
    if (app.cache && env.app?.cache) {
      this.dashboard.add(
        new ElastiCacheAlarms(this, "cache-alarms", {
          ...target,
          replicationGroupId: app.cache.replicationGroupId,
          nodeCount: env.app.cache.replicas + 1,
          cpuPercent: t.cacheCpuPercent,
          evictions: t.cacheEvictions,
        }),
      );
    }
    for (const table of env.app?.dynamodbTables ?? []) {
      this.dashboard.add(new DynamodbAlarms(this, `dynamodb-alarms-${table.name}`, { ...target, tableName: table.tableName }));
    }
    this.dashboard.add(
      new WafAlarms(this, "waf-alarms-alb", {
        ...target,
        webAclName: app.regionalWebAcl.webAclName,
        webAclRegion: env.region,
        blockedRequests: t.wafBlockedRequests,
      }),
    );
    const edgeAlerts = new AlertTopic(this, "edge-alerts", {
      name: `${env.namePrefix}-edge-alerts`,
      accountId: env.accountId,
      region: "us-east-1",
      partition: env.partition,
      kmsKeyArn: app.edgeLogsKey.keyArn,
      emails: env.alertEmails,
      provider: app.edgeProvider,
    });
    this.dashboard.add(
      new WafAlarms(this, "waf-alarms-cloudfront", {
        ...target,
        topicArn: edgeAlerts.topicArn,
        region: "us-east-1",
        webAclName: app.cloudFrontWebAcl.webAclName,
        blockedRequests: t.wafBlockedRequests,
        provider: app.edgeProvider,
      }),
    );
  }
}
