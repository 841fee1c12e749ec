/**
 * The AWS Organizations structure, in the management account: the organization itself (imported, never created
 * or deleted), its OUs and its member accounts (imported when their id is known, created otherwise).
 *
 * - `aws_organizations_organization`: feature set ALL (SCPs and tag policies need it), the policy types and the
 *   services with trusted access. https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_org_support-all-features.html
 * - `aws_organizations_organizational_unit`: one per OU path, parent first; the root's id comes from the
 *   organization's `roots[0].id`. https://docs.aws.amazon.com/organizations/latest/APIReference/API_CreateOrganizationalUnit.html
 * - `aws_organizations_account`: `close_on_deletion = false` (removing the resource only removes the account from
 *   the organization, never closes it), `prevent_destroy`, and `ignore_changes` on what AWS cannot update through
 *   the resource: `role_name` and `iam_user_access_to_billing` are create-only and not readable (an imported
 *   account would otherwise plan a replacement), and `email` forces a new account in the provider (the root email
 *   changes through the account's settings, StartPrimaryEmailUpdate). `name` and the parent OU are updated in place
 *   (PutAccountName, MoveAccount). https://docs.aws.amazon.com/organizations/latest/APIReference/API_CreateAccount.html
 *
 * Construct ids derive from the OU path and the account's stack name, so they stay stable (ids are Terraform addresses).
 */
import { OrganizationsAccount } from "@cdktf/provider-aws/lib/organizations-account";
import { OrganizationsOrganization } from "@cdktf/provider-aws/lib/organizations-organization";
import { OrganizationsOrganizationalUnit } from "@cdktf/provider-aws/lib/organizations-organizational-unit";
import { Construct } from "constructs";

/** A member account of the organization. */
export interface OrganizationAccountProps {
  /** Part of the construct id: `account-<key>` (the account's stack name, for example `workload-prod`). */
  readonly key: string;
  /** Account name (1-50 characters). */
  readonly name: string;
  /** Root user email. */
  readonly email: string;
  /** OU path, one of {@link OrganizationProps.organizationalUnits}. */
  readonly organizationalUnit: string;
  /** The account's id: the account is imported. Absent: the account is created. */
  readonly accountId?: string;
}

/** Props of {@link OrganizationStructure}. */
export interface OrganizationProps {
  /** Id of the existing organization (`o-...`): the import id of `aws_organizations_organization`. */
  readonly organizationId: string;
  /** Service principals with trusted access (`aws_service_access_principals`). */
  readonly awsServiceAccessPrincipals: readonly string[];
  /** Policy types enabled in the root (`SERVICE_CONTROL_POLICY`, `TAG_POLICY`). */
  readonly enabledPolicyTypes: readonly string[];
  /** Every OU path below the root (`Workloads/Prod`), parents before children. */
  readonly organizationalUnits: readonly string[];
  /** The member accounts. */
  readonly accounts: readonly OrganizationAccountProps[];
  /**
   * Role AWS Organizations creates in each account it creates (`role_name`), trusted by the management account;
   * the bootstrap assumes it (`bootstrap.adminRoleName`).
   */
  readonly accountAccessRoleName: string;
}

/** Construct id part of an OU path: `/` becomes `--`, anything but letters, digits, `_` and `-` becomes `_`. */
export function ouIdPart(path: string): string {
  return path
    .split("/")
    .map((n) => n.replace(/[^A-Za-z0-9_-]/g, "_"))
    .join("--");
}

/** The organization, its OUs and its member accounts. */
export class OrganizationStructure extends Construct {
  readonly organization: OrganizationsOrganization;
  /** OU path → its OU resource. */
  readonly organizationalUnits: ReadonlyMap<string, OrganizationsOrganizationalUnit>;
  /** Account key (stack name) → its account resource. */
  readonly accounts: ReadonlyMap<string, OrganizationsAccount>;

  /** @throws Error when an OU's parent comes after it or is missing, or an account names an unknown OU. */
  constructor(scope: Construct, id: string, props: OrganizationProps) {
    super(scope, id);
    this.organization = new OrganizationsOrganization(this, "organization", {
      featureSet: "ALL",
      awsServiceAccessPrincipals: [...props.awsServiceAccessPrincipals],
      enabledPolicyTypes: [...props.enabledPolicyTypes],
      lifecycle: { preventDestroy: true },
    });
    this.organization.importFrom(props.organizationId);
    const rootId = this.organization.roots.get(0).id;

    const ous = new Map<string, OrganizationsOrganizationalUnit>();
    for (const path of props.organizationalUnits) {
      const slash = path.lastIndexOf("/");
      const parentPath = slash === -1 ? undefined : path.slice(0, slash);
      const parent = parentPath === undefined ? undefined : ous.get(parentPath);
      if (parentPath !== undefined && !parent) throw new Error(`organizationalUnits: ${path} comes before its parent ${parentPath}`);
      ous.set(
        path,
        new OrganizationsOrganizationalUnit(this, `ou-${ouIdPart(path)}`, {
          name: path.slice(slash + 1),
          parentId: parent ? parent.id : rootId,
        }),
      );
    }
    this.organizationalUnits = ous;

    const accounts = new Map<string, OrganizationsAccount>();
    for (const a of props.accounts) {
      const ou = ous.get(a.organizationalUnit);
      if (!ou) throw new Error(`accounts: ${a.key} is in OU ${a.organizationalUnit}, which organizationalUnits does not list`);
      const account = new OrganizationsAccount(this, `account-${a.key}`, {
        name: a.name,
        email: a.email,
        parentId: ou.id,
        closeOnDeletion: false,
        ...(a.accountId === undefined ? { roleName: props.accountAccessRoleName } : {}),
        lifecycle: { preventDestroy: true, ignoreChanges: ["role_name", "iam_user_access_to_billing", "email"] },
      });
      if (a.accountId !== undefined) account.importFrom(a.accountId);
      accounts.set(a.key, account);
    }
    this.accounts = accounts;
  }
}
