/**
 * An Aurora MySQL (version 3, MySQL 8.0 compatible) or Aurora PostgreSQL cluster in the private data subnets: one
 * `aws_rds_cluster` and its `aws_rds_cluster_instance`s, the first the initial writer, the others readers spread
 * over the other AZs (https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Concepts.AuroraHighAvailability.html).
 *
 * - the cluster volume encrypted with the given KMS key (`storage_encrypted`, `kms_key_id`), and Performance
 *   Insights (where the caller turns it on) with it too;
 * - the master password generated and kept by RDS in Secrets Manager (`manage_master_user_password`), encrypted
 *   with the secrets key; applications connect with IAM database authentication
 *   (https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/UsingWithRDS.IAMDBAuth.html), whose
 *   `rds-db:connect` resource names the cluster's resource id (`resourceIds`);
 * - a cluster parameter group that refuses plain connections: `require_secure_transport = ON` for Aurora MySQL
 *   (https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/AuroraMySQL.Security.html), `rds.force_ssl = 1`
 *   for Aurora PostgreSQL (https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/AuroraPostgreSQL.Security.html),
 *   plus what each exported log needs: Aurora MySQL's audit, error, general and slow query logs need
 *   `server_audit_logging`, `general_log`, `slow_query_log` and `log_output = FILE`
 *   (https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/AuroraMySQL.Integrating.CloudWatch.html);
 *   Aurora PostgreSQL exports its `postgresql` log;
 * - Aurora Standard or I/O-Optimized storage (`storageType`), backups per `backupRetentionDays`,
 *   `copy_tags_to_snapshot`, deletion protection and a final snapshot when `deletionProtection`, and
 *   `lifecycle.prevent_destroy` on the cluster when `preventDestroy` (the instances hold no data: the cluster
 *   volume does, see src/plan-guard/stateful.ts);
 * - enhanced monitoring (60 s) through a dedicated role, attached before the instances are created;
 * - a security group admitting the engine's port (3306 or 5432) only from the given security groups.
 */
import { DbSubnetGroup } from "@cdktf/provider-aws/lib/db-subnet-group";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment";
import { RdsCluster } from "@cdktf/provider-aws/lib/rds-cluster";
import { RdsClusterInstance } from "@cdktf/provider-aws/lib/rds-cluster-instance";
import { RdsClusterParameterGroup } from "@cdktf/provider-aws/lib/rds-cluster-parameter-group";
import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { Construct } from "constructs";
import { parameterGroupFamily } from "../../aws/rds-engine-versions.js";
import { policyJson, serviceAssumesRole } from "../iam/index.js";
import type { DatabaseCommonProps } from "./common.js";
import { admitFromSecurityGroup } from "../vpc/security-group-rules.js";

/** Log types an Aurora cluster exports to CloudWatch Logs, per engine. */
export const AURORA_LOG_EXPORTS = {
  "aurora-mysql": ["audit", "error", "general", "slowquery"],
  "aurora-postgresql": ["postgresql"],
} as const;

/** Events the Aurora MySQL advanced audit records (`server_audit_events`): connections, DDL and privilege changes. */
export const AURORA_MYSQL_AUDIT_EVENTS = "CONNECT,QUERY_DDL,QUERY_DCL";

/** Props of {@link AuroraCluster}. */
export interface AuroraClusterProps extends DatabaseCommonProps {
  readonly engine: "aurora-mysql" | "aurora-postgresql";
  /** Cluster identifier; instances are `<identifier>-<n>`, n from 1. */
  readonly identifier: string;
  /**
   * `8.0` or `8.0.mysql_aurora.3.xx.y` (Aurora MySQL), `17.x` or `16.x` (Aurora PostgreSQL). A less specific version
   * stays in `engine_version` and the running one is `engine_version_actual`, so an automatic minor upgrade shows no
   * diff (provider PR https://github.com/hashicorp/terraform-provider-aws/pull/20211); a pinned Aurora PostgreSQL
   * minor that RDS upgraded must be raised in the config.
   */
  readonly engineVersion: string;
  /** Readers in other AZs than the writer; without it every instance is placed in the first AZ. */
  readonly multiAz: boolean;
  /** `aurora` (Standard) or `aurora-iopt1` (I/O-Optimized). */
  readonly storageType: "aurora" | "aurora-iopt1";
  /** `lifecycle.prevent_destroy` on the cluster (its instances hold no data). @default false */
  readonly preventDestroy?: boolean;
  /** The AZs of the subnets: the writer goes to the first, reader n to AZ n (round robin) when `multiAz`. */
  readonly availabilityZones: readonly string[];
}

/** An Aurora cluster, its instances, cluster parameter group, subnet group, security group and monitoring role. */
export class AuroraCluster extends Construct {
  readonly cluster: RdsCluster;
  readonly instances: readonly RdsClusterInstance[];
  /** Instance identifiers (the `DBInstanceIdentifier` metric dimension), the initial writer first. */
  readonly instanceIdentifiers: readonly string[];
  /** The cluster (writer) endpoint. */
  readonly endpointAddress: string;
  /** The reader endpoint (load-balances over the readers; the writer when there is none). */
  readonly readerEndpointAddress: string;
  /** The cluster's resource id (`cluster-...`): IAM authentication names it in `rds-db:connect` ARNs. */
  readonly resourceIds: readonly string[];
  readonly securityGroupId: string;
  /** ARN of the RDS-managed master user secret. */
  readonly masterUserSecretArn: string;
  /** 3306 (Aurora MySQL) or 5432 (Aurora PostgreSQL). */
  readonly port: number;
  private readonly label: string;

