/**
 * An Application Load Balancer that only CloudFront can use: internet-facing in the public subnets (the default), or
 * internal in private subnets behind a CloudFront VPC origin ({@link CloudFrontOnlyAlbProps.internal}).
 *
 * Internet-facing, two locks, because either alone is not enough:
 * - its security group admits the listener port only from the managed prefix list
 *   `com.amazonaws.global.cloudfront.origin-facing` (CloudFront's origin-facing addresses,
 *   https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/LocationsOfEdgeServers.html#managed-prefix-list);
 *   that admits every CloudFront distribution, not only ours, so
 * - the forwarding listener's default action is a fixed 403, and each service's rule forwards only when
 *   the secret origin header that our distribution adds matches, and the path matches
 *   (https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/restrict-access-to-load-balancer.html).
 *
 * Internal (VPC origin): the ALB has no public address; CloudFront reaches it through the VPC origin's network
 * interfaces in the VPC, whose traffic comes from CloudFront's origin-facing addresses, so the same prefix-list rule
 * admits it (https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-vpc-origins.html).
 * The secret header is then optional (`originHeaderValue` left out: the rules match the path only).
 *
 * With a certificate, the forwarding listener is HTTPS on 443 with `ELBSecurityPolicy-TLS13-1-2-2021-06`,
 * and there is no port 80 listener: only CloudFront reaches the ALB, always on the forwarding port, and the
 * security group admits the CloudFront prefix list on that port only (the list weighs 55 of the group's
 * 60 rules, so a second rule on it does not fit). Without a certificate (no custom domain), the forwarding
 * listener is HTTP on 80: CloudFront cannot validate a certificate for the ALB's own DNS name, so the
 * origin hop is unencrypted.
 *
 * Also: invalid header fields dropped, desync mitigation, access logs to an SSE-S3 bucket, deletion
 * protection when asked. Services attach target groups with {@link CloudFrontOnlyAlb.addServiceRoute}.
 */
