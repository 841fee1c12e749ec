/**
 * The subnet plan of a workload VPC: one subnet per tier and AZ, carved from the VPC CIDR.
 *
 * Layout rules:
 * - Space for {@link MAX_AZ_COUNT} AZs is reserved in every tier, whatever `azCount` says, so going
 *   from 2 to 3 AZs adds subnets and never renumbers (renumbering a subnet replaces it and all it holds).
 * - Tiers are laid out largest subnet first, so every block is aligned on its own size with no gaps,
 *   in the fixed tier order public, privateApp, privateData, transit for equal sizes.
 * - The optional `firewall` tier (`inspection: per-vpc`) comes after all of them, a
 *   /{@link FIREWALL_SUBNET_PREFIX_LENGTH} per AZ slot. Every other tier is /28 or larger, so it is aligned,
 *   and it never moves another tier: turning per-vpc inspection on or off adds or removes the firewall subnets
 *   only.
 * - Changing a tier's prefix length moves the tiers after it: treat prefix lengths as fixed once deployed.
 */
import { blockAt, blockSize, parseCidr } from "../net/cidr.js";
import { SUBNET_TIERS, type SubnetTier } from "./schema/index.js";

/** AZ slots reserved in every tier. */
export const MAX_AZ_COUNT = 3;

/**
 * Size of each firewall subnet: /28, the smallest subnet AWS allows and what AWS recommends for a subnet that
 * holds only a Network Firewall endpoint
 * (https://docs.aws.amazon.com/network-firewall/latest/developerguide/vpc-config.html).
 */
export const FIREWALL_SUBNET_PREFIX_LENGTH = 28;

/**
 * Subnet CIDRs per tier; index i is the subnet in the i-th AZ (only the first `azCount` are used). `firewall`
 * is present only when planned with `{ firewall: true }`.
 */
export type SubnetPlan = Readonly<Record<SubnetTier, readonly string[]>> & { readonly firewall?: readonly string[] };

/** Outcome of planning: the plan, or how many addresses it would need. */
export type SubnetPlanResult =
  | { readonly fits: true; readonly plan: SubnetPlan }
  | { readonly fits: false; readonly neededAddresses: bigint; readonly availableAddresses: bigint; readonly smallestPrefixLength: number };

/** Options of {@link planSubnets}. */
export interface SubnetPlanOptions {
  /** Adds the `firewall` tier (one /28 per AZ slot, after every other tier). @default false */
  readonly firewall?: boolean;
}

/**
 * Plans the subnets of a VPC.
 * @param vpcCidr the VPC block, `a.b.c.d/n` with no host bits.
 * @param prefixLengths the subnet size of each tier, as a prefix length (16 to 28).
 * @param azCount AZs actually used (1..{@link MAX_AZ_COUNT}); each tier's list has this many CIDRs.
 * @param options optional tiers.
 */
export function planSubnets(
  vpcCidr: string,
  prefixLengths: Readonly<Record<SubnetTier, number>>,
  azCount: number,
  options: SubnetPlanOptions = {},
): SubnetPlanResult {
  const vpc = parseCidr(vpcCidr);
  const order = [...SUBNET_TIERS].sort((a, b) => prefixLengths[a] - prefixLengths[b]);
  const sizes: { tier: SubnetTier | "firewall"; prefixLength: number }[] = order.map((tier) => ({
    tier,
    prefixLength: prefixLengths[tier],
  }));
  if (options.firewall) sizes.push({ tier: "firewall", prefixLength: FIREWALL_SUBNET_PREFIX_LENGTH });
  const needed = sizes.reduce((sum, s) => sum + blockSize(s.prefixLength) * BigInt(MAX_AZ_COUNT), 0n);
  const available = blockSize(vpc.prefixLength);
  if (needed > available || sizes.some((s) => s.prefixLength < vpc.prefixLength)) {
    let smallest = vpc.prefixLength;
    while (smallest > 0 && blockSize(smallest) < needed) smallest--;
    return { fits: false, neededAddresses: needed, availableAddresses: available, smallestPrefixLength: smallest };
  }
  const plan = {} as Record<SubnetTier | "firewall", string[]>;
  let offset = 0n;
  for (const { tier, prefixLength } of sizes) {
    const size = blockSize(prefixLength);
    plan[tier] = [];
    for (let az = 0; az < MAX_AZ_COUNT; az++) {
      if (az < azCount) plan[tier].push(blockAt(vpc, offset, prefixLength));
      offset += size;
    }
  }
  return { fits: true, plan };
}
