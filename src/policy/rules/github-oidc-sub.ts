/** LZ-IAM2: roles trusted by GitHub Actions OIDC are constrained to one repository by `sub`. */
import { conditionValues, policyStatements, type NormalizedStatement } from "../iam-policy.js";
import type { SynthStack } from "../stack.js";
import { COMPLIANT, NOT_APPLICABLE, outcomeOf, type PolicyRule } from "../types.js";

/** The GitHub Actions OIDC issuer host. */
export const GITHUB_OIDC_HOST = "token.actions.githubusercontent.com";

/** A `sub` pattern that names one repository: `repo:<owner>/<name>:...` with no wildcard in owner or name. */
export const CONSTRAINED_SUB = /^repo:[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+:[^*]/;

function isGithubFederated(s: NormalizedStatement, stack: SynthStack): boolean {
  return (s.principals.Federated ?? []).some((p) => {
    if (p.includes(GITHUB_OIDC_HOST)) return true;
    const ref = stack.resolve(p);
    return ref !== undefined && String(ref.body.url ?? "").includes(GITHUB_OIDC_HOST);
  });
}

/**
 * For every `Allow` statement of an `aws_iam_role` trust policy whose `Federated` principal is the
 * GitHub OIDC provider (by ARN, or a reference to an `aws_iam_openid_connect_provider` with that URL):
 * a `StringEquals`/`StringLike` condition on `token.actions.githubusercontent.com:sub` exists and every
 * value matches {@link CONSTRAINED_SUB}, and `token.actions.githubusercontent.com:aud` is
 * `sts.amazonaws.com` (https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments/configuring-openid-connect-in-amazon-web-services).
 */
export const githubOidcSub: PolicyRule = {
  id: "LZ-IAM2",
  level: "error",
  title: "Roles trusted by GitHub Actions OIDC require a sub condition naming one repository, and aud sts.amazonaws.com",
  rationale: "Without a sub condition, a workflow in any GitHub repository can assume the role.",
  sources: ["CKV_AWS_358"],
  resourceTypes: ["aws_iam_role"],
  check: (r, stack) => {
    const statements = policyStatements(r.body.assume_role_policy, stack);
    if (!statements) return NOT_APPLICABLE;
    const github = statements.filter((s) => s.effect === "Allow" && isGithubFederated(s, stack));
    if (github.length === 0) return NOT_APPLICABLE;
    const problems = github.flatMap((s) => {
      const out: string[] = [];
      const subs = conditionValues(s, `${GITHUB_OIDC_HOST}:sub`, /^String(Equals|Like)$/);
      if (subs.length === 0)
        out.push(
          `statement ${s.sid ?? "(no Sid)"} has no StringEquals/StringLike condition on ${GITHUB_OIDC_HOST}:sub. Add one such as repo:<owner>/<repo>:ref:refs/heads/main`,
        );
      const loose = subs.filter((v) => !CONSTRAINED_SUB.test(v));
      if (loose.length > 0)
        out.push(
          `statement ${s.sid ?? "(no Sid)"} allows sub ${loose.join(", ")}, which does not name one repository. Write repo:<owner>/<repo>:<context>`,
        );
      const aud = conditionValues(s, `${GITHUB_OIDC_HOST}:aud`, /^StringEquals$/);
      if (!(aud.length > 0 && aud.every((a) => a === "sts.amazonaws.com")))
        out.push(
          `statement ${s.sid ?? "(no Sid)"} does not require ${GITHUB_OIDC_HOST}:aud = sts.amazonaws.com. Add that StringEquals condition`,
        );
      return out;
    });
    return problems.length === 0 ? COMPLIANT : outcomeOf(problems);
  },
};
