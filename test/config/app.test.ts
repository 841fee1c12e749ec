import { afterAll, describe, expect, it } from "vitest";
import { FARGATE_MEMORY_MIB } from "../../src/aws/fargate.js";
import { serviceSecretOf } from "../../src/config/app-model.js";
import { loadConfig } from "../../src/config/index.js";
import { cleanupConfigDirs, problemsOf, REFERENCE_DIR, replace, referenceWith } from "../support/config-dir.js";

afterAll(cleanupConfigDirs);

describe("the app tier in the shipped config", () => {
  const model = loadConfig(REFERENCE_DIR);
  const app = (name: string) => model.environments.find((e) => e.name === name)!.app!;

  it("makes prod highly available and protected, and dev small", () => {
    expect(app("prod").database).toMatchObject({ multiAz: true, readReplicas: 1, deletionProtection: true, backupRetentionDays: 14 });
    expect(app("prod").cache).toMatchObject({ multiAz: true, replicas: 2 });
    expect(app("prod").shieldAdvanced).toBe(true);
    expect(app("prod").backupCopy).toEqual({ region: "eu-central-1" });
    expect(app("dev").database).toMatchObject({
      multiAz: false,
      readReplicas: 0,
      deletionProtection: false,
      instanceClass: "db.t4g.micro",
    });
    expect(app("dev").shieldAdvanced).toBe(false);
    expect(app("dev").domain?.siteName).toBe("www.dev.acme.example");
  });

  it("releases the prod API blue-green with two target groups, and the worker with rolling updates", () => {
    const [api, jobs] = app("prod").services;
    expect(api).toMatchObject({
      name: "api",
      deployment: "blue-green",
      targetGroupNames: ["acme-prod-api-blue", "acme-prod-api-green"],
      rulePriority: 100,
    });
    expect(jobs).toMatchObject({
      name: "jobs",
      runtime: "python3.12",
      deployment: "rolling",
      targetGroupNames: ["acme-prod-jobs"],
      rulePriority: 110,
    });
  });

  it("derives globally unique bucket names from the account id", () => {
    expect(app("prod").buckets).toMatchObject({
      frontend: "acme-prod-444444444444-frontend",
      albLogs: "acme-prod-444444444444-alb-logs",
      dataReplica: "acme-prod-444444444444-data-replica",
    });
  });
});

