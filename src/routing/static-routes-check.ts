/**
 * `routing.staticRoutes` against the routing plan: a config static route may not repeat a static route the plan
 * makes itself (central inspection: 0.0.0.0/0 to the inspection VPC in the inspected segment's table, and each
 * inspected VPC's CIDR to the inspection VPC in the onprem table). A TGW route table holds one static route per
 * destination (https://docs.aws.amazon.com/vpc/latest/tgw/tgw-route-tables.html), and the hub stack would create
 * both under one construct id (`route-<table>-<destination>`), so synthesis would fail. Runs after `loadConfig`,
 * from `validateLandingZone` (src/landing-zone.ts); two equal config static routes are refused earlier, by
 * src/config/validate/routing.ts.
 */
import type { LandingZoneModel, Problem, SourceFile } from "../config/index.js";
import { parseCidr } from "../net/cidr.js";
import { INSPECTION_ATTACHMENT, planTransitGateway, routingInput, type AttachmentId } from "./plan.js";

/** How a plan route's target reads in a message. */
function describeTarget(target: AttachmentId | "blackhole"): string {
  if (target === INSPECTION_ATTACHMENT) return "the inspection VPC (central inspection)";
  return target;
}

/**
 * One problem per entry of `routing.staticRoutes` whose table and destination (compared as networks, so
 * 10.30.0.1/16 equals 10.30.0.0/16) the plan already routes statically, located at the entry's `destinationCidr`
 * in `shared`, the parsed file declaring `routing.staticRoutes`. Empty when there is none.
 */
export function staticRouteProblems(model: LandingZoneModel, shared: SourceFile): Problem[] {
  const { tables } = planTransitGateway({ ...routingInput(model), staticRoutes: [] });
  return model.routing.staticRoutes.flatMap((r, i) => {
    const dest = parseCidr(r.destinationCidr).network;
    const made = tables.find((t) => t.name === r.routeTable)?.staticRoutes.find((p) => parseCidr(p.destination).network === dest);
    if (!made) return [];
    return [
      shared.problem(
        ["routing", "staticRoutes", i, "destinationCidr"],
        `the routing plan already routes ${made.destination} in the ${r.routeTable} table, to ${describeTarget(made.target)}, and a TGW route table holds one static route per destination. Remove this entry.`,
      ),
    ];
  });
}
