/**
 * Segment isolation on the transit gateway. The routing decisions themselves (associations, propagations,
 * static routes, VPC routes) live in `src/routing/plan.ts`, shared with the routing verifier, so the stacks and
 * `lz routes` cannot drift apart; this module re-exports them for the stacks and names the TGW route tables.
 *
 * A transit gateway forwards a packet using the route table associated with the attachment it arrived on
 * (https://docs.aws.amazon.com/vpc/latest/tgw/how-transit-gateways-work.html). So a segment can reach
 * another only if the other propagates into the segment's table. prod propagates into prod and onprem;
 * nonprod into nonprod and onprem (or, when centrally inspected, into its own table and the inspection
 * table). Neither propagates into the other, so prod and nonprod never reach each other. A shared-services segment
 * (`segment: shared`) gets a `shared` table that both reach and that bridges neither (src/routing/plan.ts).
 */
import type { LandingZoneModel } from "../config/index.js";
import {
  planRouting,
  routingInput,
  segmentRouting,
  vpcAttachment,
  type RoutingPlan,
  type SegmentRouting,
  type TgwTableName,
} from "../routing/plan.js";

export { segmentRouting, type SegmentRouting };

/** Name tag of a TGW route table: `<tgw name>-<table>`, for example `acme-tgw-prod`. */
export function tgwTableName(model: LandingZoneModel, table: TgwTableName): string {
  return `${model.networkHub.transitGateway.name}-${table}`;
}

/** The routing plan of the model (the same one `lz routes` verifies). */
export function routingPlanOf(model: LandingZoneModel): RoutingPlan {
  return planRouting(routingInput(model));
}

/**
 * The TGW route tables (Name tags) the routing plan wires an environment's VPC attachment into: the one it is
 * associated with and those it propagates into. The workload stack builds the hub side of its attachment from
 * them, and its hub attachment role may touch only them.
 * @throws Error when the plan associates the attachment with no table (the plan always associates every VPC).
 */
export function attachmentRouteTables(
  model: LandingZoneModel,
  plan: RoutingPlan,
  environment: string,
): { associateWith: string; propagateTo: string[] } {
  const attachment = vpcAttachment(environment);
  const association = plan.tables.find((t) => t.associations.includes(attachment));
  if (!association) throw new Error(`routing plan associates ${attachment} with no TGW route table`);
  return {
    associateWith: tgwTableName(model, association.name),
    propagateTo: plan.tables.filter((t) => t.propagations.includes(attachment)).map((t) => tgwTableName(model, t.name)),
  };
}
