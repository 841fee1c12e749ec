/**
 * The on-prem links of the packet walk: the Direct Connect gateway's transit virtual interfaces and the VPN
 * connections with their tunnels, their failure scenarios, and which of them are up under a set of failures.
 *
 * What the verifier assumes about several links (./trace.ts walks every choice this leaves open):
 * - Several transit VIFs on one Direct Connect gateway are one TGW attachment (`directconnect`). AWS picks the
 *   interface toward on-prem by BGP: local preference communities, then the shortest AS_PATH, and spreads flows
 *   over interfaces that tie (ECMP); on-prem picks its own way in ("Routing policies and BGP communities",
 *   https://docs.aws.amazon.com/directconnect/latest/UserGuide/routing-and-bgp.html). The gateway is up while any
 *   interface is up, and a flow may cross any interface that is up: the verifier walks each.
 * - Several VPN connections are separate attachments (`vpn`, `vpn:<link>`) propagating the same on-prem
 *   prefixes. With VPN ECMP on the transit gateway (the hub sets `vpn_ecmp_support`), it spreads flows over the
 *   connections advertising the same prefix with the same AS_PATH; the customer gateways must then accept
 *   return traffic on any tunnel ("How do I configure a preferred tunnel for my Site-to-Site VPN",
 *   https://repost.aws/knowledge-center/vpn-configure-tunnel-preference). The verifier walks each connection.
 * - Direct Connect stays preferred over every VPN while any interface is up (TGW route evaluation order,
 *   https://docs.aws.amazon.com/vpc/latest/tgw/how-transit-gateways-work.html#tgw-route-evaluation-overview):
 *   the invariant of ./verify.ts holds for the gateway as a whole.
 * Pure: no AWS calls, no I/O.
 */
import type { AttachmentId, DirectConnectInterfacePlan, OnPremisesLinksPlan, RoutingPlan } from "./plan.js";

/** A failure of an on-prem link, as `lz routes` and an intent's `failures` name it. */
export type LinkFailure =
  | "directconnect-down"
  | `directconnect-${string}-down`
  | `dx-location-${string}-down`
  | "vpn-tunnel-1-down"
  | "vpn-tunnel-2-down"
  | `vpn-${string}-down`;

/** The links of `plan`: its own list, else one unnamed VIF behind `directconnect` and one unnamed VPN behind `vpn`. */
export function linksOf(plan: RoutingPlan): OnPremisesLinksPlan {
  if (plan.onPremisesLinks) return plan.onPremisesLinks;
  const has = (id: AttachmentId) => plan.attachments.some((a) => a.id === id);
  return { directConnect: has("directconnect") ? [{}] : [], vpns: has("vpn") ? [{ attachment: "vpn" }] : [] };
}

/**
 * The link failures of `plan`, one link at a time: `directconnect-down` (every VIF), each named VIF, each DX
 * location, then per VPN its connection and each tunnel (`vpn-tunnel-<n>-down` for the unnamed single VPN).
 */
export function linkFailures(plan: RoutingPlan): LinkFailure[] {
  const links = linksOf(plan);
  const vifs = links.directConnect;
  const locations = [...new Set(vifs.flatMap((v) => (v.location ? [v.location] : [])))];
  return [
    ...(vifs.length > 0 ? (["directconnect-down"] as const) : []),
    ...vifs.flatMap((v): LinkFailure[] => (v.link ? [`directconnect-${v.link}-down`] : [])),
    ...locations.map((l): LinkFailure => `dx-location-${l}-down`),
    ...links.vpns.flatMap((v): LinkFailure[] =>
      v.link
        ? [`vpn-${v.link}-down`, `vpn-${v.link}-tunnel-1-down`, `vpn-${v.link}-tunnel-2-down`]
        : ["vpn-tunnel-1-down", "vpn-tunnel-2-down"],
    ),
  ];
}

/** A transit VIF as a hop shows it: `<link> @ <location>`, or `transit VIF` for the unnamed one. */
export const describeInterface = (v: DirectConnectInterfacePlan) =>
  v.link ? `${v.link}${v.location ? ` @ ${v.location}` : ""}` : "transit VIF";

/** Which links are up under a set of failures. */
export class LinkState {
  readonly links: OnPremisesLinksPlan;

  constructor(
    plan: RoutingPlan,
    private readonly down: ReadonlySet<string>,
  ) {
    this.links = linksOf(plan);
  }

  /** The transit VIFs that are up, in plan order. */
  interfacesUp(): DirectConnectInterfacePlan[] {
    if (this.down.has("directconnect-down")) return [];
    return this.links.directConnect.filter(
      (v) => !(v.link && this.down.has(`directconnect-${v.link}-down`)) && !(v.location && this.down.has(`dx-location-${v.location}-down`)),
    );
  }

  /** The tunnels (1, 2) of the VPN connection behind `attachment` that are up. */
  tunnelsUp(attachment: AttachmentId): (1 | 2)[] {
    const vpn = this.links.vpns.find((v) => v.attachment === attachment);
    if (!vpn) return [];
    const link = vpn.link;
    if (link && this.down.has(`vpn-${link}-down`)) return [];
    return ([1, 2] as const).filter((n) => !this.down.has(link ? `vpn-${link}-tunnel-${n}-down` : `vpn-tunnel-${n}-down`));
  }

  /** Whether the on-prem attachment `id` (`directconnect`, `vpn`, `vpn:<link>`) can carry traffic. */
  onPremAttachmentUp(id: AttachmentId): boolean {
    return id === "directconnect" ? this.interfacesUp().length > 0 : this.tunnelsUp(id).length > 0;
  }
}
