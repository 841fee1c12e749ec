/** Cases of the deploy-readiness rules (AWS constraints beyond the schema) for the database, cache and container rules. */
import { KEY, policy, r, type RuleCase } from "../case.js";

const mysql = (extra: object = {}) => ({ engine: "mysql", instance_class: "db.r6g.large", ...extra });

/** A parameter group with these settings. */
const params = (settings: Record<string, string>) => ({
  family: "mysql8.0",
  name_prefix: "db-",
  parameter: Object.entries(settings).map(([name, value]) => ({ name, value })),
});
const ALL_LOG_SETTINGS = { require_secure_transport: "1", slow_query_log: "1", general_log: "1", log_output: "FILE" };
const AUDIT_OPTIONS = {
  engine_name: "mysql",
  major_engine_version: "8.0",
  name_prefix: "db-",
  option: [{ option_name: "MARIADB_AUDIT_PLUGIN", option_settings: [{ name: "SERVER_AUDIT_EVENTS", value: "CONNECT" }] }],
};
const ALL_EXPORTS = ["error", "slowquery", "audit", "general"];
const withGroups = {
  parameter_group_name: "${aws_db_parameter_group.p.name}",
  option_group_name: "${aws_db_option_group.o.name}",
  enabled_cloudwatch_logs_exports: ALL_EXPORTS,
};

/** A task definition whose one container injects `secrets` (name → valueFrom), run by execution role `exec`. */
const task = (secrets: Record<string, string>, extra: object = {}, container: object = {}) => ({
  family: "app",
  execution_role_arn: "${aws_iam_role.exec.arn}",
  container_definitions: JSON.stringify([
    {
      name: "app",
      image: "x",
      ...(Object.keys(secrets).length > 0 ? { secrets: Object.entries(secrets).map(([name, valueFrom]) => ({ name, valueFrom })) } : {}),
      ...container,
    },
  ]),
  ...extra,
});
const execRole = { exec: { name: "app-execution", assume_role_policy: "{}" } };
/** The execution role's inline policy with these statements. */
const execPolicy = (statements: object[]) => ({
  exec: { role: "${aws_iam_role.exec.name}", name: "pull-log-secrets", policy: policy(statements) },
});
const SECRET = "${aws_secretsmanager_secret.redis.arn}";
const secretsmanagerSecret = (extra: object = {}) => ({ redis: { name: "app/redis-auth-token", kms_key_id: KEY, ...extra } });
const READ_SECRET = { Sid: "ReadSecrets", Effect: "Allow", Action: "secretsmanager:GetSecretValue", Resource: [SECRET] };
const DECRYPT = { Sid: "DecryptSecrets", Effect: "Allow", Action: "kms:Decrypt", Resource: [KEY] };
const PAYMENT = "arn:aws:secretsmanager:eu-west-1:444444444444:secret:acme-prod/payment-api-key-AbCdEf";

const encryptedTopic = { alerts: { name: "alerts", kms_master_key_id: "${aws_kms_key.logs.arn}" } };

