/**
 * Segment isolation on the transit gateway: which route table a VPC attachment is associated with, and
 * which route tables learn its CIDR.
 *
 * A transit gateway forwards a packet using the route table associated with the attachment it arrived
 * on (https://docs.aws.amazon.com/vpc/latest/tgw/how-transit-gateways-work.html). So a segment can reach
 * another only if the other propagates into the segment's table. prod propagates into prod and onprem;
 * nonprod into nonprod and onprem. Neither propagates into the other, so prod and nonprod never reach
 * each other; both are reachable from on-prem.
 */
import type { Segment } from "../config/index.js";

/** Association and propagations of a VPC attachment in a workload segment. */
export interface SegmentRouting {
  readonly associateWith: Segment;
  readonly propagateTo: readonly Segment[];
}

/** Routing of an attachment in `segment`. */
export function segmentRouting(segment: Exclude<Segment, "onprem">): SegmentRouting {
  return { associateWith: segment, propagateTo: [segment, "onprem"] };
}
