/** Expands the model into one stack per account, with deploy-order dependencies. */
import type { Construct } from "constructs";
import type { LandingZoneModel } from "../config/index.js";
import type { AccountStack } from "./account-stack.js";
import { NetworkHubStack } from "./network-hub-stack.js";
import { WorkloadStack } from "./workload-stack.js";

/**
 * Adds the network hub stack and one workload stack per environment to `app`. Every workload stack
 * depends on the hub, so `cdktf deploy '*'` applies the hub first; with hybrid DNS every other workload stack also
 * depends on the stack of `networkHub.dns.resolverEndpointsIn`, whose forwarding rules it associates.
 * @returns the stacks in deploy order.
 */
export function buildLandingZone(app: Construct, model: LandingZoneModel): AccountStack[] {
  const hub = new NetworkHubStack(app, model);
  const workloads = model.environments.map((env) => {
    const stack = new WorkloadStack(app, model, env);
    stack.addDependency(hub);
    return stack;
  });
  // Hybrid DNS: every other workload stack associates the forwarding rules the endpoint environment's stack shares.
  const dnsStack = workloads.find((s) => s.target.stackName === model.dns?.endpointStackName);
  if (dnsStack) for (const s of workloads) if (s !== dnsStack) s.addDependency(dnsStack);
  return [hub, ...workloads];
}
