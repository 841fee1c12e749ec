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

/** Direct Connect gateway, optional transit VIF, and the TGW association. */
export interface DirectConnectModel {
  /** Name of the DX gateway, `<org>-dxgw`. */
  readonly gatewayName: string;
  readonly amazonSideAsn: number;
  /** Prefixes advertised to on-prem over DX (explicit, or the summarized CIDRs of the reachable environments). */
  readonly allowedPrefixes: readonly string[];
  readonly transitVirtualInterface?: {
    readonly name: string;
    readonly connectionId: string;
    readonly vlan: number;
    readonly customerAsn: number;
    /** Bytes: 1500 or 8500. */
    readonly mtu: number;
    /** Secrets Manager secret name or ARN holding the BGP MD5 key. */
    readonly bgpAuthKeySecretId: string;
  };
}

/** Customer gateway and VPN connection on the TGW. */
export interface VpnModel {
  /** Name tag of the VPN connection and prefix of its log group. */
  readonly name: string;
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
  readonly vpn?: VpnModel;
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
  const vpn = h.vpn;
  const insp = h.inspection;
  return {
    ...(dx
      ? {
          directConnect: {
            gatewayName: `${orgName}-dxgw`,
            amazonSideAsn: dx.gateway.amazonSideAsn,
            allowedPrefixes: dx.allowedPrefixes ? [...dx.allowedPrefixes] : defaultAllowedPrefixes(reachable),
            ...(dx.transitVirtualInterface
              ? {
                  transitVirtualInterface: {
                    name: `${orgName}-transit-vif`,
                    connectionId: dx.transitVirtualInterface.connectionId,
                    vlan: dx.transitVirtualInterface.vlan,
                    customerAsn: dx.transitVirtualInterface.customerAsn ?? onPremAsn,
                    mtu: dx.transitVirtualInterface.mtu,
                    bgpAuthKeySecretId: dx.transitVirtualInterface.bgpAuthKey.secretsManagerSecretId,
                  },
                }
              : {}),
          },
        }
      : {}),
    ...(vpn
      ? {
          vpn: {
            name: `${orgName}-vpn`,
            customerGateway: {
              name: `${orgName}-onprem`,
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
            logGroupName: `/aws/vpn/${orgName}-vpn`,
            logRetentionDays: vpn.logging.retentionDays,
          },
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
