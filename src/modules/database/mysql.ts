/**
 * RDS for MySQL 8.4 (or 8.0, which costs RDS Extended Support), or RDS for PostgreSQL 17 or 16 (`engine`): a primary in the private data subnets (optionally
 * Multi-AZ, a synchronous standby in another AZ) and asynchronous read replicas created with `replicate_source_db`.
 *
 * - storage encrypted with the given KMS key (the replicas with the primary's: a replica in its source's Region must not
 *   name a key, CreateDBInstanceReadReplica `KmsKeyId`,
 *   https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CreateDBInstanceReadReplica.html); Performance Insights (where the instance class supports it, which
 *   the caller decides: `performanceInsights`) encrypted with it too;
 * - the master password generated and kept by RDS in Secrets Manager (`manage_master_user_password`: the
 *   password is never in the Terraform state), encrypted with the secrets key; applications connect with IAM
 *   database authentication, to the primary and to every replica (`resourceIds`), as users created
 *   `IDENTIFIED WITH AWSAuthenticationPlugin` (named explicitly, so MySQL 8.4's `authentication_policy`, which
 *   only picks the plugin of users created without one, does not change them);
 * - a parameter group of family `mysql<X.Y>` (`mysql8.4`) with `require_secure_transport = 1` (TLS only) and the
 *   settings each exported log needs; every parameter it sets is a MySQL 8.4 and 8.0 system variable (8.4 removed
 *   others, such as `default_authentication_plugin`, which this group does not set);
 * - enhanced monitoring (60 s) through a dedicated role, created with its policy before the instances; error, slow query, audit and general logs exported to
 *   CloudWatch Logs, each backed by what it needs to have entries (`mysqlLogSettings`, "Publishing MySQL logs to
 *   Amazon CloudWatch Logs", https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_LogAccess.MySQLDB.PublishtoCloudWatchLogs.html):
 *   `slow_query_log`, `general_log` and `log_output = FILE` in the parameter group, and an option group
 *   (`major_engine_version` `X.Y`) with the MariaDB audit plugin (every MySQL 8.4 version, 8.0.28 or later,
 *   https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Appendix.MySQL.Options.html);
 * - parameter and option groups named by `name_prefix`, so `create_before_destroy` can create the replacement
 *   (a new family) before the old group is gone, without `AlreadyExists`;
 * - backups per `backupRetentionDays`, `copy_tags_to_snapshot`; deletion protection and a final snapshot
 *   when `deletionProtection` is set, `lifecycle.prevent_destroy` when `preventDestroy` is;
 * - a security group admitting 3306 only from the given security groups.
 */
import { DbInstance } from "@cdktf/provider-aws/lib/db-instance";
import { DbOptionGroup } from "@cdktf/provider-aws/lib/db-option-group";
import { DbParameterGroup } from "@cdktf/provider-aws/lib/db-parameter-group";
import { DbSubnetGroup } from "@cdktf/provider-aws/lib/db-subnet-group";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment";
import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { Construct } from "constructs";
import { AUDIT_PLUGIN_OPTION, mysqlLogSettings, mysqlSupportsAuditPlugin } from "../../aws/rds-capabilities.js";
import { parameterGroupFamily } from "../../aws/rds-engine-versions.js";
import { policyJson, serviceAssumesRole } from "../iam/index.js";
import type { DatabaseCommonProps } from "./common.js";
import { admitFromSecurityGroup } from "../vpc/security-group-rules.js";

/** Log types exported to CloudWatch Logs. */
export const MYSQL_LOG_EXPORTS = ["error", "slowquery", "audit", "general"] as const;

/**
 * Events the audit plugin records (`SERVER_AUDIT_EVENTS`): connections (and failed logins), DDL and
 * privilege changes; not every query, whose volume would dwarf the rest.
 */
export const MYSQL_AUDIT_EVENTS = "CONNECT,QUERY_DDL,QUERY_DCL";

/** Log types exported to CloudWatch Logs by RDS for PostgreSQL (`engine: "postgres"`). */
export const POSTGRES_LOG_EXPORTS = ["postgresql", "upgrade", "iam-db-auth-error"] as const;

