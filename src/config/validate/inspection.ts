/**
 * Inspection across environments: the environments of one routing segment agree on central inspection, and the
 * central inspection VPC spans every AZ of the VPCs it inspects.
 *
 * AWS rules encoded here:
 * - A segment has one TGW route table. With central inspection it sends what it has no more specific route for
 *   (on-prem, the internet) to the inspection VPC, while on-prem reaches a VPC without central inspection directly
 *   (its CIDR propagates into the onprem table, src/routing/plan.ts). Such a VPC's flows to on-prem would cross the
 *   stateful firewall one way only ("How AWS Transit Gateway works",
 *   https://docs.aws.amazon.com/vpc/latest/tgw/how-transit-gateways-work.html), so in a segment either every
 *   environment says `inspection: central` or none does. `per-vpc` and `none` route alike on the transit gateway
 *   (per-vpc inspects internet traffic in the VPC itself) and may be mixed.
 * - The inspection VPC's TGW attachment runs in appliance mode: the transit gateway keeps a flow on one AZ of the
 *   inspection VPC, which must have a firewall endpoint there ("Transit gateway attachment configuration for AWS
 *   Network Firewall", https://docs.aws.amazon.com/network-firewall/latest/developerguide/vpc-config-tgw-multi-az.html;
 *   "Availability Zones", https://docs.aws.amazon.com/vpc/latest/tgw/how-transit-gateways-work.html#tgw-az-overview).
 *   With fewer inspection AZs than an inspected VPC, that VPC's extra AZs have no endpoint of their own: all their
 *   flows cross AZs (inter-AZ charges, and the AZ depends on the others), so `networkHub.hybrid.inspection.azCount`
 *   is at least the `vpc.azCount` of every `inspection: central` environment.
 */
import { basename } from "node:path";
import type { Problem } from "../problems.js";
import type { EnvironmentFile } from "../schema/index.js";
import type { Located, Validator } from "./context.js";

const AZ_LETTERS = "abc";

/** @see Validator */
export const validateInspection: Validator = (config) => {
  const problems: Problem[] = [];
  const { shared, environments } = config;

  // 1. One segment, one answer to "central inspection?": majority wins, a tie goes to the first file's side.
  // With central inspection in both segments, validateHybrid already tells nonprod's central environments to
  // drop it; do not advise the opposite for that segment.
  const bothCentral = ["prod", "nonprod"].every((s) => environments.some((e) => e.value.segment === s && e.value.inspection === "central"));
  for (const segment of bothCentral ? (["prod"] as const) : (["prod", "nonprod"] as const)) {
    const envs = environments.filter((e) => e.value.segment === segment);
    const central = envs.filter((e) => e.value.inspection === "central");
    const other = envs.filter((e) => e.value.inspection !== "central");
    if (central.length === 0 || other.length === 0) continue;
    const centralWins = central.length > other.length || (central.length === other.length && envs[0]!.value.inspection === "central");
    const listed = (list: readonly Located<EnvironmentFile>[]) => list.map((e) => `${e.value.name} (${e.value.inspection})`).join(", ");
    if (centralWins) {
      for (const env of other) {
        const { name, inspection } = env.value;
        problems.push(
          env.source.problem(
            ["inspection"],
            `${name} uses inspection ${inspection}, but ${central.map((e) => e.value.name).join(", ")} in the same ${segment} segment ${central.length > 1 ? "use" : "uses"} central inspection. The ${segment} TGW route table sends ${name}'s on-prem traffic through the inspection VPC while on-prem reaches ${name} directly, so the stateful firewall would see one direction of each flow. Write inspection: central.`,
          ),
        );
      }
    } else {
      for (const env of central) {
        const { name } = env.value;
        const names = other.map((e) => e.value.name).join(", ");
        problems.push(
          env.source.problem(
            ["inspection"],
            `${name} uses inspection central, but ${listed(other)} in the same ${segment} segment ${other.length > 1 ? "do" : "does"} not. Central inspection sends the ${segment} TGW route table's on-prem traffic through the inspection VPC while on-prem reaches ${names} directly, so the stateful firewall would see one direction of their flows. Write inspection: ${other[0]!.value.inspection}, or central in every ${segment} environment.`,
          ),
        );
      }
    }
  }

  // 2. The inspection VPC spans every AZ of the VPCs it inspects.
  const inspection = shared.value.networkHub.hybrid?.inspection;
  if (inspection) {
    const wider = environments.filter((e) => e.value.inspection === "central" && e.value.vpc.azCount > inspection.azCount);
    if (wider.length > 0) {
      const n = inspection.azCount;
      const most = Math.max(...wider.map((e) => e.value.vpc.azCount));
      const missing = AZ_LETTERS.slice(n, most).split("").join(", ");
      problems.push(
        shared.source.problem(
          ["networkHub", "hybrid", "inspection", "azCount"],
          `the inspection VPC has firewall endpoints in ${n} AZs, but ${wider.map((e) => `${e.value.name} (${e.value.vpc.azCount} AZs)`).join(", ")} ${wider.length > 1 ? "are" : "is"} centrally inspected; the flows of AZ ${missing} would always cross to another AZ's endpoint (inter-AZ charges, and an outage of that AZ's endpoint reaches AZ ${missing}). Write azCount: ${most}, or vpc.azCount: ${n} in ${wider.map((e) => basename(e.source.file)).join(", ")}.`,
        ),
      );
    }
  }
  return problems;
};
