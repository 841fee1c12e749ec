/** Cases of the compute rules: LZ-ASG1, LZ-LAMBDA1 (security) and LZ-AWS13, LZ-AWS14 (deploy readiness). */
import { policy, r, type RuleCase } from "./case.js";

const hardened = {
  metadata_options: { http_endpoint: "enabled", http_tokens: "required", http_put_response_hop_limit: 1 },
  block_device_mappings: [{ device_name: "/dev/xvda", ebs: { encrypted: "true", kms_key_id: "${aws_kms_key.data.arn}" } }],
};
const SLR = "arn:aws:iam::444444444444:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling";
const keyPolicy = (statements: object[]) =>
  policy([
    { Sid: "Root", Effect: "Allow", Principal: { AWS: "arn:aws:iam::444444444444:root" }, Action: "kms:*", Resource: "*" },
    ...statements,
  ]);
const byCondition = [
  {
    Sid: "Use",
    Effect: "Allow",
    Principal: { AWS: "*" },
    Action: ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"],
    Resource: "*",
    Condition: { StringEquals: { "aws:PrincipalAccount": "444444444444" }, ArnEquals: { "aws:PrincipalArn": SLR } },
  },
  {
    Sid: "Grant",
    Effect: "Allow",
    Principal: { AWS: "*" },
    Action: "kms:CreateGrant",
    Resource: "*",
    Condition: { ArnEquals: { "aws:PrincipalArn": SLR }, Bool: { "kms:GrantIsForAWSResource": "true" } },
  },
];
const asgStack = (statements: object[]) =>
  r({
    aws_kms_key: { data: { enable_key_rotation: true, policy: keyPolicy(statements) } },
    aws_launch_template: { lt: hardened },
    aws_autoscaling_group: { g: { launch_template: { id: "${aws_launch_template.lt.id}", version: "1" } } },
  });

const fn = (extra: object = {}) => ({
  function_name: "f",
  role: "${aws_iam_role.fn.arn}",
  vpc_config: { subnet_ids: ["subnet-1"], security_group_ids: ["sg-1"] },
  tracing_config: { mode: "Active" },
  ...extra,
});
const ENI = ["ec2:CreateNetworkInterface", "ec2:DescribeNetworkInterfaces", "ec2:DeleteNetworkInterface"];
const lambdaStack = (actions: string[], extra: object = {}) =>
  r({
    aws_iam_role: { fn: { name: "f", assume_role_policy: "{}" } },
    aws_iam_role_policy: { p: { role: "${aws_iam_role.fn.name}", policy: policy([{ Effect: "Allow", Action: actions, Resource: "*" }]) } },
    aws_lambda_function: { f: fn(extra) },
  });

/** Cases per rule id. */
export const COMPUTE_CASES: Readonly<Record<string, readonly RuleCase[]>> = {
  "LZ-ASG1": [
    {
      name: "IMDSv2, hop 1, encrypted, no key",
      json: r({ aws_launch_template: { lt: hardened } }),
      address: "aws_launch_template.lt",
      expect: "compliant",
    },
    {
      name: "IMDSv1 allowed",
      json: r({ aws_launch_template: { lt: { ...hardened, metadata_options: { http_tokens: "optional" } } } }),
      address: "aws_launch_template.lt",
      expect: "non-compliant",
      message: "http_tokens",
    },
    {
      name: "a hop limit of 3",
      json: r({
        aws_launch_template: { lt: { ...hardened, metadata_options: { http_tokens: "required", http_put_response_hop_limit: 3 } } },
      }),
      address: "aws_launch_template.lt",
      expect: "non-compliant",
      message: "hop_limit is 3",
    },
    {
      name: "an unencrypted volume and a key pair",
      json: r({
        aws_launch_template: {
          lt: { ...hardened, key_name: "ops", block_device_mappings: [{ device_name: "/dev/xvda", ebs: { encrypted: "false" } }] },
        },
      }),
      address: "aws_launch_template.lt",
      expect: "non-compliant",
      message: "key_name",
    },
  ],
  "LZ-LAMBDA1": [
    {
      name: "in the VPC with tracing",
      json: r({ aws_lambda_function: { f: fn() } }),
      address: "aws_lambda_function.f",
      expect: "compliant",
    },
    {
      name: "outside the VPC, no tracing",
      json: r({ aws_lambda_function: { f: { function_name: "f", role: "r" } } }),
      address: "aws_lambda_function.f",
      expect: "non-compliant",
      message: "no vpc_config",
    },
  ],
  "LZ-AWS13": [
    {
      name: "the key admits the Auto Scaling role by aws:PrincipalArn",
      json: asgStack(byCondition),
      address: "aws_autoscaling_group.g",
      expect: "compliant",
    },
    {
      name: "the key names the Auto Scaling role as principal",
      json: asgStack([{ Effect: "Allow", Principal: { AWS: SLR }, Action: ["kms:GenerateDataKey*", "kms:CreateGrant"], Resource: "*" }]),
      address: "aws_autoscaling_group.g",
      expect: "compliant",
    },
    {
      name: "the key policy has only the account root",
      json: asgStack([]),
      address: "aws_autoscaling_group.g",
      expect: "non-compliant",
      message: "AWSServiceRoleForAutoScaling",
    },
    {
      name: "a group without a launch template of the stack",
      json: r({ aws_autoscaling_group: { g: { launch_template: { id: "lt-0123456789abcdef0" } } } }),
      address: "aws_autoscaling_group.g",
      expect: "not-applicable",
    },
  ],
  "LZ-AWS14": [
    {
      name: "the function waits for the policy granting the ENI actions",
      json: lambdaStack(ENI, { depends_on: ["aws_iam_role_policy.p"] }),
      address: "aws_lambda_function.f",
      expect: "compliant",
    },
    {
      name: "the policy grants them but the function does not wait",
      json: lambdaStack(ENI),
      address: "aws_lambda_function.f",
      expect: "non-compliant",
      message: "depends_on",
    },
    {
      name: "no policy grants CreateNetworkInterface",
      json: lambdaStack(["logs:PutLogEvents"], { depends_on: ["aws_iam_role_policy.p"] }),
      address: "aws_lambda_function.f",
      expect: "non-compliant",
      message: "CreateFunction fails",
    },
    {
      name: "a function outside a VPC",
      json: r({ aws_lambda_function: { f: { function_name: "f", role: "r" } } }),
      address: "aws_lambda_function.f",
      expect: "not-applicable",
    },
  ],
};
