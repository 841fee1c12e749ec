export { AccountStack, MANAGED_BY, TargetStack } from "./account-stack.js";
export { buildLandingZone } from "./landing-zone.js";
export { NetworkHubStack } from "./network-hub-stack.js";
export { segmentRouting, type SegmentRouting } from "./segments.js";
export { WorkloadStack } from "./workload-stack.js";
export { BOOTSTRAP_LOCAL_STATE, BootstrapStack } from "./bootstrap-stack.js";
export { OrganizationStack } from "./organization-stack.js";
