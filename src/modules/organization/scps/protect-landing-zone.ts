/**
 * Guardrail SCP `protectLandingZone`: nobody in a member account may stop, delete or weaken the audit and
 * detection services (CloudTrail, AWS Config, GuardDuty, Security Hub, IAM Access Analyzer) nor alter the landing
 * zone's own roles (deploy, plan, apply and hub attachment roles, the GitHub OIDC provider), its permissions
 * boundary, its state and log buckets and its KMS keys, except the landing-zone roles themselves: the deploy role
 * (the pipeline's applies) and the break-glass administrator role (`OrganizationAccountAccessRole`), matched with
 * `aws:PrincipalArn`. Service-linked roles are never restricted by SCPs, so the services keep working.
 * Follows AWS's examples "Prevent users from disabling ..." and "Protect IAM roles",
 * https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_examples.html and the
 * KMS condition key `kms:ResourceAliases`, https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html#conditions-kms-resource-aliases
 */
import type { PolicyCondition } from "../../iam/policy.js";
import { scpJson, type ScpStatement } from "./statement.js";

/** What the SCP protects and who is exempt. */
export interface ProtectLandingZoneProps {
  /** ARN partition. @default "aws" */
  readonly partition?: string;
  /** Role ARN patterns that may still act (deploy role, break-glass administrator role), e.g. `arn:aws:iam::*:role/lz-deploy`. */
  readonly exemptRoleArnPatterns: readonly string[];
  /** Names (or `*` patterns) of the landing zone's IAM roles: deploy, plan, apply, `<deploy>-attach-*`. */
  readonly roleNames: readonly string[];
  /** Name of the landing-zone permissions boundary policy (`<org>-landing-zone-boundary`). */
  readonly permissionsBoundaryName: string;
  /** Buckets whose policy, versioning, encryption, lifecycle and existence are protected (the state bucket, the log archive). */
  readonly bucketNames: readonly string[];
  /** KMS alias patterns of the protected keys, for example `alias/acme-*`. */
  readonly kmsAliasPatterns: readonly string[];
}

/** The audit and detection services' actions that stop, delete, detach or hide them. */
export const SECURITY_SERVICE_ACTIONS: readonly string[] = [
  "cloudtrail:DeleteTrail",
  "cloudtrail:PutEventSelectors",
  "cloudtrail:StopLogging",
  "cloudtrail:UpdateTrail",
  "config:DeleteConfigurationAggregator",
  "config:DeleteConfigurationRecorder",
  "config:DeleteDeliveryChannel",
  "config:DeleteRetentionConfiguration",
  "config:PutConfigurationRecorder",
  "config:PutDeliveryChannel",
  "config:StopConfigurationRecorder",
  "guardduty:CreateFilter",
  "guardduty:DeleteDetector",
  "guardduty:DeleteMembers",
  "guardduty:DeletePublishingDestination",
  "guardduty:DisassociateFromAdministratorAccount",
  "guardduty:DisassociateFromMasterAccount",
  "guardduty:DisassociateMembers",
  "guardduty:StopMonitoringMembers",
  "guardduty:UpdateDetector",
  "securityhub:BatchDisableStandards",
  "securityhub:DeleteMembers",
  "securityhub:DisableSecurityHub",
  "securityhub:DisassociateFromAdministratorAccount",
  "securityhub:DisassociateFromMasterAccount",
  "securityhub:DisassociateMembers",
  "securityhub:UpdateStandardsControl",
  "access-analyzer:CreateArchiveRule",
  "access-analyzer:DeleteAnalyzer",
  "access-analyzer:UpdateArchiveRule",
];

/** IAM actions that change or delete a role. */
export const ROLE_CHANGE_ACTIONS: readonly string[] = [
  "iam:AttachRolePolicy",
  "iam:DeleteRole",
  "iam:DeleteRolePermissionsBoundary",
  "iam:DeleteRolePolicy",
  "iam:DetachRolePolicy",
  "iam:PutRolePermissionsBoundary",
  "iam:PutRolePolicy",
  "iam:UpdateAssumeRolePolicy",
  "iam:UpdateRole",
];

