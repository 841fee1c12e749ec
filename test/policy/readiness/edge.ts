/** Cases of the deploy-readiness rules (AWS constraints beyond the schema) for the edge, load balancer and deployment-ordering rules. */
import { r, type RuleCase } from "../case.js";

const CF_LIST = "${data.aws_ec2_managed_prefix_list.cf.id}";
const cfData = { aws_ec2_managed_prefix_list: { cf: { name: "com.amazonaws.global.cloudfront.origin-facing" } } };
const sgRef = "${aws_security_group.alb.id}";
/** A VPC-style ingress rule of `aws_security_group.alb`. */
const ingress = (source: Record<string, string>, port = 443) => ({
  security_group_id: sgRef,
  ip_protocol: "tcp",
  from_port: port,
  to_port: port,
  ...source,
});
const cidrs = (n: number) =>
  Object.fromEntries(Array.from({ length: n }, (_, i) => [`c${i}`, ingress({ cidr_ipv4: `198.51.100.${i}/32` })]));

/** A REGIONAL web ACL `acl` on `aws_lb.alb` whose security group admits `albIngress`, with the given rules. */
const aclOnAlb = (acl: Record<string, unknown>, albIngress: Record<string, object>) =>
  r(
    {
      aws_vpc: { v: { cidr_block: "10.0.0.0/16" } },
      aws_security_group: { alb: { vpc_id: "${aws_vpc.v.id}" } },
      aws_vpc_security_group_ingress_rule: albIngress,
      aws_lb: { alb: { load_balancer_type: "application", security_groups: [sgRef] } },
      aws_wafv2_web_acl: { acl: { scope: "REGIONAL", ...acl } },
      aws_wafv2_web_acl_association: { a: { resource_arn: "${aws_lb.alb.arn}", web_acl_arn: "${aws_wafv2_web_acl.acl.arn}" } },
    },
    cfData,
  );
const cloudFrontOnly = {
  cf: ingress({ prefix_list_id: CF_LIST }),
  test: ingress({ cidr_ipv4: "${aws_vpc.v.cidr_block}" }, 8443),
};
const rateRule = (aggregate: Record<string, unknown>) =>
  JSON.stringify([
    { Name: "rate-limit-per-ip", Priority: 1, Statement: { RateBasedStatement: { Limit: 2000, ...aggregate } }, Action: { Block: {} } },
    { Name: "common", Priority: 10, Statement: { ManagedRuleGroupStatement: { VendorName: "AWS", Name: "AWSManagedRulesCommonRuleSet" } } },
  ]);
const managedOnly = JSON.stringify([
  { Name: "common", Priority: 10, Statement: { ManagedRuleGroupStatement: { VendorName: "AWS", Name: "AWSManagedRulesCommonRuleSet" } } },
]);

/** An ECS blue-green deployment group naming `service_name` and target groups, with the named resources in the stack. */
const deployment = (group: Record<string, unknown>, names: { service: string; blue: string; green: string }) =>
  r({
    aws_ecs_cluster: { c: { name: "acme-prod" } },
    aws_ecs_service: {
      api: { name: "acme-prod-api", cluster: "${aws_ecs_cluster.c.arn}", deployment_controller: { type: "CODE_DEPLOY" } },
    },
    aws_lb_target_group: { blue: { name: "acme-prod-api-blue" }, green: { name: "acme-prod-api-green" } },
    aws_codedeploy_deployment_group: {
      g: {
        ecs_service: { cluster_name: "acme-prod", service_name: names.service },
        load_balancer_info: { target_group_pair_info: { target_group: [{ name: names.blue }, { name: names.green }] } },
        ...group,
      },
    },
  });
const plainNames = { service: "acme-prod-api", blue: "acme-prod-api-blue", green: "acme-prod-api-green" };

/** An ECS service behind `aws_lb_target_group.tg`, a listener rule forwarding to it (unless `rule` is false), and `extra` service arguments. */
const serviceBehindRule = (extra: Record<string, unknown>, rule = true) =>
  r({
    aws_lb_target_group: { tg: { name: "acme-api", port: 8080, protocol: "HTTP", target_type: "ip" } },
    ...(rule
      ? {
          aws_lb_listener_rule: {
            api: {
              listener_arn: "${aws_lb_listener.https.arn}",
              action: [{ type: "forward", target_group_arn: "${aws_lb_target_group.tg.arn}" }],
            },
          },
        }
      : {}),
    aws_ecs_service: {
      api: {
        name: "acme-api",
        load_balancer: [{ target_group_arn: "${aws_lb_target_group.tg.arn}", container_name: "app", container_port: 8080 }],
        ...extra,
      },
    },
  });

