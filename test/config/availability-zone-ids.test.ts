import { afterAll, describe, expect, it } from "vitest";
import { azIdPrefix, defaultAvailabilityZoneIds } from "../../src/aws/availability-zone-ids.js";
import { AWS_REGION_NAMES, AWS_REGIONS } from "../../src/config/aws-regions.js";
import { loadConfig } from "../../src/config/index.js";
import { cleanupConfigDirs, problemsOf, REFERENCE_DIR, referenceWith, replace } from "../support/config-dir.js";

afterAll(cleanupConfigDirs);

describe("AZ IDs", () => {
  it("derives the AZ ID prefix from the Region code", () => {
    expect(
      ["us-east-1", "eu-west-1", "ap-southeast-2", "ap-northeast-1", "ca-central-1", "us-gov-west-1", "cn-northwest-1"].map(azIdPrefix),
    ).toEqual(["use1", "euw1", "apse2", "apne1", "cac1", "usgw1", "cnnw1"]);
    expect(azIdPrefix("moon-base-1")).toBeUndefined();
  });

  it("has defaults for every known Region: distinct, of the Region, as many as the Region's AZ count or three", () => {
    for (const region of AWS_REGION_NAMES) {
      const ids = defaultAvailabilityZoneIds(region);
      expect(ids.length, region).toBe(Math.min(3, AWS_REGIONS[region]!.azCount));
      expect(new Set(ids).size, region).toBe(ids.length);
      for (const id of ids) expect(id, region).toMatch(new RegExp(`^${azIdPrefix(region)}-az\\d$`));
    }
    expect(defaultAvailabilityZoneIds("us-east-1")).toEqual(["use1-az1", "use1-az2", "use1-az4"]);
  });

  it("uses the Region's defaults when shared.yaml names none", () => {
    expect(loadConfig(REFERENCE_DIR).networkHub.availabilityZoneIds).toEqual(["euw1-az1", "euw1-az2", "euw1-az3"]);
  });

  it("uses the AZ IDs shared.yaml names, in order", () => {
    const dir = referenceWith({
      "shared.yaml": replace("  onPremises:\n", "  availabilityZoneIds: [euw1-az3, euw1-az1, euw1-az2]\n  onPremises:\n"),
    });
    expect(loadConfig(dir).networkHub.availabilityZoneIds).toEqual(["euw1-az3", "euw1-az1", "euw1-az2"]);
  });

  it("rejects an AZ ID of another Region, one listed twice, and too few for the largest azCount, with file and line", () => {
    const dir = referenceWith({
      "shared.yaml": replace("  onPremises:\n", "  availabilityZoneIds: [use1-az1, euw1-az2, euw1-az2]\n  onPremises:\n"),
    });
    expect(problemsOf(dir)).toEqual([
      expect.stringMatching(
        /^\S+shared\.yaml:\d+:\d+ networkHub\.availabilityZoneIds\[0\]: use1-az1 is not an AZ ID of eu-west-1 \(they start with euw1-az\)\. Write one such as euw1-az1\.$/,
      ),
      expect.stringMatching(
        /^\S+shared\.yaml:\d+:\d+ networkHub\.availabilityZoneIds\[2\]: euw1-az2 is listed twice\. List each AZ ID once\.$/,
      ),
    ]);
    const two = referenceWith({
      "shared.yaml": replace("  onPremises:\n", "  availabilityZoneIds: [euw1-az1, euw1-az2]\n  onPremises:\n"),
    });
    expect(problemsOf(two)).toEqual([
      expect.stringMatching(
        /^\S+shared\.yaml:\d+:\d+ networkHub\.availabilityZoneIds: \S+prod\.yaml \(vpc\.azCount\) uses 3 AZs and networkHub\.availabilityZoneIds lists 2 \(euw1-az1, euw1-az2\)\. List at least 3 AZ IDs of eu-west-1\.$/,
      ),
    ]);
  });

  it("rejects a string that is not shaped like an AZ ID", () => {
    const dir = referenceWith({
      "shared.yaml": replace("  onPremises:\n", "  availabilityZoneIds: [eu-west-1a, euw1-az2]\n  onPremises:\n"),
    });
    expect(problemsOf(dir)).toEqual([
      expect.stringMatching(
        /^\S+shared\.yaml:\d+:\d+ networkHub\.availabilityZoneIds\[0\]: Write an AZ ID such as euw1-az1 \(aws ec2 describe-availability-zones shows them\) \(got string "eu-west-1a"\)\.$/,
      ),
    ]);
  });
});
