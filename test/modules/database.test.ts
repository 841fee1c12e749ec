import { TerraformOutput } from "cdktf";
import { describe, expect, it } from "vitest";
import { mysqlLogSettings, supportsPerformanceInsights } from "../../src/aws/rds-capabilities.js";
import { MysqlDatabase, type MysqlDatabaseProps } from "../../src/modules/database/mysql.js";
import { evaluateRule, SynthStack } from "../../src/policy/index.js";
import { encryptionAtRest } from "../../src/policy/rules/encryption-at-rest.js";
import { rdsLogExports } from "../../src/policy/rules/rds-log-exports.js";
import { rdsPerformanceInsightsClass } from "../../src/policy/rules/rds-performance-insights-class.js";
import { resources, resourcesByName, synthJson, type StackJson } from "../support/synth.js";

const base: MysqlDatabaseProps = {
  identifier: "acme-dev-mysql",
  engineVersion: "8.4",
  instanceClass: "db.t4g.micro",
  allocatedStorageGiB: 20,
  maxAllocatedStorageGiB: 50,
  multiAz: false,
  readReplicas: 0,
  backupRetentionDays: 1,
  backupWindow: "02:00-03:00",
  maintenanceWindow: "sun:03:30-sun:04:30",
  databaseName: "app",
  deletionProtection: false,
  performanceInsights: supportsPerformanceInsights("mysql", "db.t4g.micro") ?? false,
  vpcId: "vpc-1",
  subnetIds: ["subnet-a", "subnet-b"],
  kmsKeyArn: "arn:aws:kms:eu-west-1:222222222222:key/data",
  secretsKmsKeyArn: "arn:aws:kms:eu-west-1:222222222222:key/secrets",
};

const synth = (props: Partial<MysqlDatabaseProps> = {}) =>
  synthJson((s) => {
    const database = new MysqlDatabase(s, "database", { ...base, ...props });
    new TerraformOutput(s, "resource-ids", { value: database.resourceIds });
  });
const findings = (json: StackJson, rule = rdsLogExports) => evaluateRule(rule, new SynthStack("test", json)).map((f) => f.message);

