/**
 * Alarms and dashboard graphs of a Network Load Balancer, on the `AWS/NetworkELB` metrics
 * (https://docs.aws.amazon.com/elasticloadbalancing/latest/network/load-balancer-cloudwatch-metrics.html):
 * unhealthy targets per target group (`UnHealthyHostCount`, dimensions `LoadBalancer` and `TargetGroup`) and TCP
 * resets sent by the targets (`TCP_Target_Reset_Count`), which rise when tasks crash or refuse connections.
 */
import { Construct } from "constructs";
import { type AlarmSet, type DashboardWidget, metricAlarm, metricRow } from "./alarm.js";
import type { AlarmTarget } from "./alarms.js";

/** Props of {@link NlbAlarms}. */
export interface NlbAlarmsProps extends AlarmTarget {
  /** NLB name, for alarm names. */
  readonly name: string;
  /** `net/<name>/<id>`: the `LoadBalancer` dimension. */
  readonly loadBalancerArnSuffix: string;
  /** Target groups by service name: their `arn_suffix` (`TargetGroup` dimension). */
  readonly targetGroups: Readonly<Record<string, string>>;
  /** TCP resets from the targets per 5 minutes above which the reset alarm fires. @default 100 */
  readonly targetResetsPerFiveMinutes?: number;
}

/** One `UnHealthyHostCount` alarm per target group, one `TCP_Target_Reset_Count` alarm, and their graphs. */
export class NlbAlarms extends Construct implements AlarmSet {
  readonly alarmArns: readonly string[];
  readonly widgets: readonly DashboardWidget[];

  constructor(scope: Construct, id: string, p: NlbAlarmsProps) {
    super(scope, id);
    const lb = { LoadBalancer: p.loadBalancerArnSuffix };
    const unhealthy = Object.entries(p.targetGroups).map(([service, tg]) =>
      metricAlarm(this, `unhealthy-hosts-${service}`, {
        alarmName: `${p.namePrefix}-${service}-nlb-unhealthy-hosts`,
        description: `At least one target of service ${service} behind NLB ${p.name} fails its health check.`,
        topicArn: p.topicArn,
        threshold: 1,
        comparison: "GreaterThanOrEqualToThreshold",
        metric: { namespace: "AWS/NetworkELB", name: "UnHealthyHostCount", dimensions: { ...lb, TargetGroup: tg }, statistic: "Maximum" },
      }),
    );
    const resets = p.targetResetsPerFiveMinutes ?? 100;
    const targetResets = metricAlarm(this, "target-resets", {
      alarmName: `${p.namePrefix}-${p.name}-nlb-target-resets`,
      description: `Targets behind NLB ${p.name} sent more than ${resets} TCP resets in 5 minutes.`,
      topicArn: p.topicArn,
      threshold: resets,
      comparison: "GreaterThanThreshold",
      metric: { namespace: "AWS/NetworkELB", name: "TCP_Target_Reset_Count", dimensions: lb, statistic: "Sum" },
    });
    this.alarmArns = [...unhealthy.map((a) => a.arn), targetResets.arn];
    this.widgets = [
      {
        title: `NLB ${p.name}: flows and resets`,
        region: p.region,
        stat: "Sum",
        metrics: ["NewFlowCount", "TCP_Target_Reset_Count", "TCP_ELB_Reset_Count", "TCP_Client_Reset_Count"].map((n) =>
          metricRow("AWS/NetworkELB", n, lb),
        ),
      },
      {
        title: `NLB ${p.name}: unhealthy targets`,
        region: p.region,
        stat: "Maximum",
        metrics: Object.values(p.targetGroups).map((tg) => metricRow("AWS/NetworkELB", "UnHealthyHostCount", { ...lb, TargetGroup: tg })),
      },
    ];
  }
}
