/**
 * ElastiCache for Redis (OSS engine 7.1): a replication group in the private data subnets, encrypted at
 * rest with a KMS key and in transit (TLS required), automatic failover and Multi-AZ when asked (they need at
 * least one replica, https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/AutoFailover.html), daily
 * snapshots, and a security group admitting 6379 only from the given security groups.
 *
 * Clients authenticate with IAM, not with a shared AUTH token, so no cache credential exists in Terraform,
 * its state or the task definitions ("Authenticating with IAM",
 * https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/auth-iam.html): a user group holding
 * - the IAM-authenticated user `iamUserName` (user id and user name must be identical for IAM users), which
 *   an IAM principal allowed `elasticache:Connect` on the replication group and the user ({@link connectStatement})
 *   signs in as with a SigV4 token valid 15 minutes (IAM connections are closed after 12 hours);
 * - the user named `default` that every Redis user group must contain (`DefaultUserRequired`), created here
 *   switched off (`off`, no commands, no keys), so a client that sends no AUTH gets nothing.
 * IAM authentication needs Redis OSS 7.0 or later (or Valkey 7.2) and in-transit encryption, both set here.
 *
 * No SNS notification topic: ElastiCache cannot publish to an encrypted topic (the topic turns "inactive",
 * https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/ElastiCacheSNS.html), every topic of the landing
 * zone is KMS-encrypted (LZ-ENC1), and node-based cluster events are not published to EventBridge either
 * (https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/self-designed-metrics-events.valkey-and-redis.html).
 * The events stay visible in the console and through DescribeEvents; the cache's CloudWatch alarms page.
 */
import { ElasticacheReplicationGroup } from "@cdktf/provider-aws/lib/elasticache-replication-group";
import { ElasticacheSubnetGroup } from "@cdktf/provider-aws/lib/elasticache-subnet-group";
import { ElasticacheUser } from "@cdktf/provider-aws/lib/elasticache-user";
import { ElasticacheUserGroup } from "@cdktf/provider-aws/lib/elasticache-user-group";
import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { Construct } from "constructs";
import type { PolicyStatement } from "../iam/index.js";
import { admitFromSecurityGroup } from "../vpc/security-group-rules.js";

/** Redis OSS engine version of the replication group. IAM authentication needs 7.0 or later. */
export const REDIS_ENGINE_VERSION = "7.1";

/** Valkey engine version of the replication group when `engine` is `valkey` (IAM authentication needs 7.2 or later). */
export const VALKEY_ENGINE_VERSION = "8.0";

/** Props of {@link RedisCache}. */
export interface RedisCacheProps {
  /**
   * `redis` (Redis OSS) or `valkey`. Valkey is a drop-in for Redis OSS 7.2 with IAM authentication; the users and the
   * user group keep engine `REDIS`, which a Valkey replication group accepts (a Redis OSS group upgraded to Valkey
   * keeps its user group, https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/engine-versions.html).
   * @default "redis"
   */
  readonly engine?: "redis" | "valkey";
  /** Replication group id (at most 40 characters, lowercase). */
  readonly replicationGroupId: string;
  readonly nodeType: string;
  /** Replicas next to the primary (0-5). */
  readonly replicas: number;
  /** Automatic failover and Multi-AZ. Needs replicas ≥ 1. */
  readonly multiAz: boolean;
  /** Days of daily snapshots kept; 0 turns them off. */
  readonly snapshotRetentionDays: number;
  /**
   * Id and name of the IAM-authenticated user the applications connect as (identical, as IAM authentication
   * requires; letters, digits and hyphens, starting with a letter; unique in the account and Region).
   */
  readonly iamUserName: string;
  /** Id of the switched-off user named `default` that the user group must contain (unique in the account and Region). */
  readonly defaultUserId: string;
  /** Id of the user group (at most 40 characters). */
  readonly userGroupId: string;
  /** Engine version: Redis OSS 7.0 or later, Valkey 7.2 or later. @default {@link REDIS_ENGINE_VERSION}, Valkey: {@link VALKEY_ENGINE_VERSION} */
  readonly engineVersion?: string;
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
}

/** The replication group, its users and user group, subnet group and security group. */
export class RedisCache extends Construct {
  /** Replication group id: the `ReplicationGroupId` dimension of ElastiCache metrics. */
  readonly replicationGroupId: string;
  /** ARN of the replication group (a resource of `elasticache:Connect`). */
  readonly replicationGroupArn: string;
  /** User name (and id) the applications authenticate as with IAM. */
  readonly iamUserName: string;
  /** ARN of that user (a resource of `elasticache:Connect`). */
  readonly iamUserArn: string;
  readonly primaryEndpointAddress: string;
  readonly readerEndpointAddress: string;
  readonly securityGroupId: string;
  readonly port = 6379;
  private readonly label: string;

