/**
 * Hand-written stack JSON for policy rule tests: at least one compliant and one non-compliant case per
 * rule, covering resources this project does not build yet (app tier, hybrid, bootstrap).
 */
import type { StackFacts, StackJsonLike } from "../../src/policy/index.js";
import { KEY, policy, r, type RuleCase } from "./case.js";
import { COMPUTE_CASES } from "./compute-cases.js";
import { DYNAMODB_CASES } from "./dynamodb-cases.js";
import { BASELINE_READINESS_CASES } from "./readiness/baseline.js";
import { DATA_READINESS_CASES } from "./readiness/data.js";
import { EDGE_READINESS_CASES } from "./readiness/edge.js";

export type { RuleCase } from "./case.js";

const container = (c: object) => JSON.stringify([{ name: "app", image: "x", readonlyRootFilesystem: true, ...c }]);
const strongVpn = Object.fromEntries(
  [1, 2].flatMap((t) => [
    [`tunnel${t}_ike_versions`, ["ikev2"]],
    [`tunnel${t}_phase1_encryption_algorithms`, ["AES256"]],
    [`tunnel${t}_phase2_encryption_algorithms`, ["AES256-GCM-16"]],
    [`tunnel${t}_phase1_integrity_algorithms`, ["SHA2-256"]],
    [`tunnel${t}_phase2_integrity_algorithms`, ["SHA2-384"]],
    [`tunnel${t}_phase1_dh_group_numbers`, [20]],
    [`tunnel${t}_phase2_dh_group_numbers`, [19, 20]],
  ]),
);
const bucket = (extra: Record<string, Record<string, object>> = {}) => r({ aws_s3_bucket: { logs: { bucket: "b" } }, ...extra });
const PROD: StackFacts = { preventDestroy: true };
const goodDb = {
  engine: "mysql",
  multi_az: true,
  backup_retention_period: 7,
  deletion_protection: true,
  lifecycle: { prevent_destroy: true },
  storage_encrypted: true,
  kms_key_id: KEY,
};
const githubTrust = (condition: object) =>
  r({
    aws_iam_role: {
      apply: {
        assume_role_policy: policy([
          {
            Effect: "Allow",
            Principal: { Federated: "${aws_iam_openid_connect_provider.github.arn}" },
            Action: "sts:AssumeRoleWithWebIdentity",
            Condition: condition,
          },
        ]),
      },
    },
    aws_iam_openid_connect_provider: {
      github: { url: "https://token.actions.githubusercontent.com", client_id_list: ["sts.amazonaws.com"] },
    },
  });

/** A role in account 111111111111 (its provider pins it) trusted by `principal`, plus `extra` resources. */
const hubRole = (principal: string, extra: Record<string, Record<string, object>> = {}): StackJsonLike => ({
  provider: { aws: [{ region: "eu-west-1", allowed_account_ids: ["111111111111"] }] },
  resource: {
    aws_iam_role: {
      hub: {
        name: "hub",
        assume_role_policy: policy([
          {
            Effect: "Allow",
            Principal: { AWS: `arn:aws:iam::${principal.split(":")[4]}:root` },
            Action: "sts:AssumeRole",
            Condition: { ArnEquals: { "aws:PrincipalArn": principal } },
          },
        ]),
      },
    },
    ...extra,
  },
});

