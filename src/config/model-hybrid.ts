/**
 * The hybrid part of the model: Direct Connect, Site-to-Site VPN, the central inspection VPC, per-environment
 * inspection and on-prem access, and the routing intents. Built from validated files by {@link buildHybrid}.
 */
import { blockAt, blockSize, parseCidr } from "../net/cidr.js";
import type { EnvironmentFile, InspectionMode, RoutingIntentSettings, SharedFile } from "./schema/index.js";

/** A tier's on-prem access: every on-prem CIDR, none, or only the listed on-prem CIDRs. */
export type TierAccess = "all" | "none" | readonly string[];

/** On-prem access of one environment, per private tier. */
export interface OnPremisesAccessModel {
  readonly privateApp: TierAccess;
  readonly privateData: TierAccess;
}

/** IKE proposals of one phase, in AWS API terms. */
export interface IkePhaseModel {
  readonly encryptionAlgorithms: readonly string[];
  readonly integrityAlgorithms: readonly string[];
  readonly dhGroupNumbers: readonly number[];
  /** Seconds. */
  readonly lifetimeSeconds: number;
}

/** One transit virtual interface on the Direct Connect gateway. */
export interface TransitVirtualInterfaceModel {
  /** AWS name of the interface: `<org>-transit-vif` for the first, `<org>-transit-vif-<link>` for the others. */
  readonly name: string;
  /** The config's name of the link (plural form only): names its failure scenario `directconnect-<link>-down`. */
  readonly link?: string;
  /** Direct Connect location code of its connection (plural form only): scenario `dx-location-<location>-down`. */
  readonly location?: string;
  readonly connectionId: string;
  readonly vlan: number;
  readonly customerAsn: number;
  /** Bytes: 1500 or 8500. */
  readonly mtu: number;
  /** Secrets Manager secret name or ARN holding the BGP MD5 key. */
  readonly bgpAuthKeySecretId: string;
  /** BGP peer addresses with prefix length; both or neither. @default AWS assigns them */
  readonly amazonAddress?: string;
  readonly customerAddress?: string;
}

/** Direct Connect gateway, its transit VIFs (none, one, or several on separate connections), and the TGW association. */
export interface DirectConnectModel {
  /** Name of the DX gateway, `<org>-dxgw`. */
  readonly gatewayName: string;
  readonly amazonSideAsn: number;
  /** Prefixes advertised to on-prem over DX (explicit, or the summarized CIDRs of the reachable environments). */
  readonly allowedPrefixes: readonly string[];
  /**
   * The transit VIFs, in config order: `transitVirtualInterface` as one unnamed entry, or `transitVirtualInterfaces`.
   * The first keeps the Terraform addresses of the single form. Empty: VIFs are connected outside this stack.
   */
  readonly transitVirtualInterfaces: readonly TransitVirtualInterfaceModel[];
}

/** Customer gateway and VPN connection on the TGW. */
export interface VpnModel {
  /** Name tag of the VPN connection and prefix of its log group. */
  readonly name: string;
  /** The config's name of the connection (plural form only): names its failure scenarios `vpn-<link>-down`, `vpn-<link>-tunnel-1-down`. */
  readonly link?: string;
  readonly customerGateway: { readonly name: string; readonly ipAddress: string; readonly bgpAsn: number };
  readonly staticRoutesOnly: boolean;
  readonly tunnels: readonly [VpnTunnelModel, VpnTunnelModel];
  readonly ikeVersions: readonly string[];
  readonly phase1: IkePhaseModel;
  readonly phase2: IkePhaseModel;
  readonly dpdTimeoutSeconds: number;
  readonly dpdTimeoutAction: "restart";
  readonly logGroupName: string;
  readonly logRetentionDays: number;
}

/** One VPN tunnel. */
export interface VpnTunnelModel {
  readonly insideCidr: string;
  /** Secrets Manager secret name or ARN of the pre-shared key; undefined: AWS generates it. */
  readonly preSharedKeySecretId?: string;
}

/** The central inspection VPC in the hub: subnets per AZ (index = AZ index) and firewall settings. */
export interface InspectionModel {
  readonly name: string;
  readonly vpcCidr: string;
  readonly azCount: number;
  readonly subnets: {
    readonly transitGateway: readonly string[];
    readonly firewall: readonly string[];
    readonly public: readonly string[];
  };
  readonly allowedDomains: readonly string[];
  readonly suricataRules: readonly string[];
  readonly logRetentionDays: number;
}

/** Hybrid connectivity of the hub. */
export interface HybridModel {
  readonly directConnect?: DirectConnectModel;
  /**
   * The Site-to-Site VPN connections, in config order (`vpn` as one unnamed entry, or `vpns`); absent when there is
   * none. The first keeps the Terraform addresses and AWS names of the single form.
   */
  readonly vpns?: readonly VpnModel[];
  readonly inspection?: InspectionModel;
}

/** A static TGW route from the config. */
export interface StaticRouteModel {
  readonly routeTable: "prod" | "nonprod" | "onprem";
  readonly destinationCidr: string;
  readonly target: "vpn" | "blackhole";
}

/** Routing settings: extra static routes and the intents. */
export interface RoutingModel {
  readonly staticRoutes: readonly StaticRouteModel[];
  readonly intents: readonly RoutingIntentSettings[];
}

