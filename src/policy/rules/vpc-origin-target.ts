/** LZ-AWS12: a CloudFront VPC origin targets an internal load balancer in a VPC with an internet gateway. */
import { asList, block, isTrue } from "../stack.js";
import { NOT_APPLICABLE, outcomeOf, type PolicyRule } from "../types.js";

/**
 * `aws_cloudfront_vpc_origin` whose `vpc_origin_endpoint_config.arn` refers to an `aws_lb` of this stack: the load
 * balancer is internal (`internal = true`; VPC origins serve applications in private subnets, an internet-facing
 * load balancer would keep its public address and defeat the point), and the VPC of its security group has an
 * `aws_internet_gateway` (or `aws_internet_gateway_attachment`) in the stack: CloudFront refuses to create a VPC
 * origin in a VPC without one, though the gateway carries none of the origin traffic
 * (https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-vpc-origins.html, Prerequisites).
 * An origin that is not a load balancer of this stack (an EC2 instance, an ARN written as text) is not applicable,
 * and so is the gateway check when the VPC is not in the stack.
 */
export const vpcOriginTarget: PolicyRule = {
  id: "LZ-AWS12",
  level: "error",
  title: "CloudFront VPC origins target an internal load balancer in a VPC with an internet gateway",
  rationale:
    "CloudFront creates a VPC origin only in a VPC with an internet gateway attached, and an internet-facing origin behind it keeps a public address that bypasses CloudFront and its WAF.",
  sources: ["https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-vpc-origins.html"],
  resourceTypes: ["aws_cloudfront_vpc_origin"],
  check: (r, stack) => {
    const config = block(r.body.vpc_origin_endpoint_config);
    const lb = stack.resolve(config?.arn);
    if (!lb || (lb.type !== "aws_lb" && lb.type !== "aws_alb")) return NOT_APPLICABLE;
    const problems: string[] = [];
    if (!isTrue(lb.body.internal)) problems.push(`${lb.address} is internet-facing. Set internal = true and place it in private subnets`);
    const vpc = asList(lb.body.security_groups)
      .map((g) => stack.resolve(g))
      .map((g) => (g ? stack.resolve(g.body.vpc_id) : undefined))
      .find((v) => v?.type === "aws_vpc");
    if (vpc) {
      const gateways = [
        ...stack.referencing("aws_internet_gateway", "vpc_id", vpc),
        ...stack.referencing("aws_internet_gateway_attachment", "vpc_id", vpc),
      ];
      if (gateways.length === 0)
        problems.push(`${vpc.address} has no internet gateway; CloudFront refuses VPC origins without one. Attach an aws_internet_gateway`);
    }
    return outcomeOf(problems);
  },
};