/** An ALB logging to bucket `acme-alb-logs` (by name), with the bucket's policy, and `lb` extra arguments. */
const albLogging = (lb: Record<string, unknown>, policy = true) =>
  r({
    aws_s3_bucket: { logs: { bucket: "acme-alb-logs" } },
    ...(policy ? { aws_s3_bucket_policy: { logs: { bucket: "${aws_s3_bucket.logs.id}", policy: "{}" } } } : {}),
    aws_lb: { alb: { load_balancer_type: "application", access_logs: { bucket: "acme-alb-logs", enabled: true, prefix: "alb" }, ...lb } },
  });

/** A distribution with legacy logging to `aws_s3_bucket.logs`, its ownership controls (or none), and `extra` arguments. */
const cloudFrontLogging = (extra: Record<string, unknown>, ownership?: string) =>
  r({
    aws_s3_bucket: { logs: { bucket: "acme-cf-logs" } },
    ...(ownership
      ? { aws_s3_bucket_ownership_controls: { logs: { bucket: "${aws_s3_bucket.logs.id}", rule: { object_ownership: ownership } } } }
      : {}),
    aws_cloudfront_distribution: {
      cdn: { logging_config: { bucket: "${aws_s3_bucket.logs.bucket_domain_name}", prefix: "cloudfront/" }, ...extra },
    },
  });

/** Cases per rule id. */
/** A VPC origin on `aws_lb.alb` (internal unless `internal` is false), whose VPC has an internet gateway unless `igw` is false. */
const vpcOriginOn = (options: { internal?: boolean; igw?: boolean; arn?: string } = {}) =>
  r({
    aws_vpc: { v: { cidr_block: "10.0.0.0/16" } },
    ...(options.igw === false ? {} : { aws_internet_gateway: { igw: { vpc_id: "${aws_vpc.v.id}" } } }),
    aws_security_group: { alb: { vpc_id: "${aws_vpc.v.id}" } },
    aws_lb: { alb: { load_balancer_type: "application", internal: options.internal ?? true, security_groups: [sgRef] } },
    aws_cloudfront_vpc_origin: {
      o: { vpc_origin_endpoint_config: { name: "o", arn: options.arn ?? "${aws_lb.alb.arn}", origin_protocol_policy: "https-only" } },
    },
  });

