/**
 * Direct Connect toward the hub transit gateway: a Direct Connect gateway, transit virtual interfaces on existing
 * connections (none, one, or several on separate connections and locations for AWS's high- and maximum-resiliency
 * models, https://aws.amazon.com/directconnect/resiliency-recommendation/), the gateway ↔ transit gateway association with its allowed prefixes, and alarms.
 *
 * Allowed prefixes are what AWS advertises to on-prem over the transit VIF (at most 200), per "Allowed prefixes
 * interactions" (https://docs.aws.amazon.com/directconnect/latest/UserGuide/allowed-to-prefixes.html). The TGW
 * attachment of the DX gateway is created by AWS with the association; its id is read back through the
 * `aws_ec2_transit_gateway_dx_gateway_attachment` data source. Alarms: `ConnectionState` and
 * `VirtualInterfaceBgpStatus` in the AWS/DX namespace (1 up, 0 down;
 * https://docs.aws.amazon.com/directconnect/latest/UserGuide/monitoring-cloudwatch.html).
 */
import { DataAwsEc2TransitGatewayDxGatewayAttachment } from "@cdktf/provider-aws/lib/data-aws-ec2-transit-gateway-dx-gateway-attachment";
import { DataAwsSecretsmanagerSecretVersion } from "@cdktf/provider-aws/lib/data-aws-secretsmanager-secret-version";
import { DxGateway } from "@cdktf/provider-aws/lib/dx-gateway";
import { DxGatewayAssociation } from "@cdktf/provider-aws/lib/dx-gateway-association";
import { DxTransitVirtualInterface } from "@cdktf/provider-aws/lib/dx-transit-virtual-interface";
import { Construct } from "constructs";
import { metricAlarm } from "../observability/alarm.js";

/** One transit VIF of {@link DirectConnectGatewayProps}. */
export interface DirectConnectVirtualInterface {
  /** AWS name of the interface. */
  readonly name: string;
  /** Suffix of the construct ids of every VIF after the first (required there, unique). */
  readonly link?: string;
  readonly connectionId: string;
  /** 1-4094. */
  readonly vlan: number;
  /** On-prem router ASN. */
  readonly customerAsn: number;
  /** Bytes: 1500 or 8500. */
  readonly mtu: number;
  /** Secrets Manager secret name or ARN whose SecretString is the BGP MD5 key (read at apply; lands in state). */
  readonly bgpAuthKeySecretId: string;
  /** BGP peer addresses with prefix length, both or neither. @default AWS assigns them */
  readonly amazonAddress?: string;
  readonly customerAddress?: string;
}

/** Props of {@link DirectConnectGateway}. */
export interface DirectConnectGatewayProps {
  /** Name of the DX gateway. */
  readonly name: string;
  /** Amazon-side ASN; must differ from the transit gateway's. Changing it replaces the gateway. */
  readonly amazonSideAsn: number;
  readonly transitGatewayId: string;
  /** Prefixes advertised to on-prem (1-200 IPv4 CIDRs). */
  readonly allowedPrefixes: readonly string[];
  /**
   * Transit VIFs on existing connections, each on the gateway. The first keeps the construct ids of the single-VIF
   * form (`transit-virtual-interface`, `bgp-auth-key`, `bgp-status`, `connection-state`); each later one adds
   * `-<link>` to them, so appending a VIF never renames a Terraform address. A `ConnectionState` alarm is made once
   * per connection, a `VirtualInterfaceBgpStatus` alarm per VIF.
   * @default [] (connect VIFs to the gateway outside this stack)
   */
  readonly transitVirtualInterfaces?: readonly DirectConnectVirtualInterface[];
  /** SNS topic ARN the alarms notify. */
  readonly alarmTopicArn: string;
  /** `lifecycle.prevent_destroy` on the gateway and the VIF. @default false */
  readonly preventDestroy?: boolean;
  /** Id (a UUID) of an existing Direct Connect gateway to import (a Terraform `import` block) instead of creating one. @default none (created) */
  readonly gatewayImportId?: string;
}

/** DX gateway + transit VIFs + TGW association + alarms. */
export class DirectConnectGateway extends Construct {
  readonly gatewayId: string;
  /** TGW attachment id of the DX gateway (for route table association and propagation). */
  readonly attachmentId: string;
  /** Ids of the transit VIFs, in props order. */
  readonly virtualInterfaceIds: readonly string[];

