/**
 * The network hub account: the transit gateway with one route table per segment, shared with every
 * workload account through RAM.
 */
import type { Construct } from "constructs";
import { SEGMENTS, type LandingZoneModel } from "../config/index.js";
import { TransitGatewayHub } from "../modules/transit-gateway/index.js";
import { AccountStack } from "./account-stack.js";

/** Stack of the network hub account. Deploys first; workload stacks depend on it. */
export class NetworkHubStack extends AccountStack {
  readonly transitGateway: TransitGatewayHub;

  constructor(scope: Construct, model: LandingZoneModel) {
    const hub = model.networkHub;
    super(scope, model, hub, "network-hub");
    this.transitGateway = new TransitGatewayHub(this, "transit-gateway", {
      name: hub.transitGateway.name,
      amazonSideAsn: hub.transitGateway.amazonSideAsn,
      routeTableNames: Object.fromEntries(SEGMENTS.map((s) => [s, hub.transitGateway.routeTableNames[s]])),
      resourceShareName: hub.transitGateway.resourceShareName,
      shareWithAccountIds: model.environments.map((e) => e.accountId),
      sharingWithAwsOrganization: model.organization.ramSharingWithAwsOrganization,
    });
  }
}
