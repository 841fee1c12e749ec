/**
 * An internal Application Load Balancer in the private app subnets, in front of the app tier's `tier: app` EC2
 * Auto Scaling groups. Only the security groups admitted with {@link InternalAlb.allowFrom} (the web tier's
 * instances) reach it, on HTTPS 443 with `ELBSecurityPolicy-TLS13-1-2-2021-06` and a DNS-validated certificate
 * of its internal name; the default action is a fixed 404 and each service's rule forwards its path patterns.
 * Invalid header fields are dropped, access logs go to the app tier's ALB log bucket under `alb/` like the public ALB's
 * (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/application-load-balancers.html#load-balancer-scheme).
 */
import { Lb } from "@cdktf/provider-aws/lib/lb";
import { LbListener } from "@cdktf/provider-aws/lib/lb-listener";
import { LbListenerRule } from "@cdktf/provider-aws/lib/lb-listener-rule";
import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { VpcSecurityGroupEgressRule } from "@cdktf/provider-aws/lib/vpc-security-group-egress-rule";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";
import type { ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import { ALB_TLS_POLICY } from "./alb.js";

/** Props of {@link InternalAlb}. */
export interface InternalAlbProps {
  /** Load balancer name (at most 32 characters). */
  readonly name: string;
  readonly vpcId: string;
  /** The VPC CIDR: targets the load balancer may reach. */
  readonly vpcCidr: string;
  /** Private app subnet ids, one per AZ. */
  readonly subnetIds: readonly string[];
  /** Regional ACM certificate of the internal name. */
  readonly certificateArn: string;
  /** Bucket receiving access logs (SSE-S3, ELB log delivery allowed). */
  readonly accessLogBucket: string;
  /** The bucket's policy; the load balancer waits for it (ELB checks it may write). */
  readonly accessLogBucketPolicy: ITerraformDependable;
  /** `enable_deletion_protection`. @default false */
  readonly deletionProtection?: boolean;
  /** `desync_mitigation_mode`. @default "defensive" */
  readonly desyncMitigationMode?: "defensive" | "strictest";
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
    const sg = new SecurityGroup(this, "security-group", {
      name: `${props.name}-alb`,
      description: "Internal ALB: admits the web tier only",
      vpcId: props.vpcId,
      tags: { Name: `${props.name}-alb` },
    });
    new VpcSecurityGroupEgressRule(this, "egress-vpc", {
      securityGroupId: sg.id,
      description: "To targets in the VPC",
      cidrIpv4: props.vpcCidr,
      ipProtocol: "tcp",
      fromPort: 1024,
      toPort: 65535,
    });
    const lb = new Lb(this, "load-balancer", {
      name: props.name,
      loadBalancerType: "application",
      internal: true,
      subnets: [...props.subnetIds],
      securityGroups: [sg.id],
      dropInvalidHeaderFields: true,
      desyncMitigationMode: props.desyncMitigationMode ?? "defensive",
      enableDeletionProtection: props.deletionProtection ?? false,
      // The same prefix as the public ALB: the bucket policy lets ELB write under alb/ only, and ELB checks that
      // permission when the load balancer is created; object keys carry the load balancer's name and id.
      accessLogs: { bucket: props.accessLogBucket, enabled: true, prefix: "alb" },
      tags: { Name: props.name },
      dependsOn: [props.accessLogBucketPolicy],
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
    this.securityGroupId = sg.id;
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
