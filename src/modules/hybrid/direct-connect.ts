/**
 * Direct Connect toward the hub transit gateway: a Direct Connect gateway, an optional transit virtual interface
 * on an existing connection, the gateway ↔ transit gateway association with its allowed prefixes, and alarms.
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

/** Props of {@link DirectConnectGateway}. */
export interface DirectConnectGatewayProps {
  /** Name of the DX gateway. */
  readonly name: string;
  /** Amazon-side ASN; must differ from the transit gateway's. Changing it replaces the gateway. */
  readonly amazonSideAsn: number;
  readonly transitGatewayId: string;
  /** Prefixes advertised to on-prem (1-200 IPv4 CIDRs). */
  readonly allowedPrefixes: readonly string[];
  /** Transit VIF on an existing connection. @default none: connect a VIF to the gateway outside this stack */
  readonly transitVirtualInterface?: {
    readonly name: string;
    readonly connectionId: string;
    /** 1-4094. */
    readonly vlan: number;
    /** On-prem router ASN. */
    readonly customerAsn: number;
    /** Bytes: 1500 or 8500. */
    readonly mtu: number;
    /** Secrets Manager secret name or ARN whose SecretString is the BGP MD5 key (read at apply; lands in state). */
    readonly bgpAuthKeySecretId: string;
  };
  /** SNS topic ARN the alarms notify. */
  readonly alarmTopicArn: string;
  /** `lifecycle.prevent_destroy` on the gateway and the VIF. @default false */
  readonly preventDestroy?: boolean;
  /** Id (a UUID) of an existing Direct Connect gateway to import (a Terraform `import` block) instead of creating one. @default none (created) */
  readonly gatewayImportId?: string;
}

/** DX gateway + optional transit VIF + TGW association + alarms. */
export class DirectConnectGateway extends Construct {
  readonly gatewayId: string;
  /** TGW attachment id of the DX gateway (for route table association and propagation). */
  readonly attachmentId: string;
  readonly virtualInterfaceId?: string;

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
    const vif = props.transitVirtualInterface;
    if (vif) {
      const key = new DataAwsSecretsmanagerSecretVersion(this, "bgp-auth-key", { secretId: vif.bgpAuthKeySecretId });
      const resource = new DxTransitVirtualInterface(this, "transit-virtual-interface", {
        name: vif.name,
        connectionId: vif.connectionId,
        dxGatewayId: gateway.id,
        vlan: vif.vlan,
        bgpAsn: vif.customerAsn,
        mtu: vif.mtu,
        addressFamily: "ipv4",
        bgpAuthKey: key.secretString,
        ...lifecycle,
      });
      this.virtualInterfaceId = resource.id;
      alarm(
        "connection-state",
        "ConnectionState",
        { ConnectionId: vif.connectionId },
        `Direct Connect connection ${vif.connectionId} is down; traffic fails over to the VPN.`,
      );
      alarm(
        "bgp-status",
        "VirtualInterfaceBgpStatus",
        { ConnectionId: vif.connectionId, VirtualInterfaceId: resource.id },
        `BGP on transit VIF ${vif.name} is down; traffic fails over to the VPN.`,
      );
    }
  }
}
