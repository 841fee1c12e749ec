/**
 * LZ-AWS14: a Lambda function in a VPC is created after its execution role may manage network interfaces.
 */
import { policyStatements } from "../iam-policy.js";
import { block, type SynthStack } from "../stack.js";
import { NOT_APPLICABLE, outcomeOf, type PolicyRule } from "../types.js";

/** Actions CreateFunction checks the execution role for when the function has a `vpc_config`. */
const ENI_ACTIONS = ["ec2:CreateNetworkInterface", "ec2:DescribeNetworkInterfaces", "ec2:DeleteNetworkInterface"];

const grants = (pattern: string, action: string) =>
  new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*")}$`, "i").test(action);

/**
 * `aws_lambda_function` with `vpc_config` and a `role` of this stack: an inline policy of that role grants
 * {@link ENI_ACTIONS} (or the role attaches `AWSLambdaVPCAccessExecutionRole`), and the function depends on it.
 * CreateFunction checks the permissions and fails with "The provided execution role does not have permissions to
 * call CreateNetworkInterface on EC2" otherwise; a policy created in parallel may not be there yet
 * (https://docs.aws.amazon.com/lambda/latest/dg/configuration-vpc.html#configuration-vpc-permissions).
 */
export const lambdaVpcPermissions: PolicyRule = {
  id: "LZ-AWS14",
  level: "error",
  title: "Lambda functions in a VPC are created after their role may manage network interfaces",
  rationale: "CreateFunction with a VPC configuration fails unless the execution role already grants the network-interface actions.",
  sources: ["https://docs.aws.amazon.com/lambda/latest/dg/configuration-vpc.html#configuration-vpc-permissions"],
  resourceTypes: ["aws_lambda_function"],
  check: (r, stack: SynthStack) => {
    if (!block(r.body.vpc_config)) return NOT_APPLICABLE;
    const role = stack.resolve(r.body.role);
    if (role?.type !== "aws_iam_role") return NOT_APPLICABLE;
    const granting = [
      ...stack.referencing("aws_iam_role_policy", "role", role).filter((p) => {
        const statements = policyStatements(p.body.policy, stack) ?? [];
        return ENI_ACTIONS.every((a) => statements.some((s) => s.effect === "Allow" && s.actions.some((x) => grants(x, a))));
      }),
      ...stack
        .referencing("aws_iam_role_policy_attachment", "role", role)
        .filter((p) => String(p.body.policy_arn).endsWith(":policy/service-role/AWSLambdaVPCAccessExecutionRole")),
    ];
    if (granting.length === 0)
      return outcomeOf([
        `the function runs in a VPC, but no policy of ${role.address} grants ${ENI_ACTIONS.join(", ")}; CreateFunction fails. Grant them (or attach AWSLambdaVPCAccessExecutionRole)`,
      ]);
    return granting.some((p) => stack.dependsOn(r, p))
      ? outcomeOf([])
      : outcomeOf([
          `the function does not wait for ${granting.map((p) => p.address).join(" or ")}, which grants the network-interface actions; created first, CreateFunction fails. Add depends_on = [${granting[0]!.address}]`,
        ]);
  },
};
