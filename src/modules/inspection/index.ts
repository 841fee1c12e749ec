export { INSPECTION_TIERS, InspectionVpc, type InspectionRoute, type InspectionTier, type InspectionVpcProps } from "./inspection-vpc.js";
export { addNetworkFirewall, type NetworkFirewallParts, type NetworkFirewallProps } from "./network-firewall.js";
