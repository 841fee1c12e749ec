/** LZ-NET4: transit gateways do not accept attachments automatically. */
import { COMPLIANT, nonCompliant, type PolicyRule } from "../types.js";

/** `aws_ec2_transit_gateway.auto_accept_shared_attachments` is `disable` (the AWS default when unset). */
export const tgwAutoAcceptOff: PolicyRule = {
  id: "LZ-NET4",
  level: "error",
  title: "Transit gateways do not auto-accept shared attachments",
  rationale: "With auto-accept, any account the gateway is shared with can attach a VPC without review.",
  sources: ["FSBP EC2.23", "CKV_AWS_331"],
  resourceTypes: ["aws_ec2_transit_gateway"],
  check: (r) =>
    r.body.auto_accept_shared_attachments === "enable"
      ? nonCompliant('auto_accept_shared_attachments is "enable". Set it to "disable" and accept attachments explicitly.')
      : COMPLIANT,
};
