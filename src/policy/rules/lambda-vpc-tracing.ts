/** LZ-LAMBDA1: Lambda functions run in a VPC, with X-Ray active tracing. */
import { asList, block } from "../stack.js";
import { outcomeOf, type PolicyRule } from "../types.js";

/** `aws_lambda_function`: `vpc_config` with subnets and security groups, and `tracing_config.mode = "Active"`. */
export const lambdaVpcTracing: PolicyRule = {
  id: "LZ-LAMBDA1",
  level: "error",
  title: "Lambda functions run in the VPC's private subnets with X-Ray active tracing",
  rationale:
    "A function outside the VPC bypasses its security groups, flow logs and inspection; without tracing, a slow or failing call cannot be followed across services.",
  sources: ["FSBP Lambda.3", "CKV_AWS_117", "CKV_AWS_50"],
  resourceTypes: ["aws_lambda_function"],
  check: (r) => {
    const problems: string[] = [];
    const vpc = block(r.body.vpc_config);
    if (!vpc || asList(vpc.subnet_ids).length === 0 || asList(vpc.security_group_ids).length === 0)
      problems.push(
        "the function has no vpc_config with subnets and security groups. Put it in the private app subnets with its own security group",
      );
    if (block(r.body.tracing_config)?.mode !== "Active")
      problems.push('tracing_config.mode is not "Active". Set tracingConfig: { mode: "Active" }');
    return outcomeOf(problems);
  },
};
