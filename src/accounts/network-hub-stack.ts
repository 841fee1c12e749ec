/**
 * The network hub account: the transit gateway with one route table per segment, shared with every
 * workload account through RAM.
 */
import type { Construct } from "constructs";
import { SEGMENTS, type LandingZoneModel } from "../config/index.js";
import { TransitGatewayHub } from "../modules/transit-gateway/index.js";
import { AccountStack } from "./account-stack.js";
import { addHybridConnectivity, type HubHybrid } from "./hybrid.js";
import { routingPlanOf, tgwTableName } from "./segments.js";

/** Stack of the network hub account. Deploys first; workload stacks depend on it. */
export class NetworkHubStack extends AccountStack {
  readonly transitGateway: TransitGatewayHub;
  /** Direct Connect, VPN and the inspection VPC (when `networkHub.hybrid` is set). */
  readonly hybrid: HubHybrid;

  constructor(scope: Construct, model: LandingZoneModel) {
    const hub = model.networkHub;
    super(scope, model, hub, "network-hub");
    const plan = routingPlanOf(model);
    const extraTables = plan.tables.filter((t) => !(SEGMENTS as readonly string[]).includes(t.name));
    this.transitGateway = new TransitGatewayHub(this, "transit-gateway", {
      name: hub.transitGateway.name,
      amazonSideAsn: hub.transitGateway.amazonSideAsn,
      routeTableNames: Object.fromEntries([
        ...SEGMENTS.map((s) => [s, hub.transitGateway.routeTableNames[s]]),
        ...extraTables.map((t) => [t.name, tgwTableName(model, t.name)]),
      ]),
      resourceShareName: hub.transitGateway.resourceShareName,
      shareWithAccountIds: model.environments.map((e) => e.accountId),
      sharingWithAwsOrganization: model.organization.ramSharingWithAwsOrganization,
      ...(hub.adopt.transitGateway ? { importId: hub.adopt.transitGateway } : {}),
      ...(hub.transitGateway.flowLogs
        ? {
            flowLogs: {
              retentionDays: hub.transitGateway.flowLogs.retentionDays,
              kmsKeyArn: this.keys.logs.keyArn,
              accountId: hub.accountId,
              region: hub.region,
              partition: hub.partition,
            },
          }
        : {}),
    });
    this.hybrid = addHybridConnectivity(this, model, this.transitGateway, plan);
  }
}
