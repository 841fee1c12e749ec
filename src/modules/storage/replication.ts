/**
 * Cross-Region copy of S3 buckets: for each source bucket, a replication configuration that copies every
 * new object version (and delete markers) to a replica bucket in another Region, re-encrypted with a KMS
 * key of that Region, and one IAM role S3 assumes to do it.
 *
 * Follows "Replicating encrypted objects" (https://docs.aws.amazon.com/AmazonS3/latest/userguide/replication-config-for-kms-objects.html):
 * SSE-KMS source objects are replicated only with `sse_kms_encrypted_objects` enabled, and the role needs
 * kms:Decrypt on the source key and kms:Encrypt on the replica key. Both buckets must be versioned.
 * Objects that existed before replication was turned on are not copied (use S3 Batch Replication).
 */
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { S3BucketReplicationConfigurationA } from "@cdktf/provider-aws/lib/s3-bucket-replication-configuration";
import { Construct } from "constructs";
import { policyJson, serviceAssumesRole } from "../iam/index.js";
import type { SecureBucket } from "./secure-bucket.js";

/** One source → replica pair. */
export interface ReplicationPair {
  /** Short id used in construct ids, for example `frontend`. */
  readonly id: string;
  readonly source: SecureBucket;
  readonly replica: SecureBucket;
}

/** Props of {@link BucketReplication}. */
export interface BucketReplicationProps {
  /** Role name, for example `acme-prod-s3-replication`. */
  readonly roleName: string;
  readonly pairs: readonly ReplicationPair[];
  /** KMS key ARN of the source buckets (home Region). */
  readonly sourceKmsKeyArn: string;
  /** KMS key ARN in the replica Region that encrypts the replicas. */
  readonly replicaKmsKeyArn: string;
}

/** S3 replication of several buckets to their replicas, with one least-privilege role. */
export class BucketReplication extends Construct {
  readonly roleArn: string;

  constructor(scope: Construct, id: string, props: BucketReplicationProps) {
    super(scope, id);
    const role = new IamRole(this, "role", {
      name: props.roleName,
      assumeRolePolicy: policyJson([serviceAssumesRole("s3.amazonaws.com")]),
    });
    const sources = props.pairs.map((p) => p.source.bucketArn);
    const replicas = props.pairs.map((p) => p.replica.bucketArn);
    new IamRolePolicy(this, "policy", {
      role: role.name,
      name: "replicate",
      policy: policyJson([
        { Sid: "ReadReplicationConfig", Effect: "Allow", Action: ["s3:GetReplicationConfiguration", "s3:ListBucket"], Resource: sources },
        {
          Sid: "ReadSourceVersions",
          Effect: "Allow",
          Action: ["s3:GetObjectVersionForReplication", "s3:GetObjectVersionAcl", "s3:GetObjectVersionTagging"],
          Resource: sources.map((a) => `${a}/*`),
        },
        {
          Sid: "WriteReplicas",
          Effect: "Allow",
          Action: ["s3:ReplicateObject", "s3:ReplicateDelete", "s3:ReplicateTags"],
          Resource: replicas.map((a) => `${a}/*`),
        },
        { Sid: "DecryptSource", Effect: "Allow", Action: ["kms:Decrypt"], Resource: props.sourceKmsKeyArn },
        { Sid: "EncryptReplica", Effect: "Allow", Action: ["kms:Encrypt", "kms:GenerateDataKey"], Resource: props.replicaKmsKeyArn },
      ]),
    });
    for (const pair of props.pairs) {
      new S3BucketReplicationConfigurationA(this, `${pair.id}-replication`, {
        bucket: pair.source.bucket.id,
        role: role.arn,
        rule: [
          {
            id: "copy-to-backup-region",
            status: "Enabled",
            priority: 1,
            filter: { prefix: "" },
            deleteMarkerReplication: { status: "Enabled" },
            sourceSelectionCriteria: { sseKmsEncryptedObjects: { status: "Enabled" } },
            destination: {
              bucket: pair.replica.bucketArn,
              storageClass: "STANDARD_IA",
              encryptionConfiguration: { replicaKmsKeyId: props.replicaKmsKeyArn },
            },
          },
        ],
        dependsOn: [pair.source.versioning, pair.replica.versioning],
      });
    }
    this.roleArn = role.arn;
  }
}
