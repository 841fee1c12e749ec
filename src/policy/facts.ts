/**
 * Facts that rules need from more than one stack (see `StackFacts` in ./stack.ts), computed from every stack's
 * view before the pack runs, and the per-stack questions they are built from.
 */
import { block, isTrue, type SynthResource, type SynthStack } from "./stack.js";

/**
 * True when the `aws_s3_bucket` has S3 Object Lock enabled: `object_lock_enabled = true`, the provider's older
 * inline `object_lock_configuration { object_lock_enabled = "Enabled" }`, or an
 * `aws_s3_bucket_object_lock_configuration` of the same stack naming it (by reference or by its literal name;
 * that resource enables Object Lock on the bucket, https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutObjectLockConfiguration.html).
 */
export function hasObjectLock(bucket: SynthResource, stack: SynthStack): boolean {
  if (isTrue(bucket.body.object_lock_enabled)) return true;
  if (block(bucket.body.object_lock_configuration)?.object_lock_enabled === "Enabled") return true;
  const name = bucket.body.bucket;
  return stack
    .ofType("aws_s3_bucket_object_lock_configuration")
    .some(
      (c) =>
        c.body.object_lock_enabled !== "Disabled" &&
        (stack.refersTo(c.body.bucket, bucket) || (typeof name === "string" && c.body.bucket === name)),
    );
}

/**
 * The literal names of every bucket with Object Lock ({@link hasObjectLock}) in `stacks`, sorted. Buckets whose
 * name is an expression are left out (nothing can name them by a literal).
 */
export function objectLockBucketNames(stacks: readonly SynthStack[]): string[] {
  const names = stacks.flatMap((stack) =>
    stack
      .ofType("aws_s3_bucket")
      .filter((b) => typeof b.body.bucket === "string" && !b.body.bucket.includes("${") && hasObjectLock(b, stack))
      .map((b) => b.body.bucket as string),
  );
  return [...new Set(names)].sort();
}
