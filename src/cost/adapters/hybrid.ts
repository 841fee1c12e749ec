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
  /** The DX gateway; `transitVirtualInterface` present means a connection the organization uses. */
  readonly directConnect?: { readonly transitVirtualInterface?: { readonly connectionId: string } };
  readonly vpn?: { readonly name: string };
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
 * The hub's hybrid inputs: one VPN connection and its TGW attachment; the DX port (when a transit VIF names a
 * connection) and the DX gateway's TGW attachment; the inspection VPC's TGW attachment, its firewall endpoints and
 * NAT gateways (one per AZ each). The hub's traffic figures are the hub's assumptions (the defaults: `shared.yaml`
 * has no `costAssumptions`).
 */
export function hubHybridCostInputs(
  hybrid: HybridCostShape,
  a: CostAssumptionsFile,
  dx: DirectConnectPortOptions = {},
): Partial<EnvironmentCostInputs> {
  const kinds = [
    ...(hybrid.vpn ? ["VPN"] : []),
    ...(hybrid.directConnect ? ["DX gateway"] : []),
    ...(hybrid.inspection ? ["inspection VPC"] : []),
  ];
  const insp = hybrid.inspection;
  return {
    ...(kinds.length > 0
      ? { transitGateway: { attachments: kinds.length, kinds, gbProcessedPerMonth: a.transitGatewayGbProcessedPerMonth } }
      : {}),
    ...(hybrid.vpn ? { vpn: { connections: 1 } } : {}),
    ...(hybrid.directConnect
      ? {
          directConnect: {
            ports: hybrid.directConnect.transitVirtualInterface && (dx.dedicated ?? true) ? 1 : 0,
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
