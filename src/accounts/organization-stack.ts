/**
 * The `organization` stack, in the management account, applied before every other stack: the organization
 * (imported), its OUs, its member accounts (imported or created), the guardrail SCPs and the tag policy with their
 * attachments, the registrations of the security tooling account as delegated administrator of GuardDuty,
 * Security Hub, AWS Config and IAM Access Analyzer, the organization trail to the log archive, and IAM Identity Center's
 * permission sets and assignments (`awsOrganizations.identityCenter`). Built only when `organization.awsOrganizations` is set. It
 * has no alert topic or baseline of its own, and one KMS key (the trail's log group): the management account runs no workload
 * (https://docs.aws.amazon.com/organizations/latest/userguide/orgs_best-practices_mgmt-acct.html).
 */
import { TerraformOutput } from "cdktf";
import type { Construct } from "constructs";
import type { AwsOrganizationsModel, LandingZoneModel } from "../config/index.js";
import {
  DelegatedAdministrators,
  OrganizationPolicies,
  OrganizationStructure,
  type AttachedPolicyProps,
} from "../modules/organization/index.js";
import type { IdentityCenter } from "../modules/identity-center/index.js";
import { guardrailPolicies, tagPolicy } from "../modules/organization/scps/index.js";
import { cloudWatchLogsKeyStatement, PurposeKmsKey } from "../modules/encryption/index.js";
import { TargetStack } from "./account-stack.js";
import { addIdentityCenter } from "./identity-center.js";
import { addOrganizationTrail } from "./organization-trail.js";

/** The organization stack (see the file comment). */
export class OrganizationStack extends TargetStack {
  readonly structure: OrganizationStructure;
  readonly policies: OrganizationPolicies;
  /** Absent while the security tooling account is still to be created (no id to register yet). */
  readonly delegatedAdministrators?: DelegatedAdministrators;
  /**
   * The KMS key of the organization trail's CloudWatch log group (`<org>-organization-logs`), the one key of the
   * management account; absent with the trail (while a core account is still to be created).
   */
  readonly trailLogsKey?: PurposeKmsKey;
  /** IAM Identity Center's permission sets and assignments (`awsOrganizations.identityCenter`); absent without it. */
  readonly identityCenter?: IdentityCenter;

  /** @throws Error when `model.awsOrganizations` is undefined. */
  constructor(scope: Construct, model: LandingZoneModel) {
    const org = model.awsOrganizations;
    if (!org) throw new Error("OrganizationStack needs model.awsOrganizations");
    super(scope, model, org.management, org.management.stackName);
    const policies = org.policies;
    this.structure = new OrganizationStructure(this, "organization", {
      organizationId: org.organizationId,
      awsServiceAccessPrincipals: org.trustedServices.map((t) => t.principal),
      enabledPolicyTypes: ["SERVICE_CONTROL_POLICY", ...(policies.tagPolicy ? ["TAG_POLICY"] : [])],
      organizationalUnits: org.organizationalUnits,
      accounts: org.memberAccounts.map((a) => ({
        key: a.stackName ?? a.role,
        name: a.name,
        email: a.email,
        organizationalUnit: a.organizationalUnit,
        ...(a.accountId ? { accountId: a.accountId } : {}),
      })),
      accountAccessRoleName: policies.guardrails.adminRoleName,
    });
    const organization = this.structure.organization;
    this.policies = new OrganizationPolicies(this, "policies", { organization, policies: attachedPolicies(org, this.structure) });
    const securityToolingId = org.securityTooling.accountId;
    if (securityToolingId)
      this.delegatedAdministrators = new DelegatedAdministrators(this, "delegated-administrators", {
        adminAccountId: securityToolingId,
        organization,
      });
    // The organization trail, once the log archive exists (src/accounts/organization-trail.ts).
    if (model.baseline.organization) {
      const { accountId, region, partition } = org.management;
      this.trailLogsKey = new PurposeKmsKey(this, "trail-logs-key", {
        accountId,
        region,
        partition,
        aliasName: `${org.management.namePrefix}-logs`,
        description: `Organization trail log group (${org.management.namePrefix})`,
        preventDestroy: true,
      });
      this.trailLogsKey.addToPolicy(cloudWatchLogsKeyStatement(accountId, region, partition));
      addOrganizationTrail(this, model, this.trailLogsKey.keyArn);
    }
    const identityCenter = addIdentityCenter(this, model);
    if (identityCenter) this.identityCenter = identityCenter;
    for (const a of org.memberAccounts.filter((m) => m.accountId === undefined)) {
      const account = this.structure.accounts.get(a.stackName ?? a.role);
      if (!account) continue;
      new TerraformOutput(this, `${a.role.replace("-", "_")}_account_id`, {
        value: account.id,
        description: `Id of the ${a.role} account the stack created: write it as its accountId in shared.yaml.`,
      });
    }
  }
}

/** Every policy of the organization (the guardrails, the additional SCPs, the tag policy) with its OU ids. */
function attachedPolicies(org: AwsOrganizationsModel, structure: OrganizationStructure): AttachedPolicyProps[] {
  const targetsOf = (paths: readonly string[]) =>
    new Map(
      paths.map((path) => {
        const ou = structure.organizationalUnits.get(path);
        if (!ou) throw new Error(`policy attachment to ${path}, which organizationalUnits does not list`);
        return [path, ou.id];
      }),
    );
  const scps: AttachedPolicyProps[] = guardrailPolicies(org.policies.guardrails).map((p) => ({
    ...p,
    type: "SERVICE_CONTROL_POLICY",
    targets: targetsOf(org.policies.attachments[p.key] ?? []),
  }));
  const tags = org.policies.tagPolicy;
  return [
    ...scps,
    ...(tags
      ? [
          {
            key: "tagPolicy",
            name: `${org.policies.guardrails.organizationName}-tag-policy`,
            description: `Declares the tag keys ${tags.tagKeys.join(", ")} and their capitalization.`,
            type: "TAG_POLICY" as const,
            content: tagPolicy(tags.tagKeys),
            targets: targetsOf(tags.organizationalUnits),
          },
        ]
      : []),
  ];
}
