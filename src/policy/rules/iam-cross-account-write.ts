/** LZ-IAM4: a role another account's principal may assume holds no broad write policy. */
import { policyStatements, type NormalizedStatement } from "../iam-policy.js";
import { asList, type SynthResource, type SynthStack } from "../stack.js";
import { COMPLIANT, nonCompliant, NOT_APPLICABLE, type PolicyRule } from "../types.js";

/** AWS managed policies that grant write on (nearly) every service, or IAM itself (the means to grant everything). */
export const BROAD_MANAGED_POLICIES = /:policy\/(AdministratorAccess|PowerUserAccess|IAMFullAccess)$/;

/** Actions that grant everything, or everything in IAM. */
const BROAD_ACTIONS = new Set(["*", "*:*", "iam:*"]);

/** The account of an AWS principal: a 12-digit id, or the account field of an IAM ARN; undefined otherwise. */
function accountOfPrincipal(principal: string, stack: SynthStack): string | undefined {
  if (/^\d{12}$/.test(principal)) return principal;
  const arn = /^arn:[\w-]+:(?:iam|sts)::(\d{12}):/.exec(principal);
  if (arn) return arn[1];
  const ref = stack.resolve(principal);
  return ref ? stack.accountOf(ref) : undefined;
}

/** Principals of the Allow statements of the trust policy, with their account (undefined: not knowable). */
function awsPrincipals(statements: readonly NormalizedStatement[], stack: SynthStack) {
  return statements
    .filter((s) => s.effect === "Allow" && s.actions.some((a) => a === "*" || /^sts:(AssumeRole|\*)$/i.test(a)))
    .flatMap((s) => [...(s.principals.AWS ?? []), ...(s.principals["*"] ?? [])])
    .map((p) => ({ principal: p, account: p === "*" ? undefined : accountOfPrincipal(p, stack) }));
}

const broadStatements = (statements: readonly NormalizedStatement[] | undefined) =>
  (statements ?? []).filter(
    (s) => s.effect === "Allow" && Object.keys(s.conditions).length === 0 && s.actions.some((a) => BROAD_ACTIONS.has(a)),
  );

/** The broad grants of `role`: managed policies attached to it, and inline or customer-managed policies allowing `*` or `iam:*`. */
function broadGrants(role: SynthResource, stack: SynthStack): string[] {
  const ofRole = (type: string, field: string) =>
    stack
      .ofType(type)
      .filter((x) => stack.refersTo(x.body[field], role) || (role.body.name !== undefined && x.body[field] === role.body.name));
  const grants: string[] = [];
  const managed = (arn: unknown, via: string) => {
    if (typeof arn !== "string") return;
    if (BROAD_MANAGED_POLICIES.test(arn)) grants.push(`${arn.slice(arn.lastIndexOf("/") + 1)} (${via})`);
    const own = stack.resolve(arn);
    if (own?.type === "aws_iam_policy" && broadStatements(policyStatements(own.body.policy, stack)).length > 0)
      grants.push(`${own.address}, which allows * (${via})`);
  };
  for (const arn of asList(role.body.managed_policy_arns)) managed(arn, "managed_policy_arns");
  for (const a of ofRole("aws_iam_role_policy_attachment", "role")) managed(a.body.policy_arn, a.address);
  for (const a of stack
    .ofType("aws_iam_policy_attachment")
    .filter((x) => asList(x.body.roles).some((v) => stack.refersTo(v, role) || v === role.body.name)))
    managed(a.body.policy_arn, a.address);
  for (const p of asList<Record<string, unknown>>(role.body.inline_policy))
    if (broadStatements(policyStatements(p?.policy, stack)).length > 0) grants.push(`an inline_policy allowing *`);
  for (const p of ofRole("aws_iam_role_policy", "role"))
    if (broadStatements(policyStatements(p.body.policy, stack)).length > 0) grants.push(`${p.address}, which allows *`);
  return grants;
}

/**
 * An `aws_iam_role` whose trust policy lets an AWS principal of another account assume it (a principal whose
 * account differs from the account the role's provider pins; a principal whose account cannot be read counts as
 * another account) holds no broad write policy: no AdministratorAccess, PowerUserAccess or IAMFullAccess, and no
 * inline or customer-managed policy allowing `*`, `*:*` or `iam:*` without a condition. Such a role makes every
 * principal of the trusted account (or whoever controls it, such as an unreviewed pipeline) an administrator of
 * this one. Roles trusted only by services, by federated identities, or by their own account are not applicable.
 */
export const iamCrossAccountWrite: PolicyRule = {
  id: "LZ-IAM4",
  level: "error",
  title: "A role another account may assume holds no broad write policy (AdministratorAccess, PowerUserAccess, IAMFullAccess, *)",
  rationale:
    "Broad rights on a cross-account role make the trusted account, and every pipeline that reaches it, administrator of this one: a dev job could take over the network hub.",
  sources: [
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_common-scenarios_aws-accounts.html",
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege",
    "FSBP IAM.1",
  ],
  resourceTypes: ["aws_iam_role"],
  check: (r, stack) => {
    const trust = policyStatements(r.body.assume_role_policy, stack);
    if (!trust) return NOT_APPLICABLE;
    const own = stack.accountOf(r);
    const foreign = awsPrincipals(trust, stack).filter((p) => p.account === undefined || p.account !== own);
    if (foreign.length === 0) return NOT_APPLICABLE;
    const grants = broadGrants(r, stack);
    if (grants.length === 0) return COMPLIANT;
    const who = [...new Set(foreign.map((p) => (p.account ? `account ${p.account}` : p.principal)))].join(", ");
    return nonCompliant(
      `is trusted by ${who}, another account, and holds ${grants.join("; ")}. Give a role that another account assumes only the actions that caller needs (for a pipeline, a narrow role per caller, like the hub attachment roles), and keep broad rights on roles trusted by their own account only.`,
    );
  },
};
