/** LZ-ORG1: a member account is never closed nor removed by Terraform: `close_on_deletion` off, `prevent_destroy` on. */
import type { SynthResource } from "../stack.js";
import { outcomeOf, type PolicyRule, type RuleOutcome } from "../types.js";

/**
 * `aws_organizations_account` with `close_on_deletion = true` closes the AWS account (CloseAccount: its resources
 * are deleted after the post-closure period) when the resource is destroyed or replaced; without
 * `lifecycle.prevent_destroy`, a renamed construct id or an edited email removes the account from the
 * organization. Both are refused.
 */
export const organizationAccountKept: PolicyRule = {
  id: "LZ-ORG1",
  level: "error",
  title: "Member accounts are never closed or removed by Terraform (close_on_deletion off, prevent_destroy on)",
  rationale:
    "With close_on_deletion, destroying or replacing the resource closes the AWS account and, after the post-closure period, deletes everything in it; without prevent_destroy, a plan can remove the account from the organization and from every guardrail.",
  sources: [
    "https://registry.terraform.io/providers/hashicorp/aws/5.100.0/docs/resources/organizations_account",
    "https://docs.aws.amazon.com/organizations/latest/APIReference/API_CloseAccount.html",
  ],
  resourceTypes: ["aws_organizations_account"],
  check: (r: SynthResource): RuleOutcome => {
    const problems: string[] = [];
    if (r.body.close_on_deletion === true)
      problems.push("close_on_deletion is true: a destroy or replace closes the account. Write close_on_deletion: false");
    const lifecycle = r.body.lifecycle as { prevent_destroy?: unknown } | undefined;
    if (lifecycle?.prevent_destroy !== true) problems.push("lifecycle.prevent_destroy is not set: a plan could remove the account. Set it");
    return outcomeOf(problems);
  },
};