  constructor(scope: Construct, id: string, props: AuroraClusterProps) {
    super(scope, id);
    if (props.availabilityZones.length === 0) throw new Error(`AuroraCluster ${props.identifier}: availabilityZones is empty`);
    const mysql = props.engine === "aurora-mysql";
    this.port = mysql ? 3306 : 5432;
    this.label = mysql ? "Aurora MySQL" : "Aurora PostgreSQL";
    const partition = props.partition ?? "aws";
    const sg = new SecurityGroup(this, "security-group", {
      name: props.identifier,
      description: `${this.label}: ${this.port} from the app services only`,
      vpcId: props.vpcId,
      tags: { Name: props.identifier },
    });
    this.securityGroupId = sg.id;
    const subnets = new DbSubnetGroup(this, "subnet-group", {
      name: props.identifier,
      subnetIds: [...props.subnetIds],
      tags: { Name: props.identifier },
    });
    const parameters = new RdsClusterParameterGroup(this, "cluster-parameter-group", {
      namePrefix: `${props.identifier}-`,
      family: parameterGroupFamily(props.engine, props.engineVersion),
      description: `${props.identifier}: TLS only, logs for CloudWatch Logs`,
      parameter: mysql
        ? [
            { name: "require_secure_transport", value: "ON" },
            { name: "server_audit_logging", value: "1" },
            { name: "server_audit_events", value: AURORA_MYSQL_AUDIT_EVENTS },
            { name: "general_log", value: "1" },
            { name: "slow_query_log", value: "1" },
            { name: "long_query_time", value: "2" },
            { name: "log_output", value: "FILE" },
          ]
        : [
            { name: "rds.force_ssl", value: "1" },
            { name: "log_min_duration_statement", value: "2000" },
          ],
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
    this.cluster = new RdsCluster(this, "cluster", {
      clusterIdentifier: props.identifier,
      engine: props.engine,
      engineVersion: props.engineVersion,
      databaseName: props.databaseName,
      masterUsername: mysql ? "admin" : "dbadmin",
      manageMasterUserPassword: true,
      masterUserSecretKmsKeyId: props.secretsKmsKeyArn,
      dbSubnetGroupName: subnets.name,
      vpcSecurityGroupIds: [sg.id],
      dbClusterParameterGroupName: parameters.name,
      port: this.port,
      storageEncrypted: true,
      kmsKeyId: props.kmsKeyArn,
      // Aurora Standard is the absent storage_type; "aurora-iopt1" is I/O-Optimized.
      ...(props.storageType === "aurora-iopt1" ? { storageType: "aurora-iopt1" } : {}),
      iamDatabaseAuthenticationEnabled: true,
      backupRetentionPeriod: props.backupRetentionDays,
      preferredBackupWindow: props.backupWindow,
      preferredMaintenanceWindow: props.maintenanceWindow,
      copyTagsToSnapshot: true,
      enabledCloudwatchLogsExports: [...AURORA_LOG_EXPORTS[props.engine]],
      deletionProtection: props.deletionProtection,
      skipFinalSnapshot: !props.deletionProtection,
      ...(props.deletionProtection ? { finalSnapshotIdentifier: `${props.identifier}-final` } : {}),
      ...(props.preventDestroy ? { lifecycle: { preventDestroy: true } } : {}),
      tags: { Name: props.identifier },
    });
    const azs = props.availabilityZones;
    this.instances = Array.from({ length: 1 + props.readReplicas }, (_, i) => {
      const name = `${props.identifier}-${i + 1}`;
      return new RdsClusterInstance(this, `instance-${i + 1}`, {
        identifier: name,
        clusterIdentifier: this.cluster.id,
        engine: props.engine,
        engineVersion: this.cluster.engineVersion,
        instanceClass: props.instanceClass,
        dbSubnetGroupName: subnets.name,
        availabilityZone: props.multiAz ? azs[i % azs.length]! : azs[0]!,
        // The writer's peers first: every reader is a failover target of the same tier.
        promotionTier: i === 0 ? 0 : 1,
        publiclyAccessible: false,
        autoMinorVersionUpgrade: true,
        copyTagsToSnapshot: true,
        performanceInsightsEnabled: props.performanceInsights,
        ...(props.performanceInsights ? { performanceInsightsKmsKeyId: props.kmsKeyArn, performanceInsightsRetentionPeriod: 7 } : {}),
        monitoringInterval: 60,
        monitoringRoleArn: monitoring.arn,
        // RDS checks the monitoring role's permissions when it creates the instance.
        dependsOn: [monitoringPolicy],
        tags: { Name: name, Role: i === 0 ? "writer" : "reader" },
      });
    });
    this.instanceIdentifiers = this.instances.map((_, i) => `${props.identifier}-${i + 1}`);
    this.endpointAddress = this.cluster.endpoint;
    this.readerEndpointAddress = this.cluster.readerEndpoint;
    this.resourceIds = [this.cluster.clusterResourceId];
    this.masterUserSecretArn = this.cluster.masterUserSecret.get(0).secretArn;
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
