/**
 * The central log bucket: the CloudTrail trail of every account of the landing zone delivers here, under its own
 * prefix. It lives in the log archive account with the AWS Organizations layer, else in the network hub account. AWS Config cannot deliver
 * to a bucket with Object Lock, so it delivers to the `ConfigBucket` next to this one (./config-bucket.ts),
 * encrypted with this archive's key.
 *
 * - Versioned, with S3 Object Lock (GOVERNANCE mode default retention), so delivered logs cannot be
 *   overwritten or deleted during retention; lifecycle to STANDARD_IA, then GLACIER, then expiry.
 * - SSE-KMS with its own key (`<org>-log-archive`), whose policy lets CloudTrail encrypt for the listed
 *   accounts' trails and Config (delivering to the Config bucket) for the listed accounts
 *   (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/create-kms-key-policy-for-cloudtrail.html,
 *   https://docs.aws.amazon.com/config/latest/developerguide/s3-kms-key-policy.html).
 * - Public access blocked, ACLs disabled (BucketOwnerEnforced), TLS-only bucket policy.
 * - Bucket policy per "Amazon S3 bucket policy for CloudTrail"
 *   (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/create-s3-bucket-policy-for-cloudtrail.html):
 *   every write is limited to the writer trail's own prefix with `aws:SourceArn`.
 */
import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
import { S3BucketLifecycleConfiguration } from "@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration";
import { S3BucketObjectLockConfigurationA } from "@cdktf/provider-aws/lib/s3-bucket-object-lock-configuration";
import { S3BucketOwnershipControls } from "@cdktf/provider-aws/lib/s3-bucket-ownership-controls";
import { S3BucketPolicy } from "@cdktf/provider-aws/lib/s3-bucket-policy";
import { S3BucketPublicAccessBlock } from "@cdktf/provider-aws/lib/s3-bucket-public-access-block";
import { S3BucketServerSideEncryptionConfigurationA } from "@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration";
import { S3BucketVersioningA } from "@cdktf/provider-aws/lib/s3-bucket-versioning";
import { Construct } from "constructs";
import { PurposeKmsKey } from "../encryption/index.js";
import {
  accountRootArn,
  allowKeyUseByService,
  allowService,
  denyInsecureBucketTransport,
  policyJson,
  type PolicyStatement,
} from "../iam/index.js";

/** S3 key prefix of CloudTrail logs: objects land under `cloudtrail/AWSLogs/<account>/`. */
export const CLOUDTRAIL_PREFIX = "cloudtrail";