  constructor(scope: Construct, id: string, props: DirectConnectGatewayProps) {
    super(scope, id);
    if (props.allowedPrefixes.length < 1 || props.allowedPrefixes.length > 200) {
      throw new Error(`DirectConnectGateway ${props.name}: ${props.allowedPrefixes.length} allowed prefixes; AWS accepts 1 to 200`);
    }
    const lifecycle = props.preventDestroy ? { lifecycle: { preventDestroy: true } } : {};
    const gateway = new DxGateway(this, "gateway", { name: props.name, amazonSideAsn: String(props.amazonSideAsn), ...lifecycle });
    if (props.gatewayImportId) gateway.importFrom(props.gatewayImportId);
    const association = new DxGatewayAssociation(this, "association", {
      dxGatewayId: gateway.id,
      associatedGatewayId: props.transitGatewayId,
      allowedPrefixes: [...props.allowedPrefixes],
    });
    this.gatewayId = gateway.id;
    this.attachmentId = new DataAwsEc2TransitGatewayDxGatewayAttachment(this, "attachment", {
      transitGatewayId: props.transitGatewayId,
      dxGatewayId: gateway.id,
      dependsOn: [association],
    }).id;
    const alarm = (name: string, metricName: string, dimensions: Record<string, string>, description: string) =>
      metricAlarm(this, name, {
        alarmName: `${props.name}-${name}`,
        description,
        topicArn: props.alarmTopicArn,
        metric: { namespace: "AWS/DX", name: metricName, dimensions, statistic: "Minimum" },
        periodSeconds: 60,
        evaluationPeriods: 3,
        datapointsToAlarm: 3,
        threshold: 1,
        comparison: "LessThanThreshold",
        treatMissingData: "breaching",
      });
    const vifs = props.transitVirtualInterfaces ?? [];
    const alarmedConnections = new Set<string>();
    this.virtualInterfaceIds = vifs.map((vif, i) => {
      if (i > 0 && !vif.link)
        throw new Error(`DirectConnectGateway ${props.name}: transit VIF ${vif.name} after the first needs a link name`);
      if ((vif.amazonAddress === undefined) !== (vif.customerAddress === undefined))
        throw new Error(
          `DirectConnectGateway ${props.name}: transit VIF ${vif.name} needs both amazonAddress and customerAddress, or neither`,
        );
      const id = (base: string) => (i === 0 ? base : `${base}-${vif.link}`);
      const key = new DataAwsSecretsmanagerSecretVersion(this, id("bgp-auth-key"), { secretId: vif.bgpAuthKeySecretId });
      const resource = new DxTransitVirtualInterface(this, id("transit-virtual-interface"), {
        name: vif.name,
        connectionId: vif.connectionId,
        dxGatewayId: gateway.id,
        vlan: vif.vlan,
        bgpAsn: vif.customerAsn,
        mtu: vif.mtu,
        addressFamily: "ipv4",
        bgpAuthKey: key.secretString,
        ...(vif.amazonAddress && vif.customerAddress ? { amazonAddress: vif.amazonAddress, customerAddress: vif.customerAddress } : {}),
        ...lifecycle,
      });
      if (!alarmedConnections.has(vif.connectionId)) {
        alarmedConnections.add(vif.connectionId);
        alarm(
          id("connection-state"),
          "ConnectionState",
          { ConnectionId: vif.connectionId },
          vifs.length === 1
            ? `Direct Connect connection ${vif.connectionId} is down; traffic fails over to the VPN.`
            : `Direct Connect connection ${vif.connectionId} is down; traffic moves to the other connections, or to the VPN.`,
        );
      }
      alarm(
        id("bgp-status"),
        "VirtualInterfaceBgpStatus",
        { ConnectionId: vif.connectionId, VirtualInterfaceId: resource.id },
        vifs.length === 1
          ? `BGP on transit VIF ${vif.name} is down; traffic fails over to the VPN.`
          : `BGP on transit VIF ${vif.name} is down; traffic moves to the other interfaces, or to the VPN.`,
      );
      return resource.id;
    });
  }
}
