/**
 * Accounts and environments: no account id is the new-env placeholder, account ids are unique across the hub and every environment, environment
 * names are unique, and each environment file is named after the environment it declares.
 */
import { basename, extname } from "node:path";
import type { Problem } from "../problems.js";
import type { Validator } from "./context.js";

/**
 * The account id `lz new-env` writes into a new environment file until the platform team replaces it (all zeros);
 * the validator refuses it with a message saying what to write, so a copied file never deploys to a made-up account.
 */
export const PLACEHOLDER_ACCOUNT_ID = "000000000000";

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
    if (accountId === PLACEHOLDER_ACCOUNT_ID) {
      problems.push(
        env.source.problem(
          ["accountId"],
          `${PLACEHOLDER_ACCOUNT_ID} is the placeholder lz new-env writes, not an account. Write the 12-digit id of the AWS account this environment deploys to, in quotes.`,
        ),
      );
    } else if (owner) {
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
