/**
 * A workload VPC's side of the hub: its transit gateway attachment, the hub-side acceptance, the
 * segment association and propagations, and the VPC routes toward the gateway.
 *
 * Two providers are involved. `provider` (the scope's default) acts in the workload account; `hubProvider`
 * acts in the network hub account, where the gateway, its route tables and the RAM share live. The hub
 * resources are looked up by Name tag, so the workload stack needs no access to the hub's state.
 *
 * Order on apply: accept the RAM share (unless Organizations sharing accepts it) → create the attachment
 * → accept it in the hub (auto-accept is off) → associate and propagate → add VPC routes.
 * See "Transit gateway attachments to a VPC" (https://docs.aws.amazon.com/vpc/latest/tgw/tgw-vpc-attachments.html)
 * and "Sharing a transit gateway" (https://docs.aws.amazon.com/vpc/latest/tgw/tgw-transit-gateways.html#tgw-sharing).
 */
import { DataAwsEc2TransitGateway } from "@cdktf/provider-aws/lib/data-aws-ec2-transit-gateway";
import { DataAwsEc2TransitGatewayRouteTable } from "@cdktf/provider-aws/lib/data-aws-ec2-transit-gateway-route-table";
import { DataAwsRamResourceShare } from "@cdktf/provider-aws/lib/data-aws-ram-resource-share";
import { Ec2TransitGatewayRouteTableAssociation } from "@cdktf/provider-aws/lib/ec2-transit-gateway-route-table-association";
import { Ec2TransitGatewayRouteTablePropagation } from "@cdktf/provider-aws/lib/ec2-transit-gateway-route-table-propagation";
import { Ec2TransitGatewayVpcAttachment } from "@cdktf/provider-aws/lib/ec2-transit-gateway-vpc-attachment";
import { Ec2TransitGatewayVpcAttachmentAccepter } from "@cdktf/provider-aws/lib/ec2-transit-gateway-vpc-attachment-accepter";
import { RamResourceShareAccepter } from "@cdktf/provider-aws/lib/ram-resource-share-accepter";
import { Route } from "@cdktf/provider-aws/lib/route";
import type { TerraformProvider } from "cdktf";
import { Construct } from "constructs";

/** Props of {@link TransitGatewaySpoke}. */
export interface TransitGatewaySpokeProps {
  /** Provider of the network hub account (an aliased AWS provider created by the stack). */
  readonly hubProvider: TerraformProvider;
  /** Name tag of the hub transit gateway. */
  readonly transitGatewayName: string;
  /** Name of the RAM share to accept in this account; omit when Organizations sharing accepts it. */
  readonly acceptResourceShareName?: string;
  /** Name tag for the attachment, for example `acme-prod`. */
  readonly name: string;
  readonly vpcId: string;
  /** One subnet per AZ for the attachment ENIs (the transit tier). */
  readonly subnetIds: readonly string[];
  /** Name tag of the hub route table the attachment is associated with (its segment). */
  readonly associateWithRouteTable: string;
  /** Name tags of the hub route tables the attachment propagates its CIDR into. */
  readonly propagateToRouteTables: readonly string[];
  /**
   * VPC route tables and, per table, the destinations it routes through the gateway (for example the on-prem
   * CIDRs, or 0.0.0.0/0 for egress through central inspection). The i-th table's routes have construct ids
   * `route-<i>-<destination>`.
   */
  readonly routeTables: readonly { readonly routeTableId: string; readonly destinationCidrs: readonly string[] }[];
}

/** Attachment of one VPC to a shared transit gateway, wired into its segment. */
export class TransitGatewaySpoke extends Construct {
  readonly transitGatewayId: string;
  readonly attachmentId: string;

  constructor(scope: Construct, id: string, props: TransitGatewaySpokeProps) {
    super(scope, id);
    const hub = props.hubProvider;
    const tgw = new DataAwsEc2TransitGateway(this, "transit-gateway", {
      provider: hub,
      filter: [
        { name: "tag:Name", values: [props.transitGatewayName] },
        { name: "state", values: ["available"] },
      ],
    });
    const shareAccepter = props.acceptResourceShareName
      ? new RamResourceShareAccepter(this, "resource-share-accepter", {
          shareArn: new DataAwsRamResourceShare(this, "resource-share", {
            provider: hub,
            name: props.acceptResourceShareName,
            resourceOwner: "SELF",
          }).arn,
        })
      : undefined;
    const attachment = new Ec2TransitGatewayVpcAttachment(this, "attachment", {
      transitGatewayId: tgw.id,
      vpcId: props.vpcId,
      subnetIds: [...props.subnetIds],
      dnsSupport: "enable",
      applianceModeSupport: "disable",
      tags: { Name: props.name },
      dependsOn: shareAccepter ? [shareAccepter] : [],
    });
    // Association and propagation settings of a shared gateway can only be set by its owner, here.
    const accepter = new Ec2TransitGatewayVpcAttachmentAccepter(this, "attachment-accepter", {
      provider: hub,
      transitGatewayAttachmentId: attachment.id,
      transitGatewayDefaultRouteTableAssociation: false,
      transitGatewayDefaultRouteTablePropagation: false,
      tags: { Name: props.name },
    });
    const tables = new Map<string, string>();
    const tableId = (name: string) => {
      let idOf = tables.get(name);
      if (!idOf) {
        idOf = new DataAwsEc2TransitGatewayRouteTable(this, `route-table-${name}`, {
          provider: hub,
          filter: [
            { name: "tag:Name", values: [name] },
            { name: "transit-gateway-id", values: [tgw.id] },
          ],
        }).id;
        tables.set(name, idOf);
      }
      return idOf;
    };
    new Ec2TransitGatewayRouteTableAssociation(this, "association", {
      provider: hub,
      transitGatewayAttachmentId: accepter.transitGatewayAttachmentId,
      transitGatewayRouteTableId: tableId(props.associateWithRouteTable),
    });
    for (const name of props.propagateToRouteTables) {
      new Ec2TransitGatewayRouteTablePropagation(this, `propagation-${name}`, {
        provider: hub,
        transitGatewayAttachmentId: accepter.transitGatewayAttachmentId,
        transitGatewayRouteTableId: tableId(name),
      });
    }
    props.routeTables.forEach(({ routeTableId, destinationCidrs }, i) => {
      for (const cidr of destinationCidrs) {
        // Keyed by destination, so reordering the CIDR list changes nothing.
        new Route(this, `route-${i}-${cidr.replace(/[./]/g, "-")}`, {
          routeTableId,
          destinationCidrBlock: cidr,
          transitGatewayId: tgw.id,
          dependsOn: [accepter],
        });
      }
    });
    this.transitGatewayId = tgw.id;
    this.attachmentId = attachment.id;
  }
}
