export { INSPECTION_TIERS, InspectionVpc, type InspectionRoute, type InspectionTier, type InspectionVpcProps } from "./inspection-vpc.js";
