export { LogsKmsKey, type LogsKmsKeyProps } from "./logs-key.js";
