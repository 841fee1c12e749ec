/**
 * The Terraform state bucket every stack's S3 backend uses, and the KMS key that encrypts it.
 *
 * Each account's pipeline roles reach only that account's own keys: `<prefix>` is
 * `<keyPrefix>/<accountId>/`, the state objects `<prefix>*.tfstate` and the S3-native lock files
 * `<prefix>*.tfstate.tflock` (Terraform ≥ 1.10 `use_lockfile`). Readers (the plan role) may read the
 * state and write lock files; writers (the apply role) may also write the state. Access needs both this
 * bucket/key policy and the role's own identity policy (cross-account access,
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/example-walkthroughs-managing-access-example2.html).
 *
 * The bucket and key carry `lifecycle.prevent_destroy`: losing them loses every stack's state.
 * Permissions follow the S3 backend page (https://developer.hashicorp.com/terraform/language/backend/s3#permissions-required).
 */
import { KmsAlias } from "@cdktf/provider-aws/lib/kms-alias";
import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
import { S3BucketOwnershipControls } from "@cdktf/provider-aws/lib/s3-bucket-ownership-controls";
import { S3BucketPolicy } from "@cdktf/provider-aws/lib/s3-bucket-policy";
import { S3BucketPublicAccessBlock } from "@cdktf/provider-aws/lib/s3-bucket-public-access-block";
import { S3BucketServerSideEncryptionConfigurationA } from "@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration";
import { S3BucketVersioningA } from "@cdktf/provider-aws/lib/s3-bucket-versioning";
import type { TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import {
  accountAdministersKey,
  denyInsecureBucketTransport,
  type PolicyCondition,
  policyJson,
  type PolicyStatement,
  rolePrincipals,
} from "../iam/index.js";

/** Which roles of one account may use its state keys. */
export interface StateAccessGrant {
  /** Key prefix of the account's stacks, ending in `/`, for example `landing-zone/222222222222/`. */
  readonly keyPrefix: string;
  /** Roles that read the state and write lock files (the plan role). */
  readonly readerRoleArns: readonly string[];
  /** Roles that read and write the state and lock files (the apply role). */
  readonly writerRoleArns: readonly string[];
}

/** Props of {@link StateBucket}. */
export interface StateBucketProps {
  /** Provider acting in the state account, in the bucket's Region. */
  readonly provider: TerraformProvider;
  readonly bucketName: string;
  /** Region of the bucket (and of the KMS key). */
  readonly region: string;
  /** The state account: it administers the key. */
  readonly accountId: string;
  /** ARN partition. @default "aws" */
  readonly partition?: string;
  /**
   * The state key. `{ createWithAlias }` creates a key (rotation on) and the alias `alias/<createWithAlias>`;
   * `{ existingKeyArn }` uses a key that exists already, whose key policy must grant the roles (not managed here).
   */
  readonly kmsKey: { readonly createWithAlias: string } | { readonly existingKeyArn: string };
  /** One grant per account. */
  readonly grants: readonly StateAccessGrant[];
  /** Days before a scheduled key deletion completes (7-30). @default 30 */
  readonly keyDeletionWindowDays?: number;
}

const READ = ["s3:GetObject"];
const WRITE = ["s3:GetObject", "s3:PutObject"];
const LOCK = ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"];

/** Versioned, KMS-encrypted, private, TLS-only state bucket with per-account key scoping. */
export class StateBucket extends Construct {
  readonly bucketArn: string;
  /** ARN of the state key (created or given); identity policies name it, since an alias ARN does not match a key in `Resource`. */
  readonly keyArn: string;

  constructor(scope: Construct, id: string, props: StateBucketProps) {
    super(scope, id);
    const provider = props.provider;
    const partition = props.partition ?? "aws";
    const bucketArn = `arn:${partition}:s3:::${props.bucketName}`;
    this.bucketArn = bucketArn;

    if ("createWithAlias" in props.kmsKey) {
      const key = new KmsKey(this, "key", {
        provider,
        description: `Terraform state (${props.bucketName})`,
        enableKeyRotation: true,
        deletionWindowInDays: props.keyDeletionWindowDays ?? 30,
        policy: keyPolicy(props, partition),
        lifecycle: { preventDestroy: true },
        tags: { Name: props.kmsKey.createWithAlias },
      });
      new KmsAlias(this, "alias", { provider, name: `alias/${props.kmsKey.createWithAlias}`, targetKeyId: key.keyId });
      this.keyArn = key.arn;
    } else {
      this.keyArn = props.kmsKey.existingKeyArn;
    }

    const bucket = new S3Bucket(this, "bucket", {
      provider,
      bucket: props.bucketName,
      forceDestroy: false,
      lifecycle: { preventDestroy: true },
    });
    new S3BucketVersioningA(this, "versioning", { provider, bucket: bucket.id, versioningConfiguration: { status: "Enabled" } });
    new S3BucketServerSideEncryptionConfigurationA(this, "encryption", {
      provider,
      bucket: bucket.id,
      rule: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: this.keyArn }, bucketKeyEnabled: true }],
    });
    const publicAccess = new S3BucketPublicAccessBlock(this, "public-access-block", {
      provider,
      bucket: bucket.id,
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    });
    new S3BucketOwnershipControls(this, "ownership", { provider, bucket: bucket.id, rule: { objectOwnership: "BucketOwnerEnforced" } });
    new S3BucketPolicy(this, "policy", {
      provider,
      bucket: bucket.id,
      policy: bucketPolicy(bucketArn, props.grants, partition),
      // S3 rejects a policy change while the public access block is being applied.
      dependsOn: [publicAccess],
    });
  }
}

