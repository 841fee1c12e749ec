export { TRANSIT_GATEWAY_FLOW_LOG_FORMAT, TransitGatewayHub, type TransitGatewayHubProps } from "./hub.js";
export { TransitGatewaySpoke, type TransitGatewaySpokeProps } from "./spoke.js";
