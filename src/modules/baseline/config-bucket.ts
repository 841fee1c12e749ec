/**
 * The central AWS Config delivery bucket: the delivery channel of every account of the landing zone writes its
 * configuration history and snapshots here, under `config/AWSLogs/<account>/Config/`. It lives in the account
 * that hosts the log archive (the network hub), next to it.
 *
 * Why a second bucket: "AWS Config does not support the delivery channel to an Amazon S3 bucket where object lock
 * is enabled" (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-config-deliverychannel.html,
 * https://docs.aws.amazon.com/config/latest/APIReference/API_PutDeliveryChannel.html), and the log archive has
 * Object Lock. CloudTrail stays on the Object Lock archive.
 *
 * Protection without Object Lock:
 * - versioned: an overwritten object keeps its earlier version, kept `noncurrentVersionDays` days;
 * - a bucket-policy deny of `s3:DeleteObject` and `s3:DeleteObjectVersion` to every principal. Objects leave the
 *   bucket only through the lifecycle rules, which bucket policies do not restrict; deleting one by hand means
 *   changing the bucket policy first, which CloudTrail records in the Object Lock archive and a plan shows
 *   (PutBucketLifecycleConfiguration, https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutBucketLifecycleConfiguration.html:
 *   "If you want to block users or accounts from removing or deleting objects from your bucket, you must deny them
 *   permissions for" `s3:DeleteObject`, `s3:DeleteObjectVersion` and `s3:PutLifecycleConfiguration`; the last one
 *   stays with the account's administrators, since Terraform manages the lifecycle rules);
 * - `lifecycle.prevent_destroy`.
 * Also, as every {@link SecureBucket}: SSE-KMS with the given key (the log archive key) and S3 Bucket Keys, public
 * access blocked, ACLs disabled (BucketOwnerEnforced), TLS-only; lifecycle to STANDARD_IA, then GLACIER, then expiry.
 *
 * Bucket policy per "Permissions for the Amazon S3 bucket for the AWS Config delivery channel"
 * (https://docs.aws.amazon.com/config/latest/developerguide/s3-bucket-policy.html): `config.amazonaws.com` may
 * check the bucket (`s3:GetBucketAcl`, `s3:ListBucket`) for the listed accounts, and each account's Config may put
 * objects only under its own prefix (`aws:SourceAccount`).
 */
import type { Construct } from "constructs";
import { allowService, type NamedPolicyStatement } from "../iam/index.js";
import { SecureBucket } from "../storage/secure-bucket.js";

export const CONFIG_PREFIX = "config";

/** Props of {@link ConfigBucket}. */
export interface ConfigBucketProps {
  /** Bucket name (global), for example `acme-aws-config-111111111111`. Changing it replaces the bucket. */
  readonly bucketName: string;
  /**
   * Key ARN of the KMS key that encrypts the bucket by default (the log archive key, whose policy lets Config of
   * the writer accounts use it). A key ARN, not an alias.
   */
  readonly kmsKeyArn: string;
  /** ARN partition. @default "aws" */
  readonly partition?: string;
  /** Accounts whose Config delivers here (the owning account included). */
  readonly writerAccountIds: readonly string[];
  /** Days to STANDARD_IA (≥ 30). */
  readonly infrequentAccessDays: number;
  /** Days to GLACIER (≥ infrequentAccessDays + 30). */
  readonly glacierDays: number;
  /** Days to expiry of the current version. */
  readonly expireDays: number;
  /** Days an earlier (noncurrent) version is kept after it was replaced or deleted. */
  readonly noncurrentVersionDays: number;
  /** `lifecycle.prevent_destroy` on the bucket. @default true */
  readonly preventDestroy?: boolean;
}

/** The AWS Config delivery bucket: no Object Lock, versioned, encrypted, deletion denied. */
/** The AWS Config delivery bucket: a {@link SecureBucket} whose policy admits each account's Config under its prefix. */
export class ConfigBucket extends SecureBucket {
  constructor(scope: Construct, id: string, props: ConfigBucketProps) {
    super(scope, id, {
      bucketName: props.bucketName,
      encryption: { kind: "kms", keyArn: props.kmsKeyArn },
      expireAfterDays: props.expireDays,
      noncurrentVersionDays: props.noncurrentVersionDays,
      storageTiers: { infrequentAccessDays: props.infrequentAccessDays, glacierDays: props.glacierDays },
      preventDestroy: props.preventDestroy ?? true,
    });
    const accounts = [...props.writerAccountIds];
    // A literal ARN, so a plan shows which bucket and prefix each account may write to.
    const arn = `arn:${props.partition ?? "aws"}:s3:::${props.bucketName}`;
    this.addToPolicy(denyObjectDeletion(arn));
    this.addToPolicy(
      allowService("ConfigBucketChecks", "config.amazonaws.com", ["s3:GetBucketAcl", "s3:ListBucket"], arn, {
        StringEquals: { "aws:SourceAccount": accounts },
      }),
    );
    for (const account of accounts)
      this.addToPolicy(
        allowService(
          `ConfigWrite${account}`,
          "config.amazonaws.com",
          "s3:PutObject",
          `${arn}/${CONFIG_PREFIX}/AWSLogs/${account}/Config/*`,
          {
            StringEquals: { "s3:x-amz-acl": "bucket-owner-full-control", "aws:SourceAccount": account },
          },
        ),
      );
  }
}

/**
 * Statement `DenyObjectDeletion`: no principal deletes an object or an object version of the bucket. The
 * lifecycle rules still expire them (bucket policies do not apply to lifecycle actions).
 */
function denyObjectDeletion(bucketArn: string): NamedPolicyStatement {
  return {
    Sid: "DenyObjectDeletion",
    Effect: "Deny",
    Principal: "*",
    Action: ["s3:DeleteObject", "s3:DeleteObjectVersion"],
    Resource: `${bucketArn}/*`,
  };
}
