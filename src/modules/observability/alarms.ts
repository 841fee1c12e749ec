/**
 * Alarm constructs per resource kind, each taking plain identifiers (no construct references) and
 * thresholds, notifying the account's alert topic, and exposing its dashboard graphs.
 *
 * Metrics and dimensions follow the AWS metric references:
 * NAT gateway https://docs.aws.amazon.com/vpc/latest/userguide/vpc-nat-gateway-cloudwatch.html,
 * ALB https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-cloudwatch-metrics.html,
 * ECS https://docs.aws.amazon.com/AmazonECS/latest/developerguide/available-metrics.html,
 * RDS https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/rds-metrics.html,
 * ElastiCache https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/CacheMetrics.HostLevel.html,
 * WAF https://docs.aws.amazon.com/waf/latest/developerguide/waf-metrics.html.
 */
import { Construct } from "constructs";
import type { TerraformProvider } from "cdktf";
import { metricAlarm, metricRow, type AlarmSet, type DashboardWidget } from "./alarm.js";

/** Props every alarm construct shares. */
export interface AlarmTarget {
  /** Prefix of alarm names, for example `acme-prod`. */
  readonly namePrefix: string;
  /** SNS topic every alarm notifies (the account's alert topic). */
  readonly topicArn: string;
  /** Region of the metrics, for the dashboard. */
  readonly region: string;
}

/** Props of {@link NatGatewayAlarms}. */
export interface NatGatewayAlarmsProps extends AlarmTarget {
  /** NAT gateway ids (`nat-...`, or tokens). */
  readonly natGatewayIds: readonly string[];
  /** ErrorPortAllocation count per 5 minutes that alarms. @default 1 */
  readonly portAllocationErrors?: number;
}

/** One alarm per NAT gateway on `ErrorPortAllocation` (the gateway ran out of source ports: connections fail). */
export class NatGatewayAlarms extends Construct implements AlarmSet {
  readonly alarmArns: readonly string[];
  readonly widgets: readonly DashboardWidget[];

  constructor(scope: Construct, id: string, p: NatGatewayAlarmsProps) {
    super(scope, id);
    const alarms = p.natGatewayIds.map((natId, i) =>
      metricAlarm(this, `port-allocation-${i}`, {
        alarmName: `${p.namePrefix}-nat-${i}-port-allocation-errors`,
        description: `NAT gateway ${i} could not allocate source ports (ErrorPortAllocation); new connections through it fail.`,
        topicArn: p.topicArn,
        threshold: p.portAllocationErrors ?? 1,
        comparison: "GreaterThanOrEqualToThreshold",
        metric: { namespace: "AWS/NATGateway", name: "ErrorPortAllocation", dimensions: { NatGatewayId: natId }, statistic: "Sum" },
        evaluationPeriods: 1,
        datapointsToAlarm: 1,
      }),
    );
    this.alarmArns = alarms.map((a) => a.arn);
    this.widgets = [
      {
        title: "NAT gateway port allocation errors",
        region: p.region,
        stat: "Sum",
        metrics: p.natGatewayIds.map((n) => metricRow("AWS/NATGateway", "ErrorPortAllocation", { NatGatewayId: n })),
      },
    ];
  }
}

/** Props of {@link AlbAlarms}. */
export interface AlbAlarmsProps extends AlarmTarget {
  /** Short name for alarm names, for example `web`. */
  readonly name: string;
  /** `aws_lb.arn_suffix` (`app/<name>/<id>`). */
  readonly loadBalancerArnSuffix: string;
  /**
   * `aws_lb_target_group.arn_suffix` (`targetgroup/<name>/<id>`) for the response-time alarm. Not for a group
   * of a blue-green pair: the live group alternates with every release. @default the whole load balancer
   */
  readonly targetGroupArnSuffix?: string;
  /** 5xx (target + ELB) as a percent of requests over 5 minutes. @default 5 */
  readonly fiveXxPercent?: number;
  /** p95 target response time, seconds. @default 2 */
  readonly targetResponseSeconds?: number;
}

/** ALB 5xx rate (metric math over target and ELB 5xx and RequestCount) and p95 target response time. */
export class AlbAlarms extends Construct implements AlarmSet {
  readonly alarmArns: readonly string[];
  readonly widgets: readonly DashboardWidget[];

