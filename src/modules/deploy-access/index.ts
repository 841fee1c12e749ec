export {
  environmentSubject,
  GITHUB_OIDC_AUDIENCE,
  GITHUB_OIDC_HOST,
  GithubOidcProvider,
  githubTrustStatement,
  pullRequestSubject,
  type GithubOidcProviderProps,
} from "./github-oidc.js";
export { PipelineRoles, type AttachmentRole, type PipelineRolesProps, type StateAccess } from "./pipeline-roles.js";
