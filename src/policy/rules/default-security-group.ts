/** LZ-NET3: the default security group of every VPC has no rules. */
import { asList } from "../stack.js";
import { COMPLIANT, nonCompliant, type PolicyRule } from "../types.js";

/**
 * An `aws_default_security_group` for the VPC with no `ingress` and no `egress` blocks: adopting the
 * default group in Terraform removes its rules
 * (https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/default_security_group).
 */
export const defaultSecurityGroupClosed: PolicyRule = {
  id: "LZ-NET3",
  level: "error",
  title: "Every VPC's default security group is adopted and has no rules",
  rationale: "Resources launched without a group land in the default one; with no rules they reach nothing and nothing reaches them.",
  sources: ["FSBP EC2.2", "CIS 5.4", "CKV2_AWS_12"],
  resourceTypes: ["aws_vpc"],
  check: (r, stack) => {
    const groups = stack.referencing("aws_default_security_group", "vpc_id", r);
    if (groups.length === 0)
      return nonCompliant(
        "the default security group is not adopted, so it keeps its allow-all rules. Add an aws_default_security_group with no rules.",
      );
    const open = groups.filter((g) => asList(g.body.ingress).length > 0 || asList(g.body.egress).length > 0);
    return open.length === 0 ? COMPLIANT : nonCompliant(`${open[0]!.address} has rules. Remove every ingress and egress block.`);
  },
};