  constructor(scope: Construct, id: string, props: RedisCacheProps) {
    super(scope, id);
    if (props.multiAz && props.replicas < 1) throw new Error(`RedisCache ${props.replicationGroupId}: Multi-AZ needs at least one replica`);
    const engine = props.engine ?? "redis";
    const label = engine === "valkey" ? "Valkey" : "Redis";
    this.label = label;
    const engineVersion = props.engineVersion ?? (engine === "valkey" ? VALKEY_ENGINE_VERSION : REDIS_ENGINE_VERSION);
    if (Number(engineVersion.split(".")[0]) < 7)
      throw new Error(
        `RedisCache ${props.replicationGroupId}: IAM authentication needs Redis OSS 7.0 or later, not engineVersion ${engineVersion}`,
      );
    const sg = new SecurityGroup(this, "security-group", {
      name: props.replicationGroupId,
      description: `${label}: 6379 from the app services only`,
      vpcId: props.vpcId,
      tags: { Name: props.replicationGroupId },
    });
    this.securityGroupId = sg.id;
    for (const [i, client] of (props.clientSecurityGroupIds ?? []).entries()) this.allowFrom(`client-${i}`, client);
    const subnets = new ElasticacheSubnetGroup(this, "subnet-group", { name: props.replicationGroupId, subnetIds: [...props.subnetIds] });
    const appUser = new ElasticacheUser(this, "iam-user", {
      userId: props.iamUserName,
      userName: props.iamUserName,
      engine: "REDIS",
      accessString: "on ~* +@all",
      authenticationMode: { type: "iam" },
      tags: { Name: props.iamUserName },
    });
    const defaultUser = new ElasticacheUser(this, "default-user", {
      userId: props.defaultUserId,
      userName: "default",
      engine: "REDIS",
      accessString: "off -@all",
      authenticationMode: { type: "no-password-required" },
      tags: { Name: props.defaultUserId },
    });
    const users = new ElasticacheUserGroup(this, "user-group", {
      userGroupId: props.userGroupId,
      engine: "REDIS",
      userIds: [defaultUser.userId, appUser.userId],
      tags: { Name: props.userGroupId },
    });
    const group = new ElasticacheReplicationGroup(this, "replication-group", {
      replicationGroupId: props.replicationGroupId,
      description: `${props.replicationGroupId} (app cache)`,
      engine,
      engineVersion,
      nodeType: props.nodeType,
      numCacheClusters: 1 + props.replicas,
      port: 6379,
      automaticFailoverEnabled: props.multiAz,
      multiAzEnabled: props.multiAz,
      atRestEncryptionEnabled: "true",
      kmsKeyId: props.kmsKeyArn,
      transitEncryptionEnabled: true,
      userGroupIds: [users.userGroupId],
      subnetGroupName: subnets.name,
      securityGroupIds: [sg.id],
      snapshotRetentionLimit: props.snapshotRetentionDays,
      snapshotWindow: "03:00-04:00",
      maintenanceWindow: "sun:05:00-sun:06:00",
      autoMinorVersionUpgrade: "true",
      ...(props.preventDestroy
        ? { finalSnapshotIdentifier: `${props.replicationGroupId}-final`, lifecycle: { preventDestroy: true } }
        : {}),
      tags: { Name: props.replicationGroupId },
    });
    this.replicationGroupId = props.replicationGroupId;
    this.replicationGroupArn = group.arn;
    this.iamUserName = props.iamUserName;
    this.iamUserArn = appUser.arn;
    this.primaryEndpointAddress = group.primaryEndpointAddress;
    this.readerEndpointAddress = group.readerEndpointAddress;
  }

  /**
   * The identity-policy statement that lets a principal connect as {@link iamUserName}: `elasticache:Connect`
   * on the replication group and on the user, both required (https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/auth-iam.html).
   * @param sid statement id. @default "ConnectToCacheWithIam"
   */
  connectStatement(sid = "ConnectToCacheWithIam"): PolicyStatement {
    return { Sid: sid, Effect: "Allow", Action: "elasticache:Connect", Resource: [this.replicationGroupArn, this.iamUserArn] };
  }

  /** Admits port 6379 from security group `securityGroupId`; `key` names the rule (construct id `ingress-<key>`). */
  allowFrom(key: string, securityGroupId: string): void {
    admitFromSecurityGroup(this, key, {
      securityGroupId: this.securityGroupId,
      fromSecurityGroupId: securityGroupId,
      port: 6379,
      label: this.label,
    });
  }
}
