/**
 * A workload VPC's side of hybrid DNS: the forwarding rules another account shares through RAM, associated with this
 * VPC. Without RAM sharing in AWS Organizations the share arrives as an invitation, which this account accepts first
 * (as the transit gateway spoke accepts the transit gateway's share, ../transit-gateway/spoke.ts).
 *
 * The rules are found by name (`data.aws_route53_resolver_rule`): a rule shared with the account is listed in it
 * ("Sharing Resolver rules with other AWS accounts and using shared rules",
 * https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/resolver-rules-managing.html#resolver-rules-managing-sharing),
 * so this stack needs no access to the owner's state. The owner's stack deploys first (it is a dependency).
 */
import { DataAwsRamResourceShare } from "@cdktf/provider-aws/lib/data-aws-ram-resource-share";
import { DataAwsRoute53ResolverRule } from "@cdktf/provider-aws/lib/data-aws-route53-resolver-rule";
import { RamResourceShareAccepter } from "@cdktf/provider-aws/lib/ram-resource-share-accepter";
import { Route53ResolverRuleAssociation } from "@cdktf/provider-aws/lib/route53-resolver-rule-association";
import { Construct } from "constructs";

/** Props of {@link SharedResolverRules}. */
export interface SharedResolverRulesProps {
  /** Name prefix of the associations, for example `acme-dev`. */
  readonly name: string;
  readonly vpcId: string;
  /** Names of the shared forwarding rules to associate with the VPC; at least one. */
  readonly ruleNames: readonly string[];
  /** Name of the RAM share to accept; omit when RAM sharing with AWS Organizations accepts it. */
  readonly acceptResourceShareName?: string;
}

/** Shared forwarding rules associated with one VPC. */
export class SharedResolverRules extends Construct {
  /** @throws Error when `ruleNames` is empty (stage-3 invariant). */
  constructor(scope: Construct, id: string, props: SharedResolverRulesProps) {
    super(scope, id);
    if (props.ruleNames.length === 0) throw new Error(`SharedResolverRules ${props.name}: ruleNames is empty`);
    const accepter = props.acceptResourceShareName
      ? new RamResourceShareAccepter(this, "resource-share-accepter", {
          shareArn: new DataAwsRamResourceShare(this, "resource-share", {
            name: props.acceptResourceShareName,
            resourceOwner: "OTHER-ACCOUNTS",
          }).arn,
        })
      : undefined;
    for (const ruleName of props.ruleNames) {
      const rule = new DataAwsRoute53ResolverRule(this, `rule-${ruleName}`, {
        name: ruleName,
        ruleType: "FORWARD",
        dependsOn: accepter ? [accepter] : [],
      });
      new Route53ResolverRuleAssociation(this, `association-${ruleName}`, {
        name: `${ruleName}-${props.name}`,
        resolverRuleId: rule.resolverRuleId,
        vpcId: props.vpcId,
      });
    }
  }
}