/** IAM actions that change or delete a managed policy (the permissions boundary) or the OIDC provider. */
export const POLICY_AND_PROVIDER_ACTIONS: readonly string[] = [
  "iam:CreatePolicyVersion",
  "iam:DeletePolicy",
  "iam:DeletePolicyVersion",
  "iam:SetDefaultPolicyVersion",
  "iam:AddClientIDToOpenIDConnectProvider",
  "iam:DeleteOpenIDConnectProvider",
  "iam:UpdateOpenIDConnectProviderThumbprint",
];

/** S3 actions that delete a bucket or weaken its policy, versioning, encryption, retention or public access block. */
export const BUCKET_CHANGE_ACTIONS: readonly string[] = [
  "s3:DeleteBucket",
  "s3:DeleteBucketPolicy",
  "s3:PutBucketObjectLockConfiguration",
  "s3:PutBucketPolicy",
  "s3:PutBucketPublicAccessBlock",
  "s3:PutBucketVersioning",
  "s3:PutEncryptionConfiguration",
  "s3:PutLifecycleConfiguration",
];

/** KMS actions that make a key unusable or change who may use it. */
export const KEY_CHANGE_ACTIONS: readonly string[] = [
  "kms:DisableKey",
  "kms:DisableKeyRotation",
  "kms:PutKeyPolicy",
  "kms:ScheduleKeyDeletion",
];

/**
 * The statements of the SCP: one per protected kind, each denying its actions to every principal but the exempt
 * roles.
 * @throws Error when `exemptRoleArnPatterns` is empty: nobody could then maintain what the SCP protects.
 */
export function protectLandingZoneStatements(props: ProtectLandingZoneProps): ScpStatement[] {
  if (props.exemptRoleArnPatterns.length === 0) throw new Error("protectLandingZone: no exempt role; the pipeline could not apply");
  const p = props.partition ?? "aws";
  const exempt: PolicyCondition = { ArnNotLike: { "aws:PrincipalArn": [...props.exemptRoleArnPatterns] } };
  const statements: ScpStatement[] = [
    { Sid: "ProtectSecurityServices", Effect: "Deny", Action: SECURITY_SERVICE_ACTIONS, Resource: "*", Condition: exempt },
    {
      Sid: "ProtectLandingZoneRoles",
      Effect: "Deny",
      Action: ROLE_CHANGE_ACTIONS,
      Resource: props.roleNames.map((n) => `arn:${p}:iam::*:role/${n}`),
      Condition: exempt,
    },
    {
      Sid: "ProtectBoundaryAndOidc",
      Effect: "Deny",
      Action: POLICY_AND_PROVIDER_ACTIONS,
      Resource: [
        `arn:${p}:iam::*:policy/${props.permissionsBoundaryName}`,
        `arn:${p}:iam::*:oidc-provider/token.actions.githubusercontent.com`,
      ],
      Condition: exempt,
    },
  ];
  if (props.bucketNames.length > 0)
    statements.push({
      Sid: "ProtectLandingZoneBuckets",
      Effect: "Deny",
      Action: BUCKET_CHANGE_ACTIONS,
      Resource: props.bucketNames.map((b) => `arn:${p}:s3:::${b}`),
      Condition: exempt,
    });
  if (props.kmsAliasPatterns.length > 0)
    statements.push({
      Sid: "ProtectLandingZoneKeys",
      Effect: "Deny",
      Action: KEY_CHANGE_ACTIONS,
      Resource: "*",
      Condition: { ...exempt, "ForAnyValue:StringLike": { "kms:ResourceAliases": [...props.kmsAliasPatterns] } },
    });
  return statements;
}

/** The SCP document (minified JSON). @throws Error as {@link protectLandingZoneStatements}. */
export function protectLandingZone(props: ProtectLandingZoneProps): string {
  return scpJson(protectLandingZoneStatements(props));
}
