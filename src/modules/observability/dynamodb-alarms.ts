/**
 * DynamoDB table alarms: throttled requests and system errors (HTTP 500) of the item operations the services use.
 *
 * `ThrottledRequests` and `SystemErrors` are published per table *and operation* (dimensions `TableName`,
 * `Operation`; "DynamoDB metrics and dimensions",
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/metrics-dimensions.html), so an alarm on
 * `TableName` alone would never receive data: each alarm sums the operations with metric math (9 queries, within
 * the 10 an alarm allows, https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Create_Multiple_Metrics_Alarm.html).
 */
import { Construct } from "constructs";
import { type AlarmSet, type DashboardWidget, metricAlarm, metricRow } from "./alarm.js";
import type { AlarmTarget } from "./alarms.js";

/**
 * The item operations the services can call with their grant (TransactWriteItems needs no action of its own, only
 * those of its items and `ConditionCheckItem`), whose metrics the alarms sum.
 */
export const DYNAMODB_ALARM_OPERATIONS = [
  "GetItem",
  "PutItem",
  "UpdateItem",
  "DeleteItem",
  "Query",
  "BatchGetItem",
  "BatchWriteItem",
  "TransactWriteItems",
] as const;

/** Props of {@link DynamodbAlarms}. */
export interface DynamodbAlarmsProps extends AlarmTarget {
  /** `aws_dynamodb_table.name` (a plain string: it names the alarms). */
  readonly tableName: string;
  /** Throttled requests per 5 minutes above this alarm. @default 10 */
  readonly throttledRequests?: number;
  /** System errors per 5 minutes above this alarm. @default 0 */
  readonly systemErrors?: number;
}

/** Throttled requests and system errors of one table, summed over {@link DYNAMODB_ALARM_OPERATIONS}. */
export class DynamodbAlarms extends Construct implements AlarmSet {
  readonly alarmArns: readonly string[];
  readonly widgets: readonly DashboardWidget[];

  constructor(scope: Construct, id: string, p: DynamodbAlarmsProps) {
    super(scope, id);
    const summed = (aid: string, metricName: string, threshold: number, what: string) =>
      metricAlarm(this, aid, {
        alarmName: `${p.namePrefix}-${p.tableName}-dynamodb-${aid}`,
        description: `DynamoDB table ${p.tableName}: more than ${threshold} ${what} in 5 minutes.`,
        topicArn: p.topicArn,
        threshold,
        comparison: "GreaterThanThreshold",
        queries: [
          ...DYNAMODB_ALARM_OPERATIONS.map((operation, i) => ({
            id: `m${i}`,
            metric: {
              namespace: "AWS/DynamoDB",
              metricName,
              dimensions: { TableName: p.tableName, Operation: operation },
              period: 300,
              stat: "Sum",
            },
          })),
          {
            id: "total",
            expression: `SUM([${DYNAMODB_ALARM_OPERATIONS.map((_, i) => `FILL(m${i}, 0)`).join(", ")}])`,
            label: `${metricName} (all operations)`,
            returnData: true,
          },
        ],
      });
    this.alarmArns = [
      summed("throttled-requests", "ThrottledRequests", p.throttledRequests ?? 10, "throttled requests").arn,
      summed("system-errors", "SystemErrors", p.systemErrors ?? 0, "system errors").arn,
    ];
    const dims = { TableName: p.tableName };
    this.widgets = [
      {
        title: `DynamoDB ${p.tableName}: throttle events`,
        region: p.region,
        stat: "Sum",
        metrics: ["ReadThrottleEvents", "WriteThrottleEvents"].map((n) => metricRow("AWS/DynamoDB", n, dims)),
      },
    ];
  }
}
