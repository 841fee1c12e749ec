export { TransitGatewayHub, type TransitGatewayHubProps } from "./hub.js";
export { TransitGatewaySpoke, type TransitGatewaySpokeProps } from "./spoke.js";
