/**
 * What on-prem learns from AWS, and which link it prefers for each VPC range while Direct Connect is up.
 *
 * Over Direct Connect, AWS advertises the allowed prefixes of the Direct Connect gateway's association with the
 * transit gateway; over a BGP Site-to-Site VPN, the transit gateway advertises the routes of the TGW route table
 * the VPN attachment is associated with (propagated VPC CIDRs and static routes to VPC attachments). On-prem
 * picks the longest prefix first; for the same prefix the customer's device is configured to prefer Direct
 * Connect (AWS's guidance for traffic from the customer's network, for example BGP local preference). So every
 * route the VPN advertises
 * must be matched by allowed prefixes at least as long, or on-prem sends that range over the VPN while Direct
 * Connect is up, and the replies come back over Direct Connect: asymmetric routing.
 * Sources: "How do I configure Direct Connect and a VPN failover with Transit Gateway?"
 * (https://repost.aws/knowledge-center/direct-connect-configure-vpn-failover), "Why is Transit Gateway prioritizing
 * my backup VPN connection over my primary Direct Connect gateway?"
 * (https://repost.aws/knowledge-center/direct-connect-gateway-primary-connection), asymmetric routing with a VPN
 * backup (https://aws.amazon.com/premiumsupport/knowledge-center/direct-connect-asymmetric-routing/), and the TGW
 * route evaluation order (https://docs.aws.amazon.com/vpc/latest/tgw/how-transit-gateways-work.html#tgw-route-evaluation-overview).
 */
import { cidrOf } from "./locations.js";
import type { AttachmentId, RoutingPlan } from "./plan.js";
import { Network } from "./trace.js";

/** A route the VPN advertises that on-prem prefers over Direct Connect (for some or all of its addresses). */
export interface VpnPreferredRange {
  /** The prefix the VPN advertises (a route of the VPN attachment's TGW table). */
  readonly vpnPrefix: string;
  /** The attachment the TGW route leads to (`vpc:<env>`, `vpc:inspection`). */
  readonly target: AttachmentId;
  /** Direct Connect allowed prefixes overlapping it but shorter (they lose to it on-prem); empty when none covers it. */
  readonly shorterDirectConnectPrefixes: readonly string[];
}

type Range = readonly [bigint, bigint];

/** `range` minus every range of `cut`; what is left, as ranges. */
function subtract(range: Range, cut: readonly Range[]): Range[] {
  let left: Range[] = [range];
  for (const [a, b] of cut) {
    left = left.flatMap(([x, y]): Range[] => {
      if (b < x || a > y) return [[x, y]];
      return [...(a > x ? [[x, a - 1n] as Range] : []), ...(b < y ? [[b + 1n, y] as Range] : [])];
    });
  }
  return left;
}

/**
 * The routes the VPN advertises to on-prem (normal state) that on-prem would prefer over Direct Connect: those
 * with addresses that no allowed prefix at least as long covers (addresses under a longer VPN route are judged by
 * that route). Empty without both Direct Connect and a BGP VPN (`vpnUsesBgp` false: a static VPN advertises
 * nothing; on-prem's static routes are configured outside this config).
 * @param unreachable VPC CIDRs on-prem may not reach (`onPremisesAccess` none for every tier): no flow to them
 *   exists to go asymmetric, and the default allowedPrefixes leave them out, so their VPN routes are not judged.
 *   @default []
 */
export function vpnPreferredRanges(plan: RoutingPlan, vpnUsesBgp: boolean, unreachable: readonly string[] = []): VpnPreferredRange[] {
  const has = (id: AttachmentId) => plan.attachments.some((a) => a.id === id);
  if (!vpnUsesBgp || !has("vpn") || !has("directconnect")) return [];
  const net = new Network(plan);
  const table = plan.tables.find((t) => t.associations.includes("vpn"));
  if (!table) return [];
  const advertised = net
    .effectiveTgwRoutes(table)
    .filter((r): r is typeof r & { target: AttachmentId } => r.target !== "blackhole" && r.target.startsWith("vpc:"));
  const dx = plan.directConnectAdvertises.map(cidrOf);
  const seen = new Set<string>();
  const result: VpnPreferredRange[] = [];
  for (const r of advertised) {
    const p = cidrOf(r.destination);
    if (seen.has(p.network) || unreachable.some((u) => cidrOf(u).network === p.network)) continue;
    seen.add(p.network);
    const longerVpn = advertised
      .map((o) => cidrOf(o.destination))
      .filter((o) => o.prefixLength > p.prefixLength && o.first >= p.first && o.last <= p.last);
    const covering = dx.filter((q) => q.prefixLength >= p.prefixLength);
    const cut = [...covering, ...longerVpn].map((c): Range => [c.first, c.last]);
    if (subtract([p.first, p.last], cut).length === 0) continue;
    result.push({
      vpnPrefix: r.destination,
      target: r.target,
      shorterDirectConnectPrefixes: dx
        .filter((q) => q.prefixLength < p.prefixLength && q.first <= p.last && p.first <= q.last)
        .map((q) => q.text),
    });
  }
  return result;
}
