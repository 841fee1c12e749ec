/**
 * IPv4 CIDR helpers on top of the `ip-address` library: pure address arithmetic, no config and no I/O, shared by
 * the config validators, the subnet planner, the hybrid model and the routing verifier. Only the questions they
 * ask; the arithmetic itself is the library's.
 */
import { Address4 } from "ip-address";

/** A parsed IPv4 CIDR block: first and last address as integers, and the prefix length. */
export interface Cidr {
  /** The text as written. */
  readonly text: string;
  readonly first: bigint;
  readonly last: bigint;
  readonly prefixLength: number;
  /** The network address, `a.b.c.d/n`, with host bits cleared. */
  readonly network: string;
}

/** Parsed CIDRs by text: the routing verifier parses the same few CIDRs on every hop of thousands of packets. */
const parsed = new Map<string, Cidr>();
const PARSED_MAX = 10_000;

/** Parses `a.b.c.d/n` (frozen, shared by every caller). Throws `Error` when the text is not an IPv4 CIDR (the schema rejects those first). */
export function parseCidr(text: string): Cidr {
  const known = parsed.get(text);
  if (known) return known;
  const a = new Address4(text);
  const start = a.startAddress();
  const cidr: Cidr = Object.freeze({
    text,
    first: start.bigInt(),
    last: a.endAddress().bigInt(),
    prefixLength: a.subnetMask,
    network: `${start.address}/${a.subnetMask}`,
  });
  if (parsed.size >= PARSED_MAX) parsed.clear();
  parsed.set(text, cidr);
  return cidr;
}

/** True when the address part has bits set beyond the prefix (`10.0.1.0/16`). */
export function hasHostBits(c: Cidr): boolean {
  return c.network !== c.text;
}

/** True when the two blocks share at least one address. */
export function overlaps(a: Cidr, b: Cidr): boolean {
  return a.first <= b.last && b.first <= a.last;
}

/** True when `inner` lies entirely inside `outer`. */
export function contains(outer: Cidr, inner: Cidr): boolean {
  return outer.first <= inner.first && inner.last <= outer.last;
}

/** The private address blocks of RFC 1918. */
export const RFC1918: readonly Cidr[] = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"].map(parseCidr);

/** True when `c` lies inside one RFC 1918 block. */
export function isRfc1918(c: Cidr): boolean {
  return RFC1918.some((r) => contains(r, c));
}

/** Number of addresses in a block of the given prefix length. */
export function blockSize(prefixLength: number): bigint {
  return 1n << BigInt(32 - prefixLength);
}

/** The CIDR text of the block of `prefixLength` that starts `offset` addresses after `base.first`. */
export function blockAt(base: Cidr, offset: bigint, prefixLength: number): string {
  return `${Address4.fromBigInt(base.first + offset).address}/${prefixLength}`;
}

/**
 * The first block of `prefixLength` inside `space`, aligned to its size, that starts after `after` (the block right
 * behind it, when free) and overlaps none of `taken`; wraps around to the start of `space` when nothing is free
 * after it. Used to give a new VPC the next free block behind the existing ones.
 * @param space the address space to stay in, for example the RFC 1918 block of the existing VPCs.
 * @param after search from the first aligned block after this one's last address. @default the start of `space`
 * @returns the CIDR text, or undefined when every block of that size in `space` overlaps `taken`.
 */
export function nextFreeBlock(space: Cidr, prefixLength: number, taken: readonly Cidr[], after?: Cidr): string | undefined {
  const size = blockSize(prefixLength);
  const count = blockSize(space.prefixLength) / size;
  if (count === 0n) return undefined;
  const start = after && contains(space, after) ? ((after.last - space.first) / size + 1n) % count : 0n;
  for (let i = 0n; i < count; i++) {
    const candidate = parseCidr(blockAt(space, ((start + i) % count) * size, prefixLength));
    if (!taken.some((t) => overlaps(t, candidate))) return candidate.text;
  }
  return undefined;
}

/**
 * Exact summary of CIDR blocks: drops blocks inside others and merges sibling pairs into their parent until
 * nothing merges. Covers exactly the same addresses as the input (never more). Sorted by first address.
 * @param cidrs network addresses `a.b.c.d/n` (no host bits).
 */
export function summarizeCidrs(cidrs: readonly string[]): string[] {
  let blocks: Cidr[] = cidrs
    .map(parseCidr)
    .sort((a, b) => (a.first < b.first ? -1 : a.first > b.first ? 1 : a.prefixLength - b.prefixLength));
  let changed = true;
  while (changed) {
    changed = false;
    const out: Cidr[] = [];
    for (const b of blocks) {
      const last = out[out.length - 1];
      if (last && last.first <= b.first && b.last <= last.last) {
        changed = true;
        continue;
      }
      if (
        last &&
        last.prefixLength === b.prefixLength &&
        last.prefixLength > 0 &&
        last.last + 1n === b.first &&
        last.first % blockSize(last.prefixLength - 1) === 0n
      ) {
        out[out.length - 1] = parseCidr(blockAt(last, 0n, last.prefixLength - 1));
        changed = true;
        continue;
      }
      out.push(b);
    }
    blocks = out;
  }
  return blocks.map((b) => b.network);
}
