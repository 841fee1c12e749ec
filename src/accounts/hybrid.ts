/**
 * The hub's hybrid connectivity, built from the routing plan: the Direct Connect gateway (and transit VIF), the
 * Site-to-Site VPN, the central inspection VPC, and the hub-side associations, propagations and static routes of
 * their TGW attachments. Workload VPC attachments are wired by their own stacks (workload-stack.ts), from the
 * same plan.
 */
import { Ec2TransitGatewayRoute } from "@cdktf/provider-aws/lib/ec2-transit-gateway-route";
import { Ec2TransitGatewayRouteTableAssociation } from "@cdktf/provider-aws/lib/ec2-transit-gateway-route-table-association";
import { Ec2TransitGatewayRouteTablePropagation } from "@cdktf/provider-aws/lib/ec2-transit-gateway-route-table-propagation";
import type { LandingZoneModel } from "../config/index.js";
import { DirectConnectGateway, SiteToSiteVpn } from "../modules/hybrid/index.js";
import { InspectionVpc, type InspectionRoute, type InspectionTier } from "../modules/inspection/index.js";
import type { TransitGatewayHub } from "../modules/transit-gateway/index.js";
import { INSPECTION_ATTACHMENT, inspectedVpcCidrs, vpnAttachment, type AttachmentId, type RoutingPlan } from "../routing/plan.js";
import type { AccountStack } from "./account-stack.js";

/** What {@link addHybridConnectivity} built. */
export interface HubHybrid {
  readonly directConnect?: DirectConnectGateway;
  /** The VPN connections, in model order (the first is attachment `vpn`). */
  readonly vpns?: readonly SiteToSiteVpn[];
  readonly inspection?: InspectionVpc;
}

