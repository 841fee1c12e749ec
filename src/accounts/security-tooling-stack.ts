/**
 * The security tooling (audit) account (AWS Organizations layer): delegated administrator of GuardDuty, Security
 * Hub, AWS Config and IAM Access Analyzer, registered by the organization stack. Besides the account baseline (its
 * own detector and Security Hub subscription, which the organization configuration needs, its trail and
 * recorder delivering to the log archive), it runs the organization-wide configuration
 * (../modules/security-tooling): GuardDuty auto-enable, Security Hub central configuration with its finding
 * aggregator, the AWS Config organization aggregator, the organization Access Analyzer, and the routing of
 * findings to this account's alert topic.
 *
 * Order: after the organization stack (the delegated administrator registrations, trusted access) and the log
 * archive (its trail delivers there), before the network hub and workloads, whose accounts the organization
 * configuration enables GuardDuty and Security Hub in.
 */
import type { Construct } from "constructs";
import type { AccountTarget, LandingZoneModel } from "../config/index.js";
import { securityHubStandardArns } from "../modules/baseline/index.js";
import { OrganizationSecurity } from "../modules/security-tooling/index.js";
import { AccountStack } from "./account-stack.js";

/** Stack of the security tooling account. */
export class SecurityToolingStack extends AccountStack {
  readonly organizationSecurity: OrganizationSecurity;

  /**
   * @throws Error when the model has no organization baseline or names another security tooling account (build
   *   this stack only from `model.awsOrganizations.securityTooling.target`).
   */
  constructor(scope: Construct, model: LandingZoneModel, target: AccountTarget) {
    const org = model.baseline.organization;
    if (!org || org.securityTooling.accountId !== target.accountId)
      throw new Error(`${target.stackName}: the model's security tooling account is not ${target.accountId}`);
    super(scope, model, target, target.stackName);
    const threat = this.baseline.threatDetection;
    if (threat.detectorId === undefined || threat.securityHub === undefined)
      throw new Error(`${target.stackName}: the delegated administrator's baseline has no GuardDuty detector or Security Hub`);
    const b = model.baseline;
    const standards = securityHubStandardArns(target.partition, target.region, b.securityHub.cisVersion);
    this.organizationSecurity = new OrganizationSecurity(this, "organization-security", {
      namePrefix: target.namePrefix,
      region: target.region,
      partition: target.partition,
      detectorId: threat.detectorId,
      securityHubAccount: threat.securityHub,
      guardDuty: b.guardDuty,
      standardArns: [standards.fsbp, standards.cis],
      regions: org.regions,
      configAggregatorName: b.configAggregator.name,
      alertTopicArn: this.alerts.topicArn,
    });
  }
}
