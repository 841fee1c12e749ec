/**
 * Segment isolation on the transit gateway. The routing decisions themselves (associations, propagations,
 * static routes, VPC routes) live in `src/routing/plan.ts`, shared with the routing verifier, so the stacks and
 * `lz routes` cannot drift apart; this module re-exports them for the stacks and names the TGW route tables.
 *
 * A transit gateway forwards a packet using the route table associated with the attachment it arrived on
 * (https://docs.aws.amazon.com/vpc/latest/tgw/how-transit-gateways-work.html). So a segment can reach
 * another only if the other propagates into the segment's table. prod propagates into prod and onprem;
 * nonprod into nonprod and onprem (or, when centrally inspected, into its own table and the inspection
 * table). Neither propagates into the other, so prod and nonprod never reach each other.
 */
import type { LandingZoneModel } from "../config/index.js";
import { planRouting, routingInput, segmentRouting, type RoutingPlan, type SegmentRouting, type TgwTableName } from "../routing/plan.js";

export { segmentRouting, type SegmentRouting };

/** Name tag of a TGW route table: `<tgw name>-<table>`, for example `acme-tgw-prod`. */
export function tgwTableName(model: LandingZoneModel, table: TgwTableName): string {
  return `${model.networkHub.transitGateway.name}-${table}`;
}

/** The routing plan of the model (the same one `lz routes` verifies). */
export function routingPlanOf(model: LandingZoneModel): RoutingPlan {
  return planRouting(routingInput(model));
}
