/**
 * The hub transit gateway, its segment route tables, and the RAM share that offers it to the workload
 * accounts.
 *
 * Defaults follow "Transit gateway design best practices"
 * (https://docs.aws.amazon.com/vpc/latest/tgw/tgw-best-design-practices.html): no default route table
 * association or propagation (every attachment is placed in a segment explicitly), and no auto-accept
 * of shared attachments (the hub accepts each one in code).
 */
import { Ec2TransitGateway } from "@cdktf/provider-aws/lib/ec2-transit-gateway";
import { Ec2TransitGatewayRouteTable } from "@cdktf/provider-aws/lib/ec2-transit-gateway-route-table";
import { RamPrincipalAssociation } from "@cdktf/provider-aws/lib/ram-principal-association";
import { RamResourceAssociation } from "@cdktf/provider-aws/lib/ram-resource-association";
import { RamResourceShare } from "@cdktf/provider-aws/lib/ram-resource-share";
import { Construct } from "constructs";
import { VpcFlowLogs } from "../vpc/flow-logs.js";

/**
 * The record format of the transit gateway's flow log: every field AWS defines for Transit Gateway Flow Logs, in
 * AWS's order ("Transit Gateway Flow Log records",
 * https://docs.aws.amazon.com/vpc/latest/tgw/tgw-flow-logs.html#flow-log-records): the attachment a flow entered
 * and left by (`tgw-attachment-id`, `tgw-pair-attachment-id`), source and destination VPC, subnet, AZ and
 * account, packets lost to no route, a blackhole route, the MTU and the TTL, and the direction (`flow-direction`).
 * Written out, not left to AWS's default, so the columns stay put when AWS adds a field.
 */
export const TRANSIT_GATEWAY_FLOW_LOG_FORMAT = [
  "version",
  "resource-type",
  "account-id",
  "tgw-id",
  "tgw-attachment-id",
  "tgw-src-vpc-account-id",
  "tgw-dst-vpc-account-id",
  "tgw-src-vpc-id",
  "tgw-dst-vpc-id",
  "tgw-src-subnet-id",
  "tgw-dst-subnet-id",
  "tgw-src-eni",
  "tgw-dst-eni",
  "tgw-src-az-id",
  "tgw-dst-az-id",
  "tgw-pair-attachment-id",
  "srcaddr",
  "dstaddr",
  "srcport",
  "dstport",
  "protocol",
  "packets",
  "bytes",
  "start",
  "end",
  "log-status",
  "type",
  "packets-lost-no-route",
  "packets-lost-blackhole",
  "packets-lost-mtu-exceeded",
  "packets-lost-ttl-expired",
  "tcp-flags",
  "region",
  "flow-direction",
  "pkt-src-aws-service",
  "pkt-dst-aws-service",
]
  .map((f) => `\${${f}}`)
  .join(" ");

/** Props of {@link TransitGatewayHub}. */
export interface TransitGatewayHubProps {
  /** Name tag of the gateway; spokes look it up by this name. */
  readonly name: string;
  /** Amazon-side BGP ASN. Changing it replaces the gateway. */
  readonly amazonSideAsn: number;
  /** Route table Name tags, keyed by segment (for example `prod`, `nonprod`, `onprem`). */
  readonly routeTableNames: Readonly<Record<string, string>>;
  /** Name of the RAM resource share. */
  readonly resourceShareName: string;
  /** Account ids the gateway is shared with. */
  readonly shareWithAccountIds: readonly string[];
  /**
   * true when RAM sharing with AWS Organizations is enabled, so member accounts need no acceptance.
   * false: the share allows external principals and each spoke accepts it.
   */
  readonly sharingWithAwsOrganization: boolean;
  /** Id (`tgw-…`) of an existing transit gateway to import (a Terraform `import` block) instead of creating one. @default none (created) */
  readonly importId?: string;
  /**
   * Transit Gateway Flow Logs ({@link TRANSIT_GATEWAY_FLOW_LOG_FORMAT}, 60-second aggregation) to a KMS-encrypted
   * CloudWatch log group `/aws/transit-gateway/flow-logs/<name>`. @default none (no flow log)
   */
  readonly flowLogs?: {
    /** CloudWatch Logs retention in days (one of the values PutRetentionPolicy accepts). */
    readonly retentionDays: number;
    /** KMS key ARN that encrypts the log group. */
    readonly kmsKeyArn: string;
    readonly accountId: string;
    readonly region: string;
    /** @default "aws" */
    readonly partition?: string;
  };
}

/** A transit gateway with one route table per segment, shared through RAM. Protected by `prevent_destroy`. */
export class TransitGatewayHub extends Construct {
  readonly transitGatewayId: string;
  readonly transitGatewayArn: string;
  /** Route table id per segment. */
  readonly routeTableIds: Readonly<Record<string, string>>;
  readonly resourceShareArn: string;
  /** ARN of the flow log's log group; undefined without `flowLogs`. */
  readonly flowLogGroupArn?: string;

  constructor(scope: Construct, id: string, props: TransitGatewayHubProps) {
    super(scope, id);
    const tgw = new Ec2TransitGateway(this, "transit-gateway", {
      description: `${props.name} hub`,
      amazonSideAsn: props.amazonSideAsn,
      autoAcceptSharedAttachments: "disable",
      defaultRouteTableAssociation: "disable",
      defaultRouteTablePropagation: "disable",
      dnsSupport: "enable",
      vpnEcmpSupport: "enable",
      tags: { Name: props.name },
      // Every VPC attachment, and later DX and VPN, hangs off this gateway.
      lifecycle: { preventDestroy: true },
    });
    if (props.importId) tgw.importFrom(props.importId);
    this.transitGatewayId = tgw.id;
    this.transitGatewayArn = tgw.arn;
    this.routeTableIds = Object.fromEntries(
      Object.entries(props.routeTableNames).map(([segment, name]) => [
        segment,
        new Ec2TransitGatewayRouteTable(this, `route-table-${segment}`, {
          transitGatewayId: tgw.id,
          tags: { Name: name, Segment: segment },
        }).id,
      ]),
    );
    const share = new RamResourceShare(this, "resource-share", {
      name: props.resourceShareName,
      allowExternalPrincipals: !props.sharingWithAwsOrganization,
      tags: { Name: props.resourceShareName },
    });
    new RamResourceAssociation(this, "resource-association", { resourceArn: tgw.arn, resourceShareArn: share.arn });
    for (const accountId of props.shareWithAccountIds) {
      new RamPrincipalAssociation(this, `principal-${accountId}`, { principal: accountId, resourceShareArn: share.arn });
    }
    this.resourceShareArn = share.arn;
    if (props.flowLogs) {
      const flowLogs = new VpcFlowLogs(this, "flow-logs", {
        transitGatewayId: tgw.id,
        logGroupName: `/aws/transit-gateway/flow-logs/${props.name}`,
        logFormat: TRANSIT_GATEWAY_FLOW_LOG_FORMAT,
        maxAggregationIntervalSeconds: 60,
        ...props.flowLogs,
      });
      this.flowLogGroupArn = flowLogs.logGroupArn;
    }
  }
}