/** Props of {@link LogArchive}. */
export interface LogArchiveProps {
  /** Bucket name (global), for example `acme-log-archive-111111111111`. Changing it replaces the bucket. */
  readonly bucketName: string;
  /** Account that owns the bucket and its key. */
  readonly accountId: string;
  readonly region: string;
  /** ARN partition. @default "aws" */
  readonly partition?: string;
  /** Alias of the archive key without `alias/`, for example `acme-log-archive`. */
  readonly kmsAliasName: string;
  /** Accounts whose CloudTrail delivers here and whose Config uses the key (this account included). */
  readonly writerAccountIds: readonly string[];
  /** Trail name used in every writer account (`arn:...:cloudtrail:<region>:<account>:trail/<name>`). */
  readonly trailName: string;
  /** Trail name of the writer accounts whose trail is named otherwise (an adopted trail keeps its name), by account id. @default {} */
  readonly trailNames?: Readonly<Record<string, string>>;
  /** Region the writer trails are created in (their home Region). @default region */
  readonly trailRegion?: string;
  /**
   * The owning account's trail is an organization trail: its objects land under
   * `cloudtrail/AWSLogs/<organization id>/`, so it may write anywhere under `cloudtrail/AWSLogs/`. @default false
   */
  readonly organizationTrail?: boolean;
  /**
   * An organization trail in another account (the management account) delivering here: its objects land under
   * `cloudtrail/AWSLogs/<organization id>/<account>/` (and the management account's own under
   * `cloudtrail/AWSLogs/<management account>/`), so it may write anywhere under `cloudtrail/AWSLogs/`, limited to
   * this one trail by `aws:SourceArn`; the key policy lets CloudTrail encrypt for it
   * (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/create-s3-bucket-policy-for-cloudtrail.html#org-trail-bucket-policy,
   * https://docs.aws.amazon.com/awscloudtrail/latest/userguide/create-kms-key-policy-for-cloudtrail.html).
   * @default none
   */
  readonly organizationTrailSource?: { readonly accountId: string; readonly region: string; readonly trailName: string };
  /**
   * Accounts allowed `kms:DescribeKey` on the archive key from their own credentials: they look the key ARN up by
   * its alias ARN across accounts ("To specify a KMS key in a different AWS account, you must use the key ARN or
   * alias ARN", https://docs.aws.amazon.com/kms/latest/APIReference/API_DescribeKey.html; the key policy must
   * allow it, https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-modifying-external-accounts.html).
   * @default [] (no statement)
   */
  readonly keyReaderAccountIds?: readonly string[];
  /** Object Lock default retention, GOVERNANCE mode, in days. */
  readonly objectLockDays: number;
  /** Days to STANDARD_IA (≥ 30). */
  readonly infrequentAccessDays: number;
  /** Days to GLACIER (≥ infrequentAccessDays + 30). */
  readonly glacierDays: number;
  /** Days to expiry; must exceed objectLockDays. */
  readonly expireDays: number;
  /** `lifecycle.prevent_destroy` on the bucket and key. @default true */
  readonly preventDestroy?: boolean;
  /** Import the existing bucket `bucketName` (a Terraform `import` block; S3 buckets import by name) instead of creating it. @default false */
  readonly importBucket?: boolean;
}

/** The central, immutable, encrypted log bucket and its KMS key. */
export class LogArchive extends Construct {
  readonly bucketName: string;
  readonly bucketArn: string;
  /** The archive key (also the Config bucket's). */
  readonly key: PurposeKmsKey;
  /** The bucket policy; trails in the same stack depend on it. */
  readonly bucketPolicy: S3BucketPolicy;

