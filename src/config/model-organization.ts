/**
 * The AWS Organizations part of the model (`organization.awsOrganizations` in shared.yaml, and the `account:` block
 * of the hub and of each environment): the management account, the OU tree, the SRA core accounts and where every
 * account sits. Absent when the config has no `awsOrganizations`.
 * https://docs.aws.amazon.com/prescriptive-guidance/latest/security-reference-architecture/architecture.html
 */
import type { AccountTarget } from "./model.js";
import { organizationPoliciesOf, type OrganizationPoliciesModel } from "./model-scps.js";
import { assignableAccounts, buildIdentityCenter, type IdentityCenterModel } from "./model-identity-center.js";
import type { EnvironmentFile, SharedFile } from "./schema/index.js";

/** Stack name of the organization stack (management account). */
export const ORGANIZATION_STACK = "organization";
/** Stack name of the log archive account's stack. */
export const LOG_ARCHIVE_STACK = "log-archive";
/** Stack name of the security tooling (audit) account's stack. */
export const SECURITY_TOOLING_STACK = "security-tooling";

/** The role of an account in the landing zone. */
export type AccountRole = "management" | "log-archive" | "security-tooling" | "network-hub" | "workload";

/** An account of the organization: how AWS Organizations knows it, and where it sits. */
export interface OrganizationAccountModel {
  readonly role: AccountRole;
  /** Account name in AWS Organizations. */
  readonly name: string;
  /** Root user email address. */
  readonly email: string;
  /** OU path below the root, for example `Workloads/Prod`. */
  readonly organizationalUnit: string;
  /** The account id; absent for a core account the organization stack has yet to create. */
  readonly accountId?: string;
  /** The landing-zone stack deployed into the account (absent until its id is known). */
  readonly stackName?: string;
  /** The environment name, for a workload account. */
  readonly environment?: string;
}

/** A core account of the SRA layout: its organization entry and, once its id is known, its stack's target. */
export interface CoreAccountModel extends OrganizationAccountModel {
  readonly role: "log-archive" | "security-tooling";
  /** Where its stack deploys; absent while the account is still to be created (no `accountId`). */
  readonly target?: AccountTarget;
}

/**
 * A service principal the organization trusts (`aws_service_access_principals`), and why the landing zone needs it.
 * https://docs.aws.amazon.com/organizations/latest/userguide/orgs_integrate_services_list.html
 */
export interface TrustedServiceModel {
  readonly principal: string;
  readonly reason: string;
}

/** `organization.awsOrganizations`, resolved. */
export interface AwsOrganizationsModel {
  /** Id of the existing organization (`o-...`), which the organization stack imports. */
  readonly organizationId: string;
  /** The services with trusted access, each with its reason, sorted by principal. */
  readonly trustedServices: readonly TrustedServiceModel[];
  /** The guardrail SCPs' inputs, their attachments and the tag policy. */
  readonly policies: OrganizationPoliciesModel;
  /** The management account and the organization stack's target (Region: `organization.homeRegion`). */
  readonly management: AccountTarget;
  /** Every OU path below the root, parents before children (a parent is created first). */
  readonly organizationalUnits: readonly string[];
  readonly logArchive: CoreAccountModel;
  readonly securityTooling: CoreAccountModel;
  /**
   * Every member account the organization stack places in an OU: the core accounts, the network hub and each
   * workload environment, in that order. (The management account is the organization's own, never moved.)
   */
  readonly memberAccounts: readonly OrganizationAccountModel[];
  /**
   * True while a core account has no `accountId` yet: only the organization stack (which creates it) can be
   * built; every other stack waits until the id is written into shared.yaml.
   */
  readonly vending: boolean;
  /** IAM Identity Center permission sets and assignments (src/config/model-identity-center.ts); absent when not configured. */
  readonly identityCenter?: IdentityCenterModel;
}

/** Builds an {@link AccountTarget}: the same function `buildModel` uses for the hub and the environments. */
export type TargetBuilder = (stackName: string, accountId: string, region: string, namePrefix: string) => AccountTarget;

/**
 * The {@link AwsOrganizationsModel} of a validated config, or undefined without `organization.awsOrganizations`.
 * Call only after stage 2 passed (src/config/validate/organizations.ts): every account then has an `account:` block.
 * @throws Error when the hub or an environment has no `account:` block (the validator refuses that config).
 */
