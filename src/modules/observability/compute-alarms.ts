/**
 * Alarms of the app tier's EC2 Auto Scaling tiers, Lambda functions and HTTP API, each notifying the account's
 * alert topic and exposing its dashboard graphs.
 *
 * Metrics and dimensions: EC2 by Auto Scaling group (`AWS/EC2`, `AutoScalingGroupName`; the launch templates turn
 * on detailed monitoring, https://docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-metrics.html),
 * target group health (`AWS/ApplicationELB`, `TargetGroup` and `LoadBalancer`,
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-cloudwatch-metrics.html),
 * Lambda (`AWS/Lambda`, `FunctionName`, https://docs.aws.amazon.com/lambda/latest/dg/monitoring-metrics-types.html)
 * and HTTP APIs (`AWS/ApiGateway`, `ApiId` and `Stage`,
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-metrics.html).
 */
import { Construct } from "constructs";
import { type AlarmSet, type DashboardWidget, metricAlarm, metricRow } from "./alarm.js";
import type { AlarmTarget } from "./alarms.js";

/** Props of {@link AutoScalingTierAlarms}. */
export interface AutoScalingTierAlarmsProps extends AlarmTarget {
  /** The group's name (a plain string: it names the alarms). */
  readonly autoScalingGroupName: string;
  /** The target group's and load balancer's `arn_suffix`es. */
  readonly targetGroupArnSuffix: string;
  readonly loadBalancerArnSuffix: string;
  /** Average CPU percent above this alarms. @default 85 */
  readonly cpuPercent?: number;
}

/** Average CPU of the group and unhealthy targets of its target group. */
export class AutoScalingTierAlarms extends Construct implements AlarmSet {
  readonly alarmArns: readonly string[];
  readonly widgets: readonly DashboardWidget[];

  constructor(scope: Construct, id: string, p: AutoScalingTierAlarmsProps) {
    super(scope, id);
    const asg = { AutoScalingGroupName: p.autoScalingGroupName };
    const tg = { TargetGroup: p.targetGroupArnSuffix, LoadBalancer: p.loadBalancerArnSuffix };
    const cpu = p.cpuPercent ?? 85;
    this.alarmArns = [
      metricAlarm(this, "cpu", {
        alarmName: `${p.autoScalingGroupName}-asg-cpu`,
        description: `Auto Scaling group ${p.autoScalingGroupName} average CPU above ${cpu}%.`,
        topicArn: p.topicArn,
        threshold: cpu,
        comparison: "GreaterThanThreshold",
        metric: { namespace: "AWS/EC2", name: "CPUUtilization", dimensions: asg, statistic: "Average" },
      }).arn,
      metricAlarm(this, "unhealthy-hosts", {
        alarmName: `${p.autoScalingGroupName}-asg-unhealthy-hosts`,
        description: `Auto Scaling group ${p.autoScalingGroupName}: its target group has unhealthy instances.`,
        topicArn: p.topicArn,
        threshold: 0,
        comparison: "GreaterThanThreshold",
        periodSeconds: 60,
        evaluationPeriods: 5,
        datapointsToAlarm: 3,
        metric: { namespace: "AWS/ApplicationELB", name: "UnHealthyHostCount", dimensions: tg, statistic: "Maximum" },
      }).arn,
    ];
    this.widgets = [
      { title: `EC2 ${p.autoScalingGroupName}: CPU`, region: p.region, metrics: [metricRow("AWS/EC2", "CPUUtilization", asg)] },
      {
        title: `EC2 ${p.autoScalingGroupName}: healthy and unhealthy targets`,
        region: p.region,
        metrics: ["HealthyHostCount", "UnHealthyHostCount"].map((n) => metricRow("AWS/ApplicationELB", n, tg)),
      },
    ];
  }
}

/** Props of {@link LambdaAlarms}. */
export interface LambdaAlarmsProps extends AlarmTarget {
  /** The function's name (a plain string). */
  readonly functionName: string;
  /** Errors per 5 minutes above this alarm. @default 5 */
  readonly errors?: number;
  /** Throttles per 5 minutes above this alarm. @default 0 */
  readonly throttles?: number;
}

/** Errors and throttles of one function. */
export class LambdaAlarms extends Construct implements AlarmSet {
  readonly alarmArns: readonly string[];
  readonly widgets: readonly DashboardWidget[];

  constructor(scope: Construct, id: string, p: LambdaAlarmsProps) {
    super(scope, id);
    const dims = { FunctionName: p.functionName };
    const alarm = (aid: string, metricName: string, threshold: number) =>
      metricAlarm(this, aid, {
        alarmName: `${p.functionName}-lambda-${aid}`,
        description: `Lambda function ${p.functionName}: more than ${threshold} ${metricName} in 5 minutes.`,
        topicArn: p.topicArn,
        threshold,
        comparison: "GreaterThanThreshold",
        metric: { namespace: "AWS/Lambda", name: metricName, dimensions: dims, statistic: "Sum" },
      });
    this.alarmArns = [alarm("errors", "Errors", p.errors ?? 5).arn, alarm("throttles", "Throttles", p.throttles ?? 0).arn];
    this.widgets = [
      {
        title: `Lambda ${p.functionName}: invocations, errors, throttles`,
        region: p.region,
        stat: "Sum",
        metrics: ["Invocations", "Errors", "Throttles"].map((n) => metricRow("AWS/Lambda", n, dims)),
      },
    ];
  }
}

/** Props of {@link HttpApiAlarms}. */
export interface HttpApiAlarmsProps extends AlarmTarget {
  /** The API's name (a plain string: it names the alarm). */
  readonly apiName: string;
  /** `aws_apigatewayv2_api.id`. */
  readonly apiId: string;
  /** @default "$default" */
  readonly stage?: string;
  /** 5xx responses per 5 minutes above this alarm. @default 10 */
  readonly serverErrors?: number;
}

/** 5xx responses of the HTTP API's stage. */
export class HttpApiAlarms extends Construct implements AlarmSet {
  readonly alarmArns: readonly string[];
  readonly widgets: readonly DashboardWidget[];

  constructor(scope: Construct, id: string, p: HttpApiAlarmsProps) {
    super(scope, id);
    const dims = { ApiId: p.apiId, Stage: p.stage ?? "$default" };
    const threshold = p.serverErrors ?? 10;
    this.alarmArns = [
      metricAlarm(this, "5xx", {
        alarmName: `${p.apiName}-http-api-5xx`,
        description: `HTTP API ${p.apiName}: more than ${threshold} 5xx responses in 5 minutes.`,
        topicArn: p.topicArn,
        threshold,
        comparison: "GreaterThanThreshold",
        metric: { namespace: "AWS/ApiGateway", name: "5xx", dimensions: dims, statistic: "Sum" },
      }).arn,
    ];
    this.widgets = [
      {
        title: `HTTP API ${p.apiName}: requests and errors`,
        region: p.region,
        stat: "Sum",
        metrics: ["Count", "4xx", "5xx"].map((n) => metricRow("AWS/ApiGateway", n, dims)),
      },
    ];
  }
}
