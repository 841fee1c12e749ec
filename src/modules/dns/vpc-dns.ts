/**
 * Route 53 Resolver features of one VPC that stay in its own account: query logging and DNS Firewall.
 *
 * - Query logging: a query logging configuration delivering to a KMS-encrypted CloudWatch log group of the account,
 *   associated with the VPC; it records the queries that resources in the VPC make and those forwarded to an inbound
 *   endpoint in it ("Resolver query logging",
 *   https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/resolver-query-logs.html).
 * - DNS Firewall: a domain list, a rule group with one BLOCK rule (answer NXDOMAIN) and its association with the VPC.
 *   Association priorities are 100 to 9900 and unique per VPC (AssociateFirewallRuleGroup, Priority,
 *   https://docs.aws.amazon.com/Route53/latest/APIReference/API_route53resolver_AssociateFirewallRuleGroup.html).
 */
import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { Route53ResolverFirewallDomainList } from "@cdktf/provider-aws/lib/route53-resolver-firewall-domain-list";
import { Route53ResolverFirewallRule } from "@cdktf/provider-aws/lib/route53-resolver-firewall-rule";
import { Route53ResolverFirewallRuleGroup } from "@cdktf/provider-aws/lib/route53-resolver-firewall-rule-group";
import { Route53ResolverFirewallRuleGroupAssociation } from "@cdktf/provider-aws/lib/route53-resolver-firewall-rule-group-association";
import { Route53ResolverQueryLogConfig } from "@cdktf/provider-aws/lib/route53-resolver-query-log-config";
import { Route53ResolverQueryLogConfigAssociation } from "@cdktf/provider-aws/lib/route53-resolver-query-log-config-association";
import { Construct } from "constructs";

/** Priority of the landing zone's DNS Firewall rule group association (AWS accepts 100-9900). */
export const DNS_FIREWALL_ASSOCIATION_PRIORITY = 101;

/** Props of {@link ResolverQueryLogging}. */
export interface ResolverQueryLoggingProps {
  /** Name of the configuration and suffix of the log group `/aws/route53resolver/<name>`. */
  readonly name: string;
  readonly vpcId: string;
  /** CloudWatch Logs retention in days (a value PutRetentionPolicy accepts). */
  readonly retentionDays: number;
  /** KMS key ARN that encrypts the log group. */
  readonly kmsKeyArn: string;
}

/** Resolver query logging of one VPC to an encrypted log group. */
export class ResolverQueryLogging extends Construct {
  readonly logGroupArn: string;

  constructor(scope: Construct, id: string, props: ResolverQueryLoggingProps) {
    super(scope, id);
    const group = new CloudwatchLogGroup(this, "log-group", {
      name: `/aws/route53resolver/${props.name}`,
      retentionInDays: props.retentionDays,
      kmsKeyId: props.kmsKeyArn,
    });
    const config = new Route53ResolverQueryLogConfig(this, "config", {
      name: props.name,
      destinationArn: group.arn,
      tags: { Name: props.name },
    });
    new Route53ResolverQueryLogConfigAssociation(this, "association", { resolverQueryLogConfigId: config.id, resourceId: props.vpcId });
    this.logGroupArn = group.arn;
  }
}

/** Props of {@link DnsFirewall}. */
export interface DnsFirewallProps {
  /** Name of the domain list, rule group and association. */
  readonly name: string;
  readonly vpcId: string;
  /** Domains to block (`*.example` for every subdomain); at least one. */
  readonly blockedDomains: readonly string[];
}

/** DNS Firewall blocking a domain list in one VPC. */
export class DnsFirewall extends Construct {
  readonly ruleGroupId: string;

  /** @throws Error when `blockedDomains` is empty (stage-3 invariant). */
  constructor(scope: Construct, id: string, props: DnsFirewallProps) {
    super(scope, id);
    if (props.blockedDomains.length === 0) throw new Error(`DnsFirewall ${props.name}: blockedDomains is empty`);
    const list = new Route53ResolverFirewallDomainList(this, "blocked-domains", {
      name: `${props.name}-blocked`,
      domains: [...props.blockedDomains],
      tags: { Name: `${props.name}-blocked` },
    });
    const group = new Route53ResolverFirewallRuleGroup(this, "rule-group", { name: props.name, tags: { Name: props.name } });
    new Route53ResolverFirewallRule(this, "block", {
      name: `${props.name}-block`,
      firewallRuleGroupId: group.id,
      firewallDomainListId: list.id,
      priority: 100,
      action: "BLOCK",
      blockResponse: "NXDOMAIN",
    });
    new Route53ResolverFirewallRuleGroupAssociation(this, "association", {
      name: props.name,
      firewallRuleGroupId: group.id,
      vpcId: props.vpcId,
      priority: DNS_FIREWALL_ASSOCIATION_PRIORITY,
      mutationProtection: "DISABLED",
      tags: { Name: props.name },
    });
    this.ruleGroupId = group.id;
  }
}
