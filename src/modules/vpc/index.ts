export {
  GatewayEndpoints,
  type GatewayEndpointServiceName,
  type GatewayEndpointsProps,
  gatewayEndpointPolicy,
} from "./gateway-endpoints.js";
export { VpcFlowLogs, type VpcFlowLogsProps } from "./flow-logs.js";
export {
  ENDPOINT_POLICY_SERVICES,
  InterfaceEndpoints,
  type InterfaceEndpointsProps,
  interfaceEndpointPolicy,
} from "./interface-endpoints.js";
export { admitFromSecurityGroup } from "./security-group-rules.js";
export {
  ingressPassRules,
  WORKLOAD_SUBNET_TIERS,
  WorkloadVpc,
  type WorkloadFirewallProps,
  type WorkloadNetworkAclRule,
  type WorkloadRouteTier,
  type WorkloadSubnetTier,
  type WorkloadVpcProps,
  type WorkloadVpcRoute,
} from "./workload-vpc.js";
