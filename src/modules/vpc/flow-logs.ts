/**
 * VPC flow logs (traffic type ALL) to a KMS-encrypted CloudWatch log group, with the IAM role the
 * flow-log service assumes to write there; the same for a transit gateway (Transit Gateway Flow Logs, which take no
 * traffic type and only a 60-second aggregation interval: "Create and manage Transit Gateway Flow Logs using APIs
 * or the CLI", https://docs.aws.amazon.com/vpc/latest/tgw/flow-logs-api-cli.html).
 *
 * Follows "Publish flow logs to CloudWatch Logs"
 * (https://docs.aws.amazon.com/vpc/latest/userguide/flow-logs-cwl.html); the trust policy is scoped with
 * `aws:SourceAccount` and `aws:SourceArn` against the confused-deputy problem.
 */
import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { FlowLog } from "@cdktf/provider-aws/lib/flow-log";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { Construct } from "constructs";
import { policyJson, serviceAssumesRole } from "../iam/index.js";

/** Props of {@link VpcFlowLogs}. */
export interface VpcFlowLogsProps {
  /** The VPC whose traffic is logged. Exactly one of `vpcId` and `transitGatewayId`. */
  readonly vpcId?: string;
  /** The transit gateway whose traffic is logged. Exactly one of `vpcId` and `transitGatewayId`. */
  readonly transitGatewayId?: string;
  /**
   * The record format (`log_format`), fields as `${name}` separated by spaces; Terraform's `$` is escaped here.
   * @default AWS's default format (for a transit gateway: every field)
   */
  readonly logFormat?: string;
  /** Log group name, for example `/aws/vpc/flow-logs/acme-prod`. */
  readonly logGroupName: string;
  /** CloudWatch Logs retention in days (one of the values PutRetentionPolicy accepts). */
  readonly retentionDays: number;
  /** KMS key ARN that encrypts the log group. */
  readonly kmsKeyArn: string;
  readonly accountId: string;
  readonly region: string;
  /** @default "aws" */
  readonly partition?: string;
  /** Seconds over which packets are aggregated into a record: 60 or 600 (a transit gateway: 60 only). @default 60 */
  readonly maxAggregationIntervalSeconds?: 60 | 600;
}

/**
 * Flow log of a whole VPC (all traffic) or transit gateway, into an encrypted log group with retention.
 * Throws `Error` unless exactly one of `vpcId` and `transitGatewayId` is set, or for a transit gateway with a
 * 600-second interval (stage-3 invariants).
 */
export class VpcFlowLogs extends Construct {
  readonly logGroupArn: string;
  readonly flowLogId: string;

  constructor(scope: Construct, id: string, props: VpcFlowLogsProps) {
    super(scope, id);
    if ((props.vpcId === undefined) === (props.transitGatewayId === undefined))
      throw new Error(`${this.node.path}: set exactly one of vpcId and transitGatewayId`);
    if (props.transitGatewayId !== undefined && (props.maxAggregationIntervalSeconds ?? 60) !== 60)
      throw new Error(`${this.node.path}: a transit gateway flow log aggregates over 60 seconds only`);
    const partition = props.partition ?? "aws";
    const group = new CloudwatchLogGroup(this, "log-group", {
      name: props.logGroupName,
      retentionInDays: props.retentionDays,
      kmsKeyId: props.kmsKeyArn,
    });
    const role = new IamRole(this, "role", {
      namePrefix: "vpc-flow-logs-",
      description: `Lets VPC Flow Logs write to ${props.logGroupName}`,
      assumeRolePolicy: policyJson([
        serviceAssumesRole("vpc-flow-logs.amazonaws.com", {
          condition: {
            StringEquals: { "aws:SourceAccount": props.accountId },
            ArnLike: { "aws:SourceArn": `arn:${partition}:ec2:${props.region}:${props.accountId}:vpc-flow-log/*` },
          },
        }),
      ]),
    });
    new IamRolePolicy(this, "role-policy", {
      role: role.name,
      name: "write-flow-logs",
      policy: policyJson([
        {
          Effect: "Allow",
          Action: ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogGroups", "logs:DescribeLogStreams"],
          Resource: [group.arn, `${group.arn}:*`],
        },
      ]),
    });
    const flowLog = new FlowLog(this, "flow-log", {
      ...(props.vpcId !== undefined ? { vpcId: props.vpcId, trafficType: "ALL" } : {}),
      ...(props.transitGatewayId !== undefined ? { transitGatewayId: props.transitGatewayId } : {}),
      // Terraform reads `${...}` as an interpolation: `$${...}` is the literal text.
      ...(props.logFormat !== undefined ? { logFormat: props.logFormat.replaceAll("${", () => "$${") } : {}),
      logDestinationType: "cloud-watch-logs",
      logDestination: group.arn,
      iamRoleArn: role.arn,
      maxAggregationInterval: props.maxAggregationIntervalSeconds ?? 60,
    });
    this.logGroupArn = group.arn;
    this.flowLogId = flowLog.id;
  }
}
