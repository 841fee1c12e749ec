/**
 * What the security tooling (audit) account runs as delegated administrator of the organization's security
 * services (AWS Security Reference Architecture, "Security Tooling account",
 * https://docs.aws.amazon.com/prescriptive-guidance/latest/security-reference-architecture/security-tooling.html).
 * The registrations themselves (`aws_guardduty_organization_admin_account`, ...) are the organization stack's, in
 * the management account, which is applied first: every resource here fails until they exist.
 *
 * - GuardDuty: the organization configuration on this account's detector (it must exist in the administrator
 *   account) auto-enables every member account, existing and new (`ALL`), with S3 and EKS protection as the
 *   baseline says (https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_organizations.html,
 *   https://docs.aws.amazon.com/guardduty/latest/APIReference/API_UpdateOrganizationConfiguration.html).
 * - Security Hub central configuration: a finding aggregator in the home Region linking the other Regions of the
 *   landing zone (central configuration requires it, and only in that Region), the organization configuration
 *   `CENTRAL` (auto-enable off and standards `NONE`: a configuration policy decides both), a configuration policy
 *   enabling Security Hub with AWS Foundational Security Best Practices and CIS, associated with the root so every
 *   account, new ones included, inherits it
 *   (https://docs.aws.amazon.com/securityhub/latest/userguide/central-configuration-intro.html,
 *   https://docs.aws.amazon.com/securityhub/latest/userguide/finding-aggregation.html).
 * - AWS Config: an organization aggregator with the role AWS Config assumes to list the organization's accounts
 *   (`AWSConfigRoleForOrganizations`; no per-account authorization is needed,
 *   https://docs.aws.amazon.com/config/latest/developerguide/aggregated-register-delegated-administrator.html).
 * - IAM Access Analyzer: an analyzer of type ORGANIZATION (zone of trust: the organization,
 *   https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-getting-started.html).
 * - EventBridge: active Access Analyzer findings to the alert topic (GuardDuty and Security Hub HIGH/CRITICAL
 *   findings of every member reach this account as administrator, and the account baseline's rules already route
 *   them; https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-eventbridge.html).
 */