  constructor(scope: Construct, id: string, p: AlbAlarmsProps) {
    super(scope, id);
    const lb = { LoadBalancer: p.loadBalancerArnSuffix };
    const m = (qid: string, metricName: string) => ({
      id: qid,
      metric: { namespace: "AWS/ApplicationELB", metricName, dimensions: lb, period: 300, stat: "Sum" },
    });
    const fiveXx = metricAlarm(this, "5xx-rate", {
      alarmName: `${p.namePrefix}-${p.name}-alb-5xx-rate`,
      description: `More than ${p.fiveXxPercent ?? 5}% of requests to ALB ${p.name} end in a 5xx (target or load balancer).`,
      topicArn: p.topicArn,
      threshold: p.fiveXxPercent ?? 5,
      comparison: "GreaterThanThreshold",
      queries: [
        m("target5xx", "HTTPCode_Target_5XX_Count"),
        m("elb5xx", "HTTPCode_ELB_5XX_Count"),
        m("requests", "RequestCount"),
        { id: "rate", expression: "100 * (FILL(target5xx, 0) + FILL(elb5xx, 0)) / requests", label: "5xx percent", returnData: true },
      ],
    });
    const dims = p.targetGroupArnSuffix ? { ...lb, TargetGroup: p.targetGroupArnSuffix } : lb;
    const latency = metricAlarm(this, "target-response-time", {
      alarmName: `${p.namePrefix}-${p.name}-alb-target-response-time`,
      description: `p95 target response time of ALB ${p.name} is above ${p.targetResponseSeconds ?? 2} s.`,
      topicArn: p.topicArn,
      threshold: p.targetResponseSeconds ?? 2,
      comparison: "GreaterThanThreshold",
      metric: { namespace: "AWS/ApplicationELB", name: "TargetResponseTime", dimensions: dims, extendedStatistic: "p95" },
    });
    this.alarmArns = [fiveXx.arn, latency.arn];
    this.widgets = [
      {
        title: `ALB ${p.name}: requests and 5xx`,
        region: p.region,
        stat: "Sum",
        metrics: ["RequestCount", "HTTPCode_Target_5XX_Count", "HTTPCode_ELB_5XX_Count"].map((n) => metricRow("AWS/ApplicationELB", n, lb)),
      },
      {
        title: `ALB ${p.name}: target response time p95`,
        region: p.region,
        stat: "p95",
        metrics: [metricRow("AWS/ApplicationELB", "TargetResponseTime", dims)],
      },
    ];
  }
}

/** Props of {@link EcsServiceAlarms}. */
export interface EcsServiceAlarmsProps extends AlarmTarget {
  readonly clusterName: string;
  readonly serviceName: string;
  /** Average CPU percent. @default 85 */
  readonly cpuPercent?: number;
  /** Average memory percent. @default 85 */
  readonly memoryPercent?: number;
}

/** ECS service average CPU and memory utilization. */
export class EcsServiceAlarms extends Construct implements AlarmSet {
  readonly alarmArns: readonly string[];
  readonly widgets: readonly DashboardWidget[];

  constructor(scope: Construct, id: string, p: EcsServiceAlarmsProps) {
    super(scope, id);
    const dims = { ClusterName: p.clusterName, ServiceName: p.serviceName };
    const alarm = (aid: string, metricName: string, threshold: number) =>
      metricAlarm(this, aid, {
        alarmName: `${p.namePrefix}-${p.serviceName}-ecs-${aid}`,
        description: `ECS service ${p.serviceName} average ${metricName} above ${threshold}%.`,
        topicArn: p.topicArn,
        threshold,
        comparison: "GreaterThanThreshold",
        metric: { namespace: "AWS/ECS", name: metricName, dimensions: dims, statistic: "Average" },
      });
    this.alarmArns = [
      alarm("cpu", "CPUUtilization", p.cpuPercent ?? 85).arn,
      alarm("memory", "MemoryUtilization", p.memoryPercent ?? 85).arn,
    ];
    this.widgets = [
      {
        title: `ECS ${p.serviceName}: CPU and memory`,
        region: p.region,
        metrics: ["CPUUtilization", "MemoryUtilization"].map((n) => metricRow("AWS/ECS", n, dims)),
      },
    ];
  }
}

