/**
 * Addressing: every CIDR is a network address, VPCs are RFC 1918 blocks of a size AWS allows, no VPC
 * overlaps another VPC or an on-prem range, on-prem ranges do not overlap each other, and the subnet
 * plan fits inside each VPC.
 *
 * VPC sizes: "VPC CIDR blocks" in the Amazon VPC User Guide (/16 to /28),
 * https://docs.aws.amazon.com/vpc/latest/userguide/vpc-cidr-blocks.html.
 */
import { blockAt, blockSize, contains, hasHostBits, isRfc1918, overlaps, parseCidr, RFC1918, type Cidr } from "../../net/cidr.js";
import type { Problem } from "../problems.js";
import type { SourceFile } from "../source.js";
import { FIREWALL_SUBNET_PREFIX_LENGTH, planSubnets } from "../subnet-plan.js";
import type { EnvironmentFile } from "../schema/index.js";
import type { Located, Validator } from "./context.js";

interface Block {
  readonly cidr: Cidr;
  readonly owner: string;
  readonly source: SourceFile;
  readonly path: readonly PropertyKey[];
}

/** Parses one written CIDR, reporting host bits; returns undefined when it cannot be used further. */
function networkBlock(
  source: SourceFile,
  path: readonly PropertyKey[],
  text: string,
  owner: string,
  problems: Problem[],
): Block | undefined {
  const cidr = parseCidr(text);
  if (hasHostBits(cidr)) {
    problems.push(
      source.problem(path, `${text} has host bits set. Write the network address ${cidr.network}, or a different prefix length.`),
    );
    return undefined;
  }
  return { cidr, owner, source, path };
}

/** The first block of `prefixLength` inside the RFC 1918 block holding `near` that overlaps none of `taken`. */
export function firstFreeBlock(near: Cidr, prefixLength: number, taken: readonly Cidr[]): string | undefined {
  const space = RFC1918.find((r) => contains(r, near)) ?? RFC1918[0]!;
  const size = blockSize(prefixLength);
  for (let offset = 0n; offset + size <= blockSize(space.prefixLength); offset += size) {
    const candidate = parseCidr(blockAt(space, offset, prefixLength));
    if (!taken.some((t) => overlaps(t, candidate))) return candidate.text;
  }
  return undefined;
}

/** A workload VPC to check: from a file that passed stage 1 (`env`), or only its CIDR from one that did not. */
interface VpcEntry {
  readonly source: SourceFile;
  readonly name: string;
  readonly cidr: string;
  readonly env?: Located<EnvironmentFile>;
}

/** @see Validator */
export const validateCidrs: Validator = (config) => {
  const problems: Problem[] = [];
  const { shared, environments } = config;
  const onPrem: Block[] = [];
  shared.value.networkHub.onPremises.cidrs.forEach((text, i) => {
    const path = ["networkHub", "onPremises", "cidrs", i];
    const block = networkBlock(shared.source, path, text, `on-prem range ${text}`, problems);
    if (!block) return;
    const clash = onPrem.find((o) => overlaps(o.cidr, block.cidr));
    if (clash)
      problems.push(
        shared.source.problem(path, `${text} overlaps ${clash.owner}. List each on-prem range once; remove the narrower block.`),
      );
    else onPrem.push(block);
  });
  const vpcs: Block[] = [];
  // The files that failed stage 1 take part with their VPC CIDR when it parsed, in file order with the others;
  // only the addressing checks run for them (their subnet plan needs fields that did not parse).
  const entries: VpcEntry[] = [
    ...environments.map((env) => ({ source: env.source, name: env.value.name, cidr: env.value.vpc.cidr, env })),
    ...(config.partialEnvironments ?? []).flatMap((p) =>
      p.value.vpcCidr === undefined ? [] : [{ source: p.source, name: p.value.name ?? p.source.file, cidr: p.value.vpcCidr }],
    ),
  ].sort((a, b) => a.source.file.localeCompare(b.source.file));
  for (const entry of entries) {
    const { source, name, env } = entry;
    const path = ["vpc", "cidr"];
    const block = networkBlock(source, path, entry.cidr, `the ${name} VPC (${entry.cidr}, ${source.file})`, problems);
    if (!block) continue;
    if (!isRfc1918(block.cidr)) {
      problems.push(
        source.problem(
          path,
          `${entry.cidr} is not an RFC 1918 private block. Choose a block inside 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16.`,
        ),
      );
      continue;
    }
    if (block.cidr.prefixLength < 16 || block.cidr.prefixLength > 28) {
      problems.push(
        source.problem(path, `a VPC CIDR must be between /16 and /28, got /${block.cidr.prefixLength}. Write a /16 to /28 block.`),
      );
      continue;
    }
    const clash = [...vpcs, ...onPrem].find((o) => overlaps(o.cidr, block.cidr));
    if (clash) {
      const taken = [...onPrem.map((o) => o.cidr), ...entries.filter((e) => e !== entry).map((e) => parseCidr(e.cidr))];
      const free = firstFreeBlock(block.cidr, block.cidr.prefixLength, taken);
      problems.push(
        source.problem(
          path,
          `${entry.cidr} overlaps ${clash.owner}. Choose a block that overlaps no other VPC or on-prem range${free ? `, for example ${free}` : ""}.`,
        ),
      );
      continue;
    }
    vpcs.push(block);
    if (!env) continue;
    const { vpc } = env.value;
    const perVpc = env.value.inspection === "per-vpc";
    const result = planSubnets(vpc.cidr, vpc.subnetPrefixLengths, vpc.azCount, { firewall: perVpc });
    if (!result.fits) {
      const sizes = [...Object.entries(vpc.subnetPrefixLengths), ...(perVpc ? [["firewall", FIREWALL_SUBNET_PREFIX_LENGTH] as const] : [])]
        .map(([t, p]) => `${t} /${p}`)
        .join(", ");
      problems.push(
        env.source.problem(
          path,
          `the subnet plan (3 AZ slots of ${sizes}) needs ${result.neededAddresses} addresses but ${vpc.cidr} has ${result.availableAddresses}. Use a /${result.smallestPrefixLength} or larger VPC, or larger prefix lengths in vpc.subnetPrefixLengths.`,
        ),
      );
    }
  }
  return problems;
};