/** Subnets of the inspection VPC: three /28 slots per tier (TGW, firewall, public) from the start of the VPC. */
export function planInspectionSubnets(vpcCidr: string, azCount: number): InspectionModel["subnets"] {
  const vpc = parseCidr(vpcCidr);
  const slot = (tier: number, az: number) => blockAt(vpc, blockSize(28) * BigInt(tier * 3 + az), 28);
  const azs = Array.from({ length: azCount }, (_, i) => i);
  return { transitGateway: azs.map((i) => slot(0, i)), firewall: azs.map((i) => slot(1, i)), public: azs.map((i) => slot(2, i)) };
}

/** True when on-prem may reach at least one private tier of `env`. */
export function reachableFromOnPremises(access: OnPremisesAccessModel): boolean {
  return access.privateApp !== "none" || access.privateData !== "none";
}

/**
 * The default Direct Connect allowed prefixes: the VPC CIDRs on-prem may reach, each exactly as the VPN
 * advertises it (deduplicated, in address order), never summarized. On-prem prefers the longest prefix before
 * it prefers Direct Connect, so a summary (two adjacent /16s as one /15) would lose to the VPN's /16s and send
 * traffic over the VPN while Direct Connect is up
 * (https://repost.aws/knowledge-center/direct-connect-vpn-failover-transit-gateway). At most 200 (the quota of
 * allowed prefixes per transit gateway association, checked by the validator).
 * @param reachable the VPC CIDRs of the environments on-prem may reach.
 */
export function defaultAllowedPrefixes(reachable: readonly string[]): string[] {
  return [...new Set(reachable)].sort((a, b) => {
    const [x, y] = [parseCidr(a).first, parseCidr(b).first];
    return x < y ? -1 : x > y ? 1 : 0;
  });
}

/** The hybrid model of the hub. Call only after validation. */
export function buildHybrid(orgName: string, shared: SharedFile, environments: readonly EnvironmentFile[]): HybridModel | undefined {
  const h = shared.networkHub.hybrid;
  if (!h) return undefined;
  const onPremAsn = shared.networkHub.onPremises.bgpAsn;
  const reachable = environments.filter((e) => reachableFromOnPremises(e.onPremisesAccess)).map((e) => e.vpc.cidr);
  const dx = h.directConnect;
  const vpns = h.vpns ?? (h.vpn ? [h.vpn] : []);
  const insp = h.inspection;
  const vifs = dx?.transitVirtualInterfaces ?? (dx?.transitVirtualInterface ? [dx.transitVirtualInterface] : []);
  const suffix = (i: number, link: string | undefined) => (i === 0 || !link ? "" : `-${link}`);
  return {
    ...(dx
      ? {
          directConnect: {
            gatewayName: `${orgName}-dxgw`,
            amazonSideAsn: dx.gateway.amazonSideAsn,
            allowedPrefixes: dx.allowedPrefixes ? [...dx.allowedPrefixes] : defaultAllowedPrefixes(reachable),
            transitVirtualInterfaces: vifs.map((v, i): TransitVirtualInterfaceModel => {
              const { name: link, location } = v as { name?: string; location?: string };
              return {
                name: `${orgName}-transit-vif${suffix(i, link)}`,
                ...(link ? { link } : {}),
                ...(location ? { location } : {}),
                connectionId: v.connectionId,
                vlan: v.vlan,
                customerAsn: v.customerAsn ?? onPremAsn,
                mtu: v.mtu,
                bgpAuthKeySecretId: v.bgpAuthKey.secretsManagerSecretId,
                ...(v.amazonAddress ? { amazonAddress: v.amazonAddress } : {}),
                ...(v.customerAddress ? { customerAddress: v.customerAddress } : {}),
              };
            }),
          },
        }
      : {}),
    ...(vpns.length > 0
      ? {
          vpns: vpns.map((vpn, i): VpnModel => {
            const link = (vpn as { name?: string }).name;
            const s = suffix(i, link);
            return {
              name: `${orgName}-vpn${s}`,
              ...(link ? { link } : {}),
              customerGateway: {
                name: `${orgName}-onprem${s}`,
                ipAddress: vpn.customerGateway.ipAddress,
                bgpAsn: vpn.customerGateway.bgpAsn ?? onPremAsn,
              },
              staticRoutesOnly: vpn.staticRoutesOnly,
              tunnels: vpn.tunnels.map((t) => ({
                insideCidr: t.insideCidr,
                ...(t.preSharedKey ? { preSharedKeySecretId: t.preSharedKey.secretsManagerSecretId } : {}),
              })) as unknown as VpnModel["tunnels"],
              ikeVersions: [...vpn.ikeVersions],
              phase1: { ...vpn.phase1 },
              phase2: { ...vpn.phase2 },
              dpdTimeoutSeconds: vpn.dpdTimeoutSeconds,
              dpdTimeoutAction: vpn.dpdTimeoutAction,
              logGroupName: `/aws/vpn/${orgName}-vpn${s}`,
              logRetentionDays: vpn.logging.retentionDays,
            };
          }),
        }
      : {}),
    ...(insp
      ? {
          inspection: {
            name: `${orgName}-inspection`,
            vpcCidr: insp.vpcCidr,
            azCount: insp.azCount,
            subnets: planInspectionSubnets(insp.vpcCidr, insp.azCount),
            allowedDomains: [...insp.allowedDomains],
            suricataRules: [...insp.suricataRules],
            logRetentionDays: insp.logRetentionDays,
          },
        }
      : {}),
  };
}

export type { InspectionMode };
