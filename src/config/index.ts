/** Public surface of the config layer: load a folder into the typed model, or get its problems. */
export {
  DEFAULT_CONFIG_DIR,
  loadConfig,
  loadConfigWithSources,
  SHARED_FILE,
  type ConfigSources,
  type LoadedConfig,
} from "./loader.js";
export {
  administratorAccessPolicies,
  BOOTSTRAP_STACK,
  hubAttachmentRoleName,
  NETWORK_HUB_STACK,
  permissionsBoundaryName,
  protectedSegment,
  SEGMENTS,
  type AccountTarget,
  type AlarmThresholds,
  type BaselineModel,
  type BootstrapModel,
  type LandingZoneModel,
  type NatGatewayPlacement,
  type NetworkHubModel,
  type OrganizationBaselineModel,
  type Segment,
  type InterfaceEndpointService,
  type StateBackend,
  type WorkloadModel,
  type WorkloadSegment,
} from "./model.js";
export {
  LOG_ARCHIVE_STACK,
  ORGANIZATION_STACK,
  SECURITY_TOOLING_STACK,
  type AccountRole,
  type AwsOrganizationsModel,
  type CoreAccountModel,
  type OrganizationAccountModel,
  vendingNotice,
} from "./model-organization.js";
export { coreAccountTargets } from "./model-baseline.js";
export { ConfigError, formatProblem, type Problem } from "./problems.js";
export type { SourceFile } from "./source.js";
export {
  CostAssumptions,
  EnvironmentFileSchema,
  OPTIONAL_SUBNET_TIERS,
  SharedFileSchema,
  SUBNET_TIERS,
  type CostAssumptionsFile,
  type EnvironmentFile,
  type OptionalSubnetTier,
  type SharedFile,
  type SubnetTier,
} from "./schema/index.js";
export type { SubnetPlan } from "./subnet-plan.js";
export type {
  AppCacheModel,
  AppDatabaseEngine,
  AppDatabaseModel,
  AppDynamodbTableModel,
  AppModel,
  AppServiceModel,
  AppFargateServiceModel,
  AppEc2ServiceModel,
  AppLambdaServiceModel,
  DeploymentStyle,
  ServiceSecretModel,
} from "./app-model.js";
export { nlbListenerOf, RDS_ENGINE_OF } from "./app-model.js";
export { FARGATE_MEMORY_MIB, FARGATE_SIZES_DOC } from "../aws/fargate.js";
export { summarizeCidrs } from "../net/cidr.js";
export type {
  DirectConnectModel,
  HybridModel,
  InspectionModel,
  OnPremisesAccessModel,
  RoutingModel,
  StaticRouteModel,
  TierAccess,
  VpnModel,
} from "./model-hybrid.js";
export type { InspectionMode, RoutingIntentSettings } from "./schema/index.js";
export { adoptedCount, trailNameOfArn, type AdoptableSubnetTier, type AdoptedResources } from "./model-adopt.js";
export { addressFromEnd, type DnsModel, type ForwardRuleModel, type ResolverEndpointAddress } from "./model-dns.js";
