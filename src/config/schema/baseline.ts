/**
 * `baseline:` in shared.yaml: the security, governance and observability baseline of every account (log archive,
 * CloudTrail, GuardDuty, Security Hub, Session Manager).
 */
import { z } from "zod";
import { logRetentionDays } from "./log-retention.js";

/** The security, governance and observability baseline every account stack carries. */
export const BaselineSettings = z
  .strictObject({
    logArchive: z
      .strictObject({
        objectLockDays: z
          .int()
          .min(1)
          .max(36500)
          .default(365)
          .meta({ description: "Object Lock default retention (GOVERNANCE mode) of every log object, days. @default 365" }),
        infrequentAccessDays: z.int().min(30).default(30).meta({ description: "Days before log objects move to STANDARD_IA. @default 30" }),
        glacierDays: z
          .int()
          .min(31)
          .default(90)
          .meta({ description: "Days before log objects move to GLACIER (Flexible Retrieval). @default 90" }),
        expireDays: z
          .int()
          .min(1)
          .default(2557)
          .meta({ description: "Days before log objects expire (7 years). Must exceed objectLockDays and glacierDays. @default 2557" }),
      })
      .default({ objectLockDays: 365, infrequentAccessDays: 30, glacierDays: 90, expireDays: 2557 })
      .meta({ description: "The central log bucket in the network hub account (CloudTrail and AWS Config of every account)." }),
    cloudTrail: z
      .strictObject({
        logRetentionDays: logRetentionDays(365, "Retention of each account's CloudTrail log group, days."),
        organizationTrail: z.boolean().default(false).meta({
          description:
            "true when the hub is the organization's management (or delegated) account: the hub's trail becomes an organization trail. @default false",
        }),
        accountTrails: z.boolean().default(true).meta({
          description:
            "Keep each account's own trail (and its CloudWatch Logs group) beside the organization trail of organization.awsOrganizations. false saves the second copy of management events ($2 per 100,000) but destroys the existing trails and their log groups; only with awsOrganizations. @default true",
        }),
      })
      .default({ logRetentionDays: 365, organizationTrail: false, accountTrails: true })
      .meta({ description: "CloudTrail in every account: multi-Region, validated, KMS, to the central bucket and CloudWatch Logs." }),
    guardDuty: z
      .strictObject({
        s3Protection: z.boolean().default(true).meta({ description: "GuardDuty S3 Protection (S3 data events). @default true" }),
        eksProtection: z
          .boolean()
          .default(false)
          .meta({ description: "GuardDuty EKS audit-log monitoring (no EKS in this landing zone). @default false" }),
      })
      .default({ s3Protection: true, eksProtection: false })
      .meta({ description: "GuardDuty detector settings." }),
    securityHub: z
      .strictObject({
        cisVersion: z
          .enum(["1.4.0", "3.0.0"], { error: 'Write cisVersion: "3.0.0" or cisVersion: "1.4.0".' })
          .default("3.0.0")
          .meta({ description: "CIS AWS Foundations Benchmark version to subscribe to. @default 3.0.0" }),
      })
      .default({ cisVersion: "3.0.0" })
      .meta({ description: "Security Hub: AWS Foundational Security Best Practices and CIS standards." }),
    sessionManager: z
      .strictObject({
        logRetentionDays: logRetentionDays(365, "Retention of the Session Manager session log group, days."),
      })
      .default({ logRetentionDays: 365 })
      .meta({ description: "SSM Session Manager preferences: sessions logged to a KMS-encrypted log group." }),
  })
  .meta({ description: "Security, governance and observability baseline in every account." });
