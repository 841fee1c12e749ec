import { describe, expect, it } from "vitest";
import { AuroraCluster, type AuroraClusterProps } from "../../src/modules/database/aurora.js";
import { evaluateRule, SynthStack } from "../../src/policy/index.js";
import { encryptionAtRest } from "../../src/policy/rules/encryption-at-rest.js";
import { rdsLogExports } from "../../src/policy/rules/rds-log-exports.js";
import { rdsTls } from "../../src/policy/rules/rds-tls.js";
import { resources, synthJson } from "../support/synth.js";

const base: AuroraClusterProps = {
  engine: "aurora-mysql",
  identifier: "acme-dev-aurora-mysql",
  engineVersion: "8.0",
  instanceClass: "db.t4g.medium",
  readReplicas: 2,
  multiAz: true,
  storageType: "aurora",
  backupRetentionDays: 1,
  backupWindow: "02:00-03:00",
  maintenanceWindow: "sun:03:30-sun:04:30",
  databaseName: "app",
  deletionProtection: false,
  performanceInsights: false,
  vpcId: "vpc-1",
  subnetIds: ["subnet-a", "subnet-b"],
  availabilityZones: ["eu-west-1a", "eu-west-1b"],
  kmsKeyArn: "arn:aws:kms:eu-west-1:222222222222:key/data",
  secretsKmsKeyArn: "arn:aws:kms:eu-west-1:222222222222:key/secrets",
};

const synth = (props: Partial<AuroraClusterProps> = {}) =>
  synthJson((s) => {
    new AuroraCluster(s, "database", { ...base, ...props });
  });
const findingsOf = (json: ReturnType<typeof synth>, rule: Parameters<typeof evaluateRule>[0]) =>
  evaluateRule(rule, new SynthStack("test", json)).map((f) => f.message);

describe("AuroraCluster", () => {
  it("places the writer in the first AZ and the readers round robin over the AZs when Multi-AZ", () => {
    const azs = resources(synth(), "aws_rds_cluster_instance").map((i) => [i.identifier, i.availability_zone, i.promotion_tier]);
    expect(azs).toEqual([
      ["acme-dev-aurora-mysql-1", "eu-west-1a", 0],
      ["acme-dev-aurora-mysql-2", "eu-west-1b", 1],
      ["acme-dev-aurora-mysql-3", "eu-west-1a", 1],
    ]);
  });

  it("keeps every instance in the first AZ without Multi-AZ", () => {
    const azs = resources(synth({ multiAz: false, readReplicas: 1 }), "aws_rds_cluster_instance").map((i) => i.availability_zone);
    expect(azs).toEqual(["eu-west-1a", "eu-west-1a"]);
  });

  it("skips the final snapshot and leaves prevent_destroy off where data is not protected", () => {
    const [cluster] = resources(synth(), "aws_rds_cluster");
    expect(cluster).toMatchObject({ skip_final_snapshot: true, deletion_protection: false });
    expect(cluster!.final_snapshot_identifier).toBeUndefined();
    expect(cluster!.lifecycle).toBeUndefined();
  });

  it("passes the encryption, TLS and log-export rules for both engines", () => {
    for (const engine of ["aurora-mysql", "aurora-postgresql"] as const) {
      const json = synth({ engine, engineVersion: engine === "aurora-mysql" ? "8.0" : "16.9" });
      for (const rule of [encryptionAtRest, rdsTls, rdsLogExports]) expect(findingsOf(json, rule), `${engine} ${rule.id}`).toEqual([]);
    }
  });

  it("throws when it has no AZ to place the instances in", () => {
    expect(() => synth({ availabilityZones: [] })).toThrow("AuroraCluster acme-dev-aurora-mysql: availabilityZones is empty");
  });
});