/** Cases per rule id. */
export const RULE_CASES: Readonly<Record<string, readonly RuleCase[]>> = {
  ...EDGE_READINESS_CASES,
  ...DATA_READINESS_CASES,
  ...BASELINE_READINESS_CASES,
  ...DYNAMODB_CASES,
  ...COMPUTE_CASES,
  "LZ-KMS1": [
    {
      name: "a key with rotation",
      json: r({ aws_kms_key: { k: { enable_key_rotation: true } } }),
      address: "aws_kms_key.k",
      expect: "compliant",
    },
    {
      name: "a key without rotation",
      json: r({ aws_kms_key: { k: {} } }),
      address: "aws_kms_key.k",
      expect: "non-compliant",
      message: "enable_key_rotation",
    },
    {
      name: "an asymmetric key",
      json: r({ aws_kms_key: { k: { customer_master_key_spec: "RSA_2048" } } }),
      address: "aws_kms_key.k",
      expect: "not-applicable",
    },
  ],
  "LZ-ENC1": [
    {
      name: "a log group with a key",
      json: r({ aws_cloudwatch_log_group: { g: { kms_key_id: KEY } } }),
      address: "aws_cloudwatch_log_group.g",
      expect: "compliant",
    },
    {
      name: "a log group without a key",
      json: r({ aws_cloudwatch_log_group: { g: {} } }),
      address: "aws_cloudwatch_log_group.g",
      expect: "non-compliant",
      message: "kms_key_id",
    },
    {
      name: "a topic with the AWS managed key",
      json: r({ aws_sns_topic: { t: { kms_master_key_id: "alias/aws/sns" } } }),
      address: "aws_sns_topic.t",
      expect: "non-compliant",
      message: "alias/aws/sns",
    },
    {
      name: "an encrypted database",
      json: r({ aws_db_instance: { db: { storage_encrypted: true, kms_key_id: KEY } } }),
      address: "aws_db_instance.db",
      expect: "compliant",
    },
    {
      name: "an unencrypted database",
      json: r({ aws_db_instance: { db: {} } }),
      address: "aws_db_instance.db",
      expect: "non-compliant",
      message: "storage_encrypted",
    },
    {
      name: "a cache without a CMK",
      json: r({ aws_elasticache_replication_group: { c: { at_rest_encryption_enabled: true } } }),
      address: "aws_elasticache_replication_group.c",
      expect: "non-compliant",
      message: "kms_key_id",
    },
    {
      name: "an ECR repository with KMS",
      json: r({ aws_ecr_repository: { e: { encryption_configuration: [{ encryption_type: "KMS", kms_key: KEY }] } } }),
      address: "aws_ecr_repository.e",
      expect: "compliant",
    },
    {
      name: "an ECR repository with AES256",
      json: r({ aws_ecr_repository: { e: {} } }),
      address: "aws_ecr_repository.e",
      expect: "non-compliant",
      message: "encryption_configuration",
    },
  ],
  "LZ-ENC2": [
    {
      name: "a bucket with SSE-KMS",
      json: bucket({
        aws_s3_bucket_server_side_encryption_configuration: {
          e: {
            bucket: "${aws_s3_bucket.logs.id}",
            rule: [{ apply_server_side_encryption_by_default: { sse_algorithm: "aws:kms", kms_master_key_id: KEY } }],
          },
        },
      }),
      address: "aws_s3_bucket.logs",
      expect: "compliant",
    },
    {
      name: "a bucket with SSE-S3",
      json: bucket({
        aws_s3_bucket_server_side_encryption_configuration: {
          e: { bucket: "${aws_s3_bucket.logs.id}", rule: [{ apply_server_side_encryption_by_default: { sse_algorithm: "AES256" } }] },
        },
      }),
      address: "aws_s3_bucket.logs",
      expect: "non-compliant",
      message: "aws:kms",
    },
    {
      name: "an ALB access-log bucket with SSE-S3, the only encryption ALB log delivery supports",
      json: bucket({
        aws_lb: { alb: { load_balancer_type: "application", access_logs: { bucket: "${aws_s3_bucket.logs.bucket}", enabled: true } } },
        aws_s3_bucket_server_side_encryption_configuration: {
          e: { bucket: "${aws_s3_bucket.logs.id}", rule: [{ apply_server_side_encryption_by_default: { sse_algorithm: "AES256" } }] },
        },
      }),
      address: "aws_s3_bucket.logs",
      expect: "compliant",
    },
    {
      name: "an ALB access-log bucket with SSE-KMS, where log delivery would fail",
      json: bucket({
        aws_lb: { alb: { load_balancer_type: "application", access_logs: { bucket: "${aws_s3_bucket.logs.bucket}", enabled: true } } },
        aws_s3_bucket_server_side_encryption_configuration: {
          e: {
            bucket: "${aws_s3_bucket.logs.id}",
            rule: [{ apply_server_side_encryption_by_default: { sse_algorithm: "aws:kms", kms_master_key_id: KEY } }],
          },
        },
      }),
      address: "aws_s3_bucket.logs",
      expect: "non-compliant",
      message: "SSE-S3",
    },
  ],
  "LZ-BKT1": [
    {
      name: "a bucket with a full public access block",
      json: bucket({
        aws_s3_bucket_public_access_block: {
          p: {
            bucket: "${aws_s3_bucket.logs.id}",
            block_public_acls: true,
            block_public_policy: true,
            ignore_public_acls: true,
            restrict_public_buckets: true,
          },
        },
      }),
      address: "aws_s3_bucket.logs",
      expect: "compliant",
    },
    {
      name: "a bucket with a partial block",
      json: bucket({ aws_s3_bucket_public_access_block: { p: { bucket: "${aws_s3_bucket.logs.id}", block_public_acls: true } } }),
      address: "aws_s3_bucket.logs",
      expect: "non-compliant",
      message: "block_public_policy",
    },
    {
      name: "a bucket without a block",
      json: bucket(),
      address: "aws_s3_bucket.logs",
      expect: "non-compliant",
      message: "no aws_s3_bucket_public_access_block",
    },
  ],
  "LZ-BKT2": [
    {
      name: "a bucket policy denying plain HTTP",
      json: bucket({
        aws_s3_bucket_policy: {
          p: {
            bucket: "${aws_s3_bucket.logs.id}",
            policy: policy([
              { Effect: "Deny", Principal: "*", Action: "s3:*", Resource: "*", Condition: { Bool: { "aws:SecureTransport": "false" } } },
            ]),
          },
        },
      }),
      address: "aws_s3_bucket.logs",
      expect: "compliant",
    },
    {
      name: "a bucket without such a policy",
      json: bucket(),
      address: "aws_s3_bucket.logs",
      expect: "non-compliant",
      message: "aws:SecureTransport",
    },
  ],
  "LZ-TLS1": [
    {
      name: "an HTTPS listener with a TLS 1.3 policy",
      json: r({ aws_lb_listener: { l: { protocol: "HTTPS", ssl_policy: "ELBSecurityPolicy-TLS13-1-2-2021-06" } } }),
      address: "aws_lb_listener.l",
      expect: "compliant",
    },
    {
      name: "an HTTPS listener with the 2016 policy",
      json: r({ aws_lb_listener: { l: { protocol: "HTTPS", ssl_policy: "ELBSecurityPolicy-2016-08" } } }),
      address: "aws_lb_listener.l",
      expect: "non-compliant",
      message: "ELBSecurityPolicy-2016-08",
    },
    {
      name: "an HTTP listener redirecting to HTTPS",
      json: r({
        aws_lb_listener: {
          l: {
            protocol: "HTTP",
            default_action: [{ type: "redirect", redirect: { protocol: "HTTPS", port: "443", status_code: "HTTP_301" } }],
          },
        },
      }),
      address: "aws_lb_listener.l",
      expect: "compliant",
    },
    {
      name: "an HTTP listener forwarding",
      json: r({ aws_lb_listener: { l: { protocol: "HTTP", default_action: [{ type: "forward", target_group_arn: "x" }] } } }),
      address: "aws_lb_listener.l",
      expect: "non-compliant",
      message: "redirect to HTTPS",
    },
  ],
  "LZ-TLS2": [
    {
      name: "a VPC origin on HTTPS with TLS 1.2 only",
      json: r({
        aws_cloudfront_vpc_origin: {
          o: {
            vpc_origin_endpoint_config: {
              name: "o",
              arn: "arn",
              origin_protocol_policy: "https-only",
              origin_ssl_protocols: { items: ["TLSv1.2"], quantity: 1 },
            },
          },
        },
      }),
      address: "aws_cloudfront_vpc_origin.o",
      expect: "compliant",
    },
    {
      name: "a VPC origin on plain HTTP allowing TLS 1.1",
      json: r({
        aws_cloudfront_vpc_origin: {
          o: {
            vpc_origin_endpoint_config: {
              name: "o",
              arn: "arn",
              origin_protocol_policy: "http-only",
              origin_ssl_protocols: { items: ["TLSv1.1", "TLSv1.2"], quantity: 2 },
            },
          },
        },
      }),
      address: "aws_cloudfront_vpc_origin.o",
      expect: "non-compliant",
      message: "origin_protocol_policy is http-only. Use https-only",
    },
    {
      name: "a distribution with HTTPS everywhere",
      json: r({
        aws_cloudfront_distribution: {
          d: {
            default_cache_behavior: { viewer_protocol_policy: "redirect-to-https" },
            viewer_certificate: { acm_certificate_arn: "arn", minimum_protocol_version: "TLSv1.2_2021", ssl_support_method: "sni-only" },
            origin: [
              { origin_id: "alb", custom_origin_config: { origin_protocol_policy: "https-only", origin_ssl_protocols: ["TLSv1.2"] } },
            ],
          },
        },
      }),
      address: "aws_cloudfront_distribution.d",
      expect: "compliant",
    },
    {
      name: "a distribution allowing HTTP to viewers and origins",
      json: r({
        aws_cloudfront_distribution: {
          d: {
            default_cache_behavior: { viewer_protocol_policy: "allow-all" },
            viewer_certificate: { cloudfront_default_certificate: true },
            origin: [
              {
                origin_id: "alb",
                custom_origin_config: { origin_protocol_policy: "http-only", origin_ssl_protocols: ["TLSv1", "TLSv1.2"] },
              },
            ],
          },
        },
      }),
      address: "aws_cloudfront_distribution.d",
      expect: "non-compliant",
      message: "allow-all",
    },
  ],
  "LZ-TLS3": [
    {
      name: "MySQL with require_secure_transport",
      json: r({
        aws_db_instance: { db: { engine: "mysql", parameter_group_name: "${aws_db_parameter_group.pg.name}" } },
        aws_db_parameter_group: { pg: { parameter: [{ name: "require_secure_transport", value: "1" }] } },
      }),
      address: "aws_db_instance.db",
      expect: "compliant",
    },
    {
      name: "MySQL with the default parameter group",
      json: r({ aws_db_instance: { db: { engine: "mysql" } } }),
      address: "aws_db_instance.db",
      expect: "non-compliant",
      message: "require_secure_transport",
    },
    {
      name: "MySQL with a group that leaves TLS optional",
      json: r({
        aws_db_instance: { db: { engine: "mysql", parameter_group_name: "${aws_db_parameter_group.pg.name}" } },
        aws_db_parameter_group: { pg: { parameter: [{ name: "max_connections", value: "100" }] } },
      }),
      address: "aws_db_instance.db",
      expect: "non-compliant",
      message: "does not set require_secure_transport",
    },
  ],
  "LZ-TLS4": [
    {
      name: "a cache with TLS",
      json: r({ aws_elasticache_replication_group: { c: { transit_encryption_enabled: true } } }),
      address: "aws_elasticache_replication_group.c",
      expect: "compliant",
    },
    {
      name: "a cache without TLS",
      json: r({ aws_elasticache_replication_group: { c: {} } }),
      address: "aws_elasticache_replication_group.c",
      expect: "non-compliant",
      message: "transit_encryption_enabled",
    },
    {
      name: "a cache in preferred mode",
      json: r({ aws_elasticache_replication_group: { c: { transit_encryption_enabled: true, transit_encryption_mode: "preferred" } } }),
      address: "aws_elasticache_replication_group.c",
      expect: "non-compliant",
      message: "preferred",
    },
  ],
  "LZ-NET1": [
    {
      name: "HTTPS open to the world",
      json: r({ aws_security_group: { sg: { ingress: [{ from_port: 443, to_port: 443, protocol: "tcp", cidr_blocks: ["0.0.0.0/0"] }] } } }),
      address: "aws_security_group.sg",
      expect: "compliant",
    },
    {
      name: "SSH open to the world",
      json: r({ aws_security_group: { sg: { ingress: [{ from_port: 22, to_port: 22, protocol: "tcp", cidr_blocks: ["0.0.0.0/0"] }] } } }),
      address: "aws_security_group.sg",
      expect: "non-compliant",
      message: "22 (SSH)",
    },
    {
      name: "all traffic from ::/0 in a rule",
      json: r({ aws_vpc_security_group_ingress_rule: { x: { ip_protocol: "-1", cidr_ipv6: "::/0" } } }),
      address: "aws_vpc_security_group_ingress_rule.x",
      expect: "non-compliant",
      message: "3389 (RDP)",
    },
    {
      name: "MySQL from the VPC only",
      json: r({
        aws_security_group_rule: { x: { type: "ingress", from_port: 3306, to_port: 3306, protocol: "tcp", cidr_blocks: ["10.0.0.0/16"] } },
      }),
      address: "aws_security_group_rule.x",
      expect: "compliant",
    },
    {
      name: "a NACL allowing Redis from anywhere",
      json: r({
        aws_network_acl: {
          n: { ingress: [{ rule_no: 100, action: "allow", protocol: "tcp", cidr_block: "0.0.0.0/0", from_port: 6000, to_port: 7000 }] },
        },
      }),
      address: "aws_network_acl.n",
      expect: "non-compliant",
      message: "6379 (Redis)",
    },
    {
      name: "a NACL rule denying everything",
      json: r({ aws_network_acl_rule: { n: { egress: false, rule_action: "deny", protocol: "-1", cidr_block: "0.0.0.0/0" } } }),
      address: "aws_network_acl_rule.n",
      expect: "compliant",
    },
  ],
  "LZ-NET2": [
    {
      name: "a VPC with a flow log",
      json: r({ aws_vpc: { v: {} }, aws_flow_log: { f: { vpc_id: "${aws_vpc.v.id}" } } }),
      address: "aws_vpc.v",
      expect: "compliant",
    },
    {
      name: "a VPC whose flow log belongs to another VPC",
      json: r({ aws_vpc: { v: {}, v2: {} }, aws_flow_log: { f: { vpc_id: "${aws_vpc.v2.id}" } } }),
      address: "aws_vpc.v",
      expect: "non-compliant",
      message: "aws_flow_log",
    },
  ],
  "LZ-NET3": [
    {
      name: "an adopted, empty default group",
      json: r({ aws_vpc: { v: {} }, aws_default_security_group: { d: { vpc_id: "${aws_vpc.v.id}" } } }),
      address: "aws_vpc.v",
      expect: "compliant",
    },
    {
      name: "a default group with rules",
      json: r({ aws_vpc: { v: {} }, aws_default_security_group: { d: { vpc_id: "${aws_vpc.v.id}", egress: [{ protocol: "-1" }] } } }),
      address: "aws_vpc.v",
      expect: "non-compliant",
      message: "has rules",
    },
    {
      name: "a VPC whose default group is not adopted",
      json: r({ aws_vpc: { v: {} } }),
      address: "aws_vpc.v",
      expect: "non-compliant",
      message: "not adopted",
    },
  ],
  "LZ-NET4": [
    {
      name: "a gateway with auto-accept off",
      json: r({ aws_ec2_transit_gateway: { t: { auto_accept_shared_attachments: "disable" } } }),
      address: "aws_ec2_transit_gateway.t",
      expect: "compliant",
    },
    {
      name: "a gateway with auto-accept on",
      json: r({ aws_ec2_transit_gateway: { t: { auto_accept_shared_attachments: "enable" } } }),
      address: "aws_ec2_transit_gateway.t",
      expect: "non-compliant",
      message: "disable",
    },
  ],
  "LZ-NET5": [
    {
      name: "a VPN with strong options on both tunnels",
      json: r({ aws_vpn_connection: { v: strongVpn } }),
      address: "aws_vpn_connection.v",
      expect: "compliant",
    },
    {
      name: "a VPN allowing IKEv1",
      json: r({ aws_vpn_connection: { v: { ...strongVpn, tunnel2_ike_versions: ["ikev1", "ikev2"] } } }),
      address: "aws_vpn_connection.v",
      expect: "non-compliant",
      message: "tunnel2_ike_versions allows ikev1",
    },
    {
      name: "a VPN on AWS defaults",
      json: r({ aws_vpn_connection: { v: {} } }),
      address: "aws_vpn_connection.v",
      expect: "non-compliant",
      message: "tunnel1_ike_versions is not set",
    },
  ],
  "LZ-WAF1": [
    {
      name: "a distribution with a web ACL",
      json: r({ aws_cloudfront_distribution: { d: { web_acl_id: "arn:aws:wafv2:us-east-1:1:global/webacl/x/y" } } }),
      address: "aws_cloudfront_distribution.d",
      expect: "compliant",
    },
    {
      name: "a distribution without one",
      json: r({ aws_cloudfront_distribution: { d: {} } }),
      address: "aws_cloudfront_distribution.d",
      expect: "non-compliant",
      message: "web_acl_id",
    },
    {
      name: "a public ALB with an association",
      json: r({ aws_lb: { alb: { internal: false } }, aws_wafv2_web_acl_association: { a: { resource_arn: "${aws_lb.alb.arn}" } } }),
      address: "aws_lb.alb",
      expect: "compliant",
    },
    {
      name: "a public ALB without",
      json: r({ aws_lb: { alb: { internal: false } } }),
      address: "aws_lb.alb",
      expect: "non-compliant",
      message: "aws_wafv2_web_acl_association",
    },
    { name: "an internal ALB", json: r({ aws_lb: { alb: { internal: true } } }), address: "aws_lb.alb", expect: "not-applicable" },
  ],
  "LZ-LOG1": [
    {
      name: "an ALB with access logs",
      json: r({ aws_lb: { alb: { access_logs: { enabled: true, bucket: "logs" } } } }),
      address: "aws_lb.alb",
      expect: "compliant",
    },
    { name: "an ALB without", json: r({ aws_lb: { alb: {} } }), address: "aws_lb.alb", expect: "non-compliant", message: "access_logs" },
    {
      name: "a network load balancer",
      json: r({ aws_lb: { nlb: { load_balancer_type: "network" } } }),
      address: "aws_lb.nlb",
      expect: "not-applicable",
    },
  ],
  "LZ-LOG2": [
    {
      name: "a distribution with legacy logging",
      json: r({ aws_cloudfront_distribution: { d: { logging_config: { bucket: "logs.s3.amazonaws.com" } } } }),
      address: "aws_cloudfront_distribution.d",
      expect: "compliant",
    },
    {
      name: "a distribution with v2 logging",
      json: r({
        aws_cloudfront_distribution: { d: {} },
        aws_cloudwatch_log_delivery_source: { s: { resource_arn: "${aws_cloudfront_distribution.d.arn}" } },
      }),
      address: "aws_cloudfront_distribution.d",
      expect: "compliant",
    },
    {
      name: "a distribution without logging",
      json: r({ aws_cloudfront_distribution: { d: {} } }),
      address: "aws_cloudfront_distribution.d",
      expect: "non-compliant",
      message: "logging",
    },
  ],
  "LZ-LOG3": [
    {
      name: "a web ACL with logging",
      json: r({
        aws_wafv2_web_acl: { w: {} },
        aws_wafv2_web_acl_logging_configuration: { l: { resource_arn: "${aws_wafv2_web_acl.w.arn}" } },
      }),
      address: "aws_wafv2_web_acl.w",
      expect: "compliant",
    },
    {
      name: "a web ACL without",
      json: r({ aws_wafv2_web_acl: { w: {} } }),
      address: "aws_wafv2_web_acl.w",
      expect: "non-compliant",
      message: "logging_configuration",
    },
  ],
  "LZ-LOG4": [
    {
      name: "a firewall logging alerts and flows",
      json: r({
        aws_networkfirewall_firewall: { f: {} },
        aws_networkfirewall_logging_configuration: {
          l: {
            firewall_arn: "${aws_networkfirewall_firewall.f.arn}",
            logging_configuration: { log_destination_config: [{ log_type: "ALERT" }, { log_type: "FLOW" }] },
          },
        },
      }),
      address: "aws_networkfirewall_firewall.f",
      expect: "compliant",
    },
    {
      name: "a firewall logging alerts only",
      json: r({
        aws_networkfirewall_firewall: { f: {} },
        aws_networkfirewall_logging_configuration: {
          l: {
            firewall_arn: "${aws_networkfirewall_firewall.f.arn}",
            logging_configuration: { log_destination_config: [{ log_type: "ALERT" }] },
          },
        },
      }),
      address: "aws_networkfirewall_firewall.f",
      expect: "non-compliant",
      message: "FLOW",
    },
  ],
  "LZ-LOG5": [
    {
      name: "a hardened trail",
      json: r({
        aws_cloudtrail: {
          t: { is_multi_region_trail: true, enable_log_file_validation: true, kms_key_id: KEY, cloud_watch_logs_group_arn: "arn:...:*" },
        },
      }),
      address: "aws_cloudtrail.t",
      expect: "compliant",
    },
    {
      name: "a single-Region, unencrypted trail",
      json: r({ aws_cloudtrail: { t: { enable_log_file_validation: true } } }),
      address: "aws_cloudtrail.t",
      expect: "non-compliant",
      message: "is_multi_region_trail",
    },
  ],
  "LZ-ECS1": [
    {
      name: "an unprivileged container",
      json: r({ aws_ecs_task_definition: { t: { container_definitions: container({}) } } }),
      address: "aws_ecs_task_definition.t",
      expect: "compliant",
    },
    {
      name: "a privileged container",
      json: r({ aws_ecs_task_definition: { t: { container_definitions: container({ privileged: true }) } } }),
      address: "aws_ecs_task_definition.t",
      expect: "non-compliant",
      message: "privileged",
    },
  ],
  "LZ-ECS2": [
    {
      name: "a read-only root",
      json: r({ aws_ecs_task_definition: { t: { container_definitions: container({}) } } }),
      address: "aws_ecs_task_definition.t",
      expect: "compliant",
    },
    {
      name: "a writable root",
      json: r({ aws_ecs_task_definition: { t: { container_definitions: container({ readonlyRootFilesystem: false }) } } }),
      address: "aws_ecs_task_definition.t",
      expect: "non-compliant",
      message: "readonlyRootFilesystem",
    },
  ],
  "LZ-ECS3": [
    {
      name: "a secret from Secrets Manager",
      json: r({
        aws_ecs_task_definition: {
          t: {
            container_definitions: container({
              environment: [{ name: "DB_HOST", value: "db" }],
              secrets: [{ name: "DB_PASSWORD", valueFrom: "arn" }],
            }),
          },
        },
      }),
      address: "aws_ecs_task_definition.t",
      expect: "compliant",
    },
    {
      name: "a password in plain text",
      json: r({
        aws_ecs_task_definition: { t: { container_definitions: container({ environment: [{ name: "DB_PASSWORD", value: "hunter2" }] }) } },
      }),
      address: "aws_ecs_task_definition.t",
      expect: "non-compliant",
      message: "DB_PASSWORD",
    },
  ],
  "LZ-ECR1": [
    {
      name: "scan on push",
      json: r({ aws_ecr_repository: { e: { image_scanning_configuration: { scan_on_push: true } } } }),
      address: "aws_ecr_repository.e",
      expect: "compliant",
    },
    {
      name: "registry-wide enhanced scanning",
      json: r({
        aws_ecr_repository: { e: {} },
        aws_ecr_registry_scanning_configuration: { s: { scan_type: "ENHANCED", rule: [{ scan_frequency: "CONTINUOUS_SCAN" }] } },
      }),
      address: "aws_ecr_repository.e",
      expect: "compliant",
    },
    {
      name: "no scanning",
      json: r({ aws_ecr_repository: { e: {} } }),
      address: "aws_ecr_repository.e",
      expect: "non-compliant",
      message: "scan_on_push",
    },
  ],
  "LZ-ECR2": [
    {
      name: "immutable tags",
      json: r({ aws_ecr_repository: { e: { image_tag_mutability: "IMMUTABLE" } } }),
      address: "aws_ecr_repository.e",
      expect: "compliant",
    },
    {
      name: "mutable tags by default",
      json: r({ aws_ecr_repository: { e: {} } }),
      address: "aws_ecr_repository.e",
      expect: "non-compliant",
      message: "MUTABLE",
    },
  ],
  "LZ-DATA1": [
    {
      name: "a protected prod database",
      json: r({ aws_db_instance: { db: goodDb } }),
      address: "aws_db_instance.db",
      expect: "compliant",
      facts: PROD,
    },
    {
      name: "a single-AZ prod database without protection",
      json: r({ aws_db_instance: { db: { engine: "mysql", backup_retention_period: 1 } } }),
      address: "aws_db_instance.db",
      expect: "non-compliant",
      message: "multi_az",
      facts: PROD,
    },
    {
      name: "a prod read replica (no Multi-AZ or backup check)",
      json: r({ aws_db_instance: { db: { replicate_source_db: "x", deletion_protection: true, lifecycle: { prevent_destroy: true } } } }),
      address: "aws_db_instance.db",
      expect: "compliant",
      facts: PROD,
    },
    {
      name: "a dev database",
      json: r({ aws_db_instance: { db: { engine: "mysql" } } }),
      address: "aws_db_instance.db",
      expect: "not-applicable",
    },
  ],
  "LZ-DATA3": [
    {
      name: "a private MySQL primary with IAM authentication",
      json: r({ aws_db_instance: { db: { ...goodDb, publicly_accessible: false, iam_database_authentication_enabled: true } } }),
      address: "aws_db_instance.db",
      expect: "compliant",
    },
    {
      name: "a publicly accessible PostgreSQL instance without IAM authentication",
      json: r({ aws_db_instance: { db: { engine: "postgres", publicly_accessible: true } } }),
      address: "aws_db_instance.db",
      expect: "non-compliant",
      message:
        "publicly_accessible is true: set it to false and reach the database from inside the VPC; iam_database_authentication_enabled is not true",
    },
    {
      name: "a read replica whose MySQL source it copies, without IAM authentication of its own",
      json: r({
        aws_db_instance: {
          src: { engine: "mysql", iam_database_authentication_enabled: true },
          rep: { replicate_source_db: "${aws_db_instance.src.identifier}" },
        },
      }),
      address: "aws_db_instance.rep",
      expect: "non-compliant",
      message: "iam_database_authentication_enabled is not true",
    },
    {
      name: "an Aurora PostgreSQL cluster with IAM authentication",
      json: r({ aws_rds_cluster: { c: { engine: "aurora-postgresql", iam_database_authentication_enabled: true } } }),
      address: "aws_rds_cluster.c",
      expect: "compliant",
    },
    {
      name: "an Aurora MySQL cluster without IAM authentication",
      json: r({ aws_rds_cluster: { c: { engine: "aurora-mysql" } } }),
      address: "aws_rds_cluster.c",
      expect: "non-compliant",
      message: "iam_database_authentication_enabled is not true",
    },
    {
      name: "a publicly accessible Aurora instance",
      json: r({ aws_rds_cluster_instance: { i: { engine: "aurora-mysql", publicly_accessible: true } } }),
      address: "aws_rds_cluster_instance.i",
      expect: "non-compliant",
      message: "publicly_accessible is true",
    },
    {
      name: "an SQL Server instance, which has no IAM database authentication",
      json: r({ aws_db_instance: { db: { engine: "sqlserver-se", publicly_accessible: false } } }),
      address: "aws_db_instance.db",
      expect: "compliant",
    },
  ],
  "LZ-DATA2": [
    {
      name: "a resilient prod cache",
      json: r({
        aws_elasticache_replication_group: {
          c: {
            multi_az_enabled: true,
            automatic_failover_enabled: true,
            snapshot_retention_limit: 7,
            lifecycle: { prevent_destroy: true },
          },
        },
      }),
      address: "aws_elasticache_replication_group.c",
      expect: "compliant",
      facts: PROD,
    },
    {
      name: "a single-node prod cache",
      json: r({ aws_elasticache_replication_group: { c: {} } }),
      address: "aws_elasticache_replication_group.c",
      expect: "non-compliant",
      message: "automatic_failover_enabled",
      facts: PROD,
    },
    {
      name: "a dev cache",
      json: r({ aws_elasticache_replication_group: { c: {} } }),
      address: "aws_elasticache_replication_group.c",
      expect: "not-applicable",
    },
  ],
  "LZ-IAM1": [
    {
      name: "a service trust with a source condition",
      json: r({
        aws_iam_role: {
          x: {
            assume_role_policy: policy([{ Effect: "Allow", Principal: { Service: "cloudtrail.amazonaws.com" }, Action: "sts:AssumeRole" }]),
          },
        },
      }),
      address: "aws_iam_role.x",
      expect: "compliant",
    },
    {
      name: "a trust policy admitting anyone",
      json: r({
        aws_iam_role: {
          x: { assume_role_policy: policy([{ Sid: "Anyone", Effect: "Allow", Principal: { AWS: "*" }, Action: "sts:AssumeRole" }]) },
        },
      }),
      address: "aws_iam_role.x",
      expect: "non-compliant",
      message: "Anyone",
    },
    {
      name: "a bucket policy (policy document data source) with * and aws:PrincipalOrgID",
      json: r(
        { aws_s3_bucket_policy: { p: { policy: "${data.aws_iam_policy_document.d.json}" } } },
        {
          aws_iam_policy_document: {
            d: {
              statement: [
                {
                  effect: "Allow",
                  actions: ["s3:GetObject"],
                  principals: [{ type: "*", identifiers: ["*"] }],
                  condition: [{ test: "StringEquals", variable: "aws:PrincipalOrgID", values: ["o-1"] }],
                },
              ],
            },
          },
        },
      ),
      address: "aws_s3_bucket_policy.p",
      expect: "compliant",
    },
    {
      name: "a topic policy allowing * without a condition (policy document data source)",
      json: r(
        { aws_sns_topic_policy: { p: { policy: "${data.aws_iam_policy_document.d.json}" } } },
        {
          aws_iam_policy_document: {
            d: { statement: [{ effect: "Allow", actions: ["sns:Publish"], principals: [{ type: "AWS", identifiers: ["*"] }] }] },
          },
        },
      ),
      address: "aws_sns_topic_policy.p",
      expect: "non-compliant",
      message: 'principal "*"',
    },
    {
      name: "a Deny with *",
      json: r({
        aws_sns_topic_policy: {
          p: {
            policy: policy([
              { Effect: "Deny", Principal: "*", Action: "sns:Publish", Condition: { Bool: { "aws:SecureTransport": "false" } } },
            ]),
          },
        },
      }),
      address: "aws_sns_topic_policy.p",
      expect: "compliant",
    },
  ],
  "LZ-IAM2": [
    {
      name: "a GitHub role pinned to one repository and branch",
      json: githubTrust({
        StringEquals: {
          "token.actions.githubusercontent.com:aud": "sts.amazonaws.com",
          "token.actions.githubusercontent.com:sub": "repo:acme/landing-zone:ref:refs/heads/main",
        },
      }),
      address: "aws_iam_role.apply",
      expect: "compliant",
    },
    {
      name: "a GitHub role without a sub condition",
      json: githubTrust({ StringEquals: { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com" } }),
      address: "aws_iam_role.apply",
      expect: "non-compliant",
      message: "no StringEquals/StringLike condition",
    },
    {
      name: "a GitHub role open to every repository of the owner",
      json: githubTrust({
        StringEquals: { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com" },
        StringLike: { "token.actions.githubusercontent.com:sub": "repo:acme/*" },
      }),
      address: "aws_iam_role.apply",
      expect: "non-compliant",
      message: "repo:acme/*",
    },
    {
      name: "a role trusted by a service (not GitHub)",
      json: r({
        aws_iam_role: {
          x: { assume_role_policy: policy([{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }]) },
        },
      }),
      address: "aws_iam_role.x",
      expect: "not-applicable",
    },
  ],
  "LZ-IAM3": [
    {
      name: "a read-only attachment",
      json: r({ aws_iam_role_policy_attachment: { a: { role: "plan", policy_arn: "arn:aws:iam::aws:policy/ReadOnlyAccess" } } }),
      address: "aws_iam_role_policy_attachment.a",
      expect: "compliant",
    },
    {
      name: "an AdministratorAccess attachment",
      json: r({ aws_iam_role_policy_attachment: { a: { role: "apply", policy_arn: "arn:aws:iam::aws:policy/AdministratorAccess" } } }),
      address: "aws_iam_role_policy_attachment.a",
      expect: "non-compliant",
      message: "AdministratorAccess",
    },
  ],
  "LZ-IAM4": [
    {
      name: "a hub attachment role trusted by one workload's apply role, with a narrow policy",
      json: hubRole("arn:aws:iam::222222222222:role/apply", {
        aws_iam_role_policy: {
          p: {
            role: "${aws_iam_role.hub.name}",
            policy: policy([{ Effect: "Allow", Action: "ec2:AcceptTransitGatewayVpcAttachment", Resource: "*" }]),
          },
        },
      }),
      address: "aws_iam_role.hub",
      expect: "compliant",
    },
    {
      name: "the hub's deploy role with AdministratorAccess, trusted by a workload's apply role (a dev job becomes hub admin)",
      json: hubRole("arn:aws:iam::222222222222:role/apply", {
        aws_iam_role_policy_attachment: {
          a: { role: "${aws_iam_role.hub.name}", policy_arn: "arn:aws:iam::aws:policy/AdministratorAccess" },
        },
      }),
      address: "aws_iam_role.hub",
      expect: "non-compliant",
      message: "trusted by account 222222222222, another account, and holds AdministratorAccess",
    },
    {
      name: "a role trusted by another account's root with an inline policy allowing *:*",
      json: hubRole("arn:aws:iam::333333333333:root", {
        aws_iam_role_policy: {
          p: { role: "${aws_iam_role.hub.name}", policy: policy([{ Effect: "Allow", Action: "*:*", Resource: "*" }]) },
        },
      }),
      address: "aws_iam_role.hub",
      expect: "non-compliant",
      message: "which allows *",
    },
    {
      name: "a role in an unpinned account trusted by an account id, with PowerUserAccess in managed_policy_arns",
      json: {
        resource: {
          aws_iam_role: {
            hub: {
              assume_role_policy: policy([{ Effect: "Allow", Principal: { AWS: "444444444444" }, Action: "sts:AssumeRole" }]),
              managed_policy_arns: ["arn:aws:iam::aws:policy/PowerUserAccess"],
            },
          },
        },
      },
      address: "aws_iam_role.hub",
      expect: "non-compliant",
      message: "PowerUserAccess",
    },
    {
      name: "a deploy role with AdministratorAccess trusted only by its own account's apply role",
      json: hubRole("arn:aws:iam::111111111111:role/apply", {
        aws_iam_role_policy_attachment: {
          a: { role: "${aws_iam_role.hub.name}", policy_arn: "arn:aws:iam::aws:policy/AdministratorAccess" },
        },
      }),
      address: "aws_iam_role.hub",
      expect: "not-applicable",
    },
    {
      name: "a service role",
      json: r({
        aws_iam_role: {
          x: {
            assume_role_policy: policy([{ Effect: "Allow", Principal: { Service: "ecs-tasks.amazonaws.com" }, Action: "sts:AssumeRole" }]),
          },
        },
      }),
      address: "aws_iam_role.x",
      expect: "not-applicable",
    },
  ],
};
