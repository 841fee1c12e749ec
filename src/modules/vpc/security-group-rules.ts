/** Security-group rules the data-store constructs share. */
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";
import type { Construct } from "constructs";

/**
 * Admits TCP `port` on `securityGroupId` from the members of `fromSecurityGroupId`: an
 * `aws_vpc_security_group_ingress_rule` with construct id `ingress-<key>` and the description `<label> from <key>`
 * (one rule per source group, so each shows in a plan under its own name).
 * @param port TCP port, 1-65535.
 */
export function admitFromSecurityGroup(
  scope: Construct,
  key: string,
  rule: { readonly securityGroupId: string; readonly fromSecurityGroupId: string; readonly port: number; readonly label: string },
): VpcSecurityGroupIngressRule {
  return new VpcSecurityGroupIngressRule(scope, `ingress-${key}`, {
    securityGroupId: rule.securityGroupId,
    description: `${rule.label} from ${key}`,
    referencedSecurityGroupId: rule.fromSecurityGroupId,
    ipProtocol: "tcp",
    fromPort: rule.port,
    toPort: rule.port,
  });
}
