/**
 * ElastiCache for Redis (OSS engine 7.1): a replication group in the private data subnets, encrypted at
 * rest with a KMS key and in transit (TLS required), with an AUTH token from Secrets Manager (see
 * `GeneratedSecret`), automatic failover and Multi-AZ when asked (they need at least one replica,
 * https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/AutoFailover.html), daily snapshots, and a
 * security group admitting 6379 only from the given security groups.
 */
import { ElasticacheReplicationGroup } from "@cdktf/provider-aws/lib/elasticache-replication-group";
import { ElasticacheSubnetGroup } from "@cdktf/provider-aws/lib/elasticache-subnet-group";
import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";
import { Construct } from "constructs";

/** Props of {@link RedisCache}. */
export interface RedisCacheProps {
  /** Replication group id (at most 40 characters, lowercase). */
  readonly replicationGroupId: string;
  readonly nodeType: string;
  /** Replicas next to the primary (0-5). */
  readonly replicas: number;
  /** Automatic failover and Multi-AZ. Needs replicas ≥ 1. */
  readonly multiAz: boolean;
  /** Days of daily snapshots kept; 0 turns them off. */
  readonly snapshotRetentionDays: number;
  /** AUTH token (a Terraform reference to a generated secret). */
  readonly authToken: string;
  readonly kmsKeyArn: string;
  readonly vpcId: string;
  readonly subnetIds: readonly string[];
  /** Security groups admitted on 6379 (the services); more with `allowFrom`. @default [] */
  readonly clientSecurityGroupIds?: readonly string[];
  /**
   * `lifecycle.prevent_destroy` on the replication group and a final snapshot (`<replicationGroupId>-final`)
   * when it is deleted (prod). ElastiCache has no deletion protection flag. @default false
   */
  readonly preventDestroy?: boolean;
  /** SNS topic for ElastiCache events. @default none */
  readonly notificationTopicArn?: string;
}

/** The replication group, its subnet group and security group. */
export class RedisCache extends Construct {
  /** Replication group id: the `ReplicationGroupId` dimension of ElastiCache metrics. */
  readonly replicationGroupId: string;
  readonly primaryEndpointAddress: string;
  readonly readerEndpointAddress: string;
  readonly securityGroupId: string;
  readonly port = 6379;

  constructor(scope: Construct, id: string, props: RedisCacheProps) {
    super(scope, id);
    if (props.multiAz && props.replicas < 1) throw new Error(`RedisCache ${props.replicationGroupId}: Multi-AZ needs at least one replica`);
    const sg = new SecurityGroup(this, "security-group", {
      name: props.replicationGroupId,
      description: "Redis: 6379 from the app services only",
      vpcId: props.vpcId,
      tags: { Name: props.replicationGroupId },
    });
    this.securityGroupId = sg.id;
    for (const [i, client] of (props.clientSecurityGroupIds ?? []).entries()) this.allowFrom(`client-${i}`, client);
    const subnets = new ElasticacheSubnetGroup(this, "subnet-group", { name: props.replicationGroupId, subnetIds: [...props.subnetIds] });
    const group = new ElasticacheReplicationGroup(this, "replication-group", {
      replicationGroupId: props.replicationGroupId,
      description: `${props.replicationGroupId} (app cache)`,
      engine: "redis",
      engineVersion: "7.1",
      nodeType: props.nodeType,
      numCacheClusters: 1 + props.replicas,
      port: 6379,
      automaticFailoverEnabled: props.multiAz,
      multiAzEnabled: props.multiAz,
      atRestEncryptionEnabled: "true",
      kmsKeyId: props.kmsKeyArn,
      transitEncryptionEnabled: true,
      authToken: props.authToken,
      authTokenUpdateStrategy: "ROTATE",
      subnetGroupName: subnets.name,
      securityGroupIds: [sg.id],
      snapshotRetentionLimit: props.snapshotRetentionDays,
      snapshotWindow: "03:00-04:00",
      maintenanceWindow: "sun:05:00-sun:06:00",
      autoMinorVersionUpgrade: "true",
      ...(props.notificationTopicArn ? { notificationTopicArn: props.notificationTopicArn } : {}),
      ...(props.preventDestroy
        ? { finalSnapshotIdentifier: `${props.replicationGroupId}-final`, lifecycle: { preventDestroy: true } }
        : {}),
      tags: { Name: props.replicationGroupId },
    });
    this.replicationGroupId = props.replicationGroupId;
    this.primaryEndpointAddress = group.primaryEndpointAddress;
    this.readerEndpointAddress = group.readerEndpointAddress;
  }

  /** Admits port 6379 from security group `securityGroupId`; `key` names the rule (construct id `ingress-<key>`). */
  allowFrom(key: string, securityGroupId: string): void {
    new VpcSecurityGroupIngressRule(this, `ingress-${key}`, {
      securityGroupId: this.securityGroupId,
      description: `Redis from ${key}`,
      referencedSecurityGroupId: securityGroupId,
      ipProtocol: "tcp",
      fromPort: 6379,
      toPort: 6379,
    });
  }
}