/** Cases per rule id. */
export const DATA_READINESS_CASES: Readonly<Record<string, readonly RuleCase[]>> = {
  "LZ-AWS5": [
    {
      name: "Performance Insights on a large MySQL class",
      json: r({ aws_db_instance: { db: mysql({ performance_insights_enabled: true }) } }),
      address: "aws_db_instance.db",
      expect: "compliant",
    },
    {
      name: "Performance Insights on db.t4g.micro (the dev database of issue 11)",
      json: r({ aws_db_instance: { db: mysql({ instance_class: "db.t4g.micro", performance_insights_enabled: true }) } }),
      address: "aws_db_instance.db",
      expect: "non-compliant",
      message: "db.t4g.micro, which does not support Performance Insights for mysql",
    },
    {
      name: "a db.t3.small read replica with Performance Insights, its engine taken from the primary",
      json: r({
        aws_db_instance: {
          db: mysql(),
          replica: {
            instance_class: "db.t3.small",
            replicate_source_db: "${aws_db_instance.db.identifier}",
            performance_insights_enabled: true,
          },
        },
      }),
      address: "aws_db_instance.replica",
      expect: "non-compliant",
      message: "db.t3.small",
    },
    {
      name: "an Aurora MySQL instance on db.t3.medium with Performance Insights",
      json: r({
        aws_rds_cluster_instance: { a: { engine: "aurora-mysql", instance_class: "db.t3.medium", performance_insights_enabled: true } },
      }),
      address: "aws_rds_cluster_instance.a",
      expect: "non-compliant",
      message: "aurora-mysql",
    },
    {
      name: "Database Insights advanced mode on db.t4g.small",
      json: r({ aws_db_instance: { db: mysql({ instance_class: "db.t4g.small", database_insights_mode: "advanced" }) } }),
      address: "aws_db_instance.db",
      expect: "non-compliant",
      message: 'database_insights_mode = "advanced"',
    },
    {
      name: "db.t4g.micro with Performance Insights off",
      json: r({ aws_db_instance: { db: mysql({ instance_class: "db.t4g.micro", performance_insights_enabled: false }) } }),
      address: "aws_db_instance.db",
      expect: "not-applicable",
    },
    {
      name: "an engine the capability table does not cover",
      json: r({ aws_db_instance: { db: { engine: "postgres", instance_class: "db.t4g.micro", performance_insights_enabled: true } } }),
      address: "aws_db_instance.db",
      expect: "not-applicable",
    },
  ],
  "LZ-AWS6": [
    {
      name: "an Aurora MySQL cluster exporting all four logs, each switched on in its cluster parameter group",
      json: r({
        aws_rds_cluster: {
          c: {
            engine: "aurora-mysql",
            db_cluster_parameter_group_name: "${aws_rds_cluster_parameter_group.p.name}",
            enabled_cloudwatch_logs_exports: ALL_EXPORTS,
          },
        },
        aws_rds_cluster_parameter_group: {
          p: {
            ...params({ server_audit_logging: "1", slow_query_log: "1", general_log: "1", log_output: "FILE" }),
            family: "aurora-mysql8.0",
          },
        },
      }),
      address: "aws_rds_cluster.c",
      expect: "compliant",
    },
    {
      name: "an Aurora MySQL cluster exporting the audit log without Advanced Auditing switched on",
      json: r({
        aws_rds_cluster: {
          c: {
            engine: "aurora-mysql",
            db_cluster_parameter_group_name: "${aws_rds_cluster_parameter_group.p.name}",
            enabled_cloudwatch_logs_exports: ["audit"],
          },
        },
        aws_rds_cluster_parameter_group: { p: { ...params({ require_secure_transport: "ON" }), family: "aurora-mysql8.0" } },
      }),
      address: "aws_rds_cluster.c",
      expect: "non-compliant",
      message: '"audit" is exported, but aws_rds_cluster_parameter_group.p does not set server_audit_logging = 1',
    },
    {
      name: "an Aurora MySQL cluster exporting the slow query log from the default cluster parameter group",
      json: r({ aws_rds_cluster: { c: { engine: "aurora-mysql", enabled_cloudwatch_logs_exports: ["slowquery"] } } }),
      address: "aws_rds_cluster.c",
      expect: "non-compliant",
      message: "the cluster names no parameter group (the default one does not set slow_query_log = 1)",
    },
    {
      name: "an Aurora PostgreSQL cluster (its postgresql log needs no setting)",
      json: r({ aws_rds_cluster: { c: { engine: "aurora-postgresql", enabled_cloudwatch_logs_exports: ["postgresql"] } } }),
      address: "aws_rds_cluster.c",
      expect: "not-applicable",
    },
    {
      name: "all four logs exported, backed by the audit plugin option group and the log parameters",
      json: r({
        aws_db_instance: { db: mysql(withGroups) },
        aws_db_parameter_group: { p: params(ALL_LOG_SETTINGS) },
        aws_db_option_group: { o: AUDIT_OPTIONS },
      }),
      address: "aws_db_instance.db",
      expect: "compliant",
    },
    {
      name: "audit and general exported with no option group and without general_log (the databases of issue 11)",
      json: r({
        aws_db_instance: {
          db: mysql({ parameter_group_name: "${aws_db_parameter_group.p.name}", enabled_cloudwatch_logs_exports: ALL_EXPORTS }),
        },
        aws_db_parameter_group: { p: params({ require_secure_transport: "1", slow_query_log: "1" }) },
      }),
      address: "aws_db_instance.db",
      expect: "non-compliant",
      message: '"audit" is exported, but the instance names no option group (the default one has no MARIADB_AUDIT_PLUGIN option)',
    },
    {
      name: "general exported while the parameter group leaves general_log off",
      json: r({
        aws_db_instance: { db: mysql(withGroups) },
        aws_db_parameter_group: { p: params({ slow_query_log: "1", log_output: "FILE" }) },
        aws_db_option_group: { o: AUDIT_OPTIONS },
      }),
      address: "aws_db_instance.db",
      expect: "non-compliant",
      message: '"general" is exported, but aws_db_parameter_group.p does not set general_log = 1',
    },
    {
      name: "slow query and general logs written to a table (log_output not FILE)",
      json: r({
        aws_db_instance: { db: mysql(withGroups) },
        aws_db_parameter_group: { p: params({ slow_query_log: "1", general_log: "1", log_output: "TABLE" }) },
        aws_db_option_group: { o: AUDIT_OPTIONS },
      }),
      address: "aws_db_instance.db",
      expect: "non-compliant",
      message: '"slowquery" and "general" are exported, but aws_db_parameter_group.p does not set log_output = FILE',
    },
    {
      name: "the slow query log exported from the default parameter group",
      json: r({ aws_db_instance: { db: mysql({ enabled_cloudwatch_logs_exports: ["slowquery"] }) } }),
      address: "aws_db_instance.db",
      expect: "non-compliant",
      message: "the instance names no parameter group (the default one does not set slow_query_log = 1)",
    },
    {
      name: "an option group without the audit plugin",
      json: r({
        aws_db_instance: { db: mysql(withGroups) },
        aws_db_parameter_group: { p: params(ALL_LOG_SETTINGS) },
        aws_db_option_group: { o: { ...AUDIT_OPTIONS, option: [] } },
      }),
      address: "aws_db_instance.db",
      expect: "non-compliant",
      message: "aws_db_option_group.o has no MARIADB_AUDIT_PLUGIN option",
    },
    {
      name: "a read replica without groups of its own, using its primary's",
      json: r({
        aws_db_instance: {
          db: mysql(withGroups),
          replica: {
            instance_class: "db.r6g.large",
            replicate_source_db: "${aws_db_instance.db.identifier}",
            enabled_cloudwatch_logs_exports: ALL_EXPORTS,
          },
        },
        aws_db_parameter_group: { p: params(ALL_LOG_SETTINGS) },
        aws_db_option_group: { o: AUDIT_OPTIONS },
      }),
      address: "aws_db_instance.replica",
      expect: "compliant",
    },
    {
      name: "groups named by literal names the stack holds, and MariaDB's log_slow_query",
      json: r({
        aws_db_instance: {
          db: {
            engine: "mariadb",
            parameter_group_name: "maria-logs",
            option_group_name: "maria-audit",
            enabled_cloudwatch_logs_exports: ["audit", "slowquery"],
          },
        },
        aws_db_parameter_group: {
          p: {
            family: "mariadb10.11",
            name: "maria-logs",
            parameter: [
              { name: "log_slow_query", value: "ON" },
              { name: "log_output", value: "file" },
            ],
          },
        },
        aws_db_option_group: { o: { ...AUDIT_OPTIONS, engine_name: "mariadb", name: "maria-audit" } },
      }),
      address: "aws_db_instance.db",
      expect: "compliant",
    },
    {
      name: "only the error log exported",
      json: r({ aws_db_instance: { db: mysql({ enabled_cloudwatch_logs_exports: ["error"] }) } }),
      address: "aws_db_instance.db",
      expect: "not-applicable",
    },
    {
      name: "groups made outside the stack",
      json: r({
        aws_db_instance: {
          db: mysql({
            parameter_group_name: "shared-logs",
            option_group_name: "shared-audit",
            enabled_cloudwatch_logs_exports: ALL_EXPORTS,
          }),
        },
      }),
      address: "aws_db_instance.db",
      expect: "not-applicable",
    },
  ],
  "LZ-AWS7": [
    {
      name: "a secret injected by reference and granted by the same reference, with its KMS key",
      json: r({
        aws_ecs_task_definition: { t: task({ REDIS_AUTH_TOKEN: SECRET }) },
        aws_iam_role: execRole,
        aws_iam_role_policy: execPolicy([READ_SECRET, DECRYPT]),
        aws_secretsmanager_secret: secretsmanagerSecret(),
      }),
      address: "aws_ecs_task_definition.t",
      expect: "compliant",
    },
    {
      name: "a secret injected by reference that the ARN filter dropped from the grant (the tasks of issue 11)",
      json: r({
        aws_ecs_task_definition: { t: task({ REDIS_AUTH_TOKEN: SECRET, PAYMENT_API_KEY: PAYMENT }) },
        aws_iam_role: execRole,
        aws_iam_role_policy: execPolicy([{ ...READ_SECRET, Resource: [PAYMENT] }, DECRYPT]),
        aws_secretsmanager_secret: secretsmanagerSecret(),
      }),
      address: "aws_ecs_task_definition.t",
      expect: "non-compliant",
      message:
        "container app, secret REDIS_AUTH_TOKEN reads ${aws_secretsmanager_secret.redis.arn}, but the execution role aws_iam_role.exec is not allowed secretsmanager:GetSecretValue on it",
    },
    {
      name: "one JSON key of a secret, granted on the secret through an attached customer managed policy with a wildcard",
      json: r({
        aws_ecs_task_definition: { t: task({ DB_PASSWORD: `${PAYMENT}:password::` }) },
        aws_iam_role: execRole,
        aws_iam_policy: {
          secrets: {
            name: "read-secrets",
            policy: policy([
              {
                Effect: "Allow",
                Action: "secretsmanager:Get*",
                Resource: "arn:aws:secretsmanager:eu-west-1:444444444444:secret:acme-prod/*",
              },
            ]),
          },
        },
        aws_iam_role_policy_attachment: {
          a: { role: "${aws_iam_role.exec.name}", policy_arn: "${aws_iam_policy.secrets.arn}" },
          managed: {
            role: "${aws_iam_role.exec.name}",
            policy_arn: "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy",
          },
        },
      }),
      address: "aws_ecs_task_definition.t",
      expect: "compliant",
    },
    {
      name: "an SSM parameter without ssm:GetParameters",
      json: r({
        aws_ecs_task_definition: { t: task({ PARTNER_TOKEN: "arn:aws:ssm:eu-west-1:444444444444:parameter/acme-prod/partner-token" }) },
        aws_iam_role: execRole,
        aws_iam_role_policy: execPolicy([{ Effect: "Allow", Action: "secretsmanager:GetSecretValue", Resource: "*" }]),
      }),
      address: "aws_ecs_task_definition.t",
      expect: "non-compliant",
      message: "is not allowed ssm:GetParameters on it",
    },
    {
      name: "a secret encrypted with a customer managed key the execution role may not use",
      json: r({
        aws_ecs_task_definition: { t: task({ REDIS_AUTH_TOKEN: SECRET }) },
        aws_iam_role: execRole,
        aws_iam_role_policy: execPolicy([READ_SECRET]),
        aws_secretsmanager_secret: secretsmanagerSecret({ kms_key_id: "${aws_kms_key.secrets.arn}" }),
        aws_kms_key: { secrets: { policy: policy([]) } },
      }),
      address: "aws_ecs_task_definition.t",
      expect: "non-compliant",
      message: "is encrypted with ${aws_kms_key.secrets.arn}, but the execution role aws_iam_role.exec is not allowed kms:Decrypt on it",
    },
    {
      name: "a key whose key policy lets the execution role decrypt, and a secret version referenced instead of the secret",
      json: r({
        aws_ecs_task_definition: { t: task({ REDIS_AUTH_TOKEN: "${aws_secretsmanager_secret_version.v.arn}" }) },
        aws_iam_role: execRole,
        aws_iam_role_policy: execPolicy([{ ...READ_SECRET, Resource: "${aws_secretsmanager_secret.redis.id}" }]),
        aws_secretsmanager_secret: secretsmanagerSecret({ kms_key_id: "${aws_kms_key.secrets.arn}" }),
        aws_secretsmanager_secret_version: { v: { secret_id: "${aws_secretsmanager_secret.redis.id}", secret_string: "x" } },
        aws_kms_key: {
          secrets: {
            policy: policy([{ Effect: "Allow", Principal: { AWS: "${aws_iam_role.exec.arn}" }, Action: "kms:Decrypt", Resource: "*" }]),
          },
        },
      }),
      address: "aws_ecs_task_definition.t",
      expect: "compliant",
    },
    {
      name: "container definitions holding an interpolation with quotes, and a log driver secret without a grant",
      json: r({
        aws_ecs_task_definition: {
          t: {
            execution_role_arn: "${aws_iam_role.exec.arn}",
            // As cdktf renders Fn.join inside JSON.stringify: the interpolation's quotes are not escaped, so the text
            // is JSON only after Terraform evaluates it.
            container_definitions:
              '[{"name":"app","image":"x","environment":[{"name":"DB_READ_HOSTS","value":"${join(",", [aws_db_instance.r.address])}"}],' +
              `"logConfiguration":{"logDriver":"splunk","secretOptions":[{"name":"splunk-token","valueFrom":"${PAYMENT}"}]}}]`,
          },
        },
        aws_iam_role: execRole,
        aws_iam_role_policy: execPolicy([]),
      }),
      address: "aws_ecs_task_definition.t",
      expect: "non-compliant",
      message: "container app, log option splunk-token reads",
    },
    {
      name: "secrets but no execution role",
      json: r({ aws_ecs_task_definition: { t: task({ PAYMENT_API_KEY: PAYMENT }, { execution_role_arn: undefined }) } }),
      address: "aws_ecs_task_definition.t",
      expect: "non-compliant",
      message: "has no execution_role_arn",
    },
    {
      name: "a task without secrets",
      json: r({ aws_ecs_task_definition: { t: task({}) }, aws_iam_role: execRole }),
      address: "aws_ecs_task_definition.t",
      expect: "not-applicable",
    },
    {
      name: "an execution role made outside the stack",
      json: r({
        aws_ecs_task_definition: {
          t: task({ PAYMENT_API_KEY: PAYMENT }, { execution_role_arn: "arn:aws:iam::444444444444:role/shared-execution" }),
        },
      }),
      address: "aws_ecs_task_definition.t",
      expect: "not-applicable",
    },
  ],
  "LZ-AWS8": [
    {
      name: "a replication group notifying the KMS-encrypted alert topic (the caches of issue 11)",
      json: r({
        aws_elasticache_replication_group: { cache: { notification_topic_arn: "${aws_sns_topic.alerts.arn}" } },
        aws_sns_topic: encryptedTopic,
      }),
      address: "aws_elasticache_replication_group.cache",
      expect: "non-compliant",
      message: "ElastiCache cannot publish to an encrypted topic",
    },
    {
      name: "a Memcached cluster notifying an encrypted topic",
      json: r({ aws_elasticache_cluster: { c: { notification_topic_arn: "${aws_sns_topic.alerts.arn}" } }, aws_sns_topic: encryptedTopic }),
      address: "aws_elasticache_cluster.c",
      expect: "non-compliant",
      message: "aws_sns_topic.alerts",
    },
    {
      name: "a topic without encryption (LZ-ENC1 judges the topic itself)",
      json: r({
        aws_elasticache_replication_group: { cache: { notification_topic_arn: "${aws_sns_topic.plain.arn}" } },
        aws_sns_topic: { plain: { name: "cache-events" } },
      }),
      address: "aws_elasticache_replication_group.cache",
      expect: "compliant",
    },
    {
      name: "a replication group without notifications",
      json: r({ aws_elasticache_replication_group: { cache: { transit_encryption_enabled: true } } }),
      address: "aws_elasticache_replication_group.cache",
      expect: "not-applicable",
    },
    {
      name: "a topic made outside the stack",
      json: r({ aws_elasticache_replication_group: { cache: { notification_topic_arn: "arn:aws:sns:eu-west-1:444444444444:ops" } } }),
      address: "aws_elasticache_replication_group.cache",
      expect: "not-applicable",
    },
  ],
};
