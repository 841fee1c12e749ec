export { VpcFlowLogs, type VpcFlowLogsProps } from "./flow-logs.js";
export { dataTierAclRules, WORKLOAD_SUBNET_TIERS, WorkloadVpc, type WorkloadSubnetTier, type WorkloadVpcProps } from "./workload-vpc.js";
