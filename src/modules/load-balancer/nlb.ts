/**
 * A Network Load Balancer for TCP, TLS and UDP services, with its own security group.
 *
 * - The security group is attached at creation: an NLB created without one can never get one
 *   (https://docs.aws.amazon.com/elasticloadbalancing/latest/network/load-balancer-security-groups.html). It admits
 *   each listener's port from `allowedCidrs` only, and reaches the targets in the VPC on ports 1024-65535; targets
 *   admit the group itself, which holds even where the client IP is preserved (UDP target groups, where preservation
 *   cannot be turned off: https://docs.aws.amazon.com/elasticloadbalancing/latest/network/edit-target-group-attributes.html).
 * - Cross-zone load balancing on, so a task in one AZ takes traffic arriving in every AZ.
 * - TLS listeners terminate TLS with an ACM certificate and `ELBSecurityPolicy-TLS13-1-2-2021-06`.
 * - Access logs to the ALB log bucket under `nlb/`, when there is a TLS listener: NLB access logs exist only for TLS
 *   connections (https://docs.aws.amazon.com/elasticloadbalancing/latest/network/load-balancer-access-logs.html), and
 *   delivery needs the bucket policy of {@link nlbLogDeliveryStatements}.
 *
 * Services add their listener with {@link NetworkLoadBalancer.addListener}.
 */
