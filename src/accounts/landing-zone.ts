/** Expands the model into one stack per account, with deploy-order dependencies. */
import type { Construct } from "constructs";
import { LOG_ARCHIVE_STACK, type LandingZoneModel } from "../config/index.js";
import { coreAccountTargets } from "../config/model-baseline.js";
import type { AccountStack, TargetStack } from "./account-stack.js";
import { LogArchiveStack } from "./log-archive-stack.js";
import { NetworkHubStack } from "./network-hub-stack.js";
import { OrganizationStack } from "./organization-stack.js";
import { SecurityToolingStack } from "./security-tooling-stack.js";
import { WorkloadStack } from "./workload-stack.js";

/**
 * Adds the stacks of `model` to `app`, each depending on the ones before it, so `cdktf deploy '*'` applies them in
 * this order: with `organization.awsOrganizations`, the organization stack (management account), then the log
 * archive and security tooling stacks; the network hub; one workload stack per environment, each depending on the
 * hub, and with hybrid DNS every other workload also on the stack of `networkHub.dns.resolverEndpointsIn`, whose
 * forwarding rules it associates. While a core account is still to be created (`awsOrganizations.vending`), only the
 * organization stack is built: the other stacks need its id.
 * @returns the stacks in deploy order.
 */
export function buildLandingZone(app: Construct, model: LandingZoneModel): TargetStack[] {
  const organization = model.awsOrganizations ? new OrganizationStack(app, model) : undefined;
  if (organization && model.awsOrganizations?.vending) return [organization];
  const core: AccountStack[] = [];
  for (const t of coreAccountTargets(model)) {
    const stack = t.stackName === LOG_ARCHIVE_STACK ? new LogArchiveStack(app, model, t) : new SecurityToolingStack(app, model, t);
    if (organization) stack.addDependency(organization);
    for (const before of core) stack.addDependency(before);
    core.push(stack);
  }
  const hub = new NetworkHubStack(app, model);
  if (organization) hub.addDependency(organization);
  for (const before of core) hub.addDependency(before);
  const workloads = model.environments.map((env) => {
    const stack = new WorkloadStack(app, model, env);
    stack.addDependency(hub);
    return stack;
  });
  // Hybrid DNS: every other workload stack associates the forwarding rules the endpoint environment's stack shares.
  const dnsStack = workloads.find((s) => s.target.stackName === model.dns?.endpointStackName);
  if (dnsStack) for (const s of workloads) if (s !== dnsStack) s.addDependency(dnsStack);
  return [...(organization ? [organization] : []), ...core, hub, ...workloads];
}