/** Adds DX, VPN and inspection to the hub stack, and wires their attachments as `plan` says. */
export function addHybridConnectivity(stack: AccountStack, model: LandingZoneModel, tgw: TransitGatewayHub, plan: RoutingPlan): HubHybrid {
  const hybrid = model.networkHub.hybrid;
  if (!hybrid) return {};
  const { preventDestroy } = stack.target;
  const dx = hybrid.directConnect
    ? new DirectConnectGateway(stack, "direct-connect", {
        name: hybrid.directConnect.gatewayName,
        amazonSideAsn: hybrid.directConnect.amazonSideAsn,
        transitGatewayId: tgw.transitGatewayId,
        allowedPrefixes: hybrid.directConnect.allowedPrefixes,
        transitVirtualInterfaces: hybrid.directConnect.transitVirtualInterfaces,
        alarmTopicArn: stack.alerts.topicArn,
        preventDestroy,
        ...(stack.target.adopt.directConnectGateway ? { gatewayImportId: stack.target.adopt.directConnectGateway } : {}),
      })
    : undefined;
  // The first VPN keeps the single form's construct id `vpn`; attachment `vpn:<link>` is construct `vpn-<link>`.
  const vpns = (hybrid.vpns ?? []).map((v, i) => {
    const attachment = vpnAttachment(v.link, i);
    return {
      attachment,
      vpn: new SiteToSiteVpn(stack, attachment.replace(":", "-"), {
        name: v.name,
        transitGatewayId: tgw.transitGatewayId,
        customerGateway: v.customerGateway,
        staticRoutesOnly: v.staticRoutesOnly,
        tunnels: v.tunnels,
        ikeVersions: v.ikeVersions,
        phase1: v.phase1,
        phase2: v.phase2,
        dpdTimeoutSeconds: v.dpdTimeoutSeconds,
        dpdTimeoutAction: v.dpdTimeoutAction,
        logGroupName: v.logGroupName,
        logRetentionDays: v.logRetentionDays,
        logKmsKeyArn: stack.keys.logs.keyArn,
        alarmTopicArn: stack.alerts.topicArn,
        preventDestroy,
      }),
    };
  });
  const inspectionPlan = plan.vpcs.find((v) => v.name === "inspection");
  let inspection: InspectionVpc | undefined;
  if (hybrid.inspection && inspectionPlan) {
    const routes: InspectionRoute[] = [];
    for (const tier of ["transitGateway", "firewall", "public"] as const satisfies readonly InspectionTier[]) {
      inspectionPlan.routeTables[tier]!.forEach((table, az) => {
        for (const r of table) {
          if (r.target.kind === "local") continue;
          routes.push({
            tier,
            az,
            destination: r.destination,
            target: r.target.kind,
            ...("az" in r.target ? { targetAz: r.target.az } : {}),
          });
        }
      });
    }
    inspection = new InspectionVpc(stack, "inspection", {
      name: hybrid.inspection.name,
      cidrBlock: hybrid.inspection.vpcCidr,
      availabilityZoneIds: model.networkHub.availabilityZoneIds.slice(0, hybrid.inspection.azCount),
      subnetCidrs: hybrid.inspection.subnets,
      transitGatewayId: tgw.transitGatewayId,
      routes,
      allowedDomains: hybrid.inspection.allowedDomains,
      eastWest: {
        inspectedCidrs: model.environments.filter((e) => e.inspection === "central").map((e) => e.vpc.cidr),
        onPremisesCidrs: model.networkHub.onPremises.cidrs,
        sharedServicesCidrs: model.environments.filter((e) => e.segment === "shared").map((e) => e.vpc.cidr),
      },
      homeNetCidrs: inspectedVpcCidrs(plan),
      suricataRules: hybrid.inspection.suricataRules,
      logRetentionDays: hybrid.inspection.logRetentionDays,
      logKmsKeyArn: stack.keys.logs.keyArn,
      preventDestroy,
      flowLogs: {
        retentionDays: hybrid.inspection.logRetentionDays,
        accountId: stack.target.accountId,
        region: stack.target.region,
        partition: stack.target.partition,
      },
    });
  }
  const attachmentIds: Partial<Record<AttachmentId, string>> = {
    ...(dx ? { directconnect: dx.attachmentId } : {}),
    ...Object.fromEntries(vpns.map((v) => [v.attachment, v.vpn.attachmentId])),
    ...(inspection ? { [INSPECTION_ATTACHMENT]: inspection.attachmentId } : {}),
  };
  const hubSide = (id: AttachmentId) => attachmentIds[id];
  for (const table of plan.tables) {
    const tableId = tgw.routeTableIds[table.name];
    if (!tableId) throw new Error(`routing plan uses TGW route table ${table.name}, which the hub does not create`);
    for (const a of table.associations) {
      const att = hubSide(a);
      if (att)
        new Ec2TransitGatewayRouteTableAssociation(stack, `association-${a.replace(":", "-")}`, {
          transitGatewayAttachmentId: att,
          transitGatewayRouteTableId: tableId,
        });
    }
    for (const a of table.propagations) {
      const att = hubSide(a);
      if (att)
        new Ec2TransitGatewayRouteTablePropagation(stack, `propagation-${a.replace(":", "-")}-${table.name}`, {
          transitGatewayAttachmentId: att,
          transitGatewayRouteTableId: tableId,
        });
    }
    for (const r of table.staticRoutes) {
      const target = r.target === "blackhole" ? undefined : hubSide(r.target);
      if (r.target !== "blackhole" && !target)
        throw new Error(`static route ${r.destination} in ${table.name} targets ${r.target}, which the hub does not create`);
      new Ec2TransitGatewayRoute(stack, `route-${table.name}-${r.destination.replace(/[./]/g, "-")}`, {
        transitGatewayRouteTableId: tableId,
        destinationCidrBlock: r.destination,
        ...(target ? { transitGatewayAttachmentId: target } : { blackhole: true }),
      });
    }
  }
  return { ...(dx ? { directConnect: dx } : {}), vpns: vpns.map((v) => v.vpn), ...(inspection ? { inspection } : {}) };
}
