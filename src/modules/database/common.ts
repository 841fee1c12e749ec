/** What every database construct of this module takes: identity, backups, windows, protection, network, keys. */

/** Props shared by `MysqlDatabaseProps` (RDS for MySQL and PostgreSQL, mysql.ts) and `AuroraClusterProps` (aurora.ts). */
export interface DatabaseCommonProps {
  readonly instanceClass: string;
  /** Instances next to the primary or writer that serve reads (0-5). */
  readonly readReplicas: number;
  readonly multiAz: boolean;
  /** Days automated backups are kept (1-35). */
  readonly backupRetentionDays: number;
  /** "hh:mm-hh:mm", UTC. */
  readonly backupWindow: string;
  /** "ddd:hh:mm-ddd:hh:mm", UTC. */
  readonly maintenanceWindow: string;
  readonly databaseName: string;
  /** Deletion protection and a final snapshot. */
  readonly deletionProtection: boolean;
  /** `lifecycle.prevent_destroy` on what holds the data (each construct says which resources). @default false */
  readonly preventDestroy?: boolean;
  readonly vpcId: string;
  /** Private data subnet ids, one per AZ. */
  readonly subnetIds: readonly string[];
  /**
   * Performance Insights on every instance, only where the instance class supports it: the caller decides with
   * `supportsPerformanceInsights` (src/aws/rds-capabilities.ts); micro and small burstable classes refuse it with
   * `InvalidParameterCombination`.
   */
  readonly performanceInsights: boolean;
  /** KMS key of the storage (or cluster volume) and Performance Insights. */
  readonly kmsKeyArn: string;
  /** KMS key of the RDS-managed master user secret. */
  readonly secretsKmsKeyArn: string;
  /** @default "aws" */
  readonly partition?: string;
}
