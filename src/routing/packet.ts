/**
 * What the packet walk of ./trace.ts works on: the endpoints, hops and traces it reports, and the packet it carries
 * from hop to hop. Pure: no AWS calls, no I/O.
 */
import { ipOf } from "./locations.js";
import type { PlanTier } from "./plan.js";

/** A path waypoint an intent can require. */
export type Waypoint = "directconnect" | "vpn" | "inspection";
/** Where a packet starts or ends. */
export type Endpoint =
  | { readonly kind: "onprem"; readonly ip: string }
  | { readonly kind: "internet"; readonly ip: string }
  | { readonly kind: "subnet"; readonly vpc: string; readonly tier: PlanTier; readonly az: number; readonly ip: string };

/** One hop: where the packet is, the table consulted, the route that matched, where it goes next. */
export interface Hop {
  readonly at: string;
  readonly table: string;
  readonly matched: string;
  readonly next: string;
}

/** A packet's path in one direction. */
export interface Trace {
  readonly reached: boolean;
  readonly hops: readonly Hop[];
  /** Why the packet was dropped (when not reached). */
  readonly dropped?: string;
  readonly waypoints: readonly Waypoint[];
  /** AZ index of each firewall endpoint crossed, in order. */
  readonly firewallAzs: readonly number[];
  /** Each firewall endpoint crossed, in order, as `<vpc> <az>` (`inspection az-b`): which stateful appliance saw the packet. */
  readonly firewallEndpoints: readonly string[];
  /**
   * True when the transit gateway picked an AZ of a VPC attachment by the flow's hash (appliance mode, or the
   * packet came from an AZ the attachment does not have up): another flow could take another AZ.
   */
  readonly flowHashed: boolean;
  /** The last NAT gateway crossed (its VPC and AZ index): where replies from the internet come back to. */
  readonly natGateway?: { readonly vpc: string; readonly az: number };
}

/** A packet being traced: its addresses, and the hops, waypoints and firewall AZs it has crossed so far. */
export class Packet {
  readonly hops: Hop[] = [];
  readonly waypoints = new Set<Waypoint>();
  readonly firewallAzs: number[] = [];
  readonly firewallEndpoints: string[] = [];
  flowHashed = false;
  natGateway?: { readonly vpc: string; readonly az: number };
  readonly src: bigint;
  readonly dst: bigint;

  constructor(
    readonly from: Endpoint,
    readonly toIp: string,
  ) {
    this.src = ipOf(from.ip);
    this.dst = ipOf(toIp);
  }

  /** Ends the trace: the packet reached `toIp`, or was dropped (why: `dropped`). */
  stop(reached: boolean, dropped?: string): { readonly end: Trace } {
    const end: Trace = {
      reached,
      hops: this.hops,
      waypoints: [...this.waypoints],
      firewallAzs: this.firewallAzs,
      firewallEndpoints: this.firewallEndpoints,
      flowHashed: this.flowHashed,
      ...(this.natGateway ? { natGateway: this.natGateway } : {}),
      ...(dropped ? { dropped } : {}),
    };
    return { end };
  }
}
