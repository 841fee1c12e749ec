/** LZ-NET2: every VPC has flow logs. */
import { COMPLIANT, nonCompliant, type PolicyRule } from "../types.js";

/** An `aws_flow_log` whose `vpc_id` refers to the VPC (https://docs.aws.amazon.com/vpc/latest/userguide/flow-logs.html). */
export const vpcFlowLogs: PolicyRule = {
  id: "LZ-NET2",
  level: "error",
  title: "Every VPC has a flow log",
  rationale: "Flow logs are the record of who talked to what; incident response and GuardDuty rely on them.",
  sources: ["FSBP EC2.6", "CIS 3.7", "CKV2_AWS_11"],
  resourceTypes: ["aws_vpc"],
  check: (r, stack) =>
    stack.referencing("aws_flow_log", "vpc_id", r).length > 0
      ? COMPLIANT
      : nonCompliant("no aws_flow_log refers to this VPC. Add VpcFlowLogs (traffic type ALL)."),
};
