/**
 * The delegated administrators of the security services, registered from the management account: GuardDuty and
 * Security Hub through their own APIs (EnableOrganizationAdminAccount), AWS Config (both of its principals) and IAM
 * Access Analyzer through RegisterDelegatedAdministrator. Each needs the service's trusted access first, so each
 * depends on the organization resource. What runs in the delegated account (the detectors' organization
 * configuration, the aggregator, the analyzer) belongs to that account's stack.
 * - GuardDuty: https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_organizations.html (per Region: the home Region here)
 * - Security Hub: https://docs.aws.amazon.com/securityhub/latest/userguide/designate-orgs-admin-account.html
 * - AWS Config: https://docs.aws.amazon.com/config/latest/developerguide/set-up-aggregator-cli.html#register-a-delegated-administrator-cli
 * - IAM Access Analyzer: https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-settings.html#access-analyzer-delegated-administrator
 */
import { GuarddutyOrganizationAdminAccount } from "@cdktf/provider-aws/lib/guardduty-organization-admin-account";
import { OrganizationsDelegatedAdministrator } from "@cdktf/provider-aws/lib/organizations-delegated-administrator";
import { SecurityhubOrganizationAdminAccount } from "@cdktf/provider-aws/lib/securityhub-organization-admin-account";
import type { ITerraformDependable } from "cdktf";
import { Construct } from "constructs";

/** Service principals registered through `aws_organizations_delegated_administrator`. */
export const DELEGATED_SERVICE_PRINCIPALS: readonly string[] = [
  "access-analyzer.amazonaws.com",
  "config-multiaccountsetup.amazonaws.com",
  "config.amazonaws.com",
];

/** Props of {@link DelegatedAdministrators}. */
export interface DelegatedAdministratorsProps {
  /** The security tooling account. */
  readonly adminAccountId: string;
  /** The organization resource: trusted access must be enabled before a registration. */
  readonly organization: ITerraformDependable;
}

/** The registrations of the security tooling account as delegated administrator. */
export class DelegatedAdministrators extends Construct {
  constructor(scope: Construct, id: string, props: DelegatedAdministratorsProps) {
    super(scope, id);
    const dependsOn = [props.organization];
    new GuarddutyOrganizationAdminAccount(this, "guardduty", { adminAccountId: props.adminAccountId, dependsOn });
    new SecurityhubOrganizationAdminAccount(this, "securityhub", { adminAccountId: props.adminAccountId, dependsOn });
    for (const principal of DELEGATED_SERVICE_PRINCIPALS)
      new OrganizationsDelegatedAdministrator(this, principal.replace(".amazonaws.com", ""), {
        accountId: props.adminAccountId,
        servicePrincipal: principal,
        dependsOn,
      });
  }
}
