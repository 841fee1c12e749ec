/**
 * The subnet plan of a workload VPC: one subnet per tier and AZ, carved from the VPC CIDR.
 *
 * Layout rules:
 * - Space for {@link MAX_AZ_COUNT} AZs is reserved in every tier, whatever `azCount` says, so going
 *   from 2 to 3 AZs adds subnets and never renumbers (renumbering a subnet replaces it and all it holds).
 * - Tiers are laid out largest subnet first, so every block is aligned on its own size with no gaps,
 *   in the fixed tier order public, privateApp, privateData, transit for equal sizes.
 * - Changing a tier's prefix length moves the tiers after it: treat prefix lengths as fixed once deployed.
 */
import { blockAt, blockSize, parseCidr } from "./cidr.js";
import { SUBNET_TIERS, type SubnetTier } from "./schema.js";

/** AZ slots reserved in every tier. */
export const MAX_AZ_COUNT = 3;

/** Subnet CIDRs per tier; index i is the subnet in the i-th AZ (only the first `azCount` are used). */
export type SubnetPlan = Readonly<Record<SubnetTier, readonly string[]>>;

/** Outcome of planning: the plan, or how many addresses it would need. */
export type SubnetPlanResult =
  | { readonly fits: true; readonly plan: SubnetPlan }
  | { readonly fits: false; readonly neededAddresses: bigint; readonly availableAddresses: bigint; readonly smallestPrefixLength: number };

/**
 * Plans the subnets of a VPC.
 * @param vpcCidr the VPC block, `a.b.c.d/n` with no host bits.
 * @param prefixLengths the subnet size of each tier, as a prefix length.
 * @param azCount AZs actually used (1..{@link MAX_AZ_COUNT}); each tier's list has this many CIDRs.
 */
export function planSubnets(vpcCidr: string, prefixLengths: Readonly<Record<SubnetTier, number>>, azCount: number): SubnetPlanResult {
  const vpc = parseCidr(vpcCidr);
  const order = [...SUBNET_TIERS].sort((a, b) => prefixLengths[a] - prefixLengths[b]);
  const needed = order.reduce((sum, tier) => sum + blockSize(prefixLengths[tier]) * BigInt(MAX_AZ_COUNT), 0n);
  const available = blockSize(vpc.prefixLength);
  if (needed > available || order.some((t) => prefixLengths[t] < vpc.prefixLength)) {
    let smallest = vpc.prefixLength;
    while (smallest > 0 && blockSize(smallest) < needed) smallest--;
    return { fits: false, neededAddresses: needed, availableAddresses: available, smallestPrefixLength: smallest };
  }
  const plan = {} as Record<SubnetTier, string[]>;
  let offset = 0n;
  for (const tier of order) {
    const size = blockSize(prefixLengths[tier]);
    plan[tier] = [];
    for (let az = 0; az < MAX_AZ_COUNT; az++) {
      if (az < azCount) plan[tier].push(blockAt(vpc, offset, prefixLengths[tier]));
      offset += size;
    }
  }
  return { fits: true, plan };
}
