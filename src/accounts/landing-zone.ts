/** Expands the model into one stack per account, with deploy-order dependencies. */
import type { Construct } from "constructs";
import { LOG_ARCHIVE_STACK, type LandingZoneModel } from "../config/index.js";
import { coreAccountTargets } from "../config/model-baseline.js";
import type { AccountStack } from "./account-stack.js";
import { LogArchiveStack } from "./log-archive-stack.js";
import { NetworkHubStack } from "./network-hub-stack.js";
import { SecurityToolingStack } from "./security-tooling-stack.js";
import { WorkloadStack } from "./workload-stack.js";

/**
 * Adds the network hub stack and one workload stack per environment to `app`. Every workload stack
 * depends on the hub, so `cdktf deploy '*'` applies the hub first. With the AWS Organizations layer the log
 * archive and security tooling stacks come first (each depends on the one before; the hub on both).
 * @returns the stacks in deploy order.
 */
export function buildLandingZone(app: Construct, model: LandingZoneModel): AccountStack[] {
  const core: AccountStack[] = [];
  for (const t of coreAccountTargets(model)) {
    const stack = t.stackName === LOG_ARCHIVE_STACK ? new LogArchiveStack(app, model, t) : new SecurityToolingStack(app, model, t);
    for (const before of core) stack.addDependency(before);
    core.push(stack);
  }
  const hub = new NetworkHubStack(app, model);
  for (const before of core) hub.addDependency(before);
  const workloads = model.environments.map((env) => {
    const stack = new WorkloadStack(app, model, env);
    stack.addDependency(hub);
    return stack;
  });
  return [...core, hub, ...workloads];
}
