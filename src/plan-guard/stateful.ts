/**
 * The resource types the plan guard protects: deleting or replacing one loses data that no `apply` can
 * bring back, or changes an identity that people and systems outside this stack depend on (tunnel IPs,
 * gateway IDs, endpoint IDs). A delete or replace of any other type passes through, only counted.
 *
 * | type | why a delete or replace is guarded |
 * | --- | --- |
 * | aws_db_instance | holds the database's data; a replacement starts empty unless restored from a snapshot |
 * | aws_rds_cluster | the Aurora cluster volume holds the data of every instance in the cluster |
 * | aws_rds_global_cluster | deleting it breaks the cross-Region replication that disaster recovery relies on |
 * | aws_docdb_cluster | the DocumentDB cluster volume holds the data |
 * | aws_neptune_cluster | the Neptune cluster volume holds the graph data |
 * | aws_redshift_cluster | the warehouse data lives on the cluster |
 * | aws_dynamodb_table | holds the items; a replaced table starts empty |
 * | aws_elasticache_replication_group | holds the in-memory data set, and clients connect to its endpoint |
 * | aws_elasticache_cluster | holds the in-memory data set, and clients connect to its endpoint |
 * | aws_elasticache_serverless_cache | holds the in-memory data set, and clients connect to its endpoint |
 * | aws_memorydb_cluster | holds the data: MemoryDB is a durable primary database, not a cache |
 * | aws_opensearch_domain | holds the indexes and their documents |
 * | aws_efs_file_system | holds the files |
 * | aws_ebs_volume | holds the blocks on the volume |
 * | aws_s3_bucket | may hold objects: the plan cannot tell whether a bucket is empty, so every bucket counts |
 * | aws_backup_vault | holds the recovery points, the last line of defence after every other loss |
 * | aws_kms_key | once deletion completes, all data encrypted with the key is unreadable |
 * | aws_kms_replica_key | once deletion completes, all data encrypted with the key in that Region is unreadable |
 * | aws_secretsmanager_secret | holds the secret value; a replacement has a new ARN and no value until one is set |
 * | aws_cloudwatch_log_group | holds the log events, which are audit and forensic evidence |
 * | aws_kinesis_stream | holds the records not yet consumed |
 * | aws_sqs_queue | holds the messages not yet consumed |
 * | aws_ecr_repository | holds the container images that running services pull |
 * | aws_cognito_user_pool | holds the users and their credentials, which cannot be exported with passwords |
 * | aws_ssoadmin_permission_set | a replacement has a new ARN: every assignment of it is recreated and its IAM role in each account returns under a new name (AWSReservedSSO_<name>_<hash>), so sessions end and policies naming the old role stop matching |
 * | aws_route53_zone | a new zone gets new name servers, so the delegation in the parent zone breaks; a private zone's records start empty |
 * | aws_ec2_transit_gateway | every attachment, route table and RAM share in every account hangs off its ID |
 * | aws_dx_gateway | Direct Connect virtual interfaces and gateway associations must be recreated |
 * | aws_vpn_connection | new tunnel IPs and pre-shared keys must be configured on the on-premises device |
 * | aws_networkfirewall_firewall | new firewall endpoints: every route that points at them must change |
 * | aws_route53_resolver_endpoint | name resolution between on-prem and every VPC of the landing zone stops until the new endpoint is up |
 * | aws_route53_resolver_rule | a new rule ID: every VPC in every account that associates the shared rule must be associated again, and AWS refuses to delete a rule that is still associated |
 * | aws_subnet | every network interface in it (load balancer, NAT gateway, firewall and TGW attachment endpoints, databases, tasks) must go first, and a new AZ ID moves the tier to another physical zone (docs/routing-az-ids.md) |
 * | aws_organizations_organization | deleting it dissolves the organization: every account leaves, every SCP and delegated administrator is gone |
 * | aws_organizations_account | removes the account from the organization (its SCPs, organization trail and security services stop covering it), or with a replace creates a new account |
 * | aws_organizations_organizational_unit | every account in it must move out first, and the OU's id (which SCP attachments and delegated settings name) changes |
 * | aws_organizations_policy | the guardrail disappears from every OU it is attached to until a new one is attached |
 * | aws_organizations_policy_attachment | the OU loses the guardrail: what the SCP denies becomes possible in every account below it |
 *
 * Deliberately not guarded:
 * - `aws_rds_cluster_instance`: the data lives on the cluster volume (`aws_rds_cluster`), so replacing an
 *   instance loses nothing; it costs a failover, which a reviewer sees in the plan anyway. Guarding it
 *   would block routine instance rotations (a new identifier, another AZ) and teach people to
 *   rubber-stamp exceptions.
 * - `aws_ssoadmin_account_assignment`: granting and revoking a group's access is the routine change of the
 *   Identity Center config, visible line by line in the plan; the permission set it points at is guarded.
 * - Networking that only carries traffic (VPC, route tables, security groups, NAT gateways): recreating them
 *   is disruptive but loses no data. The gateways above are guarded because their identity is configured
 *   outside this stack. Subnets are guarded: `availability_zone_id` (and `cidr_block`) force a replacement,
 *   AWS deletes a subnet only once what runs in it is gone, and Terraform would
 *   first destroy everything placed in it (DeleteSubnet,
 *   https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DeleteSubnet.html).
 *
 * Decided on purpose: `aws_cloudwatch_log_group` is guarded although logs often count as disposable. The
 * VPC flow-log groups this landing zone creates are the audit trail of network traffic, and renaming a
 * group (a replace) deletes every event in it. Likewise `aws_kms_key`: AWS schedules the deletion (7 to
 * 30 days), but nobody watches that window in a pipeline.
 *
 * The Resolver rule's reason follows DeleteResolverRule ("Before you can delete a Resolver rule, you must
 * disassociate it from all the VPCs", https://docs.aws.amazon.com/Route53/latest/APIReference/API_route53resolver_DeleteResolverRule.html).
 *
 * `prevent_destroy` in the configuration does not show in the plan JSON, so it plays no part here.
 *
 * Types are matched exactly; add a type here (with its reason) to guard it.
 */

