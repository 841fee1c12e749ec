export { AccountBaseline, type AccountBaselineProps, type BaselineImportIds, type LogArchiveTarget } from "./account-baseline.js";
export { CONFIG_PREFIX, ConfigBucket, type ConfigBucketProps } from "./config-bucket.js";
export { ConfigRecorder, MANAGED_CONFIG_RULES, PROTECTED_DATA_CONFIG_RULES, type ConfigRecorderProps } from "./config-recorder.js";
export { AccountHardening, SESSION_PREFERENCES_DOCUMENT, type AccountHardeningProps } from "./hardening.js";
export { CLOUDTRAIL_PREFIX, LogArchive, type LogArchiveProps } from "./log-archive.js";
export {
  GUARDDUTY_HIGH_PATTERN,
  SECURITYHUB_HIGH_PATTERN,
  securityHubStandardArns,
  ThreatDetection,
  type CisVersion,
  type ThreatDetectionProps,
} from "./threat-detection.js";
export { AccountTrail, type AccountTrailProps } from "./trail.js";
