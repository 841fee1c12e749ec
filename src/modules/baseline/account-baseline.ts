/**
 * The security, governance and observability baseline of one account: the central log archive and the central
 * AWS Config bucket (in the account that hosts them), CloudTrail, AWS Config, GuardDuty and Security Hub with finding notifications,
 * and account hardening (EBS encryption by default, S3 account block, password policy, Access Analyzer,
 * Session Manager logging). Every account stack creates exactly one.
 */
import { DataAwsKmsKey } from "@cdktf/provider-aws/lib/data-aws-kms-key";
import type { TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import type { PurposeKmsKey } from "../encryption/index.js";
import { ConfigBucket } from "./config-bucket.js";
import { ConfigRecorder } from "./config-recorder.js";
import { AccountHardening } from "./hardening.js";
import { LogArchive } from "./log-archive.js";
import { ThreatDetection, type CisVersion } from "./threat-detection.js";
import { AccountTrail } from "./trail.js";
import { definedOnly } from "../../util/defined.js";

/**
 * Where the central log archive and the central Config bucket are, and, in the account that hosts them, how to
 * build them.
 */
export interface LogArchiveTarget {
  readonly accountId: string;
  readonly region: string;
  /** The Object Lock archive CloudTrail delivers to. */
  readonly bucketName: string;
  /** The bucket AWS Config delivers to: no Object Lock (Config cannot deliver to a bucket with it). */
  readonly configBucketName: string;
  /** Alias of the archive key, without `alias/`. */
  readonly kmsAliasName: string;
  /**
   * ARN of that alias. Other accounts read the key ARN through it (`data "aws_kms_key"` with
   * `archiveAccountProvider`) and pass the key ARN, never the alias, to CloudTrail and Config.
   */
  readonly kmsAliasArn: string;
  /** Accounts whose trails and recorders deliver to the two buckets. */
  readonly writerAccountIds: readonly string[];
  /** Trail name of the writer accounts whose trail is not named `trail.name` (an adopted trail keeps its name). @default {} */
  readonly writerTrailNames?: Readonly<Record<string, string>>;
  /** The organization trail delivering here from the management account (LogArchiveProps.organizationTrailSource). @default none */
  readonly organizationTrailSource?: { readonly accountId: string; readonly region: string; readonly trailName: string };
  /** Accounts that read the archive key's ARN by its alias with their own credentials (LogArchiveProps.keyReaderAccountIds). @default [] */
  readonly keyReaderAccountIds?: readonly string[];
  readonly objectLockDays: number;
  readonly infrequentAccessDays: number;
  readonly glacierDays: number;
  readonly expireDays: number;
}

/** Props of {@link AccountBaseline}. */
export interface AccountBaselineProps {
  readonly accountId: string;
  readonly region: string;
  /** ARN partition. @default "aws" */
  readonly partition?: string;
  /** Prefix of resource names, for example `acme-prod`. */
  readonly namePrefix: string;
  /** The account's purpose keys: `logs` for log groups, `data` for EBS default encryption. */
  readonly keys: { readonly logs: PurposeKmsKey; readonly data: PurposeKmsKey };
  /** The account's alert topic; HIGH and CRITICAL findings go there. */
  readonly alertTopicArn: string;
  /**
   * Add the Config rules that check data protection (`PROTECTED_DATA_CONFIG_RULES` of config-recorder.ts: RDS Multi-AZ,
   * deletion protection, backups); the stacks turn it on where the account has `preventDestroy` (hub and prod).
   * Sets no `prevent_destroy` itself: the log archive always has it. @default false
   */
  readonly dataProtectionRules?: boolean;
  /** The central log archive and Config bucket. When `logArchive.accountId` is this account, both are built here. */
  readonly logArchive: LogArchiveTarget;
  /**
   * A provider acting in the archive account (`logArchive.accountId`), used in every other account to read the
   * archive key's ARN from its alias (`data "aws_kms_key"`, which needs `kms:DescribeKey` there). Required when
   * this account does not host the archive and `archiveKeyReadAcrossAccounts` is off; ignored where it does.
   */
  readonly archiveAccountProvider?: TerraformProvider;
  /**
   * Read the archive key's ARN with this stack's own provider, by the alias ARN in the archive account (KMS
   * `DescribeKey` accepts an alias ARN across accounts when the key policy allows it: the archive lists this
   * account in `logArchive.keyReaderAccountIds`). Used with the AWS Organizations layer, where no stack holds a
   * role in the log archive account. @default false (read through `archiveAccountProvider`)
   */
  readonly archiveKeyReadAcrossAccounts?: boolean;
  /**
   * The account's part in the organization-wide security services (AWS Organizations layer):
   * `none`: it runs its own GuardDuty detector and Security Hub with the standards, and AWS Config aggregation by
   * account (aggregator or authorization); `member`: the delegated administrator enables GuardDuty (auto-enable)
   * and Security Hub (central configuration) here, so this account creates neither, and the organization
   * aggregator needs no authorization; `delegated-administrator`: the security tooling account keeps its
   * detector and Security Hub (the organization configuration needs both) but no standards subscription (the
   * central configuration policy sets the standards) and no account aggregator (its stack adds the organization
   * aggregator). See src/accounts/security-tooling-stack.ts. @default "none"
   */
  readonly securityServices?: SecurityServicesRole;
  /**
   * CloudTrail: trail name (same in every account), log group retention, organization trail (archive account only),
   * and whether the account has a trail of its own (`enabled: false` where an organization trail logs it).
   * @default enabled true
   */
  readonly trail: {
    readonly name: string;
    readonly logRetentionDays: number;
    readonly organizationTrail?: boolean;
    readonly enabled?: boolean;
  };
  /** AWS Config aggregation: the aggregator's name, account and Region; built in that account, authorized in the others. */
  readonly configAggregator: {
    readonly name: string;
    readonly accountId: string;
    readonly region: string;
    readonly sourceAccountIds: readonly string[];
  };
  /** GuardDuty protections. @default S3 on, EKS off */
  readonly guardDuty?: { readonly s3Protection: boolean; readonly eksProtection: boolean };
  /** CIS standard version in Security Hub. @default "3.0.0" */
  readonly cisVersion?: CisVersion;
  /** Session Manager log retention, days. @default 365 */
  readonly sessionLogRetentionDays?: number;
  /**
   * Existing resources of the account to import (Terraform `import` blocks) instead of creating them, each in the form
   * its import expects: `logBucket` (where the archive is built; its name must be `logArchive.bucketName`),
   * `cloudTrail` (trail ARN; its name must be `trail.name`), `guardDutyDetector`, `securityHubAccount` (account id),
   * `configRecorder` and `configDeliveryChannel` (names). @default {} (everything created)
   */
  readonly importIds?: BaselineImportIds;
}

/** See `AccountBaselineProps.securityServices`. */
export type SecurityServicesRole = "none" | "member" | "delegated-administrator";

/** See `AccountBaselineProps.importIds`. */
export interface BaselineImportIds {
  readonly logBucket?: string;
  readonly cloudTrail?: string;
  readonly guardDutyDetector?: string;
  readonly securityHubAccount?: string;
  readonly configRecorder?: string;
  readonly configDeliveryChannel?: string;
}

/** The baseline of one account; see the file comment for what it builds. */
export class AccountBaseline extends Construct {
  /** The log archive, in the account that hosts it; undefined elsewhere. */
  readonly logArchive?: LogArchive;
  /** The AWS Config delivery bucket, in the account that hosts the log archive; undefined elsewhere. */
  readonly configBucket?: ConfigBucket;
  /** Key ARN (`arn:...:key/<id>`, never an alias) of the archive key, which CloudTrail and Config encrypt with. */
  readonly archiveKeyArn: string;
  /** The account's own trail; undefined where `trail.enabled` is false. */
  readonly trail?: AccountTrail;
  readonly config: ConfigRecorder;
  readonly threatDetection: ThreatDetection;
  readonly hardening: AccountHardening;

  /**
   * @throws Error when this account does not host the archive and neither `archiveAccountProvider` nor
   *   `archiveKeyReadAcrossAccounts` is given, or when an
   *   import id names another bucket than `logArchive.bucketName`, a log bucket the account does not build, or a
   *   trail not named `trail.name`.
   */
  constructor(scope: Construct, id: string, props: AccountBaselineProps) {
    super(scope, id);
    const partition = props.partition ?? "aws";
    const archive = props.logArchive;
    const hostsArchive = archive.accountId === props.accountId;
    const ids = props.importIds ?? {};
    if (ids.logBucket !== undefined && (!hostsArchive || ids.logBucket !== archive.bucketName))
      throw new Error(`${this.node.path}: importIds.logBucket ${ids.logBucket} is not the log archive bucket this account builds`);
    if (ids.cloudTrail !== undefined && !ids.cloudTrail.endsWith(`:trail/${props.trail.name}`))
      throw new Error(`${this.node.path}: importIds.cloudTrail ${ids.cloudTrail} is not a trail named ${props.trail.name}`);
    if (hostsArchive) {
      this.logArchive = new LogArchive(this, "log-archive", {
        bucketName: archive.bucketName,
        accountId: props.accountId,
        region: props.region,
        partition,
        kmsAliasName: archive.kmsAliasName,
        writerAccountIds: archive.writerAccountIds,
        trailName: props.trail.name,
        ...(archive.writerTrailNames ? { trailNames: archive.writerTrailNames } : {}),
        ...(ids.logBucket ? { importBucket: true } : {}),
        ...(archive.organizationTrailSource ? { organizationTrailSource: archive.organizationTrailSource } : {}),
        ...(archive.keyReaderAccountIds ? { keyReaderAccountIds: archive.keyReaderAccountIds } : {}),
        organizationTrail: props.trail.organizationTrail ?? false,
        objectLockDays: archive.objectLockDays,
        infrequentAccessDays: archive.infrequentAccessDays,
        glacierDays: archive.glacierDays,
        expireDays: archive.expireDays,
      });
    }
    this.archiveKeyArn = this.logArchive
      ? this.logArchive.key.keyArn
      : this.readArchiveKeyArn(archive, props.archiveAccountProvider, props.archiveKeyReadAcrossAccounts ?? false);
    const securityServices = props.securityServices ?? "none";
    if (this.logArchive) {
      this.configBucket = new ConfigBucket(this, "config-bucket", {
        bucketName: archive.configBucketName,
        partition,
        kmsKeyArn: this.archiveKeyArn,
        writerAccountIds: archive.writerAccountIds,
        infrequentAccessDays: archive.infrequentAccessDays,
        glacierDays: archive.glacierDays,
        expireDays: archive.expireDays,
        // An earlier version of a Config object is kept as long as archive objects are locked.
        noncurrentVersionDays: archive.objectLockDays,
      });
    }
    const waitFor = this.logArchive ? [this.logArchive.bucketPolicy] : [];
    if (props.trail.enabled ?? true)
      this.trail = new AccountTrail(this, "cloudtrail", {
        name: props.trail.name,
        accountId: props.accountId,
        region: props.region,
        partition,
        bucketName: archive.bucketName,
        archiveKmsKeyArn: this.archiveKeyArn,
        logsKmsKeyArn: props.keys.logs.keyArn,
        logRetentionDays: props.trail.logRetentionDays,
        organizationTrail: hostsArchive && (props.trail.organizationTrail ?? false),
        dependsOn: waitFor,
        ...(ids.cloudTrail ? { importId: ids.cloudTrail } : {}),
      });
    const aggregates = props.configAggregator.accountId === props.accountId;
    this.config = new ConfigRecorder(this, "config", {
      namePrefix: props.namePrefix,
      accountId: props.accountId,
      bucketName: archive.configBucketName,
      archiveKmsKeyArn: this.archiveKeyArn,
      dataProtectionRules: props.dataProtectionRules ?? false,
      dependsOn: this.configBucket ? [this.configBucket.policy] : [],
      importIds: definedOnly({ recorder: ids.configRecorder, deliveryChannel: ids.configDeliveryChannel }),
      ...(securityServices !== "none"
        ? {}
        : aggregates
          ? {
              aggregator: {
                name: props.configAggregator.name,
                accountIds: props.configAggregator.sourceAccountIds,
                regions: [props.configAggregator.region],
              },
            }
          : { authorizeAggregator: { accountId: props.configAggregator.accountId, region: props.configAggregator.region } }),
    });
    this.threatDetection = new ThreatDetection(this, "threat-detection", {
      namePrefix: props.namePrefix,
      region: props.region,
      partition,
      s3Protection: props.guardDuty?.s3Protection ?? true,
      eksProtection: props.guardDuty?.eksProtection ?? false,
      cisVersion: props.cisVersion ?? "3.0.0",
      alertTopicArn: props.alertTopicArn,
      importIds: definedOnly({ guardDutyDetector: ids.guardDutyDetector, securityHubAccount: ids.securityHubAccount }),
      ...(securityServices === "none" ? {} : { organizationRole: securityServices }),
    });
    this.hardening = new AccountHardening(this, "hardening", {
      namePrefix: props.namePrefix,
      ebsKmsKeyArn: props.keys.data.keyArn,
      logsKmsKeyArn: props.keys.logs.keyArn,
      sessionLogRetentionDays: props.sessionLogRetentionDays ?? 365,
    });
  }

  /**
   * The archive key's ARN in an account that does not host it: `data "aws_kms_key"` on the alias ARN, read in the
   * archive account. CloudTrail and Config accept the alias too, but the API returns the key ARN, so passing the
   * alias shows a change in every plan (hashicorp/terraform-provider-aws#33928).
   */
  private readArchiveKeyArn(archive: LogArchiveTarget, provider: TerraformProvider | undefined, acrossAccounts: boolean): string {
    if (acrossAccounts) return new DataAwsKmsKey(this, "archive-key", { keyId: archive.kmsAliasArn }).arn;
    if (!provider) throw new Error(`${this.node.path}: archiveAccountProvider is required where the log archive is not built`);
    return new DataAwsKmsKey(this, "archive-key", { keyId: archive.kmsAliasArn, provider }).arn;
  }
}
