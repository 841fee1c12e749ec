/**
 * The bootstrap block: the roles it creates must not collide with each other or with the administrator's
 * role it assumes (creating a role that already exists fails, and one role cannot be both read-only and
 * the deploy role).
 */
import type { Problem } from "../problems.js";
import type { Validator } from "./context.js";

/** @see Validator */
export const validateBootstrap: Validator = (config) => {
  const { shared } = config;
  const bootstrap = shared.value.bootstrap;
  if (!bootstrap) return [];
  const org = shared.value.organization;
  const problems: Problem[] = [];
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
