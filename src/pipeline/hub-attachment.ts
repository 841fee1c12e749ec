/**
 * The hub attachment role of one workload: the only role in the network hub account a workload's pipeline may
 * assume for writing. A workload stack's `aws.hub` provider manages the hub half of its Transit Gateway VPC
 * attachment (accept it, associate it with its segment's route table, propagate it into the route tables the
 * routing plan names) and looks up the gateway, the route tables, the RAM share and the log archive key's ARN (for
 * its CloudTrail trail and Config delivery channel); this role allows exactly that.
 *
 * Scoping follows the EC2 actions' resource types and condition keys ("Actions, resources, and condition keys
 * for Amazon EC2", https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonec2.html):
 * `AssociateTransitGatewayRouteTable` and the propagation actions take both the attachment and the route table
 * as resources, each with `aws:ResourceTag`. Route tables are matched by the Name tags the hub stack gives them
 * (this role cannot tag route tables); the attachment by the Name tag this role gives it when accepting it, and it
 * may only tag attachments that carry no other Name. `AcceptTransitGatewayVpcAttachment` cannot be scoped further:
 * a pending attachment carries no tag in the hub account, and accepting alone routes nothing (the gateway has
 * default association and propagation off). Describe and RAM read actions support no resource-level scoping.
 *
 * Pure: no cdktf import.
 */
import type { PolicyStatement } from "../modules/iam/policy.js";
import type { AccountFootprint } from "./footprint.js";

/** The only types a workload stack may manage or read in the hub account, through its hub attachment role. */
export const HUB_ATTACHMENT_TYPES: { readonly resources: readonly string[]; readonly dataSources: readonly string[] } = {
  resources: [
    "aws_ec2_transit_gateway_route_table_association",
    "aws_ec2_transit_gateway_route_table_propagation",
    "aws_ec2_transit_gateway_vpc_attachment_accepter",
  ],
  dataSources: ["aws_ec2_transit_gateway", "aws_ec2_transit_gateway_route_table", "aws_kms_key", "aws_ram_resource_share"],
};

/**
 * Checks that a workload stack's footprint in the hub account stays within {@link HUB_ATTACHMENT_TYPES}.
 * @throws Error naming the stack and every other type: the hub attachment role could not manage it, and no
 *   workload pipeline may hold a broader role in the hub.
 */
export function checkHubSideFootprint(footprint: AccountFootprint): void {
  const extra = [
    ...footprint.resourceTypes.filter((t) => !HUB_ATTACHMENT_TYPES.resources.includes(t)),
    ...footprint.dataSourceTypes.filter((t) => !HUB_ATTACHMENT_TYPES.dataSources.includes(t)).map((t) => `data.${t}`),
  ];
  if (extra.length > 0)
    throw new Error(
      `${footprint.stack}: manages ${extra.join(", ")} in the network hub account (${footprint.accountId}), which its hub attachment role does not allow. ` +
        "Build it in the network hub stack, or extend HUB_ATTACHMENT_TYPES and hubAttachmentStatements in src/pipeline/hub-attachment.ts with the narrowest actions it needs.",
    );
}

/** What one workload's hub attachment role may touch. */
export interface HubAttachmentScope {
  readonly partition: string;
  /** The network hub account. */
  readonly accountId: string;
  /** Region of the transit gateway. */
  readonly region: string;
  /** Name tag of the workload's attachment in the hub (the spoke's accepter sets it: the VPC name). */
  readonly attachmentName: string;
  /** Name tags of the TGW route tables the routing plan associates the attachment with or propagates it into. */
  readonly routeTableNames: readonly string[];
  /**
   * Alias of the log archive key (`alias/<org>-log-archive`) when the archive is in the hub: the workload reads the
   * key's ARN through it (`data "aws_kms_key"`), because CloudTrail and Config need the key ARN, not the alias ARN.
   * Absent with the AWS Organizations layer, where the archive is in the log archive account and each stack reads
   * the key with its own credentials: then no `ReadArchiveKey` statement. @default none
   */
  readonly archiveKeyAlias?: string;
}

/** The identity policy of a hub attachment role. */
export function hubAttachmentStatements(scope: HubAttachmentScope): PolicyStatement[] {
  const arn = (type: string) => `arn:${scope.partition}:ec2:${scope.region}:${scope.accountId}:${type}/*`;
  const attachments = arn("transit-gateway-attachment");
  const ownAttachment = { StringEquals: { "aws:ResourceTag/Name": scope.attachmentName } };
  const wiring = [
    "ec2:AssociateTransitGatewayRouteTable",
    "ec2:DisableTransitGatewayRouteTablePropagation",
    "ec2:DisassociateTransitGatewayRouteTable",
    "ec2:EnableTransitGatewayRouteTablePropagation",
  ];
  return [
    {
      Sid: "HubLookups",
      Effect: "Allow",
      Action: [
        "ec2:Describe*",
        "ec2:GetTransitGatewayAttachmentPropagations",
        "ec2:GetTransitGatewayRouteTableAssociations",
        "ec2:GetTransitGatewayRouteTablePropagations",
        "ram:Get*",
        "ram:List*",
      ],
      Resource: "*",
    },
    // kms:ResourceAliases scopes DescribeKey to the archive key without knowing its id
    // (https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html#conditions-kms-resource-aliases).
    ...(scope.archiveKeyAlias === undefined
      ? []
      : [
          {
            Sid: "ReadArchiveKey",
            Effect: "Allow" as const,
            Action: "kms:DescribeKey",
            Resource: `arn:${scope.partition}:kms:${scope.region}:${scope.accountId}:key/*`,
            Condition: { "ForAnyValue:StringEquals": { "kms:ResourceAliases": scope.archiveKeyAlias } },
          },
        ]),
    { Sid: "AcceptAttachment", Effect: "Allow", Action: "ec2:AcceptTransitGatewayVpcAttachment", Resource: attachments },
    {
      Sid: "NameOwnAttachment",
      Effect: "Allow",
      Action: "ec2:CreateTags",
      Resource: attachments,
      Condition: {
        StringEqualsIfExists: { "aws:RequestTag/Name": scope.attachmentName, "aws:ResourceTag/Name": scope.attachmentName },
      },
    },
    {
      Sid: "MaintainOwnAttachment",
      Effect: "Allow",
      Action: ["ec2:DeleteTags", "ec2:DeleteTransitGatewayVpcAttachment", ...wiring],
      Resource: attachments,
      Condition: ownAttachment,
    },
    {
      Sid: "WirePlannedRouteTables",
      Effect: "Allow",
      Action: wiring,
      Resource: arn("transit-gateway-route-table"),
      Condition: { StringEquals: { "aws:ResourceTag/Name": [...new Set(scope.routeTableNames)].sort() } },
    },
  ];
}
