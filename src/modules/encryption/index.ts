export { AccountKeys, PurposeKmsKey, type AccountKeysProps, type KeyPolicyStatement, type PurposeKmsKeyProps } from "./purpose-key.js";
