export { VpcFlowLogs, type VpcFlowLogsProps } from "./flow-logs.js";
export {
  dataTierAclRules,
  ingressPassRules,
  WORKLOAD_SUBNET_TIERS,
  WorkloadVpc,
  type WorkloadFirewallProps,
  type WorkloadSubnetTier,
  type WorkloadVpcProps,
} from "./workload-vpc.js";
