/**
 * Hybrid connectivity and inspection inputs: the hub's Direct Connect, VPN and central inspection VPC
 * (`NetworkHubModel.hybrid`), and a workload's own firewall endpoints with `inspection: per-vpc`. The
 * structural types below name only the fields the estimate reads; `HybridModel` is assignable to them, and
 * tests build them by hand. `costInputsFromModel` (model.ts) calls both functions.
 */
import type { CostAssumptionsFile } from "../../config/index.js";
import type { EnvironmentCostInputs } from "../inputs.js";
import type { DxPortSpeed } from "../prices/types.js";

/** The parts of `HybridModel` the estimate reads. `HybridModel` is assignable to it. */
export interface HybridCostShape {
  /** The DX gateway; each distinct `connectionId` of its transit VIFs is a connection the organization uses. */
  readonly directConnect?: { readonly transitVirtualInterfaces: readonly { readonly connectionId: string }[] };
  /** The VPN connections, each a TGW attachment and a billed connection. */
  readonly vpns?: readonly { readonly name: string }[];
  /** The central inspection VPC: a firewall endpoint and a NAT gateway per AZ (central egress). */
  readonly inspection?: { readonly azCount: number };
}

/** What the model cannot know about the Direct Connect connection, which is ordered outside Terraform. */
export interface DirectConnectPortOptions {
  /** Speed of the dedicated port. @default "1Gbps" */
  readonly portSpeed?: DxPortSpeed;
  /** false for a partner's hosted connection, whose port the partner bills. @default true */
  readonly dedicated?: boolean;
}

/**
 * The hub's hybrid inputs: each VPN connection and its TGW attachment; a DX port per connection its transit VIFs
 * name (every one at the same port speed) and the DX gateway's TGW attachment; the inspection VPC's TGW attachment, its firewall endpoints and
 * NAT gateways (one per AZ each). The hub's traffic figures are the hub's assumptions (the defaults: `shared.yaml`
 * has no `costAssumptions`).
 */
export function hubHybridCostInputs(
  hybrid: HybridCostShape,
  a: CostAssumptionsFile,
  dx: DirectConnectPortOptions = {},
): Partial<EnvironmentCostInputs> {
  const vpns = hybrid.vpns?.length ?? 0;
  const kinds = [
    ...(vpns === 1 ? ["VPN"] : vpns > 1 ? [`${vpns} VPNs`] : []),
    ...(hybrid.directConnect ? ["DX gateway"] : []),
    ...(hybrid.inspection ? ["inspection VPC"] : []),
  ];
  const insp = hybrid.inspection;
  return {
    ...(kinds.length > 0
      ? {
          transitGateway: {
            attachments: vpns + (hybrid.directConnect ? 1 : 0) + (hybrid.inspection ? 1 : 0),
            kinds,
            gbProcessedPerMonth: a.transitGatewayGbProcessedPerMonth,
          },
        }
      : {}),
    ...(vpns > 0 ? { vpn: { connections: vpns } } : {}),
    ...(hybrid.directConnect
      ? {
          directConnect: {
            ports: (dx.dedicated ?? true) ? new Set(hybrid.directConnect.transitVirtualInterfaces.map((v) => v.connectionId)).size : 0,
            portSpeed: dx.portSpeed ?? "1Gbps",
            gbOutPerMonth: a.directConnectGbOutPerMonth,
          },
        }
      : {}),
    ...(insp
      ? {
          networkFirewall: {
            endpoints: insp.azCount,
            placement: "central" as const,
            gbProcessedPerMonth: a.networkFirewallGbProcessedPerMonth,
          },
          natGateways: {
            count: insp.azCount,
            placement: "one-per-az" as const,
            azCount: insp.azCount,
            gbProcessedPerMonth: a.natGatewayGbProcessedPerMonth,
          },
        }
      : {}),
  };
}

/**
 * A workload's own Network Firewall: `per-vpc` puts an endpoint in each of its AZs; `central` and `none` add
 * nothing to the workload account (central inspection is billed in the hub).
 */
export function workloadInspectionCostInputs(
  inspection: "central" | "per-vpc" | "none",
  azCount: number,
  a: CostAssumptionsFile,
): Partial<EnvironmentCostInputs> {
  if (inspection !== "per-vpc") return {};
  return { networkFirewall: { endpoints: azCount, placement: "per-vpc", gbProcessedPerMonth: a.networkFirewallGbProcessedPerMonth } };
}
