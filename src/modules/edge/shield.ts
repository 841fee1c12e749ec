/**
 * Shield Advanced protections for the app tier's internet-facing resources, grouped so Shield detects
 * and mitigates them together. Needs an active Shield Advanced subscription in the account
 * (https://docs.aws.amazon.com/waf/latest/developerguide/enable-ddos-prem.html); this construct does not
 * subscribe, because the subscription is a one-year commitment.
 */
import { ShieldProtection } from "@cdktf/provider-aws/lib/shield-protection";
import { ShieldProtectionGroup } from "@cdktf/provider-aws/lib/shield-protection-group";
import { Construct } from "constructs";

/** Props of {@link ShieldProtections}. */
export interface ShieldProtectionsProps {
  /** Name prefix, for example `acme-prod`. */
  readonly name: string;
  /** Resource ARNs by short id, for example `{ distribution: ..., alb: ... }`. */
  readonly resources: Readonly<Record<string, string>>;
}

/** One `aws_shield_protection` per resource and an `aws_shield_protection_group` over them. */
export class ShieldProtections extends Construct {
  readonly protectionGroupId: string;

  constructor(scope: Construct, id: string, props: ShieldProtectionsProps) {
    super(scope, id);
    const protections = Object.entries(props.resources).map(
      ([key, arn]) => new ShieldProtection(this, `${key}-protection`, { name: `${props.name}-${key}`, resourceArn: arn }),
    );
    const group = new ShieldProtectionGroup(this, "group", {
      protectionGroupId: `${props.name}-app`,
      aggregation: "MAX",
      pattern: "ARBITRARY",
      members: Object.values(props.resources),
      dependsOn: protections,
    });
    this.protectionGroupId = group.protectionGroupId;
  }
}
