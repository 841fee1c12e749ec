/** The app tier's backup copy: the frontend and data buckets replicated to a second Region, under their own key there. */
import type { Construct } from "constructs";
import { PurposeKmsKey } from "../../modules/encryption/index.js";
import { BucketReplication } from "../../modules/storage/replication.js";
import { SecureBucket } from "../../modules/storage/secure-bucket.js";
import type { AppBuckets } from "./buckets.js";
import type { AppTierProps } from "./props.js";

/**
 * When `app.backupCopy` is set: a replica key (`replica-key`) and replica buckets (`frontend-replica-bucket`,
 * `data-replica-bucket`) in the backup Region, through an aliased provider there, and the replication of both
 * buckets (`replication`). Key and replicas get `prevent_destroy` where the environment has `preventDestroy`.
 * @returns the replication, or undefined without a backup copy.
 */
export function backupCopy(scope: Construct, props: AppTierProps, buckets: AppBuckets): BucketReplication | undefined {
  const { env, app, keys } = props;
  if (!(app.backupCopy && app.buckets.frontendReplica && app.buckets.dataReplica)) return undefined;
  const backup = props.providerIn("backup", app.backupCopy.region);
  const replicaKey = new PurposeKmsKey(scope, "replica-key", {
    accountId: env.accountId,
    region: app.backupCopy.region,
    partition: env.partition,
    aliasName: `${app.namePrefix}-replica`,
    description: `Bucket replicas (${app.namePrefix})`,
    preventDestroy: env.preventDestroy,
    provider: backup,
  });
  const replica = (key: string, name: string) =>
    new SecureBucket(scope, `${key}-replica-bucket`, {
      bucketName: name,
      encryption: { kind: "kms", keyArn: replicaKey.keyArn },
      preventDestroy: env.preventDestroy,
      provider: backup,
    });
  return new BucketReplication(scope, "replication", {
    roleName: `${app.namePrefix}-s3-replication`,
    pairs: [
      { id: "frontend", source: buckets.frontend, replica: replica("frontend", app.buckets.frontendReplica) },
      { id: "data", source: buckets.data, replica: replica("data", app.buckets.dataReplica) },
    ],
    sourceKmsKeyArn: keys.data.keyArn,
    replicaKmsKeyArn: replicaKey.keyArn,
  });
}
