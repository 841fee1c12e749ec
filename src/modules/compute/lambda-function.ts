/**
 * One Lambda function in private subnets (`compute: lambda`): its log group (KMS, retention), execution role,
 * security group and the function with X-Ray active tracing and optional reserved concurrency.
 *
 * - VPC: Lambda creates Hyperplane ENIs in the subnets with the execution role, which therefore needs the
 *   `AWSLambdaVPCAccessExecutionRole` actions (`ec2:CreateNetworkInterface`, `ec2:DescribeNetworkInterfaces`,
 *   `ec2:DescribeSubnets`, `ec2:DeleteNetworkInterface`, `ec2:AssignPrivateIpAddresses`,
 *   `ec2:UnassignPrivateIpAddresses`; https://docs.aws.amazon.com/lambda/latest/dg/configuration-vpc.html#configuration-vpc-permissions).
 *   CreateFunction checks them, so the function waits for the role policy (`depends_on`): created in parallel,
 *   it fails with "The provided execution role does not have permissions to call CreateNetworkInterface on EC2".
 * - Logs: the function writes to its own log group (`logging_config`), created first with the logs key and a
 *   retention, so Lambda never creates an unencrypted group that never expires.
 * - Tracing: `Active` X-Ray (`xray:PutTraceSegments`, `xray:PutTelemetryRecords`,
 *   https://docs.aws.amazon.com/lambda/latest/dg/services-xray.html).
 */
import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { LambdaFunction as LambdaFunctionResource } from "@cdktf/provider-aws/lib/lambda-function";
import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { Construct } from "constructs";
import { addComputeEgress } from "../vpc/security-group-rules.js";
import { policyJson, type PolicyStatement, serviceAssumesRole } from "../iam/index.js";

/** The `AWSLambdaVPCAccessExecutionRole` EC2 actions: Lambda manages the function's network interfaces with them. */
export const LAMBDA_VPC_ACTIONS: readonly string[] = [
  "ec2:AssignPrivateIpAddresses",
  "ec2:CreateNetworkInterface",
  "ec2:DeleteNetworkInterface",
  "ec2:DescribeNetworkInterfaces",
  "ec2:DescribeSubnets",
  "ec2:UnassignPrivateIpAddresses",
];

/** Props of {@link VpcLambdaFunction}. */
export interface VpcLambdaFunctionProps {
  /** Function, role, security group and log group name, for example `acme-prod-orders`. */
  readonly name: string;
  /** A zip in S3 (`s3Bucket`, `s3Key`, optional `s3ObjectVersion`) or an ECR image URI. */
  readonly code: { readonly s3Bucket: string; readonly s3Key: string; readonly s3ObjectVersion?: string } | { readonly imageUri: string };
  /** Managed runtime (zip only). */
  readonly runtime?: string;
  /** Handler (zip only). */
  readonly handler?: string;
  /** Instruction set. */
  readonly architecture: "arm64" | "x86_64";
  /** Function memory, MiB (128-10240). */
  readonly memoryMiB: number;
  /** Function timeout, seconds. */
  readonly timeoutSeconds: number;
  /** Reserved concurrent executions. @default none (the unreserved pool) */
  readonly reservedConcurrency?: number;
  /** Environment variables (an empty record sets none). */
  readonly environment: Readonly<Record<string, string>>;
  readonly vpcId: string;
  /** Private app subnet ids. */
  readonly subnetIds: readonly string[];
  /** CIDR the function may reach on `egressPorts` (the VPC: database, cache). */
  readonly vpcCidr: string;
  /** TCP ports the function may open inside the VPC. @default [3306, 6379] */
  readonly egressPorts?: readonly number[];
  /** KMS key of the log group (its policy admits CloudWatch Logs). */
  readonly logKmsKeyArn: string;
  /** Log retention, days (a CloudWatch Logs retention value). */
  readonly logRetentionDays: number;
  /** What the application may do. @default none */
  readonly policyStatements?: readonly PolicyStatement[];
  /** The account: the trust policy admits Lambda on its behalf only (`aws:SourceAccount`). */
  readonly accountId: string;
}