import { DataAwsEc2ManagedPrefixList } from "@cdktf/provider-aws/lib/data-aws-ec2-managed-prefix-list";
import { Lb } from "@cdktf/provider-aws/lib/lb";
import { LbListener } from "@cdktf/provider-aws/lib/lb-listener";
import { LbListenerRule } from "@cdktf/provider-aws/lib/lb-listener-rule";
import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { VpcSecurityGroupEgressRule } from "@cdktf/provider-aws/lib/vpc-security-group-egress-rule";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";
import type { ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import { accountRootArn, type NamedPolicyStatement, type PolicyPrincipal } from "../iam/index.js";

/** Name of the header CloudFront adds to every origin request and the ALB rules require. */
export const ORIGIN_HEADER_NAME = "X-Origin-Verify";

/** TLS policy of the HTTPS listeners: TLS 1.3 and 1.2 with forward-secret ciphers only. */
export const ALB_TLS_POLICY = "ELBSecurityPolicy-TLS13-1-2-2021-06";

/** Port of the blue-green test listener (CodeDeploy sends test traffic there before shifting). */
export const TEST_LISTENER_PORT = 8443;

/** What every Application Load Balancer of the app tier takes (see {@link applicationLoadBalancer}). */
export interface AlbBaseProps {
  /** Load balancer name (at most 32 characters). */
  readonly name: string;
  readonly vpcId: string;
  /** The VPC CIDR: the load balancer reaches its targets there (ports 1024-65535). */
  readonly vpcCidr: string;
  /** Subnet ids, one per AZ. */
  readonly subnetIds: readonly string[];
  /** Bucket receiving access logs; it must use SSE-S3 and allow ELB log delivery (see `albLogDeliveryStatement`). */
  readonly accessLogBucket: string;
  /**
   * The bucket's `aws_s3_bucket_policy` granting ELB log delivery. The load balancer depends on it: ELB checks
   * that it may write to the bucket when access logs are enabled, and fails with "Access Denied for bucket"
   * otherwise (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/enable-access-logging.html).
   */
  readonly accessLogBucketPolicy: ITerraformDependable;
  /** `enable_deletion_protection`. @default false */
  readonly deletionProtection?: boolean;
  /** `desync_mitigation_mode`. @default "defensive" */
  readonly desyncMitigationMode?: "defensive" | "strictest";
}

/**
 * The security group and load balancer of an app-tier ALB, in `scope` (construct ids `security-group`,
 * `egress-vpc`, `load-balancer`: Terraform addresses, keep them): the group `<name>-alb` with `admit` adding its
 * ingress rules and one egress rule to the VPC's ports 1024-65535; the ALB with invalid header fields dropped,
 * desync mitigation, access logs under `alb/` (the only prefix the bucket policy lets ELB write; ELB checks that
 * permission when the load balancer is created, so it waits for the bucket policy) and deletion protection when asked.
 */
export function applicationLoadBalancer(
  scope: Construct,
  props: AlbBaseProps & {
    readonly internal: boolean;
    /** Description of the security group. */
    readonly securityGroupDescription: string;
    /** Adds the group's ingress rules. */
    readonly admit: (securityGroupId: string) => void;
  },
): { readonly loadBalancer: Lb; readonly securityGroupId: string } {
  const sg = new SecurityGroup(scope, "security-group", {
    name: `${props.name}-alb`,
    description: props.securityGroupDescription,
    vpcId: props.vpcId,
    tags: { Name: `${props.name}-alb` },
  });
  props.admit(sg.id);
  new VpcSecurityGroupEgressRule(scope, "egress-vpc", {
    securityGroupId: sg.id,
    description: "To targets in the VPC",
    cidrIpv4: props.vpcCidr,
    ipProtocol: "tcp",
    fromPort: 1024,
    toPort: 65535,
  });
  const loadBalancer = new Lb(scope, "load-balancer", {
    name: props.name,
    loadBalancerType: "application",
    internal: props.internal,
    subnets: [...props.subnetIds],
    securityGroups: [sg.id],
    dropInvalidHeaderFields: true,
    desyncMitigationMode: props.desyncMitigationMode ?? "defensive",
    enableDeletionProtection: props.deletionProtection ?? false,
    accessLogs: { bucket: props.accessLogBucket, enabled: true, prefix: "alb" },
    tags: { Name: props.name },
    dependsOn: [props.accessLogBucketPolicy],
  });
  return { loadBalancer, securityGroupId: sg.id };
}

/** Props of {@link CloudFrontOnlyAlb}; `subnetIds` are the public subnets, or private ones when `internal`. */
export interface CloudFrontOnlyAlbProps extends AlbBaseProps {
  /**
   * `internal`: an internal ALB (no public address) for a CloudFront VPC origin, in private subnets. Changing it
   * replaces the load balancer (`internal` forces a new resource). @default false
   */
  readonly internal?: boolean;
  /** Regional ACM certificate ARN for the origin name; without one the forwarding listener is plain HTTP on 80. @default none */
  readonly certificateArn?: string;
  /**
   * Value of {@link ORIGIN_HEADER_NAME} that the rules require (a Terraform reference to a secret, never a literal).
   * Left out, the rules match the path only: allowed for an `internal` ALB only.
   * @default no header condition
   */
  readonly originHeaderValue?: string;
  /** Add a test listener on {@link TEST_LISTENER_PORT} (blue-green deployments). @default false */
  readonly testListener?: boolean;
}

/** One service's route: which target group receives which paths. */
export interface ServiceRoute {
  /** Construct id prefix, for example the service name. */
  readonly id: string;
  readonly priority: number;
  readonly pathPatterns: readonly string[];
  readonly targetGroupArn: string;
  /** Target group of the test listener rule (blue-green). @default no test rule */
  readonly testTargetGroupArn?: string;
  /** CodeDeploy switches the forward target of blue-green rules; Terraform must not switch it back. @default false */
  readonly ignoreActionChanges?: boolean;
}

/** The load balancer, its security group and listeners. */
export class CloudFrontOnlyAlb extends Construct {
  readonly loadBalancerArn: string;
  /** `app/<name>/<id>`: the `LoadBalancer` dimension of ALB CloudWatch metrics. */
  readonly arnSuffix: string;
  readonly dnsName: string;
  /** Hosted zone id of the ALB's DNS name, for Route 53 alias records. */
  readonly zoneId: string;
  readonly securityGroupId: string;
  /** The listener CloudFront reaches: HTTPS 443 with a certificate, else HTTP 80. */
  readonly forwardingListenerArn: string;
  /** The listener port CloudFront connects to (443 or 80). */
  readonly forwardingPort: number;
  /** The blue-green test listener, when requested. */
  readonly testListenerArn?: string;
  private readonly originHeaderValue: string | undefined;

  constructor(scope: Construct, id: string, props: CloudFrontOnlyAlbProps) {
    super(scope, id);
    if (props.originHeaderValue === undefined && !props.internal)
      throw new Error(`${id}: an internet-facing ALB needs originHeaderValue (the CloudFront prefix list admits every distribution)`);
    const https = props.certificateArn !== undefined;
    this.forwardingPort = https ? 443 : 80;
    this.originHeaderValue = props.originHeaderValue;
    const cloudFront = new DataAwsEc2ManagedPrefixList(this, "cloudfront-origin-facing", {
      name: "com.amazonaws.global.cloudfront.origin-facing",
    });
    const { loadBalancer: lb, securityGroupId } = applicationLoadBalancer(this, {
      ...props,
      internal: props.internal ?? false,
      securityGroupDescription: "ALB: admits CloudFront origin-facing addresses only",
      admit: (sgId) => {
        // The prefix list weighs 55 of the group's 60 IPv4 inbound rules, so it is referenced exactly once
        // (https://docs.aws.amazon.com/vpc/latest/userguide/working-with-aws-managed-prefix-lists.html#aws-managed-prefix-list-weights):
        // a second rule on it (port 80 next to 443) fails with RulesPerSecurityGroupLimitExceeded. CloudFront
        // connects on the forwarding port only (origin protocol https-only with a certificate, http-only without).
        new VpcSecurityGroupIngressRule(this, "ingress-cloudfront", {
          securityGroupId: sgId,
          description: `CloudFront origin-facing, port ${this.forwardingPort}`,
          prefixListId: cloudFront.id,
          ipProtocol: "tcp",
          fromPort: this.forwardingPort,
          toPort: this.forwardingPort,
        });
        if (props.testListener) {
          new VpcSecurityGroupIngressRule(this, "ingress-test-listener", {
            securityGroupId: sgId,
            description: "Blue-green test listener, from inside the VPC",
            cidrIpv4: props.vpcCidr,
            ipProtocol: "tcp",
            fromPort: TEST_LISTENER_PORT,
            toPort: TEST_LISTENER_PORT,
          });
        }
      },
    });
    const forbidden = [
      { type: "fixed-response", fixedResponse: { contentType: "text/plain", messageBody: "Forbidden", statusCode: "403" } },
    ];
    const listener = new LbListener(this, https ? "https-listener" : "http-listener", {
      loadBalancerArn: lb.arn,
      port: this.forwardingPort,
      protocol: https ? "HTTPS" : "HTTP",
      ...(https ? { sslPolicy: ALB_TLS_POLICY, certificateArn: props.certificateArn } : {}),
      defaultAction: forbidden,
    });
    if (props.testListener) {
      const test = new LbListener(this, "test-listener", {
        loadBalancerArn: lb.arn,
        port: TEST_LISTENER_PORT,
        protocol: https ? "HTTPS" : "HTTP",
        ...(https ? { sslPolicy: ALB_TLS_POLICY, certificateArn: props.certificateArn } : {}),
        defaultAction: forbidden,
      });
      this.testListenerArn = test.arn;
    }
    this.loadBalancerArn = lb.arn;
    this.arnSuffix = lb.arnSuffix;
    this.dnsName = lb.dnsName;
    this.zoneId = lb.zoneId;
    this.securityGroupId = securityGroupId;
    this.forwardingListenerArn = listener.arn;
  }

  /**
   * Forwards `route.pathPatterns` to `route.targetGroupArn` when the origin header matches (or on the path alone, when
   * the ALB has no origin header).
   * @returns the listener rules created (the forwarding one, then the test one): the ECS service of the target
   *   groups must depend on them, because CreateService rejects a target group that no listener uses yet.
   * @throws Error with more than 4 path patterns (a rule holds at most 5 condition values, one is the header;
   *   https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-limits.html).
   */
  addServiceRoute(route: ServiceRoute): readonly ITerraformDependable[] {
    if (route.pathPatterns.length < 1 || route.pathPatterns.length > 4)
      throw new Error(`route ${route.id}: 1 to 4 path patterns, got ${route.pathPatterns.length}`);
    const conditions = [
      ...(this.originHeaderValue !== undefined
        ? [{ httpHeader: { httpHeaderName: ORIGIN_HEADER_NAME, values: [this.originHeaderValue] } }]
        : []),
      { pathPattern: { values: [...route.pathPatterns] } },
    ];
    const lifecycle = route.ignoreActionChanges ? { lifecycle: { ignoreChanges: ["action"] } } : {};
    const rules = [
      new LbListenerRule(this, `${route.id}-rule`, {
        listenerArn: this.forwardingListenerArn,
        priority: route.priority,
        condition: conditions,
        action: [{ type: "forward", targetGroupArn: route.targetGroupArn }],
        ...lifecycle,
      }),
    ];
    if (route.testTargetGroupArn && this.testListenerArn) {
      rules.push(
        new LbListenerRule(this, `${route.id}-test-rule`, {
          listenerArn: this.testListenerArn,
          priority: route.priority,
          condition: conditions,
          action: [{ type: "forward", targetGroupArn: route.testTargetGroupArn }],
          ...lifecycle,
        }),
      );
    }
    return rules;
  }
}

/**
 * Elastic Load Balancing account per Region, for access-log bucket policies in Regions opened before
 * August 2022 (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/enable-access-logging.html#attach-bucket-policy).
 * Newer Regions use the `logdelivery.elasticloadbalancing.amazonaws.com` service principal.
 */
export const ELB_LOG_ACCOUNTS: Readonly<Record<string, string>> = {
  "us-east-1": "127311923021",
  "us-east-2": "033677994240",
  "us-west-1": "027434742980",
  "us-west-2": "797873946194",
  "ca-central-1": "985666609251",
  "eu-west-1": "156460612806",
  "eu-west-2": "652711504416",
  "eu-west-3": "009996457667",
  "eu-central-1": "054676820928",
  "eu-north-1": "897822967062",
  "ap-northeast-1": "582318560864",
  "ap-northeast-2": "600734575887",
  "ap-southeast-1": "114774131450",
  "ap-southeast-2": "783225319266",
  "ap-south-1": "718504428378",
  "sa-east-1": "507241528517",
};

/**
 * Bucket policy statement letting ALB access logs of `accountId` be written under `alb/` in `bucketArn`:
 * the Region's ELB account where the Region has one ({@link ELB_LOG_ACCOUNTS}), else the log-delivery
 * service principal.
 */
export function albLogDeliveryStatement(bucketArn: string, accountId: string, region: string, partition = "aws"): NamedPolicyStatement {
  const elbAccount = ELB_LOG_ACCOUNTS[region];
  const principal: PolicyPrincipal = elbAccount
    ? { AWS: accountRootArn(elbAccount, partition) }
    : { Service: "logdelivery.elasticloadbalancing.amazonaws.com" };
  return {
    Sid: "ElbWritesAccessLogs",
    Effect: "Allow",
    Principal: principal,
    Action: "s3:PutObject",
    Resource: `${bucketArn}/alb/AWSLogs/${accountId}/*`,
  };
}
