/**
 * The {@link BaselineModel}: where every account's logs go and the baseline's settings. Without the AWS
 * Organizations layer the log archive and the Config aggregator are in the network hub account; with it (and once
 * the core accounts have ids) the archive is in the log archive account, the aggregator is the organization
 * aggregator of the security tooling account, and an organization trail is added in the management account, the
 * split of the AWS Security Reference Architecture
 * (https://docs.aws.amazon.com/prescriptive-guidance/latest/security-reference-architecture/log-archive.html).
 */
import { AWS_REGIONS } from "./aws-regions.js";
import type { AccountTarget, BaselineModel, LandingZoneModel, OrganizationBaselineModel } from "./model.js";
import { trailNameOfArn } from "./model-adopt.js";
import type { AwsOrganizationsModel } from "./model-organization.js";
import type { EnvironmentFile, SharedFile } from "./schema/index.js";

/**
 * The {@link BaselineModel}: names derived from the organization, settings from `baseline:`, the archive's account
 * from `awsOrganizations` when it is set and no core account is still to be created (`vending` false).
 */
export function buildBaseline(
  shared: SharedFile,
  environments: readonly EnvironmentFile[],
  awsOrganizations?: AwsOrganizationsModel,
): BaselineModel {
  const org = shared.organization;
  const hub = shared.networkHub;
  const b = shared.baseline;
  const kmsAliasName = `${org.name}-log-archive`;
  const defaultTrailName = `${org.name}-trail`;
  // An adopted trail keeps its name: a trail's name cannot change (it forces a new trail).
  const trailName = (adoptedArn: string | undefined): string => (adoptedArn ? trailNameOfArn(adoptedArn) : defaultTrailName);
  const logArchiveTarget = awsOrganizations?.vending === false ? awsOrganizations.logArchive.target : undefined;
  const securityTarget = awsOrganizations?.vending === false ? awsOrganizations.securityTooling.target : undefined;
  const archive = logArchiveTarget ?? { stackName: "network-hub", accountId: hub.accountId, region: hub.region };
  const partition = AWS_REGIONS[archive.region]?.partition ?? "aws";
  const workloadAccounts = [...environments]
    .sort((x, y) => x.name.localeCompare(y.name))
    .map((e) => ({ accountId: e.accountId, stackName: `workload-${e.name}`, trailName: trailName(e.adopt.cloudTrail) }));
  const hubAccount = { accountId: hub.accountId, stackName: "network-hub", trailName: trailName(shared.adopt.cloudTrail) };
  const coreAccounts = [logArchiveTarget, securityTarget].flatMap((t) =>
    t ? [{ accountId: t.accountId, stackName: t.stackName, trailName: defaultTrailName }] : [],
  );
  const organization: OrganizationBaselineModel | undefined =
    awsOrganizations && securityTarget
      ? {
          trail: {
            name: `${org.name}-organization-trail`,
            accountId: awsOrganizations.management.accountId,
            region: awsOrganizations.management.region,
            partition: awsOrganizations.management.partition,
          },
          securityTooling: { accountId: securityTarget.accountId, region: securityTarget.region, stackName: securityTarget.stackName },
          regions: [...new Set([org.homeRegion, hub.region, ...environments.map((e) => e.region)])].sort(),
        }
      : undefined;
  return {
    logArchive: {
      stackName: archive.stackName,
      accountId: archive.accountId,
      region: archive.region,
      partition,
      // The hub's adopted bucket (`adopt.logBucket`) is the archive only while the archive is in the hub.
      bucketName: (logArchiveTarget ? undefined : shared.adopt.logBucket) ?? `${org.name}-log-archive-${archive.accountId}`,
      configBucketName: `${org.name}-aws-config-${archive.accountId}`,
      kmsAliasName,
      kmsAliasArn: `arn:${partition}:kms:${archive.region}:${archive.accountId}:alias/${kmsAliasName}`,
      ...b.logArchive,
    },
    accounts: [...coreAccounts, hubAccount, ...workloadAccounts],
    cloudTrail: { name: defaultTrailName, ...b.cloudTrail },
    configAggregator: {
      name: `${org.name}-config-aggregator`,
      accountId: securityTarget?.accountId ?? hub.accountId,
      region: securityTarget?.region ?? hub.region,
    },
    guardDuty: { ...b.guardDuty },
    securityHub: { ...b.securityHub },
    sessionManager: { ...b.sessionManager },
    ...(organization ? { organization } : {}),
  };
}

/**
 * The core account targets that have a stack of their own, in deploy order: the log archive, then the security
 * tooling account, when the model has the organization baseline (AWS Organizations layer with both accounts'
 * ids); else none.
 */
export function coreAccountTargets(model: Pick<LandingZoneModel, "awsOrganizations" | "baseline">): AccountTarget[] {
  const org = model.awsOrganizations;
  if (!model.baseline.organization || !org) return [];
  return [org.logArchive.target, org.securityTooling.target].filter((t): t is AccountTarget => t !== undefined);
}
