/** Cases of the deploy-readiness rules (AWS constraints beyond the schema) for the baseline, logging and inspection rules. */
import { KEY, r, type RuleCase } from "../case.js";

const ALIAS_ARN = "arn:aws:kms:eu-west-1:111111111111:alias/acme-log-archive";

/** A delivery channel to `bucketName` next to the buckets in `buckets`, plus `extra` resources. */
const channelTo = (bucketName: string, buckets: Record<string, object> = {}, extra: Record<string, Record<string, object>> = {}) =>
  r({
    aws_config_delivery_channel: { c: { name: "acme-delivery", s3_bucket_name: bucketName, s3_key_prefix: "config" } },
    ...(Object.keys(buckets).length > 0 ? { aws_s3_bucket: buckets } : {}),
    ...extra,
  });

const SSH_OUT = "drop tcp $HOME_NET any -> $EXTERNAL_NET 22 (sid:1000001; rev:1;)";
const homeNet = (cidrs: string[]) => [{ key: "HOME_NET", ip_set: { definition: cidrs } }];

/**
 * An inspection VPC reached through a transit gateway (appliance mode unless `applianceMode` is false), its
 * firewall, the firewall's policy (with `policyVariables`) and the rule group `g` (`group`).
 */
const inspection = (group: object, policyVariables?: object, options: { applianceMode?: boolean; tgwRouteToEndpoint?: boolean } = {}) =>
  r({
    aws_vpc: { insp: { cidr_block: "10.255.0.0/24" } },
    aws_subnet: { tgw: { vpc_id: "${aws_vpc.insp.id}", cidr_block: "10.255.0.0/28" } },
    aws_route_table: { tgw: { vpc_id: "${aws_vpc.insp.id}" } },
    aws_route_table_association: { tgw: { subnet_id: "${aws_subnet.tgw.id}", route_table_id: "${aws_route_table.tgw.id}" } },
    aws_route: {
      tgw: {
        route_table_id: "${aws_route_table.tgw.id}",
        destination_cidr_block: "0.0.0.0/0",
        ...(options.tgwRouteToEndpoint === false ? { gateway_id: "local" } : { vpc_endpoint_id: "${lookup(local.endpoints, 0)}" }),
      },
    },
    aws_ec2_transit_gateway_vpc_attachment: {
      att: {
        transit_gateway_id: "tgw-1",
        vpc_id: "${aws_vpc.insp.id}",
        subnet_ids: ["${aws_subnet.tgw.id}"],
        appliance_mode_support: options.applianceMode === false ? "disable" : "enable",
      },
    },
    aws_networkfirewall_rule_group: { g: { name: "g", type: "STATEFUL", capacity: 100, rule_group: group } },
    aws_networkfirewall_firewall_policy: {
      p: {
        name: "p",
        firewall_policy: {
          ...(policyVariables ? { policy_variables: policyVariables } : {}),
          stateless_default_actions: ["aws:forward_to_sfe"],
          stateful_rule_group_reference: [{ priority: 100, resource_arn: "${aws_networkfirewall_rule_group.g.arn}" }],
        },
      },
    },
    aws_networkfirewall_firewall: {
      fw: { name: "fw", vpc_id: "${aws_vpc.insp.id}", firewall_policy_arn: "${aws_networkfirewall_firewall_policy.p.arn}" },
    },
  });
const suricata = (rules: string, variables?: object) => ({
  ...(variables ? { rule_variables: { ip_sets: variables } } : {}),
  rules_source: { rules_string: rules },
  stateful_rule_options: { rule_order: "STRICT_ORDER" },
});
const INSPECTED = { inspectedCidrs: ["10.30.0.0/16"] };

/** A finding aggregator, a CENTRAL organization configuration (`org` overrides its body) and a configuration policy. */
const central = (org: object = {}, policy: object = { depends_on: ["aws_securityhub_organization_configuration.o"] }, aggregator = true) =>
  r({
    ...(aggregator ? { aws_securityhub_finding_aggregator: { a: { linking_mode: "NO_REGIONS" } } } : {}),
    aws_securityhub_organization_configuration: {
      o: {
        auto_enable: false,
        auto_enable_standards: "NONE",
        organization_configuration: { configuration_type: "CENTRAL" },
        ...(aggregator ? { depends_on: ["aws_securityhub_finding_aggregator.a"] } : {}),
        ...org,
      },
    },
    aws_securityhub_configuration_policy: {
      p: { name: "p", configuration_policy: { service_enabled: true, enabled_standard_arns: [] }, ...policy },
    },
  });

