/**
 * What the AWS Organizations layer changes in the baseline (src/config/model-baseline.ts), refused where a setting
 * would contradict it:
 *
 * - `baseline.cloudTrail.organizationTrail: true` makes the hub's own trail an organization trail; with the layer
 *   the organization trail is the management account's (`<org>-organization-trail`, created by the organization
 *   stack: "Creating a trail for an organization",
 *   https://docs.aws.amazon.com/awscloudtrail/latest/userguide/creating-trail-organization.html), and the hub is
 *   not the management account.
 * - `adopt.logBucket` (shared.yaml) adopts the hub's archive bucket; with the layer the archive is created in the
 *   log archive account, so the hub's bucket would be left behind with the audit history.
 * - `baseline.cloudTrail.accountTrails: false` drops each account's own trail, which only the organization trail of
 *   the layer makes up for: without the layer it is refused.
 * - `adopt.guardDutyDetector` and `adopt.securityHubAccount` import an account's own detector and Security Hub
 *   subscription; with the layer the delegated administrator enables both in every member account (GuardDuty
 *   auto-enable, Security Hub central configuration,
 *   https://docs.aws.amazon.com/securityhub/latest/userguide/central-configuration-intro.html), so no member
 *   stack manages them.
 */
import type { Problem } from "../problems.js";
import type { SourceFile } from "../source.js";
import type { Validator } from "./context.js";

/** @see Validator */
export const validateOrganizationBaseline: Validator = (config) => {
  const { shared, environments } = config;
  if (!shared.value.organization.awsOrganizations) {
    if (shared.value.baseline.cloudTrail.accountTrails) return [];
    return [
      shared.source.problem(
        ["baseline", "cloudTrail", "accountTrails"],
        "without organization.awsOrganizations there is no organization trail, so no account would be logged. Remove accountTrails: false.",
      ),
    ];
  }
  const problems: Problem[] = [];
  if (shared.value.baseline.cloudTrail.organizationTrail)
    problems.push(
      shared.source.problem(
        ["baseline", "cloudTrail", "organizationTrail"],
        "with organization.awsOrganizations the organization trail is created in the management account by the organization stack, not by the hub. Remove organizationTrail.",
      ),
    );
  if (shared.value.adopt.logBucket !== undefined)
    problems.push(
      shared.source.problem(
        ["adopt", "logBucket"],
        "with organization.awsOrganizations the log archive is created in the log archive account, not the hub. Remove adopt.logBucket (keep the old bucket for its retention; see docs/log-archive-security.md).",
      ),
    );
  const securityImports = (
    source: SourceFile,
    adopt: { guardDutyDetector?: string | undefined; securityHubAccount?: string | undefined },
  ) => {
    for (const key of ["guardDutyDetector", "securityHubAccount"] as const)
      if (adopt[key] !== undefined)
        problems.push(
          source.problem(
            ["adopt", key],
            "with organization.awsOrganizations the security tooling account enables GuardDuty and Security Hub in every member account, so no stack adopts them. Remove it (and `terraform state rm` it from this stack's state; see docs/log-archive-security.md).",
          ),
        );
  };
  securityImports(shared.source, shared.value.adopt);
  for (const e of environments) securityImports(e.source, e.value.adopt);
  return problems;
};
