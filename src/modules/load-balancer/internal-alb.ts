/**
 * An internal Application Load Balancer in the private app subnets, in front of the app tier's `tier: app` EC2
 * Auto Scaling groups. Only the security groups admitted with {@link InternalAlb.allowFrom} (the web tier's
 * instances) reach it, on HTTPS 443 with `ELBSecurityPolicy-TLS13-1-2-2021-06` and a DNS-validated certificate
 * of its internal name; the default action is a fixed 404 and each service's rule forwards its path patterns.
 * Invalid header fields are dropped, access logs go to the app tier's ALB log bucket under `alb/` like the public ALB's
 * (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/application-load-balancers.html#load-balancer-scheme).
 */
import { LbListener } from "@cdktf/provider-aws/lib/lb-listener";
import { LbListenerRule } from "@cdktf/provider-aws/lib/lb-listener-rule";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";
import { Construct } from "constructs";
import { ALB_TLS_POLICY, type AlbBaseProps, applicationLoadBalancer } from "./alb.js";

/** Props of {@link InternalAlb}: `subnetIds` are the private app subnets. */
export interface InternalAlbProps extends AlbBaseProps {
  /** Regional ACM certificate of the internal name. */
  readonly certificateArn: string;
}

/** The internal load balancer, its security group and HTTPS listener. */
export class InternalAlb extends Construct {
  readonly loadBalancerArn: string;
  /** `app/<name>/<id>`: the `LoadBalancer` dimension of ALB metrics. */
  readonly arnSuffix: string;
  /** DNS name (the alias record's target). */
  readonly dnsName: string;
  /** Hosted zone id of the DNS name, for alias records. */
  readonly zoneId: string;
  /** Security group of the load balancer: the targets admit it. */
  readonly securityGroupId: string;
  /** The HTTPS listener the routes are rules of. */
  readonly listenerArn: string;
  /** The listener port (443). */
  readonly port = 443;

  constructor(scope: Construct, id: string, props: InternalAlbProps) {
    super(scope, id);
    // The same access-log prefix as the public ALB: object keys carry the load balancer's name and id.
    const { loadBalancer: lb, securityGroupId } = applicationLoadBalancer(this, {
      ...props,
      internal: true,
      securityGroupDescription: "Internal ALB: admits the web tier only",
      admit: () => {}, // allowFrom adds the web tier's rules
    });
    const listener = new LbListener(this, "https-listener", {
      loadBalancerArn: lb.arn,
      port: this.port,
      protocol: "HTTPS",
      sslPolicy: ALB_TLS_POLICY,
      certificateArn: props.certificateArn,
      defaultAction: [
        { type: "fixed-response", fixedResponse: { contentType: "text/plain", messageBody: "Not Found", statusCode: "404" } },
      ],
    });
    this.loadBalancerArn = lb.arn;
    this.arnSuffix = lb.arnSuffix;
    this.dnsName = lb.dnsName;
    this.zoneId = lb.zoneId;
    this.securityGroupId = securityGroupId;
    this.listenerArn = listener.arn;
  }

  /** Admits `securityGroupId` (a web tier's instances) on the listener port. */
  allowFrom(id: string, securityGroupId: string): void {
    new VpcSecurityGroupIngressRule(this, `ingress-${id}`, {
      securityGroupId: this.securityGroupId,
      description: `From ${id}`,
      referencedSecurityGroupId: securityGroupId,
      ipProtocol: "tcp",
      fromPort: this.port,
      toPort: this.port,
    });
  }

  /**
   * Forwards `pathPatterns` to `targetGroupArn` at `priority`.
   * @throws Error with more than 5 path patterns (a rule holds at most 5 condition values).
   */
  addRoute(id: string, priority: number, pathPatterns: readonly string[], targetGroupArn: string): LbListenerRule {
    if (pathPatterns.length < 1 || pathPatterns.length > 5)
      throw new Error(`route ${id}: 1 to 5 path patterns, got ${pathPatterns.length}`);
    return new LbListenerRule(this, `${id}-rule`, {
      listenerArn: this.listenerArn,
      priority,
      condition: [{ pathPattern: { values: [...pathPatterns] } }],
      action: [{ type: "forward", targetGroupArn }],
    });
  }
}