/** Props of {@link RdsAlarms}. */
export interface RdsAlarmsProps extends AlarmTarget {
  /** `aws_db_instance.identifier`. */
  readonly dbInstanceIdentifier: string;
  /** A read replica: adds the ReplicaLag alarm. @default false */
  readonly isReplica?: boolean;
  /** CPU percent. @default 80 */
  readonly cpuPercent?: number;
  /** Free storage below this many GiB alarms. @default 10 */
  readonly freeStorageGiB?: number;
  /** DatabaseConnections. @default 500 */
  readonly connections?: number;
  /** ReplicaLag seconds (replicas only). @default 60 */
  readonly replicaLagSeconds?: number;
  /**
   * An instance of an Aurora cluster: the cluster volume grows by itself, so the storage alarm watches the
   * instance's local (temporary) storage, `FreeLocalStorage`, and a reader's lag is `AuroraReplicaLag`, in
   * milliseconds (https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Aurora.AuroraMonitoring.Metrics.html).
   * @default false
   */
  readonly aurora?: boolean;
}

/** RDS instance CPU, free storage, connections, and replica lag for replicas (RDS and Aurora instances). */
export class RdsAlarms extends Construct implements AlarmSet {
  readonly alarmArns: readonly string[];
  readonly widgets: readonly DashboardWidget[];

  constructor(scope: Construct, id: string, p: RdsAlarmsProps) {
    super(scope, id);
    const dims = { DBInstanceIdentifier: p.dbInstanceIdentifier };
    const storageMetric = p.aurora ? "FreeLocalStorage" : "FreeStorageSpace";
    const lagMetric = p.aurora ? "AuroraReplicaLag" : "ReplicaLag";
    const lagUnitsPerSecond = p.aurora ? 1000 : 1;
    const alarm = (
      aid: string,
      metricName: string,
      threshold: number,
      comparison: "GreaterThanThreshold" | "LessThanThreshold",
      what: string,
    ) =>
      metricAlarm(this, aid, {
        alarmName: `${p.namePrefix}-${p.dbInstanceIdentifier}-rds-${aid}`,
        description: `RDS ${p.dbInstanceIdentifier}: ${what}.`,
        topicArn: p.topicArn,
        threshold,
        comparison,
        metric: {
          namespace: "AWS/RDS",
          name: metricName,
          dimensions: dims,
          statistic: metricName === storageMetric ? "Minimum" : "Average",
        },
      });
    const gib = p.freeStorageGiB ?? 10;
    const alarms = [
      alarm("cpu", "CPUUtilization", p.cpuPercent ?? 80, "GreaterThanThreshold", `CPU above ${p.cpuPercent ?? 80}%`),
      alarm(
        "free-storage",
        storageMetric,
        gib * 1024 ** 3,
        "LessThanThreshold",
        `free ${p.aurora ? "local " : ""}storage below ${gib} GiB`,
      ),
      alarm(
        "connections",
        "DatabaseConnections",
        p.connections ?? 500,
        "GreaterThanThreshold",
        `more than ${p.connections ?? 500} connections`,
      ),
      ...(p.isReplica
        ? [
            alarm(
              "replica-lag",
              lagMetric,
              (p.replicaLagSeconds ?? 60) * lagUnitsPerSecond,
              "GreaterThanThreshold",
              `replica lag above ${p.replicaLagSeconds ?? 60} s`,
            ),
          ]
        : []),
    ];
    this.alarmArns = alarms.map((a) => a.arn);
    const names = ["CPUUtilization", storageMetric, "DatabaseConnections", ...(p.isReplica ? [lagMetric] : [])];
    this.widgets = names.map((n) => ({
      title: `RDS ${p.dbInstanceIdentifier}: ${n}`,
      region: p.region,
      metrics: [metricRow("AWS/RDS", n, dims)],
    }));
  }
}

/** Props of {@link ElastiCacheAlarms}. */
export interface ElastiCacheAlarmsProps extends AlarmTarget {
  /** `aws_elasticache_replication_group.replication_group_id` (cluster mode disabled). */
  readonly replicationGroupId: string;
  /** Number of nodes; ElastiCache names them `<id>-001`, `<id>-002`, ... and reports host metrics per node. */
  readonly nodeCount: number;
  /** EngineCPUUtilization percent. @default 75 */
  readonly cpuPercent?: number;
  /** Evictions per 5 minutes. @default 100 */
  readonly evictions?: number;
}

/** Per node: engine CPU and evictions. */
export class ElastiCacheAlarms extends Construct implements AlarmSet {
  readonly alarmArns: readonly string[];
  readonly widgets: readonly DashboardWidget[];

