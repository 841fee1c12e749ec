export * from "./deploy-access/index.js";
export * from "./encryption/index.js";
export * from "./iam/index.js";
export * from "./observability/index.js";
export * from "./state/index.js";
export * from "./transit-gateway/index.js";
export * from "./vpc/index.js";
