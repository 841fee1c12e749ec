/**
 * The landing-zone permissions boundary of an account (`<org>-landing-zone-boundary`): the guard that keeps the
 * deploy role, and every role it creates, from granting itself more. See {@link boundaryStatements}.
 *
 * Pure: no cdktf import.
 */
import type { PolicyStatement } from "../modules/iam/policy.js";
import { MANAGED_POLICY_CHANGE_ACTIONS } from "./permissions.js";

/** What the boundary of one account protects. */
export interface BoundaryScope {
  readonly partition: string;
  readonly accountId: string;
  /** ARN of the boundary policy itself. */
  readonly boundaryArn: string;
  /** The pipeline's roles in the account (plan, apply, deploy, hub attachment roles): no bounded role may change them. */
  readonly pipelineRoleArns: readonly string[];
  /** The Terraform state bucket and its KMS key, when they are in this account: no bounded role may touch them. */
  readonly state?: { readonly bucketArn: string; readonly keyArn: string };
}

/**
 * The landing-zone permissions boundary (`<org>-landing-zone-boundary`), set on the deploy role and on every
 * role the stacks create. It allows everything the identity policies allow, except: changing or removing the
 * boundary, writing a role that does not carry this same boundary, creating users or access keys, changing the
 * pipeline's roles or OIDC provider, and (in the state account) touching the state bucket and key, which only
 * the plan and apply roles use. A role the deploy role creates can therefore never hold more than the deploy
 * role, and never act on the pipeline itself (the "delegating responsibility" pattern of
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html).
 */
export function boundaryStatements(scope: BoundaryScope): PolicyStatement[] {
  const statements: PolicyStatement[] = [
    { Sid: "AllowWhatIdentityPoliciesAllow", Effect: "Allow", Action: "*", Resource: "*" },
    {
      Sid: "DenyBoundaryChanges",
      Effect: "Deny",
      Action: [...MANAGED_POLICY_CHANGE_ACTIONS],
      Resource: scope.boundaryArn,
    },
    {
      Sid: "DenyBoundaryRemoval",
      Effect: "Deny",
      Action: ["iam:DeleteRolePermissionsBoundary", "iam:DeleteUserPermissionsBoundary"],
      Resource: "*",
    },
    {
      Sid: "DenyRolesWithoutThisBoundary",
      Effect: "Deny",
      Action: [
        "iam:AttachRolePolicy",
        "iam:CreateRole",
        "iam:DeleteRolePolicy",
        "iam:DetachRolePolicy",
        "iam:PutRolePermissionsBoundary",
        "iam:PutRolePolicy",
      ],
      Resource: "*",
      Condition: { StringNotEquals: { "iam:PermissionsBoundary": scope.boundaryArn } },
    },
    {
      Sid: "DenyUsersAndLongLivedKeys",
      Effect: "Deny",
      Action: [
        "iam:AddUserToGroup",
        "iam:AttachGroupPolicy",
        "iam:AttachUserPolicy",
        "iam:CreateAccessKey",
        "iam:CreateLoginProfile",
        "iam:CreateUser",
        "iam:PutGroupPolicy",
        "iam:PutUserPermissionsBoundary",
        "iam:PutUserPolicy",
        "iam:UpdateLoginProfile",
      ],
      Resource: "*",
    },
    {
      Sid: "DenyPipelineRoleChanges",
      Effect: "Deny",
      Action: [
        "iam:AttachRolePolicy",
        "iam:DeleteRole",
        "iam:DeleteRolePolicy",
        "iam:DetachRolePolicy",
        "iam:PutRolePermissionsBoundary",
        "iam:PutRolePolicy",
        "iam:TagRole",
        "iam:UntagRole",
        "iam:UpdateAssumeRolePolicy",
        "iam:UpdateRole",
        "iam:UpdateRoleDescription",
      ],
      Resource: [...scope.pipelineRoleArns],
    },
    {
      Sid: "DenyOidcProviderChanges",
      Effect: "Deny",
      Action: [
        "iam:AddClientIDToOpenIDConnectProvider",
        "iam:CreateOpenIDConnectProvider",
        "iam:DeleteOpenIDConnectProvider",
        "iam:RemoveClientIDFromOpenIDConnectProvider",
        "iam:TagOpenIDConnectProvider",
        "iam:UntagOpenIDConnectProvider",
        "iam:UpdateOpenIDConnectProviderThumbprint",
      ],
      Resource: "*",
    },
  ];
  if (scope.state)
    statements.push(
      { Sid: "DenyStateBucket", Effect: "Deny", Action: "s3:*", Resource: [scope.state.bucketArn, `${scope.state.bucketArn}/*`] },
      { Sid: "DenyStateKey", Effect: "Deny", Action: "kms:*", Resource: scope.state.keyArn },
    );
  return statements;
}
