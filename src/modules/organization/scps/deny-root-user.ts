/**
 * Guardrail SCP `denyRootUser`: the root user of a member account may do nothing. Root credentials bypass IAM
 * and every permissions boundary, so a leaked root password would undo the landing zone; the root user stays
 * usable for the few tasks only it can do once the SCP is detached, or through centralized root access. The
 * condition matches the root user's ARN in any account, as in AWS's example "Restrict access to the root user",
 * https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_examples_general.html
 * (`aws:PrincipalArn`, https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-principalarn).
 */
import { scpJson, type ScpStatement } from "./statement.js";

/** The statements of the SCP. @param partition ARN partition of the accounts. @default "aws" */
export function denyRootUserStatements(partition = "aws"): ScpStatement[] {
  return [
    {
      Sid: "DenyRootUser",
      Effect: "Deny",
      Action: "*",
      Resource: "*",
      Condition: { StringLike: { "aws:PrincipalArn": `arn:${partition}:iam::*:root` } },
    },
  ];
}

/** The SCP document (minified JSON). @param partition ARN partition of the accounts. @default "aws" */
export function denyRootUser(partition = "aws"): string {
  return scpJson(denyRootUserStatements(partition));
}