/**
 * The bucket policy: deny any request without TLS (the standard `aws:SecureTransport` deny, the only statement
 * with principal `*`, and a Deny), then per account: list its own prefix, read its state, write lock files, and
 * for writers write its state.
 * See https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html#transit
 */
export function bucketPolicy(bucketArn: string, grants: readonly StateAccessGrant[], partition = "aws"): string {
  const statements: PolicyStatement[] = [denyInsecureBucketTransport(bucketArn)];
  for (const g of grants) {
    const account = g.keyPrefix.split("/").filter(Boolean).at(-1) ?? g.keyPrefix;
    const all = [...g.readerRoleArns, ...g.writerRoleArns];
    if (all.length === 0) continue;
    statements.push({
      Sid: `List${account}`,
      Effect: "Allow",
      ...rolePrincipalsWith(all, partition, {
        // Terraform lists its own prefix, and `env:/` (workspace_key_prefix) when it looks for workspaces on init.
        StringLike: { "s3:prefix": [`${g.keyPrefix}*`, "env:/*"] },
      }),
      Action: "s3:ListBucket",
      Resource: bucketArn,
    });
    if (g.readerRoleArns.length > 0) {
      statements.push({
        Sid: `ReadState${account}`,
        Effect: "Allow",
        ...rolePrincipals(g.readerRoleArns, partition),
        Action: READ,
        Resource: `${bucketArn}/${g.keyPrefix}*.tfstate`,
      });
    }
    if (g.writerRoleArns.length > 0) {
      statements.push({
        Sid: `WriteState${account}`,
        Effect: "Allow",
        ...rolePrincipals(g.writerRoleArns, partition),
        Action: WRITE,
        Resource: `${bucketArn}/${g.keyPrefix}*.tfstate`,
      });
    }
    statements.push({
      Sid: `Lock${account}`,
      Effect: "Allow",
      ...rolePrincipals(all, partition),
      Action: LOCK,
      Resource: `${bucketArn}/${g.keyPrefix}*.tfstate.tflock`,
    });
  }
  return policyJson(statements);
}

/** {@link rolePrincipals} with `extra` condition operators added after `ArnEquals`. */
function rolePrincipalsWith(roleArns: readonly string[], partition: string, extra: PolicyCondition): ReturnType<typeof rolePrincipals> {
  const base = rolePrincipals(roleArns, partition);
  return { Principal: base.Principal, Condition: { ...base.Condition, ...extra } };
}

/**
 * Key policy: the state account administers the key; readers may decrypt (and encrypt lock files), writers
 * encrypt and decrypt, only through S3 in the bucket's Region (`kms:ViaService`).
 * See https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html and
 * https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html#conditions-kms-via-service
 */
function keyPolicy(props: StateBucketProps, partition: string): string {
  const readers = props.grants.flatMap((g) => g.readerRoleArns);
  const writers = props.grants.flatMap((g) => g.writerRoleArns);
  const viaS3 = { StringEquals: { "kms:ViaService": `s3.${props.region}.amazonaws.com` } };
  const use = (sid: string, arns: readonly string[], actions: readonly string[]): PolicyStatement[] => {
    if (arns.length === 0) return [];
    const p = rolePrincipals(arns, partition);
    return [{ Sid: sid, Effect: "Allow", Principal: p.Principal, Action: actions, Resource: "*", Condition: { ...p.Condition, ...viaS3 } }];
  };
  return policyJson([
    accountAdministersKey("StateAccountAdministersKey", props.accountId, partition),
    ...use("PlanRolesReadState", readers, ["kms:Decrypt", "kms:GenerateDataKey", "kms:DescribeKey"]),
    ...use("ApplyRolesReadWriteState", writers, ["kms:Encrypt", "kms:Decrypt", "kms:GenerateDataKey", "kms:DescribeKey"]),
  ]);
}
