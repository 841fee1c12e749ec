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
}

/** A transit gateway with one route table per segment, shared through RAM. Protected by `prevent_destroy`. */
export class TransitGatewayHub extends Construct {
  readonly transitGatewayId: string;
  readonly transitGatewayArn: string;
  /** Route table id per segment. */
  readonly routeTableIds: Readonly<Record<string, string>>;
  readonly resourceShareArn: string;

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
  }
}
