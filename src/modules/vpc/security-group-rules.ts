/** Security-group rules the data-store and compute constructs share. */
import { VpcSecurityGroupEgressRule } from "@cdktf/provider-aws/lib/vpc-security-group-egress-rule";
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

/**
 * The egress of an app-tier compute security group (Fargate tasks, EC2 instances, Lambda functions): HTTPS to
 * anywhere (AWS APIs, image and package repositories; construct id `egress-https`) and each data-tier port to the
 * VPC CIDR only (`egress-vpc-<port>`). The ids are Terraform addresses: keep them.
 * @param rule.httpsDescription the description of the HTTPS rule, naming what the compute reaches over it.
 * @param rule.dataPorts TCP ports of the data tier. @default [3306, 6379] (MySQL and Redis)
 */
export function addComputeEgress(
  scope: Construct,
  rule: {
    readonly securityGroupId: string;
    readonly vpcCidr: string;
    readonly httpsDescription: string;
    readonly dataPorts?: readonly number[];
  },
): void {
  new VpcSecurityGroupEgressRule(scope, "egress-https", {
    securityGroupId: rule.securityGroupId,
    description: rule.httpsDescription,
    cidrIpv4: "0.0.0.0/0",
    ipProtocol: "tcp",
    fromPort: 443,
    toPort: 443,
  });
  for (const port of rule.dataPorts ?? [3306, 6379]) {
    new VpcSecurityGroupEgressRule(scope, `egress-vpc-${port}`, {
      securityGroupId: rule.securityGroupId,
      description: `Data tier, port ${port}`,
      cidrIpv4: rule.vpcCidr,
      ipProtocol: "tcp",
      fromPort: port,
      toPort: port,
    });
  }
}
