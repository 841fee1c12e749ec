/**
 * GitHub Actions OIDC in one account: the identity provider for `token.actions.githubusercontent.com`
 * and the trust statement that admits a workflow by the exact `sub` claim GitHub sends.
 *
 * GitHub's `sub` is `repo:<owner>/<repo>:pull_request` for a pull-request job, and
 * `repo:<owner>/<repo>:environment:<name>` for a job that runs in a deployment environment
 * (https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments/about-security-hardening-with-openid-connect#example-subject-claims).
 * AWS requires the `aud` and `sub` conditions for this provider
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_create_oidc.html).
 */
import { IamOpenidConnectProvider } from "@cdktf/provider-aws/lib/iam-openid-connect-provider";
import type { TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import type { PolicyStatement } from "../iam/index.js";

/** Host of GitHub's OIDC issuer; also the prefix of its condition keys. */
export const GITHUB_OIDC_HOST = "token.actions.githubusercontent.com";
/** Audience `aws-actions/configure-aws-credentials` requests. */
export const GITHUB_OIDC_AUDIENCE = "sts.amazonaws.com";

/** `sub` of a pull-request job of `repository` (`owner/name`). */
export function pullRequestSubject(repository: string): string {
  return `repo:${repository}:pull_request`;
}

/** `sub` of a job of `repository` that runs in the deployment environment `environment`. */
export function environmentSubject(repository: string, environment: string): string {
  return `repo:${repository}:environment:${environment}`;
}

/**
 * The trust statement admitting GitHub workflows whose `sub` is exactly one of `subjects` (no wildcards:
 * `StringEquals`, never `StringLike`).
 * @throws Error when `subjects` is empty or a subject holds `*` or `?`.
 */
export function githubTrustStatement(providerArn: string, subjects: readonly string[]): PolicyStatement {
  if (subjects.length === 0) throw new Error("a GitHub OIDC trust needs at least one sub");
  const wild = subjects.find((s) => /[*?]/.test(s));
  if (wild) throw new Error(`GitHub OIDC sub "${wild}" holds a wildcard; name the exact repository and pull_request or environment`);
  return {
    Sid: "GitHubActions",
    Effect: "Allow",
    Principal: { Federated: providerArn },
    Action: "sts:AssumeRoleWithWebIdentity",
    Condition: {
      StringEquals: {
        [`${GITHUB_OIDC_HOST}:aud`]: GITHUB_OIDC_AUDIENCE,
        [`${GITHUB_OIDC_HOST}:sub`]: subjects.length === 1 ? subjects[0]! : [...subjects],
      },
    },
  };
}

/** Props of {@link GithubOidcProvider}. */
export interface GithubOidcProviderProps {
  /** Provider acting in the account. */
  readonly provider: TerraformProvider;
}

/**
 * The account's IAM OIDC identity provider for GitHub Actions. An account holds at most one per URL: where one
 * exists already, import it (`terraform import` with its ARN) instead of creating a second. No thumbprint is
 * set: AWS trusts GitHub's certificate through its own root CAs.
 */
export class GithubOidcProvider extends Construct {
  readonly arn: string;

  constructor(scope: Construct, id: string, props: GithubOidcProviderProps) {
    super(scope, id);
    const oidc = new IamOpenidConnectProvider(this, "provider", {
      provider: props.provider,
      url: `https://${GITHUB_OIDC_HOST}`,
      clientIdList: [GITHUB_OIDC_AUDIENCE],
    });
    this.arn = oidc.arn;
  }
}
