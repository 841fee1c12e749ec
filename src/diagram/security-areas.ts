/**
 * The core accounts of the AWS Organizations layer (`model.baseline.organization`): the log archive account with
 * its buckets, and the security tooling account with the delegated administrator's services, whose own trail and
 * Config deliver to the archive like every account's (a line of the archive node says so, rather than an edge from
 * every account). Absent without the layer (then the archive is a baseline detail of the hub).
 */
import type { DiagramArea } from "./areas.js";

/** Ids of the core accounts' clusters and nodes. */
export const securityIds = {
  logArchiveAccount: () => "account_log_archive",
  logArchive: () => "log_archive",
  securityAccount: () => "account_security_tooling",
  securityServices: () => "security_tooling_services",
} as const;

/** The log archive and security tooling accounts, and what delivers to them. */
export const coreAccountsArea: DiagramArea = (model, d) => {
  const org = model.baseline.organization;
  if (!org) return;
  const archive = model.baseline.logArchive;
  d.cluster(undefined, securityIds.logArchiveAccount(), "account", `log archive · account ${archive.accountId} · ${archive.region}`);
  d.node(securityIds.logArchiveAccount(), securityIds.logArchive(), "data", [
    "log archive",
    `${archive.bucketName} (Object Lock ${archive.objectLockDays} d)`,
    `${archive.configBucketName} (AWS Config)`,
    `KMS alias/${archive.kmsAliasName}`,
    `organization trail ${org.trail.name}`,
    "every account's trail and Config deliver here",
  ]);
  const security = org.securityTooling;
  d.cluster(undefined, securityIds.securityAccount(), "account", `security tooling · account ${security.accountId} · ${security.region}`);
  d.node(securityIds.securityAccount(), securityIds.securityServices(), "service", [
    "delegated administrator",
    "GuardDuty auto-enable (all accounts)",
    "Security Hub central configuration",
    `Config aggregator ${model.baseline.configAggregator.name}`,
    "Access Analyzer (organization)",
    "findings → alert topic",
  ]);
  d.edge({ from: securityIds.securityServices(), to: securityIds.logArchive(), style: "dashed", label: "trail, Config" });
};