import { Lb } from "@cdktf/provider-aws/lib/lb";
import { LbListener } from "@cdktf/provider-aws/lib/lb-listener";
import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { VpcSecurityGroupEgressRule } from "@cdktf/provider-aws/lib/vpc-security-group-egress-rule";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";
import type { ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import type { NamedPolicyStatement } from "../iam/index.js";
import { ALB_TLS_POLICY } from "./alb.js";

/** Props of {@link NetworkLoadBalancer}. */
export interface NetworkLoadBalancerProps {
  /** Load balancer name (at most 32 characters). */
  readonly name: string;
  readonly vpcId: string;
  /** The VPC CIDR: the group's egress to the targets. */
  readonly vpcCidr: string;
  /** Subnet ids, one per AZ: public for internet-facing, private app for internal. */
  readonly subnetIds: readonly string[];
  /** `internal` or `internet-facing`. Changing it replaces the load balancer. */
  readonly scheme: "internal" | "internet-facing";
  /** IPv4 CIDRs admitted on every listener port. */
  readonly allowedCidrs: readonly string[];
  /** Access logs (TLS connections only): the bucket and its policy, which the load balancer waits for. @default no access logs */
  readonly accessLogs?: { readonly bucket: string; readonly bucketPolicy: ITerraformDependable };
  /** `enable_deletion_protection`. @default false */
  readonly deletionProtection?: boolean;
}

/** One service's listener. */
export interface NlbListenerProps {
  /** Construct id prefix, for example the service name. */
  readonly id: string;
  readonly protocol: "TCP" | "TLS" | "UDP";
  readonly port: number;
  readonly targetGroupArn: string;
  /** ACM certificate of a TLS listener. */
  readonly certificateArn?: string;
}

/** The NLB and its security group. */
export class NetworkLoadBalancer extends Construct {
  readonly loadBalancerArn: string;
  /** `net/<name>/<id>`: the `LoadBalancer` dimension of `AWS/NetworkELB` metrics. */
  readonly arnSuffix: string;
  readonly dnsName: string;
  /** Hosted zone id of the NLB's DNS name, for Route 53 alias records. */
  readonly zoneId: string;
  readonly securityGroupId: string;
  private readonly allowedCidrs: readonly string[];

  constructor(scope: Construct, id: string, props: NetworkLoadBalancerProps) {
    super(scope, id);
    this.allowedCidrs = props.allowedCidrs;
    const sg = new SecurityGroup(this, "security-group", {
      name: `${props.name}-nlb`,
      description: "NLB: admits the listener ports from the allowed CIDRs",
      vpcId: props.vpcId,
      tags: { Name: `${props.name}-nlb` },
    });
    for (const protocol of ["tcp", "udp"]) {
      new VpcSecurityGroupEgressRule(this, `egress-vpc-${protocol}`, {
        securityGroupId: sg.id,
        description: `To targets in the VPC (${protocol})`,
        cidrIpv4: props.vpcCidr,
        ipProtocol: protocol,
        fromPort: 1024,
        toPort: 65535,
      });
    }
    const lb = new Lb(this, "load-balancer", {
      name: props.name,
      loadBalancerType: "network",
      internal: props.scheme === "internal",
      subnets: [...props.subnetIds],
      securityGroups: [sg.id],
      enableCrossZoneLoadBalancing: true,
      enableDeletionProtection: props.deletionProtection ?? false,
      ...(props.accessLogs
        ? { accessLogs: { bucket: props.accessLogs.bucket, enabled: true, prefix: "nlb" }, dependsOn: [props.accessLogs.bucketPolicy] }
        : {}),
      tags: { Name: props.name },
    });
    this.loadBalancerArn = lb.arn;
    this.arnSuffix = lb.arnSuffix;
    this.dnsName = lb.dnsName;
    this.zoneId = lb.zoneId;
    this.securityGroupId = sg.id;
  }

  /**
   * A listener on `listener.port` forwarding to `listener.targetGroupArn`, and the security-group rules admitting
   * the allowed CIDRs on that port (UDP for a UDP listener, else TCP).
   * @returns the listener: the ECS service must depend on it (CreateService rejects a target group no listener uses).
   * @throws Error for a TLS listener without a certificate, or a certificate on a TCP or UDP listener.
   */
  addListener(listener: NlbListenerProps): ITerraformDependable {
    const tls = listener.protocol === "TLS";
    if (tls !== (listener.certificateArn !== undefined))
      throw new Error(`listener ${listener.id}: a certificate is required with TLS and only with TLS`);
    this.allowedCidrs.forEach((cidr, i) => {
      new VpcSecurityGroupIngressRule(this, `${listener.id}-ingress-${i}`, {
        securityGroupId: this.securityGroupId,
        description: `${listener.id}: ${listener.protocol} ${listener.port} from ${cidr}`,
        cidrIpv4: cidr,
        ipProtocol: listener.protocol === "UDP" ? "udp" : "tcp",
        fromPort: listener.port,
        toPort: listener.port,
      });
    });
    return new LbListener(this, `${listener.id}-listener`, {
      loadBalancerArn: this.loadBalancerArn,
      port: listener.port,
      protocol: listener.protocol,
      ...(tls ? { sslPolicy: ALB_TLS_POLICY, certificateArn: listener.certificateArn } : {}),
      defaultAction: [{ type: "forward", targetGroupArn: listener.targetGroupArn }],
    });
  }
}

/**
 * Bucket policy statements letting NLB access logs of `accountId` be delivered under `nlb/` in `bucketArn`: the
 * `delivery.logs.amazonaws.com` service reads the bucket ACL and writes objects, limited to this account's log
 * sources (https://docs.aws.amazon.com/elasticloadbalancing/latest/network/enable-access-logs.html).
 */
export function nlbLogDeliveryStatements(bucketArn: string, accountId: string, region: string, partition = "aws"): NamedPolicyStatement[] {
  const condition = {
    StringEquals: { "aws:SourceAccount": accountId },
    ArnLike: { "aws:SourceArn": `arn:${partition}:logs:${region}:${accountId}:*` },
  };
  return [
    {
      Sid: "NlbLogDeliveryAclCheck",
      Effect: "Allow",
      Principal: { Service: "delivery.logs.amazonaws.com" },
      Action: "s3:GetBucketAcl",
      Resource: bucketArn,
      Condition: condition,
    },
    {
      Sid: "NlbLogDeliveryWrite",
      Effect: "Allow",
      Principal: { Service: "delivery.logs.amazonaws.com" },
      Action: "s3:PutObject",
      Resource: `${bucketArn}/nlb/AWSLogs/${accountId}/*`,
      Condition: { ...condition, StringEquals: { ...condition.StringEquals, "s3:x-amz-acl": "bucket-owner-full-control" } },
    },
  ];
}