  constructor(scope: Construct, id: string, p: ElastiCacheAlarmsProps) {
    super(scope, id);
    const nodes = Array.from({ length: p.nodeCount }, (_, i) => `${p.replicationGroupId}-${String(i + 1).padStart(3, "0")}`);
    const alarms = nodes.flatMap((node) => [
      metricAlarm(this, `${node}-cpu`, {
        alarmName: `${p.namePrefix}-${node}-cache-cpu`,
        description: `ElastiCache node ${node}: engine CPU above ${p.cpuPercent ?? 75}%.`,
        topicArn: p.topicArn,
        threshold: p.cpuPercent ?? 75,
        comparison: "GreaterThanThreshold",
        metric: { namespace: "AWS/ElastiCache", name: "EngineCPUUtilization", dimensions: { CacheClusterId: node }, statistic: "Average" },
      }),
      metricAlarm(this, `${node}-evictions`, {
        alarmName: `${p.namePrefix}-${node}-cache-evictions`,
        description: `ElastiCache node ${node}: more than ${p.evictions ?? 100} evictions in 5 minutes (memory too small).`,
        topicArn: p.topicArn,
        threshold: p.evictions ?? 100,
        comparison: "GreaterThanThreshold",
        metric: { namespace: "AWS/ElastiCache", name: "Evictions", dimensions: { CacheClusterId: node }, statistic: "Sum" },
      }),
    ]);
    this.alarmArns = alarms.map((a) => a.arn);
    this.widgets = [
      {
        title: `Cache ${p.replicationGroupId}: engine CPU`,
        region: p.region,
        metrics: nodes.map((n) => metricRow("AWS/ElastiCache", "EngineCPUUtilization", { CacheClusterId: n })),
      },
      {
        title: `Cache ${p.replicationGroupId}: evictions`,
        region: p.region,
        stat: "Sum",
        metrics: nodes.map((n) => metricRow("AWS/ElastiCache", "Evictions", { CacheClusterId: n })),
      },
    ];
  }
}

/** Props of {@link WafAlarms}. */
export interface WafAlarmsProps extends AlarmTarget {
  /** Web ACL name (the `WebACL` dimension). */
  readonly webAclName: string;
  /**
   * Region of a REGIONAL web ACL (the `Region` dimension). Omit for a CLOUDFRONT web ACL, whose metrics
   * have no Region dimension and live in us-east-1: create the construct with a us-east-1 provider then
   * (its `region` prop is "us-east-1"). @default CLOUDFRONT scope
   */
  readonly webAclRegion?: string;
  /** Blocked requests per 5 minutes. @default 1000 */
  readonly blockedRequests?: number;
  /** Provider of us-east-1 for a CloudFront-scope ACL (its metrics are there; `topicArn` must be there too). @default the stack's default provider */
  readonly provider?: TerraformProvider;
}

/** A spike of blocked requests on a web ACL (all rules): an IP flood or an attack in progress. */
export class WafAlarms extends Construct implements AlarmSet {
  readonly alarmArns: readonly string[];
  readonly widgets: readonly DashboardWidget[];

  constructor(scope: Construct, id: string, p: WafAlarmsProps) {
    super(scope, id);
    const dims = { WebACL: p.webAclName, Rule: "ALL", ...(p.webAclRegion ? { Region: p.webAclRegion } : {}) };
    const alarm = metricAlarm(this, "blocked-requests", {
      alarmName: `${p.namePrefix}-${p.webAclName}-waf-blocked-spike`,
      description: `Web ACL ${p.webAclName} blocked more than ${p.blockedRequests ?? 1000} requests in 5 minutes.`,
      topicArn: p.topicArn,
      threshold: p.blockedRequests ?? 1000,
      comparison: "GreaterThanThreshold",
      metric: { namespace: "AWS/WAFV2", name: "BlockedRequests", dimensions: dims, statistic: "Sum" },
      evaluationPeriods: 1,
      datapointsToAlarm: 1,
      ...(p.provider ? { provider: p.provider } : {}),
    });
    this.alarmArns = [alarm.arn];
    this.widgets = [
      {
        title: `WAF ${p.webAclName}: allowed and blocked`,
        region: p.region,
        stat: "Sum",
        metrics: ["AllowedRequests", "BlockedRequests"].map((n) => metricRow("AWS/WAFV2", n, dims)),
      },
    ];
  }
}
