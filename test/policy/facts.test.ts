import { describe, expect, it } from "vitest";
import { hasObjectLock, objectLockBucketNames, SynthStack } from "../../src/policy/index.js";

const stack = (name: string, resource: Record<string, Record<string, object>>) => new SynthStack(name, { resource });

describe("objectLockBucketNames", () => {
  it("lists the literal names of Object Lock buckets across stacks, however the lock is written", () => {
    const hub = stack("network-hub", {
      aws_s3_bucket: {
        archive: { bucket: "acme-log-archive-1" },
        config: { bucket: "acme-aws-config-1" },
        flagged: { bucket: "flagged", object_lock_enabled: true },
        named: { bucket: "${var.name}", object_lock_enabled: true },
      },
      aws_s3_bucket_object_lock_configuration: { lock: { bucket: "${aws_s3_bucket.archive.id}" } },
    });
    const other = stack("workload-prod", {
      aws_s3_bucket: {
        legacy: { bucket: "legacy", object_lock_configuration: [{ object_lock_enabled: "Enabled" }] },
        plain: { bucket: "plain" },
      },
      aws_s3_bucket_object_lock_configuration: { byName: { bucket: "plain", object_lock_enabled: "Disabled" } },
    });
    expect(objectLockBucketNames([hub, other])).toEqual(["acme-log-archive-1", "flagged", "legacy"]);
    expect(hasObjectLock(hub.get("aws_s3_bucket.config")!, hub)).toBe(false);
  });
});
