/**
 * IAM Identity Center (`organization.awsOrganizations.identityCenter`): `instanceArn` and `identityStoreId` come
 * together (both name one existing instance, or both are read from it); permission set names are unique (a name is
 * unique within an instance, CreatePermissionSet,
 * https://docs.aws.amazon.com/singlesignon/latest/APIReference/API_CreatePermissionSet.html); every assignment names
 * a permission set of the list and accounts of the landing zone (management, log-archive, security-tooling,
 * network-hub or an environment name).
 */
import { closest, type Problem } from "../problems.js";
import type { Validator } from "./context.js";

const CORE_ACCOUNTS = ["management", "log-archive", "security-tooling", "network-hub"];

/** @see Validator */
export const validateIdentityCenter: Validator = (config) => {
  const { shared, environments, fileNames } = config;
  const ic = shared.value.organization.awsOrganizations?.identityCenter;
  if (!ic) return [];
  const problems: Problem[] = [];
  const base = ["organization", "awsOrganizations", "identityCenter"];
  const src = shared.source;
  if ((ic.instanceArn === undefined) !== (ic.identityStoreId === undefined)) {
    const missing = ic.instanceArn === undefined ? "instanceArn" : "identityStoreId";
    problems.push(
      src.problem(
        [...base, ic.instanceArn === undefined ? "identityStoreId" : "instanceArn"],
        `instanceArn and identityStoreId name one instance together. Write ${missing} too (the IAM Identity Center console's Settings page shows both), or remove both to have the organization stack read them.`,
      ),
    );
  }
  const sets = new Map<string, number>();
  ic.permissionSets.forEach((p, i) => {
    const first = sets.get(p.name);
    if (first !== undefined)
      problems.push(
        src.problem(
          [...base, "permissionSets", i, "name"],
          `permission set ${p.name} is already declared in permissionSets[${first}]. Give each permission set its own name.`,
        ),
      );
    else sets.set(p.name, i);
  });
  const envNames = environments.map((e) => e.value.name);
  const accounts = [...CORE_ACCOUNTS, ...envNames];
  ic.assignments.forEach((a, i) => {
    const path = [...base, "assignments", i];
    if (!sets.has(a.permissionSet)) {
      const guess = closest(a.permissionSet, [...sets.keys()]);
      problems.push(
        src.problem(
          [...path, "permissionSet"],
          `no permission set "${a.permissionSet}". ${guess ? `Did you mean ${guess}? ` : ""}Write one of: ${[...sets.keys()].join(", ")}.`,
        ),
      );
    }
    if (a.accounts === "all") return;
    a.accounts.forEach((account, j) => {
      if (accounts.includes(account) || (account !== "shared" && fileNames.includes(`${account}.yaml`))) return;
      const guess = closest(account, accounts);
      problems.push(
        src.problem(
          [...path, "accounts", j],
          `no account "${account}". ${guess ? `Did you mean ${guess}? ` : ""}Write one of: ${accounts.join(", ")}, or accounts: all.`,
        ),
      );
    });
  });
  return problems;
};
