/**
 * The pipeline's roles: every environment's hub attachment role name (`<deployRoleName>-attach-<env>`) fits IAM's
 * 64 characters; and with a bootstrap block, the roles it creates must not collide with each other or with the
 * administrator's role it assumes (creating a role that already exists fails, and one role cannot be both
 * read-only and the deploy role).
 */
import { hubAttachmentRoleName } from "../model.js";
import type { Problem } from "../problems.js";
import type { Validator } from "./context.js";

/** Longest IAM role name ("IAM object quotas", https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html). */
const MAX_ROLE_NAME = 64;

/** @see Validator */
export const validateBootstrap: Validator = (config) => {
  const { shared, environments } = config;
  const org = shared.value.organization;
  const problems: Problem[] = [];
  const attachRoles = environments.map((e) => hubAttachmentRoleName(org.deployRoleName, e.value.name));
  const longest = [...attachRoles].sort((a, b) => b.length - a.length)[0];
  if (longest && longest.length > MAX_ROLE_NAME) {
    const room = MAX_ROLE_NAME - (longest.length - org.deployRoleName.length);
    problems.push(
      shared.source.problem(
        ["organization", "deployRoleName"],
        `the hub attachment role ${longest} would have ${longest.length} characters; IAM role names have at most ${MAX_ROLE_NAME}. Shorten deployRoleName to at most ${room} characters.`,
      ),
    );
  }
  const bootstrap = shared.value.bootstrap;
  if (!bootstrap) return problems;
  const created: [string, (string | number)[]][] = [
    [org.deployRoleName, ["organization", "deployRoleName"]],
    [org.github.planRoleName, ["organization", "github", "planRoleName"]],
    [org.github.applyRoleName, ["organization", "github", "applyRoleName"]],
  ];
  for (const [name, path] of created) {
    if (name === bootstrap.adminRoleName) {
      problems.push(
        shared.source.problem(
          ["bootstrap", "adminRoleName"],
          `${name} is also ${path.join(".")}, a role the bootstrap creates. Name the administrator's existing role (for example OrganizationAccountAccessRole), or rename ${path.join(".")}.`,
        ),
      );
    }
  }
  for (const [name, path] of created.slice(1)) {
    if (attachRoles.includes(name))
      problems.push(
        shared.source.problem(
          path,
          `${name} is also the hub attachment role of an environment (<deployRoleName>-attach-<environment>). Choose another name.`,
        ),
      );
  }
  created.forEach(([name, path], i) => {
    const earlier = created.slice(0, i).find(([other]) => other === name);
    if (earlier)
      problems.push(
        shared.source.problem(
          path,
          `${name} is also ${earlier[1].join(".")}. Give the deploy, plan and apply roles different names: each has its own trust and rights.`,
        ),
      );
  });
  return problems;
};
