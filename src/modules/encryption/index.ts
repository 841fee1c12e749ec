export {
  AccountKeys,
  cloudWatchLogsKeyStatement,
  PurposeKmsKey,
  type AccountKeysProps,
  type PurposeKmsKeyProps,
} from "./purpose-key.js";
