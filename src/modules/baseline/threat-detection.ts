/**
 * Threat detection in one account: a GuardDuty detector (S3 and EKS protection per props, through
 * `aws_guardduty_detector_feature`, https://docs.aws.amazon.com/guardduty/latest/APIReference/API_DetectorFeatureConfiguration.html),
 * Security Hub with the AWS Foundational Security Best Practices and CIS AWS Foundations standards
 * (standards ARNs per Region: https://docs.aws.amazon.com/securityhub/latest/userguide/standards-reference.html),
 * and EventBridge rules that send HIGH and CRITICAL findings of both to the alert topic.
 *
 * Severity: GuardDuty HIGH is 7.0-8.9 and CRITICAL 9.0-10.0
 * (https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_findings-severity.html); Security Hub findings
 * carry `Severity.Label` (https://docs.aws.amazon.com/securityhub/latest/userguide/securityhub-cwe-event-formats.html).
 */
import { CloudwatchEventRule } from "@cdktf/provider-aws/lib/cloudwatch-event-rule";
import { CloudwatchEventTarget } from "@cdktf/provider-aws/lib/cloudwatch-event-target";
import { GuarddutyDetector } from "@cdktf/provider-aws/lib/guardduty-detector";
import { GuarddutyDetectorFeature } from "@cdktf/provider-aws/lib/guardduty-detector-feature";
import { SecurityhubAccount } from "@cdktf/provider-aws/lib/securityhub-account";
import { SecurityhubStandardsSubscription } from "@cdktf/provider-aws/lib/securityhub-standards-subscription";
import { Construct } from "constructs";

/** CIS AWS Foundations Benchmark versions Security Hub offers as a Region-scoped standard. */
export type CisVersion = "1.4.0" | "3.0.0";

/** ARNs of the standards subscribed to in `region`. */
export function securityHubStandardArns(partition: string, region: string, cisVersion: CisVersion): { fsbp: string; cis: string } {
  return {
    fsbp: `arn:${partition}:securityhub:${region}::standards/aws-foundational-security-best-practices/v/1.0.0`,
    cis: `arn:${partition}:securityhub:${region}::standards/cis-aws-foundations-benchmark/v/${cisVersion}`,
  };
}

/** EventBridge pattern of GuardDuty findings with severity ≥ 7 (HIGH and CRITICAL). */
export const GUARDDUTY_HIGH_PATTERN = {
  source: ["aws.guardduty"],
  "detail-type": ["GuardDuty Finding"],
  detail: { severity: [{ numeric: [">=", 7] }] },
};
/** EventBridge pattern of new, active Security Hub findings labelled HIGH or CRITICAL. */
export const SECURITYHUB_HIGH_PATTERN = {
  source: ["aws.securityhub"],
  "detail-type": ["Security Hub Findings - Imported"],
  detail: { findings: { Severity: { Label: ["HIGH", "CRITICAL"] }, Workflow: { Status: ["NEW"] }, RecordState: ["ACTIVE"] } },
};

