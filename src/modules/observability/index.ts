export { metricAlarm, metricRow, type AlarmSet, type DashboardWidget, type MetricAlarmProps } from "./alarm.js";
export { AlertTopic, type AlertTopicProps } from "./alert-topic.js";
export {
  AlbAlarms,
  EcsServiceAlarms,
  ElastiCacheAlarms,
  NatGatewayAlarms,
  RdsAlarms,
  WafAlarms,
  type AlarmTarget,
  type AlbAlarmsProps,
  type EcsServiceAlarmsProps,
  type ElastiCacheAlarmsProps,
  type NatGatewayAlarmsProps,
  type RdsAlarmsProps,
  type WafAlarmsProps,
} from "./alarms.js";
export { dashboardBody, EnvironmentDashboard, type EnvironmentDashboardProps } from "./dashboard.js";
export { DYNAMODB_ALARM_OPERATIONS, DynamodbAlarms, type DynamodbAlarmsProps } from "./dynamodb-alarms.js";
export {
  AutoScalingTierAlarms,
  HttpApiAlarms,
  LambdaAlarms,
  type AutoScalingTierAlarmsProps,
  type HttpApiAlarmsProps,
  type LambdaAlarmsProps,
} from "./compute-alarms.js";
