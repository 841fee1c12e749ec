/**
 * Pricing of the security baseline in every account: CloudTrail, AWS Config, GuardDuty and Security Hub, at the
 * usage the assumptions state. Each function is pure: quantities in, {@link CostLine}s out.
 */
import type { BaselineInputs } from "../inputs.js";
import { fmt, line, type CostLine } from "../line.js";
import type { PriceTable } from "../prices/types.js";

/**
 * CloudTrail: the first trail's copy of management events is free, so only data events are billed (S3 storage
 * of the trail's logs is not included), and every additional copy of the management events (a second trail
 * logging the account, such as the organization trail beside the account's own) at the additional-copy price.
 * No line for a quantity of zero. Price: https://aws.amazon.com/cloudtrail/pricing/
 */
export function cloudTrailCost(trail: BaselineInputs["cloudTrail"], prices: PriceTable): CostLine[] {
  const copies = trail.additionalManagementEventCopies ?? 0;
  return [
    ...(copies > 0
      ? [
          line(
            "cloudtrail-management-copies",
            "CloudTrail additional management event copies",
            `${fmt(trail.managementEventsPerMonth)} events/month × ${copies} additional trail${copies === 1 ? "" : "s"}`,
            (trail.managementEventsPerMonth * copies) / 100_000,
            prices.cloudTrailManagementEventCopies100k,
          ),
        ]
      : []),
    ...cloudTrailDataEventLines(trail, prices),
  ];
}

function cloudTrailDataEventLines(trail: BaselineInputs["cloudTrail"], prices: PriceTable): CostLine[] {
  if (trail.dataEventsPerMonth === 0) return [];
  return [
    line(
      "cloudtrail-data-events",
      "CloudTrail data events",
      `${fmt(trail.dataEventsPerMonth)} events/month (management events: first trail free)`,
      trail.dataEventsPerMonth / 100_000,
      prices.cloudTrailDataEvents100k,
    ),
  ];
}

/**
 * AWS Config: configuration items recorded (continuous recording) and rule evaluations at the first-tier
 * price (first 100,000 a month). Price: https://aws.amazon.com/config/pricing/
 */
export function configCost(config: BaselineInputs["config"], prices: PriceTable): CostLine[] {
  return [
    line(
      "config-items",
      "AWS Config configuration items",
      `${fmt(config.itemsPerMonth)} items recorded/month`,
      config.itemsPerMonth,
      prices.configItem,
    ),
    line(
      "config-rule-evaluations",
      "AWS Config rule evaluations",
      `${fmt(config.ruleEvaluationsPerMonth)} evaluations/month`,
      config.ruleEvaluationsPerMonth,
      prices.configRuleEvaluation,
    ),
  ];
}

/**
 * GuardDuty foundational threat detection: CloudTrail management events analysed and GB of VPC flow and DNS
 * logs analysed, at the first-tier prices (the 30-day free trial is ignored; protection plans such as S3, EKS
 * or malware scanning are not included). Price: https://aws.amazon.com/guardduty/pricing/
 */
export function guardDutyCost(gd: BaselineInputs["guardDuty"], prices: PriceTable): CostLine[] {
  return [
    line(
      "guardduty-events",
      "GuardDuty CloudTrail event analysis",
      `${fmt(gd.managementEventsPerMonth)} management events/month`,
      gd.managementEventsPerMonth / 1_000_000,
      prices.guardDutyManagementEventsMillion,
    ),
    line(
      "guardduty-logs",
      "GuardDuty flow and DNS log analysis",
      `${fmt(gd.flowAndDnsLogGbPerMonth)} GB/month`,
      gd.flowAndDnsLogGbPerMonth,
      prices.guardDutyFlowAndDnsLogGb,
    ),
  ];
}

/**
 * Security Hub security checks at the first-tier price (finding ingestion of the integrated services stays
 * within the free 10,000 a month and is not included). Price: https://aws.amazon.com/security-hub/pricing/
 */
export function securityHubCost(hub: BaselineInputs["securityHub"], prices: PriceTable): CostLine[] {
  return [
    line(
      "securityhub-checks",
      "Security Hub checks",
      `${fmt(hub.checksPerMonth)} checks/month`,
      hub.checksPerMonth,
      prices.securityHubCheck,
    ),
  ];
}

/** Every baseline line of an account. */
export function baselineCost(baseline: BaselineInputs, prices: PriceTable): CostLine[] {
  return [
    ...cloudTrailCost(baseline.cloudTrail, prices),
    ...configCost(baseline.config, prices),
    ...guardDutyCost(baseline.guardDuty, prices),
    ...securityHubCost(baseline.securityHub, prices),
  ];
}