/** Props of {@link ThreatDetection}. */
export interface ThreatDetectionProps {
  /** Prefix of rule names, for example `acme-prod`. */
  readonly namePrefix: string;
  readonly region: string;
  /** ARN partition. @default "aws" */
  readonly partition?: string;
  /** GuardDuty S3 Protection. @default true */
  readonly s3Protection?: boolean;
  /** GuardDuty EKS audit-log monitoring. @default false */
  readonly eksProtection?: boolean;
  /** CIS standard version. @default "3.0.0" */
  readonly cisVersion?: CisVersion;
  /** SNS topic that HIGH and CRITICAL findings are sent to (its policy must admit events.amazonaws.com). */
  readonly alertTopicArn: string;
  /**
   * Existing resources to import (Terraform `import` blocks) instead of creating them: the GuardDuty detector (its
   * detector id) and Security Hub (`aws_securityhub_account` imports by account id). @default {} (both created)
   */
  readonly importIds?: { readonly guardDutyDetector?: string; readonly securityHubAccount?: string };
  /**
   * The account's place in the organization-wide services (AWS Organizations layer). `member`: no detector and no
   * Security Hub here: the delegated administrator's GuardDuty auto-enable creates the detector (a detector this
   * stack also created would fail: one detector per account and Region,
   * https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_organizations.html) and Security Hub central
   * configuration enables Security Hub and its standards (a centrally managed account cannot change them,
   * https://docs.aws.amazon.com/securityhub/latest/userguide/central-configuration-intro.html); the finding
   * notifications stay. `delegated-administrator`: the detector and Security Hub stay (the organization
   * configuration needs both in the administrator account), the standards subscriptions go (the configuration
   * policy sets them). @default "none" (detector, Security Hub and both standards, as a standalone account)
   */
  readonly organizationRole?: "none" | "member" | "delegated-administrator";
}

/** GuardDuty, Security Hub and the finding notifications. */
export class ThreatDetection extends Construct {
  /** The GuardDuty detector's id; undefined in an organization member (the administrator's auto-enable owns it). */
  readonly detectorId?: string;
  /** The Security Hub subscription, which the organization configuration depends on; undefined in a member. */
  readonly securityHub?: SecurityhubAccount;

  constructor(scope: Construct, id: string, props: ThreatDetectionProps) {
    super(scope, id);
    const partition = props.partition ?? "aws";
    const role = props.organizationRole ?? "none";
    if (role !== "member") {
      const detector = new GuarddutyDetector(this, "guardduty", { enable: true, findingPublishingFrequency: "FIFTEEN_MINUTES" });
      if (props.importIds?.guardDutyDetector) detector.importFrom(props.importIds.guardDutyDetector);
      const features: readonly [string, string, boolean][] = [
        ["s3", "S3_DATA_EVENTS", props.s3Protection ?? true],
        ["eks", "EKS_AUDIT_LOGS", props.eksProtection ?? false],
      ];
      for (const [fid, name, on] of features) {
        new GuarddutyDetectorFeature(this, `guardduty-${fid}`, { detectorId: detector.id, name, status: on ? "ENABLED" : "DISABLED" });
      }
      this.detectorId = detector.id;
      const hub = new SecurityhubAccount(this, "securityhub", {
        enableDefaultStandards: false,
        controlFindingGenerator: "SECURITY_CONTROL",
        autoEnableControls: true,
      });
      if (props.importIds?.securityHubAccount) hub.importFrom(props.importIds.securityHubAccount);
      this.securityHub = hub;
      if (role === "none") {
        const arns = securityHubStandardArns(partition, props.region, props.cisVersion ?? "3.0.0");
        new SecurityhubStandardsSubscription(this, "standard-fsbp", { standardsArn: arns.fsbp, dependsOn: [hub] });
        new SecurityhubStandardsSubscription(this, "standard-cis", { standardsArn: arns.cis, dependsOn: [hub] });
      }
    }

    const notify = (rid: string, name: string, description: string, pattern: object) => {
      const rule = new CloudwatchEventRule(this, rid, {
        name: `${props.namePrefix}-${name}`,
        description,
        eventPattern: JSON.stringify(pattern),
      });
      new CloudwatchEventTarget(this, `${rid}-target`, { rule: rule.name, targetId: "alert-topic", arn: props.alertTopicArn });
    };
    notify(
      "guardduty-high-findings",
      "guardduty-high",
      "GuardDuty findings of severity 7 and above to the alert topic",
      GUARDDUTY_HIGH_PATTERN,
    );
    notify(
      "securityhub-high-findings",
      "securityhub-high",
      "New Security Hub findings labelled HIGH or CRITICAL to the alert topic",
      SECURITYHUB_HIGH_PATTERN,
    );
  }
}
