/**
 * An S3 bucket with the controls every bucket of the app tier carries: versioning, a full public access
 * block, default encryption, object ownership, a bucket policy that denies plain-HTTP requests, and
 * optional expiry for log buckets. Statements can be added to the policy until synthesis (CloudFront's
 * read access needs the distribution ARN, known only after the bucket exists).
 */
import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
import { S3BucketLifecycleConfiguration } from "@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration";
import { S3BucketOwnershipControls } from "@cdktf/provider-aws/lib/s3-bucket-ownership-controls";
import { S3BucketPolicy } from "@cdktf/provider-aws/lib/s3-bucket-policy";
import { S3BucketPublicAccessBlock } from "@cdktf/provider-aws/lib/s3-bucket-public-access-block";
import { S3BucketServerSideEncryptionConfigurationA } from "@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration";
import { S3BucketVersioningA } from "@cdktf/provider-aws/lib/s3-bucket-versioning";
import { Lazy, type TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import { denyInsecureBucketTransport, type NamedPolicyStatement, policyJson } from "../iam/index.js";

/** Default encryption of a bucket. */
export type BucketEncryption =
  /** SSE-KMS with a customer-managed key and S3 Bucket Keys (fewer KMS calls). */
  | { readonly kind: "kms"; readonly keyArn: string }
  /**
   * SSE-S3 (AES256). The only choice for ALB access logs ("Enable access logs for your ALB": "The only
   * server-side encryption option that's supported is Amazon S3-managed keys (SSE-S3)",
   * https://docs.aws.amazon.com/elasticloadbalancing/latest/application/enable-access-logging.html).
   */
  | { readonly kind: "sse-s3" };

/** Props of {@link SecureBucket}. */
export interface SecureBucketProps {
  /** Globally unique bucket name (3-63 characters). Changing it replaces the bucket. */
  readonly bucketName: string;
  readonly encryption: BucketEncryption;
  /**
   * Keep ACLs enabled (object ownership `BucketOwnerPreferred`) instead of disabling them
   * (`BucketOwnerEnforced`). Only for CloudFront standard logs, which are written through ACLs: "the
   * bucket must have ACLs enabled" (https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/standard-logging-legacy-s3.html#AccessLogsBucketAndFileOwnership).
   * @default false
   */
  readonly aclsEnabled?: boolean;
  /** Expire current objects after this many days, and noncurrent versions {@link noncurrentVersionDays} days after they become noncurrent (log buckets). @default no expiry */
  readonly expireAfterDays?: number;
  /** With {@link expireAfterDays}: days an earlier (noncurrent) version is kept. @default 30 */
  readonly noncurrentVersionDays?: number;
  /**
   * With {@link expireAfterDays}: move current objects to STANDARD_IA after `infrequentAccessDays` (at least 30)
   * and to GLACIER after `glacierDays` (at least `infrequentAccessDays` + 30), per
   * https://docs.aws.amazon.com/AmazonS3/latest/userguide/lifecycle-transition-general-considerations.html.
   * @default no transition
   */
  readonly storageTiers?: { readonly infrequentAccessDays: number; readonly glacierDays: number };
  /** `lifecycle.prevent_destroy` on the bucket (data buckets in prod). @default false */
  readonly preventDestroy?: boolean;
  /** Provider for a bucket in another Region (replicas). @default the stack's default provider */
  readonly provider?: TerraformProvider;
}

/** A private, versioned, encrypted S3 bucket with a TLS-only policy. */
export class SecureBucket extends Construct {
  readonly bucket: S3Bucket;
  readonly bucketName: string;
  readonly bucketArn: string;
  /** `<bucket>.s3.<region>.amazonaws.com`, for CloudFront origins. */
  readonly bucketRegionalDomainName: string;
  /** The versioning resource; replication must depend on it. */
  readonly versioning: S3BucketVersioningA;
  /**
   * The object ownership controls. A CloudFront distribution logging to this bucket must depend on them:
   * standard logging needs ACLs enabled, which they turn on (new buckets start BucketOwnerEnforced).
   */
  readonly ownershipControls: S3BucketOwnershipControls;
  /** The bucket policy. A service that checks its write access at creation (ALB access logs) must depend on it. */
  readonly policy: S3BucketPolicy;
  private readonly statements: NamedPolicyStatement[];

  constructor(scope: Construct, id: string, props: SecureBucketProps) {
    super(scope, id);
    const provider = props.provider ? { provider: props.provider } : {};
    this.bucket = new S3Bucket(this, "bucket", {
      ...provider,
      bucket: props.bucketName,
      tags: { Name: props.bucketName },
      ...(props.preventDestroy ? { lifecycle: { preventDestroy: true } } : {}),
    });
    this.bucketName = props.bucketName;
    this.bucketArn = this.bucket.arn;
    this.bucketRegionalDomainName = this.bucket.bucketRegionalDomainName;
    const bucket = this.bucket.id;
    new S3BucketPublicAccessBlock(this, "public-access-block", {
      ...provider,
      bucket,
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    });
    this.ownershipControls = new S3BucketOwnershipControls(this, "ownership", {
      ...provider,
      bucket,
      rule: { objectOwnership: props.aclsEnabled ? "BucketOwnerPreferred" : "BucketOwnerEnforced" },
    });
    this.versioning = new S3BucketVersioningA(this, "versioning", { ...provider, bucket, versioningConfiguration: { status: "Enabled" } });
    new S3BucketServerSideEncryptionConfigurationA(this, "encryption", {
      ...provider,
      bucket,
      rule: [
        props.encryption.kind === "kms"
          ? {
              applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: props.encryption.keyArn },
              bucketKeyEnabled: true,
            }
          : { applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } },
      ],
    });
    if (props.expireAfterDays !== undefined) {
      new S3BucketLifecycleConfiguration(this, "lifecycle", {
        ...provider,
        bucket,
        rule: [
          {
            id: "expire-logs",
            status: "Enabled",
            filter: [{ prefix: "" }],
            ...(props.storageTiers
              ? {
                  transition: [
                    { days: props.storageTiers.infrequentAccessDays, storageClass: "STANDARD_IA" },
                    { days: props.storageTiers.glacierDays, storageClass: "GLACIER" },
                  ],
                }
              : {}),
            expiration: [{ days: props.expireAfterDays }],
            noncurrentVersionExpiration: [{ noncurrentDays: props.noncurrentVersionDays ?? 30 }],
            abortIncompleteMultipartUpload: [{ daysAfterInitiation: 7 }],
          },
        ],
        dependsOn: [this.versioning],
      });
    }
    this.statements = [denyInsecureBucketTransport(this.bucket.arn)];
    this.policy = new S3BucketPolicy(this, "policy", {
      ...provider,
      bucket,
      policy: Lazy.stringValue({ produce: () => policyJson(this.statements) }),
    });
  }

  /**
   * Adds a statement to the bucket policy. Statement ids must be unique.
   * @throws Error when a statement with the same `Sid` exists.
   */
  addToPolicy(statement: NamedPolicyStatement): void {
    if (this.statements.some((s) => s.Sid === statement.Sid))
      throw new Error(`bucket policy of ${this.node.path} already has statement ${statement.Sid}`);
    this.statements.push(statement);
  }

  /** The policy statements so far (for tests and policy checks). */
  get policyStatements(): readonly NamedPolicyStatement[] {
    return [...this.statements];
  }
}
