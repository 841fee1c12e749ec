/** Expands the model into one stack per account, with deploy-order dependencies. */
import type { Construct } from "constructs";
import type { LandingZoneModel } from "../config/index.js";
import type { TargetStack } from "./account-stack.js";
import { NetworkHubStack } from "./network-hub-stack.js";
import { OrganizationStack } from "./organization-stack.js";
import { WorkloadStack } from "./workload-stack.js";

/**
 * Adds the organization stack (with `organization.awsOrganizations`), the network hub stack and one workload stack
 * per environment to `app`. The hub depends on the organization stack and every workload stack on the hub, so
 * `cdktf deploy '*'` applies them in that order; with hybrid DNS every other workload stack also depends on the
 * stack of `networkHub.dns.resolverEndpointsIn`, whose forwarding rules it associates. While a core account is
 * still to be created (`awsOrganizations.vending`), only the organization stack is built: the other stacks need its id.
 * @returns the stacks in deploy order.
 */
export function buildLandingZone(app: Construct, model: LandingZoneModel): TargetStack[] {
  const organization = model.awsOrganizations ? new OrganizationStack(app, model) : undefined;
  if (organization && model.awsOrganizations?.vending) return [organization];
  const hub = new NetworkHubStack(app, model);
  if (organization) hub.addDependency(organization);
  const workloads = model.environments.map((env) => {
    const stack = new WorkloadStack(app, model, env);
    stack.addDependency(hub);
    return stack;
  });
  // Hybrid DNS: every other workload stack associates the forwarding rules the endpoint environment's stack shares.
  const dnsStack = workloads.find((s) => s.target.stackName === model.dns?.endpointStackName);
  if (dnsStack) for (const s of workloads) if (s !== dnsStack) s.addDependency(dnsStack);
  return [...(organization ? [organization] : []), hub, ...workloads];
}