import { AccessanalyzerAnalyzer } from "@cdktf/provider-aws/lib/accessanalyzer-analyzer";
import { CloudwatchEventRule } from "@cdktf/provider-aws/lib/cloudwatch-event-rule";
import { CloudwatchEventTarget } from "@cdktf/provider-aws/lib/cloudwatch-event-target";
import { ConfigConfigurationAggregator } from "@cdktf/provider-aws/lib/config-configuration-aggregator";
import { DataAwsOrganizationsOrganization } from "@cdktf/provider-aws/lib/data-aws-organizations-organization";
import { GuarddutyOrganizationConfiguration } from "@cdktf/provider-aws/lib/guardduty-organization-configuration";
import { GuarddutyOrganizationConfigurationFeature } from "@cdktf/provider-aws/lib/guardduty-organization-configuration-feature";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment";
import { SecurityhubConfigurationPolicy } from "@cdktf/provider-aws/lib/securityhub-configuration-policy";
import { SecurityhubConfigurationPolicyAssociation } from "@cdktf/provider-aws/lib/securityhub-configuration-policy-association";
import { SecurityhubFindingAggregator } from "@cdktf/provider-aws/lib/securityhub-finding-aggregator";
import { SecurityhubOrganizationConfiguration } from "@cdktf/provider-aws/lib/securityhub-organization-configuration";
import type { ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import { policyJson, serviceAssumesRole } from "../iam/index.js";

/** EventBridge pattern of active IAM Access Analyzer findings. */
export const ACCESS_ANALYZER_ACTIVE_PATTERN = {
  source: ["aws.access-analyzer"],
  "detail-type": ["Access Analyzer Finding"],
  detail: { status: ["ACTIVE"] },
};

/** AWS managed policy AWS Config's organization aggregator role uses (`organizations:List*`, `Describe*`). */
export const CONFIG_ORGANIZATIONS_POLICY = "service-role/AWSConfigRoleForOrganizations";

/** Props of {@link OrganizationSecurity}. */
export interface OrganizationSecurityProps {
  /** Prefix of names, for example `acme-security-tooling`. */
  readonly namePrefix: string;
  /** The home Region: where the stack runs, Security Hub aggregates and the Config aggregator lives. */
  readonly region: string;
  /** ARN partition. @default "aws" */
  readonly partition?: string;
  /** This account's GuardDuty detector id (the administrator's detector the organization configuration belongs to). */
  readonly detectorId: string;
  /** This account's Security Hub subscription: the finding aggregator and organization configuration wait for it. */
  readonly securityHubAccount: ITerraformDependable;
  /** GuardDuty protections auto-enabled in every member. */
  readonly guardDuty: { readonly s3Protection: boolean; readonly eksProtection: boolean };
  /** Standards the configuration policy enables in every account (FSBP and CIS ARNs of the home Region). */
  readonly standardArns: readonly string[];
  /** Every Region the landing zone uses (the home Region included): Security Hub links them, Config aggregates them. */
  readonly regions: readonly string[];
  /** Name of the AWS Config organization aggregator. */
  readonly configAggregatorName: string;
  /** SNS topic that active Access Analyzer findings go to (its policy admits events.amazonaws.com). */
  readonly alertTopicArn: string;
}

/** The delegated administrator's organization-wide configuration; see the file comment. */
export class OrganizationSecurity extends Construct {
  /** The Security Hub configuration policy's id. */
  readonly configurationPolicyId: string;
  /** The organization analyzer's ARN. */
  readonly analyzerArn: string;

  /** @throws Error when `regions` does not contain `region` or `standardArns` is empty. */
  constructor(scope: Construct, id: string, props: OrganizationSecurityProps) {
    super(scope, id);
    if (!props.regions.includes(props.region)) throw new Error(`${this.node.path}: regions must include the home Region ${props.region}`);
    if (props.standardArns.length === 0) throw new Error(`${this.node.path}: standardArns is empty`);
    const partition = props.partition ?? "aws";

    const guardDuty = new GuarddutyOrganizationConfiguration(this, "guardduty", {
      detectorId: props.detectorId,
      autoEnableOrganizationMembers: "ALL",
    });
    const features: readonly [string, string, boolean][] = [
      ["s3", "S3_DATA_EVENTS", props.guardDuty.s3Protection],
      ["eks", "EKS_AUDIT_LOGS", props.guardDuty.eksProtection],
    ];
    for (const [fid, name, on] of features) {
      new GuarddutyOrganizationConfigurationFeature(this, `guardduty-${fid}`, {
        detectorId: props.detectorId,
        name,
        autoEnable: on ? "ALL" : "NONE",
        dependsOn: [guardDuty],
      });
    }

    const linked = props.regions.filter((r) => r !== props.region);
    const aggregator = new SecurityhubFindingAggregator(this, "finding-aggregator", {
      ...(linked.length > 0 ? { linkingMode: "SPECIFIED_REGIONS", specifiedRegions: [...linked].sort() } : { linkingMode: "NO_REGIONS" }),
      dependsOn: [props.securityHubAccount],
    });
    const central = new SecurityhubOrganizationConfiguration(this, "securityhub", {
      autoEnable: false,
      autoEnableStandards: "NONE",
      organizationConfiguration: { configurationType: "CENTRAL" },
      dependsOn: [aggregator],
    });
    const policy = new SecurityhubConfigurationPolicy(this, "securityhub-policy", {
      name: `${props.namePrefix}-securityhub`,
      description: "Security Hub on, with the landing zone's standards, in every account of the organization",
      configurationPolicy: {
        serviceEnabled: true,
        enabledStandardArns: [...props.standardArns],
        // Every control of the enabled standards on, new ones included.
        securityControlsConfiguration: { disabledControlIdentifiers: [] },
      },
      dependsOn: [central],
    });
    const organization = new DataAwsOrganizationsOrganization(this, "organization", {});
    new SecurityhubConfigurationPolicyAssociation(this, "securityhub-policy-root", {
      policyId: policy.id,
      targetId: organization.roots.get(0).id,
    });

    const configRole = new IamRole(this, "config-aggregator-role", {
      namePrefix: "config-org-aggregator-",
      description: "Lets AWS Config list the organization's accounts for the organization aggregator",
      assumeRolePolicy: policyJson([serviceAssumesRole("config.amazonaws.com", { sid: "AwsConfig" })]),
    });
    const attachment = new IamRolePolicyAttachment(this, "config-aggregator-policy", {
      role: configRole.name,
      policyArn: `arn:${partition}:iam::aws:policy/${CONFIG_ORGANIZATIONS_POLICY}`,
    });
    new ConfigConfigurationAggregator(this, "config-aggregator", {
      name: props.configAggregatorName,
      organizationAggregationSource: { roleArn: configRole.arn, regions: [...props.regions].sort() },
      dependsOn: [attachment],
    });

    const analyzer = new AccessanalyzerAnalyzer(this, "access-analyzer", {
      analyzerName: `${props.namePrefix}-organization`,
      type: "ORGANIZATION",
    });
    const rule = new CloudwatchEventRule(this, "access-analyzer-findings", {
      name: `${props.namePrefix}-access-analyzer-active`,
      description: "Active IAM Access Analyzer findings of the organization to the alert topic",
      eventPattern: JSON.stringify(ACCESS_ANALYZER_ACTIVE_PATTERN),
    });
    new CloudwatchEventTarget(this, "access-analyzer-findings-target", {
      rule: rule.name,
      targetId: "alert-topic",
      arn: props.alertTopicArn,
    });

    this.configurationPolicyId = policy.id;
    this.analyzerArn = analyzer.arn;
  }
}
