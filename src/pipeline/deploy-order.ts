/**
 * The order stacks are deployed in, as `lz stacks`, `lz synth` and `lz validate` list them: the hand-applied
 * `bootstrap` stack (when configured), the `organization` stack (with `organization.awsOrganizations`: OUs,
 * accounts and SCPs come before anything deploys into the accounts; while a core account is still to be created,
 * it is the only stack), the network hub (every workload needs its transit gateway), then the
 * workload environments: the `shared` (shared-services) segment first, since prod and nonprod use its services
 * (DNS resolvers, CI runners, directory), then in promotion order the `nonprod` segment before `prod`, and within a segment by
 * environment name. For the shipped config: bootstrap, network-hub, workload-dev, workload-test, workload-prod.
 * With hybrid DNS the environment hosting the Resolver endpoints (`networkHub.dns.resolverEndpointsIn`) comes first
 * among the workloads: every other one associates the forwarding rules its stack shares.
 * A config has no other order of its environments (one file each, read in file-name order), so the segment is
 * what says which environment is promoted to which.
 */
import type { LandingZoneModel } from "../config/index.js";
import { coreAccountTargets } from "../config/model-baseline.js";

const SEGMENT_RANK: Readonly<Record<string, number>> = { shared: 0, nonprod: 1, prod: 2 };

/**
 * Every stack name of `model` in deploy order (see the file comment).
 * @returns a new array: `bootstrap` (when `model.bootstrap` is set), `organization` (with awsOrganizations), the log
 *   archive and security tooling stacks (AWS Organizations layer), the hub, then the workload stacks (the DNS
 *   endpoint environment's first).
 */
export function deployOrder(model: LandingZoneModel): string[] {
  const dnsFirst = (name: string) => (name === model.dns?.endpointEnvironment ? 0 : 1);
  const workloads = [...model.environments].sort(
    (a, b) =>
      dnsFirst(a.name) - dnsFirst(b.name) ||
      (SEGMENT_RANK[a.segment] ?? 3) - (SEGMENT_RANK[b.segment] ?? 3) ||
      (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );
  const org = model.awsOrganizations;
  return [
    ...(model.bootstrap ? [model.bootstrap.stackName] : []),
    ...(org ? [org.management.stackName] : []),
    ...(org?.vending
      ? []
      : [...coreAccountTargets(model).map((t) => t.stackName), model.networkHub.stackName, ...workloads.map((e) => e.stackName)]),
  ];
}

/** `items` sorted by the deploy order of their stack name (see {@link deployOrder}); unknown stacks last, in their order. */
export function inDeployOrder<T>(model: LandingZoneModel, items: readonly T[], stackOf: (item: T) => string): T[] {
  const order = deployOrder(model);
  const rank = (item: T) => {
    const i = order.indexOf(stackOf(item));
    return i === -1 ? order.length : i;
  };
  return [...items].sort((a, b) => rank(a) - rank(b));
}