/** Cases per rule id. */
export const BASELINE_READINESS_CASES: Readonly<Record<string, readonly RuleCase[]>> = {
  "LZ-ORG1": [
    {
      name: "an account kept: close_on_deletion false, prevent_destroy",
      json: r({
        aws_organizations_account: {
          a: { name: "x", email: "x@x.example", close_on_deletion: false, lifecycle: { prevent_destroy: true } },
        },
      }),
      address: "aws_organizations_account.a",
      expect: "compliant",
    },
    {
      name: "an account closed on deletion",
      json: r({
        aws_organizations_account: {
          a: { name: "x", email: "x@x.example", close_on_deletion: true, lifecycle: { prevent_destroy: true } },
        },
      }),
      address: "aws_organizations_account.a",
      expect: "non-compliant",
      message: "close_on_deletion is true",
    },
    {
      name: "an account without prevent_destroy",
      json: r({ aws_organizations_account: { a: { name: "x", email: "x@x.example" } } }),
      address: "aws_organizations_account.a",
      expect: "non-compliant",
      message: "prevent_destroy",
    },
  ],
  "LZ-AWS15": [
    {
      name: "central configuration after its finding aggregator, with auto-enable off and standards NONE",
      json: central(),
      address: "aws_securityhub_organization_configuration.o",
      expect: "compliant",
    },
    {
      name: "central configuration not waiting for the stack's finding aggregator",
      json: central({ depends_on: [] }),
      address: "aws_securityhub_organization_configuration.o",
      expect: "non-compliant",
      message: "it does not wait for aws_securityhub_finding_aggregator.a",
    },
    {
      name: "central configuration in a stack without a finding aggregator",
      json: central({}, undefined, false),
      address: "aws_securityhub_organization_configuration.o",
      expect: "non-compliant",
      message: "the stack has no aws_securityhub_finding_aggregator",
    },
    {
      name: "central configuration with auto-enable and default standards",
      json: central({ auto_enable: true, auto_enable_standards: "DEFAULT" }),
      address: "aws_securityhub_organization_configuration.o",
      expect: "non-compliant",
      message: "auto_enable is not false",
    },
    {
      name: "a LOCAL organization configuration",
      json: r({
        aws_securityhub_organization_configuration: {
          o: { auto_enable: true, organization_configuration: { configuration_type: "LOCAL" } },
        },
      }),
      address: "aws_securityhub_organization_configuration.o",
      expect: "not-applicable",
    },
    {
      name: "a configuration policy after the CENTRAL organization configuration",
      json: central(),
      address: "aws_securityhub_configuration_policy.p",
      expect: "compliant",
    },
    {
      name: "a configuration policy not waiting for the CENTRAL organization configuration",
      json: central({}, {}),
      address: "aws_securityhub_configuration_policy.p",
      expect: "non-compliant",
      message: "a configuration policy exists only under central configuration",
    },
    {
      name: "a configuration policy in a stack whose organization configuration is managed elsewhere",
      json: r({ aws_securityhub_configuration_policy: { p: { name: "p" } } }),
      address: "aws_securityhub_configuration_policy.p",
      expect: "not-applicable",
    },
  ],
  "LZ-AWS9": [
    {
      name: "a delivery channel to a referenced bucket without Object Lock",
      json: channelTo("${aws_s3_bucket.config.bucket}", { config: { bucket: "acme-aws-config-1" } }),
      address: "aws_config_delivery_channel.c",
      expect: "compliant",
    },
    {
      name: "a delivery channel to a referenced bucket with object_lock_enabled",
      json: channelTo("${aws_s3_bucket.archive.bucket}", { archive: { bucket: "acme-log-archive-1", object_lock_enabled: true } }),
      address: "aws_config_delivery_channel.c",
      expect: "non-compliant",
      message: "which AWS Config does not deliver to",
    },
    {
      name: "a delivery channel naming, by literal, a bucket of the stack locked by an aws_s3_bucket_object_lock_configuration",
      json: channelTo(
        "acme-log-archive-1",
        { archive: { bucket: "acme-log-archive-1" } },
        {
          aws_s3_bucket_object_lock_configuration: {
            lock: { bucket: "${aws_s3_bucket.archive.id}", rule: { default_retention: { mode: "GOVERNANCE", days: 365 } } },
          },
        },
      ),
      address: "aws_config_delivery_channel.c",
      expect: "non-compliant",
      message: "s3_bucket_name acme-log-archive-1 is a bucket with S3 Object Lock",
    },
    {
      name: "a delivery channel to a bucket with the provider's older inline Object Lock block",
      json: channelTo("${aws_s3_bucket.archive.id}", {
        archive: { bucket: "acme-log-archive-1", object_lock_configuration: { object_lock_enabled: "Enabled" } },
      }),
      address: "aws_config_delivery_channel.c",
      expect: "non-compliant",
    },
    {
      name: "a workload account's delivery channel naming the hub's Object Lock archive (a bucket of another stack)",
      json: channelTo("acme-log-archive-111111111111"),
      address: "aws_config_delivery_channel.c",
      expect: "non-compliant",
      message: "Deliver to a bucket without Object Lock",
      facts: { objectLockBucketNames: ["acme-log-archive-111111111111"] },
    },
    {
      name: "a workload account's delivery channel naming the hub's Config bucket (no Object Lock anywhere)",
      json: channelTo("acme-aws-config-111111111111"),
      address: "aws_config_delivery_channel.c",
      expect: "compliant",
      facts: { objectLockBucketNames: ["acme-log-archive-111111111111"] },
    },
    {
      name: "a delivery channel whose bucket is a variable",
      json: channelTo("${var.config_bucket}"),
      address: "aws_config_delivery_channel.c",
      expect: "not-applicable",
    },
  ],
  "LZ-AWS10": [
    {
      name: "Suricata rules on $HOME_NET in an inspection VPC reached through the TGW, with HOME_NET set nowhere",
      json: inspection(suricata(SSH_OUT)),
      address: "aws_networkfirewall_rule_group.g",
      expect: "non-compliant",
      message: "neither the rule group nor aws_networkfirewall_firewall_policy.p sets HOME_NET",
      facts: INSPECTED,
    },
    {
      name: "HOME_NET in the policy covering the inspected VPCs and the inspection VPC",
      json: inspection(suricata(SSH_OUT), { rule_variables: homeNet(["10.30.0.0/16", "10.255.0.0/24"]) }),
      address: "aws_networkfirewall_rule_group.g",
      expect: "compliant",
      facts: INSPECTED,
    },
    {
      name: "HOME_NET in the policy holding only the inspection VPC's CIDR",
      json: inspection(suricata(SSH_OUT), { rule_variables: homeNet(["10.255.0.0/24"]) }),
      address: "aws_networkfirewall_rule_group.g",
      expect: "non-compliant",
      message: "does not cover the inspected 10.30.0.0/16",
      facts: INSPECTED,
    },
    {
      name: "a domain allow-list with its own HOME_NET covering the inspected VPCs",
      json: inspection({
        rule_variables: { ip_sets: homeNet(["10.0.0.0/8"]) },
        rules_source: { rules_source_list: { generated_rules_type: "ALLOWLIST", target_types: ["TLS_SNI"], targets: [".amazonaws.com"] } },
      }),
      address: "aws_networkfirewall_rule_group.g",
      expect: "compliant",
      facts: INSPECTED,
    },
    {
      name: "a domain allow-list without HOME_NET (domain lists inspect only HOME_NET sources)",
      json: inspection({
        rules_source: { rules_source_list: { generated_rules_type: "ALLOWLIST", target_types: ["TLS_SNI"], targets: [".amazonaws.com"] } },
      }),
      address: "aws_networkfirewall_rule_group.g",
      expect: "non-compliant",
    },
    {
      name: "a rule group setting HOME_NET but reading $EXTERNAL_NET under a policy without HOME_NET",
      json: inspection(suricata(SSH_OUT, homeNet(["10.30.0.0/16", "10.255.0.0/24"]))),
      address: "aws_networkfirewall_rule_group.g",
      expect: "non-compliant",
      message: "sets HOME_NET but not EXTERNAL_NET",
      facts: INSPECTED,
    },
    {
      name: "a firewall without appliance mode whose TGW subnets still route to its endpoint",
      json: inspection(suricata(SSH_OUT), undefined, { applianceMode: false }),
      address: "aws_networkfirewall_rule_group.g",
      expect: "non-compliant",
    },
    {
      name: "a per-vpc firewall: the VPC's TGW attachment sends nothing through the firewall (default HOME_NET is the VPC)",
      json: inspection(suricata(SSH_OUT), undefined, { applianceMode: false, tgwRouteToEndpoint: false }),
      address: "aws_networkfirewall_rule_group.g",
      expect: "not-applicable",
    },
    {
      name: "rules that name explicit CIDRs, not HOME_NET",
      json: inspection(suricata("pass ip [172.16.0.0/16] any <> [10.30.0.0/16] any (sid:1000000; rev:1;)")),
      address: "aws_networkfirewall_rule_group.g",
      expect: "not-applicable",
    },
  ],
  "LZ-AWS11": [
    {
      name: "a trail encrypted with the key's ARN by reference",
      json: r({ aws_cloudtrail: { t: { name: "t", s3_bucket_name: "b", kms_key_id: "${aws_kms_key.archive.arn}" } } }),
      address: "aws_cloudtrail.t",
      expect: "compliant",
    },
    {
      name: "a trail encrypted with the ARN read from the alias in the archive account (data.aws_kms_key)",
      json: r(
        { aws_cloudtrail: { t: { name: "t", s3_bucket_name: "b", kms_key_id: "${data.aws_kms_key.archive-key.arn}" } } },
        { aws_kms_key: { "archive-key": { key_id: ALIAS_ARN, provider: "aws.hub" } } },
      ),
      address: "aws_cloudtrail.t",
      expect: "compliant",
    },
    {
      name: "a trail given the archive key's alias ARN (a change in every plan)",
      json: r({ aws_cloudtrail: { t: { name: "t", s3_bucket_name: "b", kms_key_id: ALIAS_ARN } } }),
      address: "aws_cloudtrail.t",
      expect: "non-compliant",
      message: `kms_key_id is the alias ${ALIAS_ARN}; CloudTrail returns the key ARN`,
    },
    {
      name: "a database given an alias resource's ARN (replaced on every plan)",
      json: r({ aws_db_instance: { db: { engine: "mysql", kms_key_id: "${aws_kms_alias.data.arn}" } } }),
      address: "aws_db_instance.db",
      expect: "non-compliant",
      message: "every plan replaces the database",
    },
    {
      name: "a log group given the key id instead of its ARN",
      json: r({ aws_cloudwatch_log_group: { g: { name: "/x", kms_key_id: "${aws_kms_key.logs.key_id}" } } }),
      address: "aws_cloudwatch_log_group.g",
      expect: "non-compliant",
      message: "the key id, not the key ARN",
    },
    {
      name: "a replication group given a literal key ARN",
      json: r({ aws_elasticache_replication_group: { rg: { kms_key_id: KEY } } }),
      address: "aws_elasticache_replication_group.rg",
      expect: "compliant",
    },
    {
      name: "a cluster given an alias data source's target_key_arn",
      json: r({ aws_rds_cluster: { c: { kms_key_id: "${data.aws_kms_alias.data.target_key_arn}" } } }),
      address: "aws_rds_cluster.c",
      expect: "compliant",
    },
    {
      name: "a volume given alias/… by name",
      json: r({ aws_ebs_volume: { v: { kms_key_id: "alias/data" } } }),
      address: "aws_ebs_volume.v",
      expect: "non-compliant",
      message: "every plan replaces the volume",
    },
    {
      name: "a volume without a customer key, or with a key from a variable",
      json: r({ aws_ebs_volume: { v: { encrypted: true }, w: { kms_key_id: "${var.key}" } } }),
      address: "aws_ebs_volume.w",
      expect: "not-applicable",
    },
  ],
};
