/**
 * The Identity Center scenario: the organization fixture (test/support/organization.ts) with an `identityCenter:`
 * block of the four usual permission sets and group assignments across the landing zone's accounts.
 */
import { AWS_ORGANIZATIONS_BLOCK, organizationWith } from "./organization.js";
import { type ConfigEdits, replace } from "./config-dir.js";

/** The `identityCenter:` block, indented under `awsOrganizations:`. */
export const IDENTITY_CENTER_BLOCK = `    identityCenter:
      permissionSets:
        - name: Administrator
          managedPolicyArns: [arn:aws:iam::aws:policy/AdministratorAccess]
          sessionDuration: PT1H
          reason: Break-glass administration by the platform team, short sessions.
        - name: ReadOnly
          managedPolicyArns: [arn:aws:iam::aws:policy/ReadOnlyAccess]
          sessionDuration: PT8H
          reason: Auditors and on-call engineers read everything, change nothing.
        - name: NetworkAdministrator
          managedPolicyArns: [arn:aws:iam::aws:policy/job-function/NetworkAdministrator]
          sessionDuration: PT4H
          reason: The network team runs the transit gateway, DX and VPN in the hub.
        - name: Developer
          managedPolicyArns: [arn:aws:iam::aws:policy/PowerUserAccess]
          sessionDuration: PT8H
          reason: Application teams build and debug in the non-prod accounts.
      assignments:
        - group: Platform Admins
          permissionSet: Administrator
          accounts: all
        - group: Auditors
          permissionSet: ReadOnly
          accounts: all
        - group: Network Team
          permissionSet: NetworkAdministrator
          accounts: [network-hub]
        - group: Developers
          permissionSet: Developer
          accounts: [dev, test]
`;

/** A temp copy of the organization fixture with {@link IDENTITY_CENTER_BLOCK}, then `edits`. */
export function identityCenterConfigDir(block: string = IDENTITY_CENTER_BLOCK, edits: ConfigEdits = {}): string {
  return organizationWith({
    "shared.yaml": replace(AWS_ORGANIZATIONS_BLOCK, `${AWS_ORGANIZATIONS_BLOCK}${block}`),
    ...edits,
  });
}