describe("MysqlDatabase", () => {
  it("leaves Performance Insights off on db.t4g.micro, which refuses it, and passes LZ-AWS5", () => {
    const json = synth();
    const [primary] = resources(json, "aws_db_instance");
    expect(primary).toMatchObject({ instance_class: "db.t4g.micro", performance_insights_enabled: false });
    expect(primary!.performance_insights_kms_key_id).toBeUndefined();
    expect(findings(json, rdsPerformanceInsightsClass)).toEqual([]);
  });

  it("turns Performance Insights on, encrypted with the data key, on a class that supports it", () => {
    const json = synth({ instanceClass: "db.r6g.large", performanceInsights: supportsPerformanceInsights("mysql", "db.r6g.large")! });
    expect(resources(json, "aws_db_instance")[0]).toMatchObject({
      performance_insights_enabled: true,
      performance_insights_kms_key_id: base.kmsKeyArn,
      performance_insights_retention_period: 7,
    });
  });

  it("backs every exported log: the audit plugin option group, general_log, slow_query_log and log_output = FILE", () => {
    const json = synth({ readReplicas: 1 });
    const instances = resourcesByName(json, "aws_db_instance");
    const [optionGroupName] = Object.keys(resourcesByName(json, "aws_db_option_group"));
    for (const instance of Object.values(instances)) {
      expect(instance.enabled_cloudwatch_logs_exports).toEqual(["error", "slowquery", "audit", "general"]);
      expect(instance.option_group_name).toBe(`\${aws_db_option_group.${optionGroupName}.name}`);
    }
    const [options] = resources(json, "aws_db_option_group");
    expect(options).toMatchObject({ engine_name: "mysql", major_engine_version: "8.4" });
    expect(options!.option).toEqual([
      { option_name: "MARIADB_AUDIT_PLUGIN", option_settings: [{ name: "SERVER_AUDIT_EVENTS", value: "CONNECT,QUERY_DDL,QUERY_DCL" }] },
    ]);
    const parameters = resources(json, "aws_db_parameter_group")[0]!.parameter as { name: string; value: string }[];
    expect(parameters).toEqual(
      expect.arrayContaining([
        { name: "require_secure_transport", value: "1" },
        { name: "slow_query_log", value: "1" },
        { name: "general_log", value: "1" },
        { name: "log_output", value: "FILE" },
      ]),
    );
    expect(findings(json)).toEqual([]);
  });

  it("derives the settings from the exports, so adding one cannot leave its log empty", () => {
    expect(mysqlLogSettings(["error", "general"])).toEqual({
      parameters: [
        { name: "general_log", value: "1" },
        { name: "log_output", value: "FILE" },
      ],
      options: [],
    });
    expect(mysqlLogSettings(["audit"]).options).toEqual(["MARIADB_AUDIT_PLUGIN"]);
    expect(() => mysqlLogSettings(["postgresql"])).toThrow("RDS for MySQL has no CloudWatch Logs export named postgresql");
  });

  it("creates every instance after the monitoring role's policy, which RDS checks when it creates the instance", () => {
    const json = synth({ readReplicas: 1 });
    const [attachment] = Object.keys(resourcesByName(json, "aws_iam_role_policy_attachment"));
    for (const instance of resources(json, "aws_db_instance"))
      expect(instance.depends_on).toContain(`aws_iam_role_policy_attachment.${attachment}`);
  });

  it("encrypts the primary with the data key and lets the replicas inherit it, passing LZ-ENC1", () => {
    const json = synth({ readReplicas: 1 });
    const instances = resourcesByName(json, "aws_db_instance");
    const primary = Object.entries(instances).find(([a]) => a.startsWith("database_primary_"))![1];
    const replica = Object.entries(instances).find(([a]) => a.startsWith("database_replica-1_"))![1];
    expect(primary).toMatchObject({ storage_encrypted: true, kms_key_id: base.kmsKeyArn });
    expect(replica.storage_encrypted).toBe(true);
    expect(replica.kms_key_id).toBeUndefined();
    expect(findings(json, encryptionAtRest)).toEqual([]);
  });

  it("names its parameter and option groups by prefix, so create_before_destroy can replace them", () => {
    const json = synth();
    for (const type of ["aws_db_parameter_group", "aws_db_option_group"]) {
      const [group] = resources(json, type);
      expect(group, type).toMatchObject({ name_prefix: "acme-dev-mysql-", lifecycle: { create_before_destroy: true } });
      expect(group!.name, type).toBeUndefined();
    }
  });

  it("exposes the resource id of the primary and of every replica, for rds-db:connect", () => {
    const json = synth({ readReplicas: 2 });
    const ids = (json.output as Record<string, { value: string[] }>)["resource-ids"]!.value;
    expect(ids).toEqual(
      ["primary", "replica-1", "replica-2"].map((id) => {
        const address = Object.keys(resourcesByName(json, "aws_db_instance")).find((a) => a.startsWith(`database_${id}_`))!;
        return `\${aws_db_instance.${address}.resource_id}`;
      }),
    );
  });

  it("throws when a pinned engine version has no audit plugin (the config rejects it first)", () => {
    expect(() => synth({ engineVersion: "8.0.25" })).toThrow(
      "engineVersion 8.0.25 has no MariaDB audit plugin (any 8.4, or 8.0.28 or later)",
    );
  });

  it("derives the parameter group family and the option group's major version from the engine version", () => {
    for (const [engineVersion, major] of [
      ["8.4", "8.4"],
      ["8.4.7", "8.4"],
      ["8.0", "8.0"],
      ["8.0.42", "8.0"],
    ] as const) {
      const json = synth({ engineVersion });
      expect(resources(json, "aws_db_instance")[0], engineVersion).toMatchObject({ engine: "mysql", engine_version: engineVersion });
      expect(resources(json, "aws_db_parameter_group")[0], engineVersion).toMatchObject({ family: `mysql${major}` });
      expect(resources(json, "aws_db_option_group")[0], engineVersion).toMatchObject({ engine_name: "mysql", major_engine_version: major });
      expect(findings(json), engineVersion).toEqual([]);
    }
  });
});