  constructor(scope: Construct, id: string, props: LogArchiveProps) {
    super(scope, id);
    const partition = props.partition ?? "aws";
    const preventDestroy = props.preventDestroy ?? true;
    const trailRegion = props.trailRegion ?? props.region;
    const trailArn = (account: string) =>
      `arn:${partition}:cloudtrail:${trailRegion}:${account}:trail/${props.trailNames?.[account] ?? props.trailName}`;
    const accounts = [...props.writerAccountIds];

    this.key = new PurposeKmsKey(this, "key", {
      accountId: props.accountId,
      region: props.region,
      partition,
      aliasName: props.kmsAliasName,
      description: `Central log archive (${props.bucketName})`,
      preventDestroy,
    });
    const org = props.organizationTrailSource;
    const orgTrailArn = org ? `arn:${partition}:cloudtrail:${org.region}:${org.accountId}:trail/${org.trailName}` : undefined;
    const fromTrails = { "aws:SourceArn": [...accounts.map(trailArn), ...(orgTrailArn ? [orgTrailArn] : [])] };
    const contextAccounts = org && !accounts.includes(org.accountId) ? [...accounts, org.accountId] : accounts;
    this.key.addToPolicy(
      allowKeyUseByService("CloudTrailEncryptsForLandingZoneTrails", "cloudtrail.amazonaws.com", "kms:GenerateDataKey*", {
        StringEquals: fromTrails,
        StringLike: {
          "kms:EncryptionContext:aws:cloudtrail:arn": contextAccounts.map((a) => `arn:${partition}:cloudtrail:*:${a}:trail/*`),
        },
      }),
    );
    this.key.addToPolicy(
      allowKeyUseByService("CloudTrailDescribesKey", "cloudtrail.amazonaws.com", "kms:DescribeKey", { StringEquals: fromTrails }),
    );
    this.key.addToPolicy(
      allowKeyUseByService("ConfigEncryptsForLandingZoneAccounts", "config.amazonaws.com", ["kms:Decrypt", "kms:GenerateDataKey"], {
        StringEquals: { "aws:SourceAccount": accounts },
      }),
    );

    if (props.keyReaderAccountIds?.length) {
      this.key.addToPolicy({
        Sid: "LandingZoneAccountsDescribeKey",
        Effect: "Allow",
        Principal: { AWS: props.keyReaderAccountIds.map((a) => accountRootArn(a, partition)) },
        Action: "kms:DescribeKey",
        Resource: "*",
      });
    }

    const lifecycle = preventDestroy ? { lifecycle: { preventDestroy: true } } : {};
    const bucket = new S3Bucket(this, "bucket", {
      bucket: props.bucketName,
      objectLockEnabled: true,
      tags: { Name: props.bucketName },
      ...lifecycle,
    });
    if (props.importBucket) bucket.importFrom(props.bucketName);
    this.bucketName = bucket.bucket;
    this.bucketArn = bucket.arn;
    const arn = `arn:${partition}:s3:::${props.bucketName}`;

    new S3BucketVersioningA(this, "versioning", { bucket: bucket.id, versioningConfiguration: { status: "Enabled" } });
    new S3BucketObjectLockConfigurationA(this, "object-lock", {
      bucket: bucket.id,
      rule: { defaultRetention: { mode: "GOVERNANCE", days: props.objectLockDays } },
    });
    new S3BucketOwnershipControls(this, "ownership", { bucket: bucket.id, rule: { objectOwnership: "BucketOwnerEnforced" } });
    new S3BucketPublicAccessBlock(this, "public-access-block", {
      bucket: bucket.id,
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    });
    new S3BucketServerSideEncryptionConfigurationA(this, "encryption", {
      bucket: bucket.id,
      rule: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: this.key.keyArn }, bucketKeyEnabled: true }],
    });
    new S3BucketLifecycleConfiguration(this, "lifecycle", {
      bucket: bucket.id,
      rule: [
        {
          id: "colder-storage-then-expire",
          status: "Enabled",
          filter: [{ prefix: "" }],
          transition: [
            { days: props.infrequentAccessDays, storageClass: "STANDARD_IA" },
            { days: props.glacierDays, storageClass: "GLACIER" },
          ],
          expiration: [{ days: props.expireDays }],
          noncurrentVersionExpiration: [{ noncurrentDays: props.objectLockDays + 1 }],
          abortIncompleteMultipartUpload: [{ daysAfterInitiation: 7 }],
        },
      ],
    });

    const statements: PolicyStatement[] = [
      denyInsecureBucketTransport(arn),
      allowService("CloudTrailAclCheck", "cloudtrail.amazonaws.com", "s3:GetBucketAcl", arn, { StringEquals: fromTrails }),
      ...accounts.map((account) =>
        allowService(
          `CloudTrailWrite${account}`,
          "cloudtrail.amazonaws.com",
          "s3:PutObject",
          props.organizationTrail && account === props.accountId
            ? `${arn}/${CLOUDTRAIL_PREFIX}/AWSLogs/*`
            : `${arn}/${CLOUDTRAIL_PREFIX}/AWSLogs/${account}/*`,
          { StringEquals: { "s3:x-amz-acl": "bucket-owner-full-control", "aws:SourceArn": trailArn(account) } },
        ),
      ),
      ...(orgTrailArn
        ? [
            allowService(
              "CloudTrailWriteOrganizationTrail",
              "cloudtrail.amazonaws.com",
              "s3:PutObject",
              `${arn}/${CLOUDTRAIL_PREFIX}/AWSLogs/*`,
              {
                StringEquals: { "s3:x-amz-acl": "bucket-owner-full-control", "aws:SourceArn": orgTrailArn },
              },
            ),
          ]
        : []),
    ];
    this.bucketPolicy = new S3BucketPolicy(this, "policy", { bucket: bucket.id, policy: policyJson(statements) });
  }
}
