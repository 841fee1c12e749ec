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
 */
export function baselineCostInputs(a: CostAssumptionsFile, flowLogGbPerMonth: number): BaselineInputs {
  return {
    cloudTrail: { managementEventsPerMonth: a.cloudTrailManagementEventsPerMonth, dataEventsPerMonth: a.cloudTrailDataEventsPerMonth },
    config: { itemsPerMonth: a.configItemsPerMonth, ruleEvaluationsPerMonth: a.configRuleEvaluationsPerMonth },
    guardDuty: {
      managementEventsPerMonth: a.cloudTrailManagementEventsPerMonth,
      flowAndDnsLogGbPerMonth: flowLogGbPerMonth + a.guardDutyDnsLogGbPerMonth,
    },
    securityHub: { checksPerMonth: a.securityHubChecksPerMonth },
  };
}