export function buildAwsOrganizations(
  shared: SharedFile,
  environments: readonly EnvironmentFile[],
  target: TargetBuilder,
): AwsOrganizationsModel | undefined {
  const org = shared.organization;
  const settings = org.awsOrganizations;
  if (!settings) return undefined;
  const core = (role: CoreAccountModel["role"], stackName: string): CoreAccountModel => {
    const account = role === "log-archive" ? settings.logArchive : settings.securityTooling;
    return {
      role,
      name: account.name,
      email: account.email,
      organizationalUnit: account.organizationalUnit,
      ...(account.accountId
        ? {
            accountId: account.accountId,
            stackName,
            target: target(stackName, account.accountId, org.homeRegion, `${org.name}-${stackName}`),
          }
        : {}),
    };
  };
  const logArchive = core("log-archive", LOG_ARCHIVE_STACK);
  const securityTooling = core("security-tooling", SECURITY_TOOLING_STACK);
  const placed = (role: AccountRole, account: SharedFile["networkHub"]["account"], accountId: string, stackName: string) => {
    if (!account) throw new Error(`${stackName}: no account block although organization.awsOrganizations is set`);
    return { role, name: account.name, email: account.email, organizationalUnit: account.organizationalUnit, accountId, stackName };
  };
  const partition = /^arn:([\w-]+):/.exec(org.state.kmsKeyArn)?.[1] ?? "aws";
  const policies = organizationPoliciesOf(shared, environments, partition);
  if (!policies) throw new Error("organizationPoliciesOf: no awsOrganizations");
  const trusted: TrustedServiceModel[] = [
    {
      principal: "access-analyzer.amazonaws.com",
      reason: "IAM Access Analyzer's organization analyzer in the security tooling account (delegated administrator)",
    },
    { principal: "cloudtrail.amazonaws.com", reason: "the organization trail, delivering every account's events to the log archive" },
    {
      principal: "config-multiaccountsetup.amazonaws.com",
      reason: "AWS Config organization rules and conformance packs from the delegated administrator",
    },
    {
      principal: "config.amazonaws.com",
      reason: "the AWS Config organization aggregator in the security tooling account (delegated administrator)",
    },
    { principal: "guardduty.amazonaws.com", reason: "GuardDuty's delegated administrator, which auto-enables every new account" },
    { principal: "securityhub.amazonaws.com", reason: "Security Hub's delegated administrator and central configuration" },
    ...(org.ramSharingWithAwsOrganization
      ? [{ principal: "ram.amazonaws.com", reason: "RAM shares the transit gateway with the organization (ramSharingWithAwsOrganization)" }]
      : []),
    ...(settings.identityCenter
      ? [{ principal: "sso.amazonaws.com", reason: "IAM Identity Center assigns permission sets in the member accounts (identityCenter)" }]
      : []),
  ];
  return {
    organizationId: settings.organizationId,
    trustedServices: trusted.sort((a, b) => (a.principal < b.principal ? -1 : 1)),
    policies,
    management: target(ORGANIZATION_STACK, settings.managementAccountId, org.homeRegion, `${org.name}-${ORGANIZATION_STACK}`),
    organizationalUnits: [...settings.organizationalUnits].sort((a, b) => a.split("/").length - b.split("/").length || a.localeCompare(b)),
    logArchive,
    securityTooling,
    memberAccounts: [
      logArchive,
      securityTooling,
      placed("network-hub", shared.networkHub.account, shared.networkHub.accountId, "network-hub"),
      ...[...environments]
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((e) => ({ ...placed("workload", e.account, e.accountId, `workload-${e.name}`), environment: e.name })),
    ],
    vending: logArchive.accountId === undefined || securityTooling.accountId === undefined,
    ...(settings.identityCenter
      ? {
          identityCenter: buildIdentityCenter(
            settings.identityCenter,
            assignableAccounts(
              settings.managementAccountId,
              { logArchive: logArchive.accountId, securityTooling: securityTooling.accountId },
              shared.networkHub.accountId,
              environments,
            ),
          ),
        }
      : {}),
  };
}

/**
 * What `lz validate` and `lz synth` print while a core account is still to be created (`vending`): which accounts
 * lack an id, that only the organization stack is built, and what to write once it is applied. Undefined otherwise.
 */
export function vendingNotice(org: AwsOrganizationsModel | undefined): string | undefined {
  if (!org?.vending) return undefined;
  const pending = [org.logArchive, org.securityTooling].filter((a) => a.accountId === undefined);
  const lines = pending.map((a) => {
    const key = a.role === "log-archive" ? "logArchive" : "securityTooling";
    return `  - organization.awsOrganizations.${key}.accountId: the ${a.role} account (${a.name}) does not exist yet; after the apply write accountId: "<the ${a.role.replace("-", "_")}_account_id output of the organization stack>"`;
  });
  return [
    `vending: only the ${ORGANIZATION_STACK} stack is built until every core account has an id. Apply it (it creates the accounts), then in shared.yaml write:`,
    ...lines,
  ].join("\n");
}
