/**
 * The AWS Organizations layer (`organization.awsOrganizations`): every OU's parent is listed and no OU is listed
 * twice; every account (core accounts, the hub, each environment) has an `account:` block naming a listed OU; account
 * ids and root emails are unique; the management account runs no landing-zone stack but the organization stack.
 * Without `awsOrganizations`, an `account:` block has nothing to act on and is refused.
 * https://docs.aws.amazon.com/organizations/latest/userguide/orgs_best-practices_mgmt-acct.html
 */
import type { Problem } from "../problems.js";
import type { SourceFile } from "../source.js";
import type { Validator } from "./context.js";

/** @see Validator */
export const validateOrganizations: Validator = (config) => {
  const { shared, environments } = config;
  const settings = shared.value.organization.awsOrganizations;
  const problems: Problem[] = [];
  const base = ["organization", "awsOrganizations"];
  if (!settings) {
    const stray = [
      ...(shared.value.networkHub.account ? [{ source: shared.source, path: ["networkHub", "account"] }] : []),
      ...environments.filter((e) => e.value.account).map((e) => ({ source: e.source, path: ["account"] })),
    ];
    for (const s of stray)
      problems.push(
        s.source.problem(
          s.path,
          "account: places the account in AWS Organizations, which only the organization stack does. Add organization.awsOrganizations to shared.yaml, or remove this block.",
        ),
      );
    return problems;
  }

  const ous = new Set<string>();
  settings.organizationalUnits.forEach((path, i) => {
    if (ous.has(path))
      problems.push(shared.source.problem([...base, "organizationalUnits", i], `OU ${path} is listed twice. List it once.`));
    ous.add(path);
  });
  settings.organizationalUnits.forEach((path, i) => {
    const parent = path.includes("/") ? path.slice(0, path.lastIndexOf("/")) : undefined;
    if (parent && !ous.has(parent))
      problems.push(
        shared.source.problem(
          [...base, "organizationalUnits", i],
          `OU ${path} has no parent ${parent} in the list. Add - ${parent} before it.`,
        ),
      );
  });

  const hint = [...ous].join(", ");
  const accountIds = new Map<string, string>([[settings.managementAccountId, "the management account"]]);
  const emails = new Map<string, string>();
  const check = (
    source: SourceFile,
    path: (string | number)[],
    who: string,
    account: { email: string; organizationalUnit: string } | undefined,
    accountId: string | undefined,
    example: string,
    core = false,
  ) => {
    if (!account) {
      problems.push(
        source.problem(
          path.slice(0, -1),
          `${who} has no account block, and organization.awsOrganizations places every account in an OU. Write account: { name: ${example}, email: <root email>, organizationalUnit: <one of ${hint}> }.`,
        ),
      );
      return;
    }
    if (!ous.has(account.organizationalUnit))
      problems.push(
        source.problem(
          [...path, "organizationalUnit"],
          `OU ${account.organizationalUnit} is not in organization.awsOrganizations.organizationalUnits. Write one of ${hint}, or add it there.`,
        ),
      );
    const emailOwner = emails.get(account.email.toLowerCase());
    if (emailOwner)
      problems.push(
        source.problem(
          [...path, "email"],
          `${account.email} is already the root email of ${emailOwner}. Every AWS account needs its own address.`,
        ),
      );
    else emails.set(account.email.toLowerCase(), who);
    if (accountId === undefined) return;
    // Hub and environment ids among themselves: validateAccounts (accounts.ts). Here: against the management and core accounts.
    const idOwner = accountIds.get(accountId);
    if (idOwner)
      problems.push(
        source.problem(
          core ? [...path, "accountId"] : path[0] === "networkHub" ? ["networkHub", "accountId"] : ["accountId"],
          `account ${accountId} is already ${idOwner}. Each core account, the hub and each environment need their own account; the management account runs only the organization stack.`,
        ),
      );
    else if (core) accountIds.set(accountId, who);
  };
  const org = shared.value.organization.name;
  check(
    shared.source,
    [...base, "logArchive"],
    "the log archive account",
    settings.logArchive,
    settings.logArchive.accountId,
    `${org}-log-archive`,
    true,
  );
  check(
    shared.source,
    [...base, "securityTooling"],
    "the security tooling account",
    settings.securityTooling,
    settings.securityTooling.accountId,
    `${org}-security`,
    true,
  );
  const hub = shared.value.networkHub;
  check(shared.source, ["networkHub", "account"], "the network hub", hub.account, hub.accountId, `${org}-network`);
  for (const env of environments)
    check(env.source, ["account"], `environment ${env.value.name}`, env.value.account, env.value.accountId, `${org}-${env.value.name}`);
  return problems;
};