/** Stateful resource type → one line saying what a delete or replace of it loses. */
export const STATEFUL_RESOURCE_TYPES: Readonly<Record<string, string>> = Object.freeze({
  aws_db_instance: "holds the database's data; a replacement starts empty unless restored from a snapshot",
  aws_rds_cluster: "the Aurora cluster volume holds the data of every instance in the cluster",
  aws_rds_global_cluster: "deleting it breaks the cross-Region replication that disaster recovery relies on",
  aws_docdb_cluster: "the DocumentDB cluster volume holds the data",
  aws_neptune_cluster: "the Neptune cluster volume holds the graph data",
  aws_redshift_cluster: "the warehouse data lives on the cluster",
  aws_dynamodb_table: "holds the items; a replaced table starts empty",
  aws_elasticache_replication_group: "holds the in-memory data set, and clients connect to its endpoint",
  aws_elasticache_cluster: "holds the in-memory data set, and clients connect to its endpoint",
  aws_elasticache_serverless_cache: "holds the in-memory data set, and clients connect to its endpoint",
  aws_memorydb_cluster: "holds the data: MemoryDB is a durable primary database, not a cache",
  aws_opensearch_domain: "holds the indexes and their documents",
  aws_efs_file_system: "holds the files",
  aws_ebs_volume: "holds the blocks on the volume",
  aws_s3_bucket: "may hold objects: the plan cannot tell whether a bucket is empty, so every bucket counts",
  aws_backup_vault: "holds the recovery points, the last line of defence after every other loss",
  aws_kms_key: "once deletion completes, all data encrypted with the key is unreadable",
  aws_kms_replica_key: "once deletion completes, all data encrypted with the key in that Region is unreadable",
  aws_secretsmanager_secret: "holds the secret value; a replacement has a new ARN and no value until one is set",
  aws_cloudwatch_log_group: "holds the log events, which are audit and forensic evidence",
  aws_kinesis_stream: "holds the records not yet consumed",
  aws_sqs_queue: "holds the messages not yet consumed",
  aws_ecr_repository: "holds the container images that running services pull",
  aws_cognito_user_pool: "holds the users and their credentials, which cannot be exported with passwords",
  aws_ssoadmin_permission_set:
    "a replacement has a new ARN: every assignment of it is recreated and its IAM role in each account returns under a new name (AWSReservedSSO_<name>_<hash>), so sessions end and policies naming the old role stop matching",
  aws_route53_zone: "a new zone gets new name servers, so the delegation in the parent zone breaks; a private zone's records start empty",
  aws_ec2_transit_gateway: "every attachment, route table and RAM share in every account hangs off its ID",
  aws_dx_gateway: "Direct Connect virtual interfaces and gateway associations must be recreated",
  aws_vpn_connection: "new tunnel IPs and pre-shared keys must be configured on the on-premises device",
  aws_networkfirewall_firewall: "new firewall endpoints: every route that points at them must change",
  aws_route53_resolver_endpoint: "name resolution between on-prem and every VPC of the landing zone stops until the new endpoint is up",
  aws_route53_resolver_rule:
    "a new rule ID: every VPC in every account that associates the shared rule must be associated again, and AWS refuses to delete a rule that is still associated",
  aws_subnet:
    "every network interface in it (load balancer, NAT gateway, firewall and TGW attachment endpoints, databases, tasks) must go first, and a new AZ ID moves the tier to another physical zone (docs/routing-az-ids.md)",
  aws_organizations_organization:
    "deleting it dissolves the organization: every account leaves, every SCP and delegated administrator is gone",
  aws_organizations_account:
    "removes the account from the organization (its SCPs, organization trail and security services stop covering it), or with a replace creates a new account",
  aws_organizations_organizational_unit:
    "every account in it must move out first, and the OU's id (which SCP attachments and delegated settings name) changes",
  aws_organizations_policy: "the guardrail disappears from every OU it is attached to until a new one is attached",
  aws_organizations_policy_attachment: "the OU loses the guardrail: what the SCP denies becomes possible in every account below it",
});

/**
 * What a delete or replace of `type` loses, or `undefined` when the type is not guarded (see
 * {@link STATEFUL_RESOURCE_TYPES}).
 */
export function statefulReason(type: string): string | undefined {
  return Object.hasOwn(STATEFUL_RESOURCE_TYPES, type) ? STATEFUL_RESOURCE_TYPES[type] : undefined;
}
