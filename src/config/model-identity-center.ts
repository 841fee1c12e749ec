/**
 * The IAM Identity Center part of the organization model (`organization.awsOrganizations.identityCenter`): the
 * instance (when written), the permission sets, and every group assignment resolved to account ids. Built by
 * {@link buildIdentityCenter} from validated settings (src/config/validate/identity-center.ts).
 * https://docs.aws.amazon.com/singlesignon/latest/userguide/permissionsetsconcept.html
 */
import type { IdentityCenterFile } from "./schema/identity-center.js";

/** A permission set of the model. */
export interface PermissionSetModel {
  /** Permission set name (1-32 characters). */
  readonly name: string;
  /** Shown in the AWS access portal: the config's description, else its reason. */
  readonly description: string;
  /** AWS managed policy ARNs (at most 10). */
  readonly managedPolicyArns: readonly string[];
  /** ISO-8601 session duration, `PT1H` to `PT12H`. */
  readonly sessionDuration: string;
  /** Why the set exists (the config's reason). */
  readonly reason: string;
}

/** One account assignment: a group (by display name) gets a permission set in an account. */
export interface AccountAssignmentModel {
  /** Group display name in the identity store. */
  readonly group: string;
  /** Name of a {@link PermissionSetModel}. */
  readonly permissionSet: string;
  /** 12-digit account id. */
  readonly accountId: string;
  /** The account's landing-zone name (`management`, `network-hub`, `prod`, ...), for ids and reports. */
  readonly account: string;
}

/** `identityCenter:`, resolved. */
export interface IdentityCenterModel {
  /** The instance when the config names it; absent: the organization stack reads it (`data "aws_ssoadmin_instances"`). */
  readonly instance?: { readonly instanceArn: string; readonly identityStoreId: string };
  readonly permissionSets: readonly PermissionSetModel[];
  /**
   * Every (group, permission set, account) triple, in config order, each once. Accounts without an id yet (a core
   * account still to be vended) are left out until the id is written.
   */
  readonly assignments: readonly AccountAssignmentModel[];
}

/**
 * Resolves `settings` against `accounts` (landing-zone name → account id, or undefined while the account is still to
 * be created), in the order `accounts: all` lists them.
 * @throws Error for an assignment naming an unknown account or permission set (the validator refuses that config).
 */
export function buildIdentityCenter(settings: IdentityCenterFile, accounts: ReadonlyMap<string, string | undefined>): IdentityCenterModel {
  const sets = new Set(settings.permissionSets.map((p) => p.name));
  const seen = new Set<string>();
  const assignments: AccountAssignmentModel[] = [];
  for (const a of settings.assignments) {
    if (!sets.has(a.permissionSet)) throw new Error(`identity center: no permission set ${a.permissionSet}`);
    for (const account of a.accounts === "all" ? [...accounts.keys()] : a.accounts) {
      if (!accounts.has(account)) throw new Error(`identity center: no account ${account}`);
      const accountId = accounts.get(account);
      const key = `${a.group}\u0000${a.permissionSet}\u0000${account}`;
      if (!accountId || seen.has(key)) continue;
      seen.add(key);
      assignments.push({ group: a.group, permissionSet: a.permissionSet, accountId, account });
    }
  }
  return {
    ...(settings.instanceArn && settings.identityStoreId
      ? { instance: { instanceArn: settings.instanceArn, identityStoreId: settings.identityStoreId } }
      : {}),
    permissionSets: settings.permissionSets.map((p) => ({
      name: p.name,
      description: p.description ?? p.reason,
      managedPolicyArns: [...p.managedPolicyArns],
      sessionDuration: p.sessionDuration,
      reason: p.reason,
    })),
    assignments,
  };
}

/**
 * The landing-zone accounts an assignment may name, in the order `accounts: all` uses: `management`,
 * `log-archive`, `security-tooling`, `network-hub`, then the environments by name. The value is the account id, or
 * undefined for a core account still to be created.
 */
export function assignableAccounts(
  managementAccountId: string,
  core: { readonly logArchive?: string | undefined; readonly securityTooling?: string | undefined },
  networkHubAccountId: string,
  environments: readonly { readonly name: string; readonly accountId: string }[],
): Map<string, string | undefined> {
  return new Map<string, string | undefined>([
    ["management", managementAccountId],
    ["log-archive", core.logArchive],
    ["security-tooling", core.securityTooling],
    ["network-hub", networkHubAccountId],
    ...[...environments].sort((a, b) => a.name.localeCompare(b.name)).map((e): [string, string] => [e.name, e.accountId]),
  ]);
}
