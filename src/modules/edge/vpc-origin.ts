/**
 * A CloudFront VPC origin (`aws_cloudfront_vpc_origin`) for an internal Application Load Balancer: CloudFront reaches
 * the ALB through network interfaces it creates in the ALB's private subnets, so the ALB needs no public address
 * (https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-vpc-origins.html).
 *
 * What AWS requires and this construct cannot check (the config validator and the policy pack do, see
 * docs/app-edge.md): the load balancer is internal and in the same account as the distribution, its VPC has an
 * internet gateway attached (not used for the traffic, but VPC origins refuse VPCs without one), and the VPC is in a
 * Region that supports VPC origins. With HTTPS, the certificate on the ALB must match the origin domain name the
 * distribution sends (SNI), as for any custom origin.
 */
import { CloudfrontVpcOrigin } from "@cdktf/provider-aws/lib/cloudfront-vpc-origin";
import { Construct } from "constructs";

/** Props of {@link AlbVpcOrigin}. */
export interface AlbVpcOriginProps {
  /** VPC origin name (at most 64 characters), for example `acme-prod-alb`. */
  readonly name: string;
  /** ARN of the internal ALB. */
  readonly loadBalancerArn: string;
  /** true: `https-only` on 443 with TLS 1.2 (the ALB has a certificate); false: `http-only` on 80. */
  readonly https: boolean;
}

/** The VPC origin; the distribution's ALB origin refers to {@link AlbVpcOrigin.vpcOriginId}. */
export class AlbVpcOrigin extends Construct {
  /** `aws_cloudfront_vpc_origin.id`: the distribution origin's `vpc_origin_config.vpc_origin_id`. */
  readonly vpcOriginId: string;
  readonly vpcOriginArn: string;

  constructor(scope: Construct, id: string, props: AlbVpcOriginProps) {
    super(scope, id);
    const origin = new CloudfrontVpcOrigin(this, "vpc-origin", {
      vpcOriginEndpointConfig: [
        {
          name: props.name,
          arn: props.loadBalancerArn,
          httpPort: 80,
          httpsPort: 443,
          originProtocolPolicy: props.https ? "https-only" : "http-only",
          // Required by the API even for http-only (OriginSslProtocols); TLS 1.2 only.
          originSslProtocols: [{ items: ["TLSv1.2"], quantity: 1 }],
        },
      ],
      tags: { Name: props.name },
    });
    this.vpcOriginId = origin.id;
    this.vpcOriginArn = origin.arn;
  }
}
