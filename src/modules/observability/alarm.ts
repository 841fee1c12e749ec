/**
 * The building blocks of every alarm construct: one CloudWatch metric alarm that notifies an SNS topic on
 * ALARM and OK, and the dashboard widget that shows its metric.
 * Alarm semantics: https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/AlarmThatSendsEmail.html
 */
import { CloudwatchMetricAlarm, type CloudwatchMetricAlarmMetricQuery } from "@cdktf/provider-aws/lib/cloudwatch-metric-alarm";
import type { TerraformProvider } from "cdktf";
import type { Construct } from "constructs";

/** One graph of a CloudWatch dashboard: a title and metrics as `[namespace, metric, dimName, dimValue, ...]` or a math expression. */
export interface DashboardWidget {
  readonly title: string;
  /** Region of the metrics (`us-east-1` for CloudFront WAF metrics). */
  readonly region: string;
  /** CloudWatch dashboard `metrics` rows (https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/CloudWatch-Dashboard-Body-Structure.html#CloudWatch-Dashboard-Properties-Metrics-Array-Format). */
  readonly metrics: readonly (readonly unknown[])[];
  /** Statistic. @default "Average" */
  readonly stat?: string;
}

/** A set of alarms on one resource, with the graphs a dashboard shows for it. */
export interface AlarmSet {
  /** ARNs of the alarms. */
  readonly alarmArns: readonly string[];
  /** Dashboard graphs for the same metrics. */
  readonly widgets: readonly DashboardWidget[];
}

/** Props of {@link metricAlarm}. */
export interface MetricAlarmProps {
  readonly alarmName: string;
  readonly description: string;
  /** SNS topic notified on ALARM and on OK. */
  readonly topicArn: string;
  readonly threshold: number;
  readonly comparison: "GreaterThanOrEqualToThreshold" | "GreaterThanThreshold" | "LessThanThreshold" | "LessThanOrEqualToThreshold";
  /** A single metric... */
  readonly metric?: {
    readonly namespace: string;
    readonly name: string;
    readonly dimensions: Readonly<Record<string, string>>;
    readonly statistic?: string;
    readonly extendedStatistic?: string;
  };
  /** ...or metric math (exactly one query with `returnData: true`). */
  readonly queries?: readonly CloudwatchMetricAlarmMetricQuery[];
  /** Seconds per datapoint. @default 300 */
  readonly periodSeconds?: number;
  /** Datapoints evaluated. @default 3 */
  readonly evaluationPeriods?: number;
  /** Datapoints of those that must breach. @default 2 */
  readonly datapointsToAlarm?: number;
  /** @default "notBreaching" */
  readonly treatMissingData?: "missing" | "notBreaching" | "breaching" | "ignore";
  /**
   * Provider of the metric's Region. An alarm lives in its metric's Region and can notify only a topic of
   * that Region (CloudFront and its WAF publish metrics in us-east-1). @default the stack's default provider
   */
  readonly provider?: TerraformProvider;
}

/** Creates one `aws_cloudwatch_metric_alarm` under `scope`. */
export function metricAlarm(scope: Construct, id: string, p: MetricAlarmProps): CloudwatchMetricAlarm {
  const period = p.periodSeconds ?? 300;
  return new CloudwatchMetricAlarm(scope, id, {
    ...(p.provider ? { provider: p.provider } : {}),
    alarmName: p.alarmName,
    alarmDescription: p.description,
    comparisonOperator: p.comparison,
    threshold: p.threshold,
    evaluationPeriods: p.evaluationPeriods ?? 3,
    datapointsToAlarm: p.datapointsToAlarm ?? 2,
    treatMissingData: p.treatMissingData ?? "notBreaching",
    alarmActions: [p.topicArn],
    okActions: [p.topicArn],
    ...(p.metric
      ? {
          namespace: p.metric.namespace,
          metricName: p.metric.name,
          dimensions: { ...p.metric.dimensions },
          period,
          ...(p.metric.extendedStatistic
            ? { extendedStatistic: p.metric.extendedStatistic }
            : { statistic: p.metric.statistic ?? "Average" }),
        }
      : { metricQuery: [...(p.queries ?? [])] }),
  });
}

/** `[namespace, metric, k1, v1, k2, v2, ...]`, a dashboard metrics row. */
export const metricRow = (namespace: string, name: string, dimensions: Readonly<Record<string, string>>): unknown[] => [
  namespace,
  name,
  ...Object.entries(dimensions).flat(),
];
