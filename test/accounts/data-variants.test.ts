/**
 * The data tier's variants on the reference config (test/fixtures/reference), each synthesized through the policy
 * pack: no database and no cache (dev), Aurora PostgreSQL with a Valkey cache (test), Aurora MySQL (prod), and in a second config
 * RDS for PostgreSQL (test). The shipped variant (RDS for MySQL + Redis) is covered by app-tier.test.ts.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SynthOutcome, synthesizeChecked } from "../../src/app.js";
import { loadConfig } from "../../src/config/index.js";
import { STATEFUL_RESOURCE_TYPES } from "../../src/plan-guard/stateful.js";
import { cleanupConfigDirs, problemsOf, referenceWith, replace } from "../support/config-dir.js";
import { resources, resourcesByName, type StackJson } from "../support/synth.js";
import { readFileSync } from "node:fs";

afterAll(cleanupConfigDirs);

const DEV_DATA = / {2}database:\n( {4}.*\n)+ {2}cache:\n( {4}.*\n)+/;
const TEST_DATABASE = / {2}database:\n( {4}.*\n)+/;
const PROD_DATABASE = / {2}database:\n( {4}.*\n)+/;

/** The reference config: dev without database and cache, test on Aurora PostgreSQL and Valkey, prod on Aurora MySQL. */
const auroraDir = () =>
  referenceWith({
    "dev.yaml": replace(DEV_DATA, ""),
    "test.yaml": (old) =>
      replace(
        "  cache:\n",
        "  cache:\n    engine: valkey\n",
      )(
        replace(
          TEST_DATABASE,
          "  database:\n    engine: aurora-postgres\n    instanceClass: db.t4g.medium\n    readReplicas: 1\n    backupRetentionDays: 7\n",
        )(old),
      ),
    "prod.yaml": replace(
      PROD_DATABASE,
      "  database:\n    engine: aurora-mysql\n    instanceClass: db.r7g.large\n    storageType: aurora-iopt1\n    readReplicas: 2\n    backupRetentionDays: 14\n    deletionProtection: true\n",
    ),
  });

/** The reference config with test on RDS for PostgreSQL. */
const postgresDir = () =>
  referenceWith({
    "test.yaml": replace(
      TEST_DATABASE,
      "  database:\n    engine: rds-postgres\n    instanceClass: db.t4g.medium\n    readReplicas: 1\n    backupRetentionDays: 7\n",
    ),
  });

interface Synth {
  readonly outcome: SynthOutcome;
  json(stack: string): StackJson;
}

function synth(dir: string): Synth {
  const out = mkdtempSync(join(tmpdir(), "lz-data-variants-"));
  const outcome = synthesizeChecked(loadConfig(dir), out);
  return { outcome, json: (stack) => JSON.parse(readFileSync(join(out, "stacks", stack, "cdk.tf.json"), "utf8")) as StackJson };
}

const taskStatements = (json: StackJson) =>
  Object.entries(resourcesByName(json, "aws_iam_role_policy"))
    .filter(([k]) => k.includes("task-policy"))
    .flatMap(([, p]) => JSON.parse(p.policy as string).Statement as { Sid: string; Action: string; Resource: string | string[] }[]);
const containerEnvironment = (json: StackJson) => resources(json, "aws_ecs_task_definition").map((d) => d.container_definitions as string);
const ingressPorts = (json: StackJson, sg: string) =>
  resources(json, "aws_vpc_security_group_ingress_rule")
    .filter((r) => String(r.security_group_id).includes(sg))
    .map((r) => r.from_port);
const alarmMetrics = (json: StackJson) => resources(json, "aws_cloudwatch_metric_alarm").map((a) => `${a.namespace}/${a.metric_name}`);

