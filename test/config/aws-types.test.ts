import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/index.js";
import { cleanupConfigDirs, configWith, problemsOf, REFERENCE_DIR, replace } from "../support/config-dir.js";

afterAll(cleanupConfigDirs);

/** A nonprod environment `app.yaml` with an app tier whose AWS type names are all valid. */
const FIXTURE = "test/fixtures/aws-types";

/** The fixture with `from` replaced by `to` in app.yaml. */
const appWith = (from: string, to: string) => configWith(FIXTURE, { "app.yaml": replace(from, to) });

const RDS_DOC = "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Concepts.DBInstanceClass.Support.html";
const CACHE_DOC = "https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/CacheNodes.SupportedTypes.html";
const FARGATE_DOC = "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html#fargate-tasks-size";

describe("AWS type names that exist", () => {
  it("accepts the fixture's instance class, node type, engine version and task sizes", () => {
    expect(() => loadConfig(FIXTURE)).not.toThrow();
  });

  it("accepts the shipped config", () => {
    expect(() => loadConfig(REFERENCE_DIR)).not.toThrow();
  });

  it("accepts newer families, a pinned minor version RDS still offers and the largest Fargate size", () => {
    const dir = configWith(FIXTURE, {
      "app.yaml": (old) =>
        replace(
          "instanceClass: db.t4g.micro",
          "instanceClass: db.r8g.48xlarge",
        )(old)
          .replace('engineVersion: "8.4"', 'engineVersion: "8.4.5"')
          .replace("nodeType: cache.t4g.micro", "nodeType: cache.m7g.16xlarge")
          .replace("cpu: 1024\n      memoryMiB: 2048", "cpu: 16384\n      memoryMiB: 122880"),
    });
    expect(() => loadConfig(dir)).not.toThrow();
  });
});

describe("AWS type name errors", () => {
  it("rejects a misspelled RDS instance class and suggests the closest one", () => {
    expect(problemsOf(appWith("instanceClass: db.t4g.micro", "instanceClass: db.r6g.lurge"))).toEqual([
      "<dir>/app.yaml:27:20 app.database.instanceClass: db.r6g.lurge is not an RDS for MySQL instance class. Did you mean db.r6g.large?",
    ]);
  });

  it("rejects a size its family does not have and lists the family's sizes", () => {
    expect(problemsOf(appWith("instanceClass: db.t4g.micro", "instanceClass: db.r5b.nano"))).toEqual([
      "<dir>/app.yaml:27:20 app.database.instanceClass: db.r5b.nano is not an RDS for MySQL instance class. Write one of the db.r5b sizes: db.r5b.large, db.r5b.xlarge, db.r5b.2xlarge, db.r5b.4xlarge, db.r5b.8xlarge, db.r5b.12xlarge, db.r5b.16xlarge or db.r5b.24xlarge.",
    ]);
  });

  it("rejects an unknown instance class family and points to the AWS table", () => {
    expect(problemsOf(appWith("instanceClass: db.t4g.micro", "instanceClass: db.postgres.large"))).toEqual([
      `<dir>/app.yaml:27:20 app.database.instanceClass: db.postgres.large is not an RDS for MySQL instance class. Write a class from ${RDS_DOC}, for example db.t4g.micro, db.m7g.large or db.r7g.large.`,
    ]);
  });

  it("rejects a pinned MySQL minor version RDS no longer offers", () => {
    expect(problemsOf(appWith('engineVersion: "8.4"', 'engineVersion: "8.0.36"'))).toEqual([
      '<dir>/app.yaml:26:20 app.database.engineVersion: RDS no longer creates MySQL 8.0.36 instances: the oldest 8.0 minor version it offers is 8.0.42 (https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/MySQL.Concepts.VersionMgmt.html). Write engineVersion: "8.0" (the newest minor, upgraded automatically) or "8.0.42" or later.',
    ]);
  });

  it("rejects a misspelled ElastiCache node type and suggests the closest one", () => {
    expect(problemsOf(appWith("nodeType: cache.t4g.micro", "nodeType: cache.r7g.lage"))).toEqual([
      "<dir>/app.yaml:29:15 app.cache.nodeType: cache.r7g.lage is not an ElastiCache for Redis OSS node type. Did you mean cache.r7g.large?",
    ]);
  });

  it("rejects a previous-generation node type and names its current equivalent", () => {
    expect(problemsOf(appWith("nodeType: cache.t4g.micro", "nodeType: cache.t2.micro"))).toEqual([
      `<dir>/app.yaml:29:15 app.cache.nodeType: cache.t2.micro is a previous-generation node type: ElastiCache no longer creates clusters with it (${CACHE_DOC}). Write cache.t4g.micro or another current node type.`,
    ]);
    expect(problemsOf(appWith("nodeType: cache.t4g.micro", "nodeType: cache.m3.medium"))).toEqual([
      `<dir>/app.yaml:29:15 app.cache.nodeType: cache.m3.medium is a previous-generation node type: ElastiCache no longer creates clusters with it (${CACHE_DOC}). Write cache.m7g.large or another current node type.`,
    ]);
  });

  it("rejects an r6gd node type, which needs data tiering the app cache does not turn on", () => {
    expect(problemsOf(appWith("nodeType: cache.t4g.micro", "nodeType: cache.r6gd.xlarge"))).toEqual([
      "<dir>/app.yaml:29:15 app.cache.nodeType: cache.r6gd.xlarge needs data tiering (DataTieringEnabled must be true for r6gd nodes, https://docs.aws.amazon.com/AmazonElastiCache/latest/APIReference/API_CreateReplicationGroup.html), which the app cache does not turn on. Write an r7g or r6g node type, for example cache.r7g.xlarge.",
    ]);
  });

  it("rejects a node type of an unknown family and points to the AWS table", () => {
    expect(problemsOf(appWith("nodeType: cache.t4g.micro", "nodeType: cache.memcached.large"))).toEqual([
      `<dir>/app.yaml:29:15 app.cache.nodeType: cache.memcached.large is not an ElastiCache for Redis OSS node type. Write a current node type from ${CACHE_DOC}, for example cache.t4g.micro, cache.m7g.large or cache.r7g.large.`,
    ]);
  });

  it("rejects a Fargate cpu/memory pair and lists the memory values of that cpu", () => {
    expect(problemsOf(appWith("cpu: 1024\n      memoryMiB: 2048", "cpu: 1024\n      memoryMiB: 1024"))).toEqual([
      `<dir>/app.yaml:23:18 app.services[1].memoryMiB: Fargate does not run 1024 CPU units with 1024 MiB. Write memoryMiB: 2048, 3072, 4096, 5120, 6144, 7168 or 8192 for cpu: 1024 (${FARGATE_DOC}).`,
    ]);
  });

  it("reports every wrong type name of a file in one run", () => {
    const dir = configWith(FIXTURE, {
      "app.yaml": (old) =>
        replace(
          "instanceClass: db.t4g.micro",
          "instanceClass: db.r6g.lurge",
        )(old)
          .replace('engineVersion: "8.4"', 'engineVersion: "8.4.3"')
          .replace("nodeType: cache.t4g.micro", "nodeType: cache.t2.small")
          .replace("cpu: 256\n      memoryMiB: 512", "cpu: 256\n      memoryMiB: 4096"),
    });
    expect(problemsOf(dir).map((line) => line.split(": ")[0])).toEqual([
      "<dir>/app.yaml:15:18 app.services[0].memoryMiB",
      "<dir>/app.yaml:26:20 app.database.engineVersion",
      "<dir>/app.yaml:27:20 app.database.instanceClass",
      "<dir>/app.yaml:29:15 app.cache.nodeType",
    ]);
  });
});

