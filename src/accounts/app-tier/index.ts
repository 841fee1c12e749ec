export { AppTier } from "./app-tier.js";
export { ACCESS_LOG_DAYS, type AppBuckets } from "./buckets.js";
export type { AppTierProps } from "./props.js";
export type { AppServiceHandle } from "./services.js";
