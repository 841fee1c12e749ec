/**
 * IAM Identity Center in the organization stack (management account): the permission sets and group assignments of
 * `organization.awsOrganizations.identityCenter` (src/config/model-identity-center.ts), built by the
 * `IdentityCenter` construct. The organization stack calls {@link addIdentityCenter} once; nothing else reads it.
 * Identity Center's API acts only from the management account or a delegated administrator
 * (https://docs.aws.amazon.com/singlesignon/latest/userguide/delegated-admin.html); this landing zone manages it
 * from the management account, next to the accounts it assigns.
 */
import type { LandingZoneModel } from "../config/index.js";
import { IdentityCenter } from "../modules/identity-center/index.js";
import type { TargetStack } from "./account-stack.js";

/**
 * Adds the permission sets and assignments of `model` to `stack` (the organization stack, in the management
 * account), as construct `identity-center`.
 * @returns the construct, or undefined when the config has no `identityCenter` (nothing is added).
 * @throws Error when `stack` does not deploy into the management account (assignments are made from there).
 */
export function addIdentityCenter(stack: TargetStack, model: LandingZoneModel): IdentityCenter | undefined {
  const org = model.awsOrganizations;
  const ic = org?.identityCenter;
  if (!org || !ic) return undefined;
  if (stack.target.accountId !== org.management.accountId)
    throw new Error(
      `identity center: ${stack.target.stackName} deploys into ${stack.target.accountId}, not the management account ${org.management.accountId}`,
    );
  return new IdentityCenter(stack, "identity-center", {
    ...(ic.instance ? { instance: ic.instance } : {}),
    permissionSets: ic.permissionSets.map((p) => ({
      name: p.name,
      description: p.description,
      managedPolicyArns: p.managedPolicyArns,
      sessionDuration: p.sessionDuration,
    })),
    assignments: ic.assignments.map((a) => ({ group: a.group, permissionSet: a.permissionSet, accountId: a.accountId })),
  });
}