describe("MySQL engine versions", () => {
  const versionOf = (dir: string) => loadConfig(dir).environments[0]!.app!.database!.engineVersion;

  it("defaults to MySQL 8.4, the major version in RDS standard support", () => {
    const dir = configWith(FIXTURE, { "app.yaml": replace('    engineVersion: "8.4"\n', "") });
    expect(versionOf(dir)).toBe("8.4");
  });

  it("accepts 8.4 and a pinned 8.4.x, and still 8.0 and a pinned 8.0.x (RDS Extended Support)", () => {
    expect(versionOf(FIXTURE)).toBe("8.4");
    for (const version of ["8.4.5", "8.4.10", "8.0", "8.0.42"])
      expect(versionOf(appWith('engineVersion: "8.4"', `engineVersion: "${version}"`)), version).toBe(version);
  });

  it("rejects a major version RDS for MySQL does not have, naming the ones it accepts", () => {
    for (const version of ["8.1", "9.0", "5.7", "8.4.x", "8"])
      expect(problemsOf(appWith('engineVersion: "8.4"', `engineVersion: "${version}"`)), version).toEqual([
        `<dir>/app.yaml:26:20 app.database.engineVersion: Write a MySQL 8.4 or 8.0 engine version in quotes: engineVersion: "8.4", a pinned "8.4.x", "8.0" or a pinned "8.0.x" (got string "${version}").`,
      ]);
  });

  it("rejects a pinned 8.4 minor version RDS no longer offers and names the oldest one it does", () => {
    expect(problemsOf(appWith('engineVersion: "8.4"', 'engineVersion: "8.4.4"'))).toEqual([
      '<dir>/app.yaml:26:20 app.database.engineVersion: RDS no longer creates MySQL 8.4.4 instances: the oldest 8.4 minor version it offers is 8.4.5 (https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/MySQL.Concepts.VersionMgmt.html). Write engineVersion: "8.4" (the newest minor, upgraded automatically) or "8.4.5" or later.',
    ]);
  });
});
