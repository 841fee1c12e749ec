/**
 * The organization trail: one multi-Region CloudTrail trail in the management account that logs every account of
 * the organization, existing and future, to the log archive (`cloudtrail/AWSLogs/<organization id>/<account>/`).
 * An organization trail is created in the management account (or by a CloudTrail delegated administrator, which
 * this landing zone does not register), and needs trusted access for `cloudtrail.amazonaws.com`, which the
 * organization stack enables ("Creating a trail for an organization",
 * https://docs.aws.amazon.com/awscloudtrail/latest/userguide/creating-trail-organization.html). Member accounts
 * see it but cannot change or delete it. The log archive's bucket and key policies admit it
 * (LogArchiveProps.organizationTrailSource).
 *
 * The per-account trails stay: removing them from an existing landing zone is a destroy of each trail and its
 * log group, and each account's own trail feeds that account's CloudWatch Logs metric filters and alarms. See
 * docs/log-archive-security.md.
 */
import { DataAwsKmsKey } from "@cdktf/provider-aws/lib/data-aws-kms-key";
import type { Construct } from "constructs";
import type { LandingZoneModel } from "../config/index.js";
import { AccountTrail } from "../modules/baseline/index.js";

/**
 * Adds the organization trail (`model.baseline.organization.trail`) to `scope`, in the organization stack of the
 * management account: the trail, its CloudWatch Logs group encrypted with `logsKmsKeyArn` (a key of the management
 * account whose policy admits CloudWatch Logs) and the role CloudTrail writes to it with. The archive key's ARN is
 * read across accounts by its alias ARN (the archive key's policy lets the management account describe it).
 * Construct id `organization-trail`.
 * @returns the trail, or undefined when the model has no organization baseline (no AWS Organizations layer, or a
 *   core account still to be created: the archive does not exist yet).
 */
export function addOrganizationTrail(scope: Construct, model: LandingZoneModel, logsKmsKeyArn: string): AccountTrail | undefined {
  const org = model.baseline.organization;
  if (!org) return undefined;
  const archive = model.baseline.logArchive;
  const key = new DataAwsKmsKey(scope, "organization-trail-archive-key", { keyId: archive.kmsAliasArn });
  return new AccountTrail(scope, "organization-trail", {
    name: org.trail.name,
    accountId: org.trail.accountId,
    region: org.trail.region,
    partition: org.trail.partition,
    bucketName: archive.bucketName,
    archiveKmsKeyArn: key.arn,
    logsKmsKeyArn,
    logRetentionDays: model.baseline.cloudTrail.logRetentionDays,
    organizationTrail: true,
  });
}
