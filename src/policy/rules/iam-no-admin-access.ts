/** LZ-IAM3: no role, user or group gets the AdministratorAccess managed policy. */
import { asList, type SynthResource } from "../stack.js";
import { COMPLIANT, nonCompliant, NOT_APPLICABLE, type PolicyRule } from "../types.js";

const ADMIN = /:policy\/AdministratorAccess$/;

function attachedArns(r: SynthResource): string[] | undefined {
  if (r.type === "aws_iam_role") return asList<string>(r.body.managed_policy_arns);
  if (
    [
      "aws_iam_role_policy_attachment",
      "aws_iam_user_policy_attachment",
      "aws_iam_group_policy_attachment",
      "aws_iam_policy_attachment",
    ].includes(r.type)
  )
    return asList<string>(r.body.policy_arn);
  if (r.type === "aws_iam_role_policy_attachments_exclusive") return asList<string>(r.body.policy_arns);
  return undefined;
}

/**
 * No `arn:aws:iam::aws:policy/AdministratorAccess` in policy attachments or a role's
 * `managed_policy_arns`. An accepted exception is a suppression of this rule with its reason.
 */
export const iamNoAdminAccess: PolicyRule = {
  id: "LZ-IAM3",
  level: "error",
  title: "No role, user or group is given AdministratorAccess unless a suppression names the exception",
  rationale: "Least privilege: a leaked credential with AdministratorAccess owns the account.",
  sources: ["FSBP IAM.1", "CIS 1.16", "CKV_AWS_274"],
  resourceTypes: [
    "aws_iam_role",
    "aws_iam_role_policy_attachment",
    "aws_iam_user_policy_attachment",
    "aws_iam_group_policy_attachment",
    "aws_iam_policy_attachment",
    "aws_iam_role_policy_attachments_exclusive",
  ],
  check: (r) => {
    const arns = attachedArns(r);
    if (arns === undefined) return NOT_APPLICABLE;
    return arns.some((a) => ADMIN.test(a))
      ? nonCompliant(
          "attaches AdministratorAccess. Grant the actions the principal needs, or suppress LZ-IAM3 for this address in the config with the reason.",
        )
      : COMPLIANT;
  },
};
