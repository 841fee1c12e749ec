/** Public surface of the config layer: load a folder into the typed model, or get its problems. */
export { DEFAULT_CONFIG_DIR, loadConfig, SHARED_FILE } from "./loader.js";
export { BOOTSTRAP_STACK, NETWORK_HUB_STACK, SEGMENTS, type AccountTarget, type BootstrapModel, type LandingZoneModel, type NetworkHubModel, type Segment, type StateBackend, type WorkloadModel } from "./model.js";
export { ConfigError, formatProblem, type Problem } from "./problems.js";
export { CostAssumptions, EnvironmentFileSchema, SharedFileSchema, SUBNET_TIERS, type CostAssumptionsFile, type EnvironmentFile, type SharedFile, type SubnetTier } from "./schema.js";
export type { SubnetPlan } from "./subnet-plan.js";