/** Props of {@link MysqlDatabase}. */
export interface MysqlDatabaseProps extends DatabaseCommonProps {
  /**
   * `mysql`, or `postgres` for RDS for PostgreSQL in the same shape: a parameter group of family
   * `postgres<major>` with `rds.force_ssl = 1` (TLS only,
   * https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/PostgreSQL.Concepts.General.SSL.html) and
   * `log_min_duration_statement` (slow statements), no option group (RDS for PostgreSQL has no options the
   * logs need), {@link POSTGRES_LOG_EXPORTS} to CloudWatch Logs, port 5432 and the master user `dbadmin`.
   * @default "mysql"
   */
  readonly engine?: "mysql" | "postgres";
  /** RDS identifier of the primary; replicas are `<identifier>-replica-<n>`. */
  readonly identifier: string;
  /**
   * "8.4", "8.4.x", "8.0" or "8.0.x": a major version alone means its newest minor (upgraded automatically). Its
   * `X.Y` names the parameter group family (`mysql8.4`) and the option group's `major_engine_version` (`8.4`).
   */
  readonly engineVersion: string;
  readonly allocatedStorageGiB: number;
  readonly maxAllocatedStorageGiB: number;
  /**
   * `lifecycle.prevent_destroy` on every instance, primary and replicas (prod): a plan that would delete one
   * fails. Deletion protection and the final snapshot are `deletionProtection`. @default false
   */
  readonly preventDestroy?: boolean;
  /** Security groups admitted on the port (the services); more with `allowFrom`. @default [] */
  readonly clientSecurityGroupIds?: readonly string[];
}

/** A MySQL primary, its read replicas, parameter and subnet groups, security group and monitoring role. */
export class MysqlDatabase extends Construct {
  /** The primary `aws_db_instance`. */
  readonly primary: DbInstance;
  readonly replicas: readonly DbInstance[];
  /** RDS identifiers (the `DBInstanceIdentifier` metric dimension): primary first. */
  readonly instanceIdentifiers: readonly string[];
  readonly endpointAddress: string;
  readonly replicaEndpointAddresses: readonly string[];
  /** `DbiResourceId` of the primary, for `rds-db:connect` ARNs. */
  readonly resourceId: string;
  /** `DbiResourceId` of every instance an application connects to, primary first, then each replica. */
  readonly resourceIds: readonly string[];
  readonly securityGroupId: string;
  /** ARN of the RDS-managed master user secret. */
  readonly masterUserSecretArn: string;
  /** 3306 (MySQL) or 5432 (PostgreSQL). */
  readonly port: number;
  private readonly label: string;

