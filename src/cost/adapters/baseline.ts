/**
 * The security baseline's inputs (CloudTrail, AWS Config, GuardDuty, Security Hub in every account), from the
 * usage assumptions alone: the baseline is the same in every account, only the usage differs.
 * `costInputsFromModel` uses it unless `securityBaseline: false`.
 */
import type { CostAssumptionsFile } from "../../config/index.js";
import type { BaselineInputs } from "../inputs.js";

/**
 * @param flowLogGbPerMonth GB of VPC flow logs in the account, which GuardDuty analyses as well (0 in an account
 *   without a VPC).
 * @param additionalTrails trails beyond the account's own that log it (the organization trail: 1). @default 0
 */
export function baselineCostInputs(a: CostAssumptionsFile, flowLogGbPerMonth: number, additionalTrails = 0): BaselineInputs {
  return {
    cloudTrail: {
      managementEventsPerMonth: a.cloudTrailManagementEventsPerMonth,
      dataEventsPerMonth: a.cloudTrailDataEventsPerMonth,
      ...(additionalTrails > 0 ? { additionalManagementEventCopies: additionalTrails } : {}),
    },
    config: { itemsPerMonth: a.configItemsPerMonth, ruleEvaluationsPerMonth: a.configRuleEvaluationsPerMonth },
    guardDuty: {
      managementEventsPerMonth: a.cloudTrailManagementEventsPerMonth,
      flowAndDnsLogGbPerMonth: flowLogGbPerMonth + a.guardDutyDnsLogGbPerMonth,
    },
    securityHub: { checksPerMonth: a.securityHubChecksPerMonth },
  };
}