/** A function in the VPC with its log group, role and security group. */
export class VpcLambdaFunction extends Construct {
  /** The function's name as a plain string: the `FunctionName` dimension of Lambda metrics. */
  readonly functionName: string;
  readonly functionArn: string;
  /** ARN API Gateway invokes (`invoke_arn`). */
  readonly invokeArn: string;
  /** Security group of the function's network interfaces (the data tier admits it). */
  readonly securityGroupId: string;
  /** The execution role. */
  readonly roleArn: string;
  /** `/aws/lambda/<name>`. */
  readonly logGroupName: string;

  constructor(scope: Construct, id: string, props: VpcLambdaFunctionProps) {
    super(scope, id);
    const tags = { Name: props.name };
    this.logGroupName = `/aws/lambda/${props.name}`;
    const logGroup = new CloudwatchLogGroup(this, "log-group", {
      name: this.logGroupName,
      retentionInDays: props.logRetentionDays,
      kmsKeyId: props.logKmsKeyArn,
    });
    const role = new IamRole(this, "role", {
      name: `${props.name}-function`,
      assumeRolePolicy: policyJson([
        serviceAssumesRole("lambda.amazonaws.com", { condition: { StringEquals: { "aws:SourceAccount": props.accountId } } }),
      ]),
      tags,
    });
    const statements: PolicyStatement[] = [
      { Sid: "WriteLogs", Effect: "Allow", Action: ["logs:CreateLogStream", "logs:PutLogEvents"], Resource: `${logGroup.arn}:*` },
      // Lambda's own documented policy: these EC2 actions do not support resource-level permissions for the
      // function's ENIs (the subnets and security groups are not known per call).
      { Sid: "ManageVpcInterfaces", Effect: "Allow", Action: [...LAMBDA_VPC_ACTIONS], Resource: "*" },
      { Sid: "WriteTraces", Effect: "Allow", Action: ["xray:PutTraceSegments", "xray:PutTelemetryRecords"], Resource: "*" },
      ...(props.policyStatements ?? []),
    ];
    const policy = new IamRolePolicy(this, "policy", { role: role.name, name: "function", policy: policyJson(statements) });

    const sg = new SecurityGroup(this, "security-group", {
      name: `${props.name}-function`,
      description: `${props.name}: Lambda function, outbound only`,
      vpcId: props.vpcId,
      tags,
    });
    addComputeEgress(this, {
      securityGroupId: sg.id,
      vpcCidr: props.vpcCidr,
      httpsDescription: "HTTPS to AWS APIs",
      ...(props.egressPorts ? { dataPorts: props.egressPorts } : {}),
    });

    const code =
      "imageUri" in props.code
        ? { packageType: "Image", imageUri: props.code.imageUri }
        : {
            packageType: "Zip",
            s3Bucket: props.code.s3Bucket,
            s3Key: props.code.s3Key,
            ...(props.code.s3ObjectVersion ? { s3ObjectVersion: props.code.s3ObjectVersion } : {}),
            ...(props.runtime ? { runtime: props.runtime } : {}),
            ...(props.handler ? { handler: props.handler } : {}),
          };
    const fn = new LambdaFunctionResource(this, "function", {
      functionName: props.name,
      role: role.arn,
      ...code,
      architectures: [props.architecture],
      memorySize: props.memoryMiB,
      timeout: props.timeoutSeconds,
      ...(props.reservedConcurrency !== undefined ? { reservedConcurrentExecutions: props.reservedConcurrency } : {}),
      vpcConfig: { subnetIds: [...props.subnetIds], securityGroupIds: [sg.id] },
      tracingConfig: { mode: "Active" },
      loggingConfig: { logFormat: "JSON", logGroup: logGroup.name },
      ...(Object.keys(props.environment).length > 0 ? { environment: { variables: { ...props.environment } } } : {}),
      tags,
      dependsOn: [policy, logGroup],
    });
    this.functionName = props.name;
    this.functionArn = fn.arn;
    this.invokeArn = fn.invokeArn;
    this.securityGroupId = sg.id;
    this.roleArn = role.arn;
  }
}