  constructor(scope: Construct, id: string, props: MysqlDatabaseProps) {
    super(scope, id);
    const engine = props.engine ?? "mysql";
    const postgres = engine === "postgres";
    this.port = postgres ? 5432 : 3306;
    this.label = postgres ? "PostgreSQL" : "MySQL";
    const partition = props.partition ?? "aws";
    const lifecycle = props.preventDestroy ? { lifecycle: { preventDestroy: true } } : {};
    const sg = new SecurityGroup(this, "security-group", {
      name: `${props.identifier}`,
      description: `${this.label}: ${this.port} from the app services only`,
      vpcId: props.vpcId,
      tags: { Name: props.identifier },
    });
    this.securityGroupId = sg.id;
    for (const [i, client] of (props.clientSecurityGroupIds ?? []).entries()) this.allowFrom(`client-${i}`, client);
    const subnets = new DbSubnetGroup(this, "subnet-group", {
      name: props.identifier,
      subnetIds: [...props.subnetIds],
      tags: { Name: props.identifier },
    });
    const majorVersion = props.engineVersion.split(".").slice(0, 2).join(".");
    const logs = postgres ? { parameters: [], options: [] } : mysqlLogSettings(MYSQL_LOG_EXPORTS);
    if (!postgres && logs.options.includes(AUDIT_PLUGIN_OPTION) && mysqlSupportsAuditPlugin(props.engineVersion) === false)
      throw new Error(
        `MysqlDatabase ${props.identifier}: engineVersion ${props.engineVersion} has no MariaDB audit plugin (any 8.4, or 8.0.28 or later)`,
      );
    const parameters = new DbParameterGroup(this, "parameter-group", {
      namePrefix: `${props.identifier}-`,
      family: parameterGroupFamily(engine, props.engineVersion),
      description: postgres
        ? `${props.identifier}: TLS only, statements slower than 2 s logged`
        : `${props.identifier}: TLS only, logs to files for CloudWatch Logs`,
      parameter: postgres
        ? [
            { name: "rds.force_ssl", value: "1" },
            { name: "log_min_duration_statement", value: "2000" },
          ]
        : [{ name: "require_secure_transport", value: "1" }, ...logs.parameters, { name: "long_query_time", value: "2" }],
      lifecycle: { createBeforeDestroy: true },
    });
    const options = postgres
      ? undefined
      : new DbOptionGroup(this, "option-group", {
          namePrefix: `${props.identifier}-`,
          engineName: "mysql",
          majorEngineVersion: majorVersion,
          optionGroupDescription: `${props.identifier}: MariaDB audit plugin for the audit log`,
          option: logs.options.map((optionName) => ({
            optionName,
            optionSettings: optionName === AUDIT_PLUGIN_OPTION ? [{ name: "SERVER_AUDIT_EVENTS", value: MYSQL_AUDIT_EVENTS }] : [],
          })),
          lifecycle: { createBeforeDestroy: true },
        });
    const monitoring = new IamRole(this, "monitoring-role", {
      name: `${props.identifier}-monitoring`,
      assumeRolePolicy: policyJson([serviceAssumesRole("monitoring.rds.amazonaws.com")]),
    });
    const monitoringPolicy = new IamRolePolicyAttachment(this, "monitoring-policy", {
      role: monitoring.name,
      policyArn: `arn:${partition}:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole`,
    });
    const common = {
      instanceClass: props.instanceClass,
      storageType: "gp3",
      // On a replica too: the provider reads it back as true, and it forces replacement when it differs.
      storageEncrypted: true,
      vpcSecurityGroupIds: [sg.id],
      parameterGroupName: parameters.name,
      ...(options ? { optionGroupName: options.name } : {}),
      iamDatabaseAuthenticationEnabled: true,
      performanceInsightsEnabled: props.performanceInsights,
      ...(props.performanceInsights ? { performanceInsightsKmsKeyId: props.kmsKeyArn, performanceInsightsRetentionPeriod: 7 } : {}),
      monitoringInterval: 60,
      monitoringRoleArn: monitoring.arn,
      enabledCloudwatchLogsExports: postgres ? [...POSTGRES_LOG_EXPORTS] : [...MYSQL_LOG_EXPORTS],
      copyTagsToSnapshot: true,
      autoMinorVersionUpgrade: true,
      publiclyAccessible: false,
      deletionProtection: props.deletionProtection,
      maintenanceWindow: props.maintenanceWindow,
      // RDS checks the monitoring role's permissions at CreateDBInstance: without the attachment in place it fails
      // with "IAM role ARN value is invalid or does not include the required permissions for: ENHANCED_MONITORING".
      dependsOn: [monitoringPolicy],
      ...lifecycle,
    };
    this.primary = new DbInstance(this, "primary", {
      ...common,
      kmsKeyId: props.kmsKeyArn,
      identifier: props.identifier,
      engine,
      engineVersion: props.engineVersion,
      allocatedStorage: props.allocatedStorageGiB,
      maxAllocatedStorage: props.maxAllocatedStorageGiB,
      dbName: props.databaseName,
      // MySQL keeps the shipped "admin"; PostgreSQL gets "dbadmin", which is no PostgreSQL keyword (RDS refuses reserved
      // words as master user names, and ADMIN is a PostgreSQL keyword).
      username: postgres ? "dbadmin" : "admin",
      manageMasterUserPassword: true,
      masterUserSecretKmsKeyId: props.secretsKmsKeyArn,
      multiAz: props.multiAz,
      dbSubnetGroupName: subnets.name,
      backupRetentionPeriod: props.backupRetentionDays,
      backupWindow: props.backupWindow,
      skipFinalSnapshot: !props.deletionProtection,
      ...(props.deletionProtection ? { finalSnapshotIdentifier: `${props.identifier}-final` } : {}),
      tags: { Name: props.identifier, Role: "primary" },
    });
    this.replicas = Array.from({ length: props.readReplicas }, (_, i) => {
      const name = `${props.identifier}-replica-${i + 1}`;
      return new DbInstance(this, `replica-${i + 1}`, {
        ...common,
        identifier: name,
        replicateSourceDb: this.primary.identifier,
        multiAz: false,
        backupRetentionPeriod: 0,
        skipFinalSnapshot: true,
        tags: { Name: name, Role: "read-replica" },
      });
    });
    this.instanceIdentifiers = [props.identifier, ...this.replicas.map((_, i) => `${props.identifier}-replica-${i + 1}`)];
    this.endpointAddress = this.primary.address;
    this.replicaEndpointAddresses = this.replicas.map((r) => r.address);
    this.resourceId = this.primary.resourceId;
    this.resourceIds = [this.primary.resourceId, ...this.replicas.map((r) => r.resourceId)];
    this.masterUserSecretArn = this.primary.masterUserSecret.get(0).secretArn;
  }

  /** Admits {@link port} from security group `securityGroupId`; `key` names the rule (construct id `ingress-<key>`). */
  allowFrom(key: string, securityGroupId: string): void {
    admitFromSecurityGroup(this, key, {
      securityGroupId: this.securityGroupId,
      fromSecurityGroupId: securityGroupId,
      port: this.port,
      label: this.label,
    });
  }
}