describe("data tier variants", () => {
  let aurora: Synth;
  let postgres: Synth;
  beforeAll(() => {
    aurora = synth(auroraDir());
    postgres = synth(postgresDir());
  });

  it("passes the policy pack with no finding in every variant", () => {
    for (const s of [aurora, postgres]) {
      expect(s.outcome.policy.errors).toEqual([]);
      expect(s.outcome.policy.warnings).toEqual([]);
    }
  });

  it("builds no database and no cache when the app block has neither, and tells the services of neither", () => {
    const dev = aurora.json("workload-dev");
    for (const type of [
      "aws_db_instance",
      "aws_rds_cluster",
      "aws_db_subnet_group",
      "aws_elasticache_replication_group",
      "aws_elasticache_user",
    ])
      expect(resources(dev, type), type).toEqual([]);
    for (const text of containerEnvironment(dev)) {
      expect(text).not.toMatch(/"DB_HOST"|"DB_USER"|"REDIS_HOST"/);
      expect(text).toContain('"name":"DATA_BUCKET"');
    }
    expect(taskStatements(dev).map((s) => s.Action)).not.toContain("rds-db:connect");
    expect(taskStatements(dev).map((s) => s.Sid)).not.toContain("ConnectToCacheWithIam");
    expect(alarmMetrics(dev).filter((m) => m.startsWith("AWS/RDS") || m.startsWith("AWS/ElastiCache"))).toEqual([]);
  });

  it("builds only database and cache types that lz plan-guard guards as stateful (Aurora instances hold no data)", () => {
    const types = ["workload-test", "workload-prod"].flatMap((name) => Object.keys(aurora.json(name).resource ?? {}));
    for (const type of ["aws_rds_cluster", "aws_elasticache_replication_group"]) {
      expect(types).toContain(type);
      expect(STATEFUL_RESOURCE_TYPES).toHaveProperty(type);
    }
    expect(types).toContain("aws_rds_cluster_instance");
    expect(STATEFUL_RESOURCE_TYPES).not.toHaveProperty("aws_rds_cluster_instance");
  });

  it("rejects a Multi-AZ Aurora cluster without a reader to fail over to", () => {
    const dir = referenceWith({
      "test.yaml": replace(TEST_DATABASE, "  database:\n    engine: aurora-mysql\n    instanceClass: db.t4g.medium\n    readReplicas: 0\n"),
    });
    expect(problemsOf(dir)).toEqual([
      expect.stringMatching(
        /^<dir>\/test\.yaml:\d+:\d+ app\.database\.multiAz: a Multi-AZ Aurora cluster needs a reader in another AZ to fail over to .* Write readReplicas: 1 or more, or multiAz: false\.$/,
      ),
    ]);
  });

  it("rejects an instance class Aurora does not offer, an engine version of another engine and storageType outside Aurora", () => {
    const dir = referenceWith({
      "test.yaml": replace(
        TEST_DATABASE,
        '  database:\n    engine: aurora-postgres\n    engineVersion: "8.4"\n    instanceClass: db.t4g.micro\n',
      ),
      "dev.yaml": replace("  database:\n", "  database:\n    storageType: aurora-iopt1\n"),
    });
    expect(problemsOf(dir)).toEqual([
      '<dir>/dev.yaml:53:18 app.database.storageType: storageType is an Aurora setting; rds-mysql uses gp3 storage. Write engine: aurora-mysql or aurora-postgres, or leave storageType out (got string "aurora-iopt1").',
      '<dir>/test.yaml:51:20 app.database.engineVersion: Write an Aurora PostgreSQL 17 or 16 engine version with its minor in quotes, for example engineVersion: "17.7" or "16.9" (got string "8.4").',
    ]);
    const classOnly = referenceWith({
      "test.yaml": replace(TEST_DATABASE, "  database:\n    engine: aurora-postgres\n    instanceClass: db.t4g.micro\n"),
    });
    expect(problemsOf(classOnly)).toEqual([
      "<dir>/test.yaml:51:20 app.database.instanceClass: db.t4g.micro is not an Aurora PostgreSQL instance class. Write one of the db.t4g sizes: db.t4g.medium or db.t4g.large.",
    ]);
  });

  it("builds Aurora PostgreSQL as an encrypted cluster with IAM auth, a managed password, TLS only and a reader in another AZ", () => {
    const test = aurora.json("workload-test");
    expect(resources(test, "aws_db_instance")).toEqual([]);
    const [cluster] = resources(test, "aws_rds_cluster");
    expect(cluster).toMatchObject({
      cluster_identifier: "acme-test-aurora-postgres",
      engine: "aurora-postgresql",
      engine_version: "17.7",
      storage_encrypted: true,
      iam_database_authentication_enabled: true,
      manage_master_user_password: true,
      master_username: "dbadmin",
      port: 5432,
      deletion_protection: true,
      skip_final_snapshot: false,
      final_snapshot_identifier: "acme-test-aurora-postgres-final",
      backup_retention_period: 7,
      enabled_cloudwatch_logs_exports: ["postgresql"],
    });
    expect(cluster!.storage_type).toBeUndefined();
    expect(String(cluster!.kms_key_id)).toMatch(/^\$\{aws_kms_key\.keys_data_key_[0-9A-F]+\.arn\}$/);
    const [group] = resources(test, "aws_rds_cluster_parameter_group");
    expect(group).toMatchObject({ family: "aurora-postgresql17" });
    expect(group!.parameter).toContainEqual({ name: "rds.force_ssl", value: "1" });
    const instances = resources(test, "aws_rds_cluster_instance");
    expect(instances.map((i) => i.identifier)).toEqual(["acme-test-aurora-postgres-1", "acme-test-aurora-postgres-2"]);
    expect(new Set(instances.map((i) => i.availability_zone)).size).toBe(2);
    expect(instances.every((i) => i.publicly_accessible === false && i.instance_class === "db.t4g.medium")).toBe(true);
    // Aurora PostgreSQL supports Performance Insights on every class; encrypted with the data key like the volume.
    expect(
      instances.every((i) => i.performance_insights_enabled === true && i.performance_insights_kms_key_id === cluster!.kms_key_id),
    ).toBe(true);
    expect(ingressPorts(test, "app_database_security-group")).toEqual([5432, 5432]);
    const connect = taskStatements(test).filter((s) => s.Action === "rds-db:connect");
    expect(connect.length).toBe(2);
    for (const s of connect) expect(s.Resource).toMatch(/:dbuser:\$\{aws_rds_cluster\.[^.]+\.cluster_resource_id\}\/(api|jobs)$/);
    for (const text of containerEnvironment(test)) {
      expect(text).toContain('{"name":"DB_PORT","value":"5432"}');
      expect(text).toContain('{"name":"DB_ENGINE","value":"aurora-postgres"}');
      expect(text).toMatch(/"name":"DB_READ_HOSTS","value":"\$\{aws_rds_cluster\.[^.]+\.reader_endpoint\}"/);
    }
    expect(alarmMetrics(test)).toEqual(expect.arrayContaining(["AWS/RDS/AuroraReplicaLag", "AWS/RDS/FreeLocalStorage"]));
    expect(alarmMetrics(test)).not.toContain("AWS/RDS/FreeStorageSpace");
  });

  it("builds a Valkey cache with IAM authentication, TLS and its own names, and tells the services its user", () => {
    const test = aurora.json("workload-test");
    const [group] = resources(test, "aws_elasticache_replication_group");
    expect(group).toMatchObject({
      replication_group_id: "acme-test-valkey",
      engine: "valkey",
      engine_version: "8.0",
      transit_encryption_enabled: true,
      at_rest_encryption_enabled: "true",
      automatic_failover_enabled: true,
    });
    const iamUser = resources(test, "aws_elasticache_user").find((u) => (u.authentication_mode as { type: string }).type === "iam")!;
    expect(iamUser.user_name).toBe("acme-test-valkey-app");
    for (const text of containerEnvironment(test)) expect(text).toContain('{"name":"REDIS_USER","value":"acme-test-valkey-app"}');
    expect(taskStatements(test).filter((s) => s.Sid === "ConnectToCacheWithIam").length).toBe(2);
    expect(ingressPorts(test, "app_cache_security-group")).toEqual([6379, 6379]);
  });

  it("builds prod Aurora MySQL with I/O-Optimized storage, prevent_destroy on the cluster, TLS and the audit log switched on", () => {
    const prod = aurora.json("workload-prod");
    const [cluster] = resources(prod, "aws_rds_cluster");
    expect(cluster).toMatchObject({
      engine: "aurora-mysql",
      engine_version: "8.0",
      storage_type: "aurora-iopt1",
      master_username: "admin",
      port: 3306,
      deletion_protection: true,
      lifecycle: { prevent_destroy: true },
      enabled_cloudwatch_logs_exports: ["audit", "error", "general", "slowquery"],
    });
    const params = resources(prod, "aws_rds_cluster_parameter_group")[0]!;
    expect(params.family).toBe("aurora-mysql8.0");
    expect(params.parameter).toEqual(
      expect.arrayContaining([
        { name: "require_secure_transport", value: "ON" },
        { name: "server_audit_logging", value: "1" },
        { name: "log_output", value: "FILE" },
      ]),
    );
    expect(resources(prod, "aws_rds_cluster_instance").length).toBe(3);
    expect(resources(prod, "aws_rds_cluster_instance").every((i) => i.performance_insights_enabled === true)).toBe(true);
    expect(new Set(resources(prod, "aws_rds_cluster_instance").map((i) => i.availability_zone)).size).toBe(3);
    expect(ingressPorts(prod, "app_database_security-group").every((p) => p === 3306)).toBe(true);
    // The cache section is unchanged: Redis stays.
    expect(resources(prod, "aws_elasticache_replication_group").length).toBe(1);
  });

  it("builds RDS for PostgreSQL in the MySQL shape: primary, replica, rds.force_ssl, PostgreSQL logs, 5432", () => {
    const test = postgres.json("workload-test");
    const instances = resourcesByName(test, "aws_db_instance");
    const primary = Object.values(instances).find((i) => i.replicate_source_db === undefined)!;
    expect(primary).toMatchObject({
      identifier: "acme-test-postgres",
      engine: "postgres",
      engine_version: "17",
      username: "dbadmin",
      manage_master_user_password: true,
      iam_database_authentication_enabled: true,
      storage_encrypted: true,
      enabled_cloudwatch_logs_exports: ["postgresql", "upgrade", "iam-db-auth-error"],
    });
    expect(primary.option_group_name).toBeUndefined();
    expect(Object.keys(instances).length).toBe(2);
    const [group] = resources(test, "aws_db_parameter_group");
    expect(group).toMatchObject({ family: "postgres17" });
    expect(group!.parameter).toContainEqual({ name: "rds.force_ssl", value: "1" });
    expect(resources(test, "aws_db_option_group")).toEqual([]);
    expect(ingressPorts(test, "app_database_security-group")).toEqual([5432, 5432]);
    for (const text of containerEnvironment(test)) expect(text).toContain('{"name":"DB_PORT","value":"5432"}');
  });
});
