/**
 * `lz cost`: a monthly estimate per account and component from versioned price tables (prices/), the model
 * (adapters/), neutral quantities (inputs.ts) and pure pricing functions (components/).
 */
export * from "./adapters/app.js";
export * from "./adapters/baseline.js";
export * from "./adapters/hybrid.js";
export * from "./adapters/model.js";
export * from "./components/app.js";
export * from "./components/baseline.js";
export * from "./components/network.js";
export * from "./estimate.js";
export * from "./format.js";
export type * from "./inputs.js";
export * from "./line.js";
export * from "./prices/index.js";
