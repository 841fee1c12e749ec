export {
  AccountKeys,
  cloudWatchLogsKeyStatement,
  PurposeKmsKey,
  type AccountKeysProps,
  type KeyPolicyStatement,
  type PurposeKmsKeyProps,
} from "./purpose-key.js";