export const EDGE_READINESS_CASES: Readonly<Record<string, readonly RuleCase[]>> = {
  "LZ-AWS12": [
    {
      name: "a VPC origin on an internal ALB in a VPC with an internet gateway",
      json: vpcOriginOn(),
      address: "aws_cloudfront_vpc_origin.o",
      expect: "compliant",
    },
    {
      name: "a VPC origin on an internet-facing ALB",
      json: vpcOriginOn({ internal: false }),
      address: "aws_cloudfront_vpc_origin.o",
      expect: "non-compliant",
      message: "aws_lb.alb is internet-facing. Set internal = true",
    },
    {
      name: "a VPC origin in a VPC without an internet gateway",
      json: vpcOriginOn({ igw: false }),
      address: "aws_cloudfront_vpc_origin.o",
      expect: "non-compliant",
      message: "aws_vpc.v has no internet gateway",
    },
    {
      name: "a VPC origin on an instance ARN written as text",
      json: vpcOriginOn({ arn: "arn:aws:ec2:eu-west-1:444444444444:instance/i-1" }),
      address: "aws_cloudfront_vpc_origin.o",
      expect: "not-applicable",
    },
  ],
  "LZ-AWS1": [
    {
      name: "an ALB group referencing CloudFront's origin-facing list on 443 and 80 (2 × 55 > 60)",
      json: r(
        {
          aws_security_group: { alb: {} },
          aws_vpc_security_group_ingress_rule: {
            https: ingress({ prefix_list_id: CF_LIST }),
            http: ingress({ prefix_list_id: CF_LIST }, 80),
          },
        },
        cfData,
      ),
      address: "aws_security_group.alb",
      expect: "non-compliant",
      message: "ingress IPv4 rules weigh 110: 2 × com.amazonaws.global.cloudfront.origin-facing (weight 55)",
    },
    {
      name: "the CloudFront list once plus 5 CIDRs (exactly 60)",
      json: r(
        { aws_security_group: { alb: {} }, aws_vpc_security_group_ingress_rule: { cf: ingress({ prefix_list_id: CF_LIST }), ...cidrs(5) } },
        cfData,
      ),
      address: "aws_security_group.alb",
      expect: "compliant",
    },
    {
      name: "inline ingress: the CloudFront list plus 6 CIDRs (61)",
      json: r(
        {
          aws_security_group: {
            alb: {
              ingress: [
                { protocol: "tcp", from_port: 443, to_port: 443, prefix_list_ids: [CF_LIST] },
                { protocol: "tcp", from_port: 22, to_port: 22, cidr_blocks: ["10.0.0.0/24", "10.0.1.0/24", "10.0.2.0/24"] },
                { protocol: "tcp", from_port: 22, to_port: 22, cidr_blocks: ["10.0.3.0/24", "10.0.4.0/24", "10.0.5.0/24"] },
              ],
            },
          },
        },
        cfData,
      ),
      address: "aws_security_group.alb",
      expect: "non-compliant",
      message: "weigh 61",
    },
    {
      name: "aws_security_group_rule twice on a customer-managed list of 40 max entries (80)",
      json: r({
        aws_security_group: { alb: {} },
        aws_ec2_managed_prefix_list: { partners: { name: "partners", address_family: "IPv4", max_entries: 40 } },
        aws_security_group_rule: {
          a: {
            type: "ingress",
            security_group_id: sgRef,
            protocol: "tcp",
            from_port: 443,
            to_port: 443,
            prefix_list_ids: ["${aws_ec2_managed_prefix_list.partners.id}"],
          },
          b: {
            type: "ingress",
            security_group_id: sgRef,
            protocol: "tcp",
            from_port: 80,
            to_port: 80,
            prefix_list_ids: ["${aws_ec2_managed_prefix_list.partners.id}"],
          },
        },
      }),
      address: "aws_security_group.alb",
      expect: "non-compliant",
      message: "2 × partners (weight 40)",
    },
    {
      name: "the IPv4 and the IPv6 CloudFront lists once each (55 per family)",
      json: r(
        {
          aws_security_group: { alb: {} },
          aws_vpc_security_group_ingress_rule: {
            v4: ingress({ prefix_list_id: CF_LIST }),
            v6: ingress({ prefix_list_id: "${data.aws_ec2_managed_prefix_list.cf6.id}" }),
          },
        },
        {
          aws_ec2_managed_prefix_list: {
            ...cfData.aws_ec2_managed_prefix_list,
            cf6: { filter: [{ name: "prefix-list-name", values: ["com.amazonaws.global.ipv6.cloudfront.origin-facing"] }] },
          },
        },
      ),
      address: "aws_security_group.alb",
      expect: "compliant",
    },
    {
      name: "two rules on a literal prefix list id, counted conservatively",
      json: r({
        aws_security_group: { alb: {} },
        aws_vpc_security_group_ingress_rule: {
          a: ingress({ prefix_list_id: "pl-3b927c52" }),
          b: ingress({ prefix_list_id: "pl-3b927c52" }, 80),
        },
      }),
      address: "aws_security_group.alb",
      expect: "non-compliant",
      message: "could not be resolved in this stack and were counted as 55",
    },
    {
      name: "a service group with an S3 gateway list (weight 1), a referenced group and CIDR egress",
      json: r(
        {
          aws_security_group: { svc: {} },
          aws_vpc_security_group_ingress_rule: {
            alb: { security_group_id: "${aws_security_group.svc.id}", referenced_security_group_id: sgRef },
          },
          aws_vpc_security_group_egress_rule: {
            s3: { security_group_id: "${aws_security_group.svc.id}", prefix_list_id: "${data.aws_ec2_managed_prefix_list.s3.id}" },
            web: { security_group_id: "${aws_security_group.svc.id}", cidr_ipv4: "0.0.0.0/0" },
          },
        },
        { aws_ec2_managed_prefix_list: { s3: { name: "com.amazonaws.eu-west-1.s3" } } },
      ),
      address: "aws_security_group.svc",
      expect: "compliant",
    },
  ],
  "LZ-AWS2": [
    {
      name: "a regional ACL rate-limiting by IP on an ALB only CloudFront reaches",
      json: aclOnAlb({ rule_json: rateRule({ AggregateKeyType: "IP" }) }, cloudFrontOnly),
      address: "aws_wafv2_web_acl.acl",
      expect: "non-compliant",
      message: "the source IP is a CloudFront edge server",
    },
    {
      name: "the same ACL without a rate-based rule (rate limiting lives on the CLOUDFRONT-scope ACL)",
      json: aclOnAlb({ rule_json: managedOnly }, cloudFrontOnly),
      address: "aws_wafv2_web_acl.acl",
      expect: "compliant",
    },
    {
      name: "a rule block whose rate_based_statement leaves aggregate_key_type at its default (IP)",
      json: aclOnAlb({ rule: [{ name: "flood", priority: 1, statement: { rate_based_statement: { limit: 500 } } }] }, cloudFrontOnly),
      address: "aws_wafv2_web_acl.acl",
      expect: "non-compliant",
      message: "flood",
    },
    {
      name: "a CUSTOM_KEYS rate rule keyed on the source IP",
      json: aclOnAlb(
        { rule_json: rateRule({ AggregateKeyType: "CUSTOM_KEYS", CustomKeys: [{ IP: {} }, { HTTPMethod: {} }] }) },
        cloudFrontOnly,
      ),
      address: "aws_wafv2_web_acl.acl",
      expect: "non-compliant",
    },
    {
      name: "a FORWARDED_IP rate rule (it counts the client-declared address, not edge servers)",
      json: aclOnAlb(
        {
          rule_json: rateRule({
            AggregateKeyType: "FORWARDED_IP",
            ForwardedIPConfig: { HeaderName: "X-Forwarded-For", FallbackBehavior: "NO_MATCH" },
          }),
        },
        cloudFrontOnly,
      ),
      address: "aws_wafv2_web_acl.acl",
      expect: "compliant",
    },
    {
      name: "an IP rate rule on an ALB that also admits the internet",
      json: aclOnAlb(
        { rule_json: rateRule({ AggregateKeyType: "IP" }) },
        { ...cloudFrontOnly, world: ingress({ cidr_ipv4: "0.0.0.0/0" }) },
      ),
      address: "aws_wafv2_web_acl.acl",
      expect: "not-applicable",
    },
    {
      name: "a CLOUDFRONT-scope ACL rate-limiting by viewer IP",
      json: r({ aws_wafv2_web_acl: { edge: { scope: "CLOUDFRONT", rule_json: rateRule({ AggregateKeyType: "IP" }) } } }),
      address: "aws_wafv2_web_acl.edge",
      expect: "not-applicable",
    },
  ],
  "LZ-AWS3": [
    {
      name: "a deployment group naming its ECS service and target groups by plain strings",
      json: deployment({}, plainNames),
      address: "aws_codedeploy_deployment_group.g",
      expect: "non-compliant",
      message: "ecs_service.service_name names aws_ecs_service.api",
    },
    {
      name: "a deployment group referring to the service's and target groups' name attributes",
      json: deployment(
        {},
        { service: "${aws_ecs_service.api.name}", blue: "${aws_lb_target_group.blue.name}", green: "${aws_lb_target_group.green.name}" },
      ),
      address: "aws_codedeploy_deployment_group.g",
      expect: "compliant",
    },
    {
      name: "a deployment group with plain names and depends_on on the service and target groups",
      json: deployment({ depends_on: ["aws_ecs_service.api", "aws_lb_target_group.blue", "aws_lb_target_group.green"] }, plainNames),
      address: "aws_codedeploy_deployment_group.g",
      expect: "compliant",
    },
    {
      name: "an ECS service that does not wait for the listener rule attaching its target group",
      json: serviceBehindRule({}),
      address: "aws_ecs_service.api",
      expect: "non-compliant",
      message: "does not wait for aws_lb_listener_rule.api",
    },
    {
      name: "an ECS service with depends_on the listener rule attaching its target group",
      json: serviceBehindRule({ depends_on: ["aws_lb_listener_rule.api"] }),
      address: "aws_ecs_service.api",
      expect: "compliant",
    },
    {
      name: "an ECS service whose target group no listener or rule forwards to",
      json: serviceBehindRule({}, false),
      address: "aws_ecs_service.api",
      expect: "non-compliant",
      message: "no listener or listener rule of this stack forwards to",
    },
    {
      name: "an ECS service without a load balancer",
      json: r({ aws_ecs_service: { worker: { name: "acme-worker" } } }),
      address: "aws_ecs_service.worker",
      expect: "not-applicable",
    },
    {
      name: "an ALB with access logs that does not wait for its log bucket's policy",
      json: albLogging({}),
      address: "aws_lb.alb",
      expect: "non-compliant",
      message: "does not wait for its bucket policy aws_s3_bucket_policy.logs",
    },
    {
      name: "an ALB with access logs and depends_on its log bucket's policy",
      json: albLogging({ depends_on: ["aws_s3_bucket_policy.logs"] }),
      address: "aws_lb.alb",
      expect: "compliant",
    },
    {
      name: "an ALB logging to a bucket of the stack that has no bucket policy",
      json: albLogging({}, false),
      address: "aws_lb.alb",
      expect: "non-compliant",
      message: "has no aws_s3_bucket_policy",
    },
    {
      name: "an ALB logging to a bucket managed elsewhere",
      json: r({ aws_lb: { alb: { access_logs: { bucket: "central-logs", enabled: true } } } }),
      address: "aws_lb.alb",
      expect: "not-applicable",
    },
    {
      name: "a distribution logging to a bucket whose ownership controls it does not wait for",
      json: cloudFrontLogging({}, "BucketOwnerPreferred"),
      address: "aws_cloudfront_distribution.cdn",
      expect: "non-compliant",
      message: "does not wait for its ownership controls aws_s3_bucket_ownership_controls.logs",
    },
    {
      name: "a distribution that depends on the log bucket's BucketOwnerPreferred ownership controls",
      json: cloudFrontLogging({ depends_on: ["aws_s3_bucket_ownership_controls.logs"] }, "BucketOwnerPreferred"),
      address: "aws_cloudfront_distribution.cdn",
      expect: "compliant",
    },
    {
      name: "a distribution logging to a bucket with ACLs disabled (BucketOwnerEnforced)",
      json: cloudFrontLogging({ depends_on: ["aws_s3_bucket_ownership_controls.logs"] }, "BucketOwnerEnforced"),
      address: "aws_cloudfront_distribution.cdn",
      expect: "non-compliant",
      message: 'Write "BucketOwnerPreferred"',
    },
    {
      name: "a distribution logging to a bucket without ownership controls",
      json: cloudFrontLogging({}),
      address: "aws_cloudfront_distribution.cdn",
      expect: "non-compliant",
      message: "has no aws_s3_bucket_ownership_controls",
    },
    {
      name: "a distribution without legacy logging",
      json: r({ aws_cloudfront_distribution: { cdn: { enabled: true } } }),
      address: "aws_cloudfront_distribution.cdn",
      expect: "not-applicable",
    },
  ],
  "LZ-AWS4": [
    {
      name: "a DB parameter group with a fixed name and create_before_destroy",
      json: r({
        aws_db_parameter_group: { p: { name: "acme-prod-mysql", family: "mysql8.0", lifecycle: { create_before_destroy: true } } },
      }),
      address: "aws_db_parameter_group.p",
      expect: "non-compliant",
      message: "AlreadyExists on replacement; use name_prefix",
    },
    {
      name: "a DB parameter group with name_prefix and create_before_destroy",
      json: r({
        aws_db_parameter_group: { p: { name_prefix: "acme-prod-mysql-", family: "mysql8.0", lifecycle: { create_before_destroy: true } } },
      }),
      address: "aws_db_parameter_group.p",
      expect: "compliant",
    },
    {
      name: "a target group with a fixed name and create_before_destroy",
      json: r({ aws_lb_target_group: { tg: { name: "acme-api", port: 80, lifecycle: { create_before_destroy: true } } } }),
      address: "aws_lb_target_group.tg",
      expect: "non-compliant",
    },
    {
      name: "a security group whose name carries a random suffix",
      json: r({
        aws_security_group: { sg: { name: "acme-${random_id.sg.hex}", lifecycle: { create_before_destroy: true } } },
        random_id: { sg: { byte_length: 4 } },
      }),
      address: "aws_security_group.sg",
      expect: "compliant",
    },
    {
      name: "a fixed name replaced destroy-before-create (the default)",
      json: r({ aws_iam_role: { role: { name: "acme-deploy" } } }),
      address: "aws_iam_role.role",
      expect: "not-applicable",
    },
  ],
};
