/**
 * Accounts and environments: account ids are unique across the hub and every environment, environment
 * names are unique, and each environment file is named after the environment it declares.
 */
import { basename, extname } from "node:path";
import type { Problem } from "../problems.js";
import type { Validator } from "./context.js";

/** @see Validator */
export const validateAccounts: Validator = (config) => {
  const problems: Problem[] = [];
  const { shared } = config;
  const owners = new Map<string, string>([[shared.value.networkHub.accountId, `the network hub (${shared.source.file})`]]);
  const names = new Map<string, string>();
  // The files that failed stage 1 take part with the fields that parsed, in file order with the others.
  const environments = [...config.environments, ...(config.partialEnvironments ?? [])].sort((a, b) =>
    a.source.file.localeCompare(b.source.file),
  );
  for (const env of environments) {
    const { accountId, name } = env.value;
    const owner = accountId === undefined ? undefined : owners.get(accountId);
    if (owner) {
      problems.push(
        env.source.problem(
          ["accountId"],
          `account ${accountId} is already used by ${owner}. Each environment needs its own AWS account; write that account's id.`,
        ),
      );
    } else if (accountId !== undefined)
      owners.set(accountId, name === undefined ? env.source.file : `environment ${name} (${env.source.file})`);
    if (name === undefined) continue;
    const other = names.get(name);
    if (other)
      problems.push(env.source.problem(["name"], `environment name "${name}" is already declared in ${other}. Choose a unique name.`));
    else names.set(name, env.source.file);
    const stem = basename(env.source.file, extname(env.source.file));
    if (stem !== name) {
      problems.push(
        env.source.problem(
          ["name"],
          `file ${basename(env.source.file)} declares environment "${name}". Write name: ${stem}, or rename the file to ${name}${extname(env.source.file)}.`,
        ),
      );
    }
  }
  return problems;
};