describe("app config errors", () => {
  it("rejects a Fargate memory size the cpu does not allow and lists the valid ones", () => {
    const dir = referenceWith({
      "dev.yaml": replace(
        "      cpu: 256\n      memoryMiB: 512\n      desiredCount: 1\n      minCount: 1\n      maxCount: 2\n      autoscaling",
        "      cpu: 256\n      memoryMiB: 4096\n      desiredCount: 1\n      minCount: 1\n      maxCount: 2\n      autoscaling",
      ),
    });
    expect(problemsOf(dir)).toEqual([
      "<dir>/dev.yaml:31:18 app.services[0].memoryMiB: Fargate does not run 256 CPU units with 4096 MiB. Write memoryMiB: 512, 1024 or 2048 for cpu: 256 (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html#fargate-tasks-size).",
    ]);
  });

  it("lists every memory value of a larger cpu", () => {
    expect(FARGATE_MEMORY_MIB[512]).toEqual([1024, 2048, 3072, 4096]);
    expect(FARGATE_MEMORY_MIB[8192]![0]).toBe(16384);
    expect(FARGATE_MEMORY_MIB[8192]).toContain(61440);
  });

  it("rejects a cpu value Fargate does not offer", () => {
    const dir = referenceWith({
      "dev.yaml": replace(
        "      cpu: 256\n      memoryMiB: 512\n      desiredCount: 1\n      minCount: 1\n      maxCount: 2\n      autoscaling",
        "      cpu: 300\n      memoryMiB: 512\n      desiredCount: 1\n      minCount: 1\n      maxCount: 2\n      autoscaling",
      ),
    });
    expect(problemsOf(dir)).toEqual([
      "<dir>/dev.yaml:30:12 app.services[0].cpu: Write cpu as Fargate CPU units: 256, 512, 1024, 2048, 4096, 8192 or 16384 (1024 = 1 vCPU) (got number 300).",
    ]);
  });

  it("rejects a secret written as a value instead of an ARN", () => {
    const dir = referenceWith({
      "dev.yaml": replace("        NODE_ENV: development\n", "        NODE_ENV: development\n      secrets:\n        API_KEY: hunter2\n"),
    });
    expect(problemsOf(dir)).toEqual([
      expect.stringMatching(
        /^<dir>\/dev\.yaml:41:18 app\.services\[0\]\.secrets\.API_KEY: Write the ARN of a Secrets Manager secret .*never the secret value itself \(got string "hunter2"\)\.$/,
      ),
    ]);
  });

  it("reads where each service secret lives from its ARN: the Secrets Manager secret without its JSON key, or the SSM parameter", () => {
    expect(serviceSecretOf("arn:aws:secretsmanager:eu-west-1:444444444444:secret:acme/db-AbCdEf:password::")).toEqual({
      source: "secretsmanager",
      arn: "arn:aws:secretsmanager:eu-west-1:444444444444:secret:acme/db-AbCdEf",
      jsonKey: "password",
    });
    expect(serviceSecretOf("arn:aws:secretsmanager:eu-west-1:444444444444:secret:acme/db-AbCdEf")).toEqual({
      source: "secretsmanager",
      arn: "arn:aws:secretsmanager:eu-west-1:444444444444:secret:acme/db-AbCdEf",
    });
    expect(serviceSecretOf("arn:aws:ssm:eu-west-1:444444444444:parameter/acme/token")).toEqual({
      source: "ssm",
      arn: "arn:aws:ssm:eu-west-1:444444444444:parameter/acme/token",
    });
    expect(() => serviceSecretOf("hunter2")).toThrow("not a Secrets Manager secret or SSM parameter ARN");
  });

  it("rejects a prod database without Multi-AZ and a prod app that does not say whether it uses Shield Advanced", () => {
    const dir = referenceWith({
      "prod.yaml": (t) =>
        replace("    multiAz: true\n    readReplicas", "    multiAz: false\n    readReplicas")(replace("  shieldAdvanced: true\n", "")(t)),
    });
    expect(problemsOf(dir)).toEqual([
      "<dir>/prod.yaml:26:3 app: a prod-segment app must say whether it uses Shield Advanced (a paid subscription, USD 3,000/month per organization). Write shieldAdvanced: true or shieldAdvanced: false under app:.",
      "<dir>/prod.yaml:68:14 app.database.multiAz: a prod-segment database must have a Multi-AZ standby. Write multiAz: true.",
    ]);
  });

  it("rejects a Multi-AZ cache without replicas, a duplicate path pattern and a backup copy in the home Region", () => {
    const dir = referenceWith({
      "test.yaml": (t) =>
        replace("    replicas: 1\n", "    replicas: 0\n")(replace("pathPatterns: [/jobs/*]", "pathPatterns: [/api/*]")(t)) +
        "  backupCopy:\n    region: eu-west-1\n",
    });
    expect(problemsOf(dir)).toEqual([
      "<dir>/test.yaml:48:22 app.services[1].pathPatterns[0]: path pattern /api/* is already routed to service api; the ALB sends it to the first matching rule only. Remove it or make it more specific.",
      expect.stringMatching(
        /^<dir>\/test\.yaml:5\d:\d+ app\.cache\.multiAz: Multi-AZ with automatic failover needs at least one replica\./,
      ),
      "<dir>/test.yaml:61:13 app.backupCopy.region: the backup copy must be in another Region than the environment (eu-west-1). Write a different Region, for example eu-central-1.",
    ]);
  });

  it("rejects the mutable latest tag", () => {
    const dir = referenceWith({ "dev.yaml": replace('imageTag: "1.0.0"', "imageTag: latest") });
    expect(problemsOf(dir)[0]).toMatch(
      /^<dir>\/dev\.yaml:\d+:\d+ app\.services\[0\]\.imageTag: Write a version or git SHA as imageTag; the repositories use immutable tags/,
    );
  });
});
