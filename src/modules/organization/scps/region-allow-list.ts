/**
 * Guardrail SCP `regionAllowList`: every request to a Region outside the allow-list is denied, except for the
 * global services, whose endpoints live in us-east-1 (or are global), and except for the break-glass
 * administrator role. The exemption list is AWS's, copied from the example "Deny access to AWS based on the
 * requested AWS Region",
 * https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_examples_general.html
 * (`aws:RequestedRegion`, https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-requestedregion).
 */
import { scpJson, type ScpStatement } from "./statement.js";

/**
 * The `NotAction` list of AWS's example: services and operations with a global endpoint (or that must be reachable
 * from every Region) which a Region deny must not block.
 */
export const GLOBAL_SERVICE_ACTIONS: readonly string[] = [
  "a4b:*",
  "acm:*",
  "aws-marketplace-management:*",
  "aws-marketplace:*",
  "aws-portal:*",
  "budgets:*",
  "ce:*",
  "chime:*",
  "cloudfront:*",
  "config:*",
  "cur:*",
  "directconnect:*",
  "ec2:DescribeRegions",
  "ec2:DescribeTransitGateways",
  "ec2:DescribeVpnGateways",
  "fms:*",
  "globalaccelerator:*",
  "health:*",
  "iam:*",
  "importexport:*",
  "kms:*",
  "mobileanalytics:*",
  "networkmanager:*",
  "organizations:*",
  "pricing:*",
  "route53:*",
  "route53domains:*",
  "route53-recovery-cluster:*",
  "route53-recovery-control-config:*",
  "route53-recovery-readiness:*",
  "s3:GetAccountPublic*",
  "s3:ListAllMyBuckets",
  "s3:ListMultiRegionAccessPoints",
  "s3:PutAccountPublic*",
  "shield:*",
  "sts:*",
  "support:*",
  "trustedadvisor:*",
  "waf-regional:*",
  "waf:*",
  "wafv2:*",
  "wellarchitected:*",
];

/** Inputs of the Region allow-list. */
export interface RegionAllowListProps {
  /** Regions left open, for example `["eu-west-1", "us-east-1"]`. */
  readonly allowedRegions: readonly string[];
  /** Role ARN patterns exempt from the deny (the break-glass administrator role), for example `arn:aws:iam::*:role/OrganizationAccountAccessRole`. */
  readonly exemptRoleArnPatterns: readonly string[];
}

/** The statements of the SCP. @throws Error when `allowedRegions` is empty (the config refuses that). */
export function regionAllowListStatements(props: RegionAllowListProps): ScpStatement[] {
  if (props.allowedRegions.length === 0) throw new Error("regionAllowList: allowedRegions is empty");
  return [
    {
      Sid: "DenyOutsideAllowedRegions",
      Effect: "Deny",
      NotAction: GLOBAL_SERVICE_ACTIONS,
      Resource: "*",
      Condition: {
        StringNotEquals: { "aws:RequestedRegion": [...props.allowedRegions] },
        ...(props.exemptRoleArnPatterns.length > 0 ? { ArnNotLike: { "aws:PrincipalArn": [...props.exemptRoleArnPatterns] } } : {}),
      },
    },
  ];
}

/** The SCP document (minified JSON). */
export function regionAllowList(props: RegionAllowListProps): string {
  return scpJson(regionAllowListStatements(props));
}
