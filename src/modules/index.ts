export * from "./encryption/index.js";
export * from "./transit-gateway/index.js";
export * from "./vpc/index.js";
export * from "./deploy-access/index.js";
export * from "./state/index.js";
