/**
 * Regions: every Region is a real AWS Region, every workload VPC is in the transit gateway's Region,
 * the AZ count is available there, the AZ IDs belong to the hub's Region and cover every VPC's AZs, and the state
 * KMS key is in the state bucket's Region.
 */
import { AZ_IDS_DOC, azIdPrefix, defaultAvailabilityZoneIds } from "../../aws/availability-zone-ids.js";
import { AWS_REGION_NAMES, AWS_REGIONS } from "../aws-regions.js";
import { closest, type Problem } from "../problems.js";
import type { SourceFile } from "../source.js";
import type { Validator } from "./context.js";

function checkRegion(source: SourceFile, path: readonly PropertyKey[], region: string, problems: Problem[]): boolean {
  if (AWS_REGIONS[region]) return true;
  const guess = closest(region, AWS_REGION_NAMES);
  problems.push(
    source.problem(
      path,
      `"${region}" is not an AWS Region. ${guess ? `Did you mean ${guess}?` : `Write one of: ${AWS_REGION_NAMES.join(", ")}.`}`,
    ),
  );
  return false;
}

/** @see Validator */
export const validateRegions: Validator = (config) => {
  const problems: Problem[] = [];
  const { shared, environments } = config;
  const org = shared.value.organization;
  const hub = shared.value.networkHub;
  checkRegion(shared.source, ["organization", "homeRegion"], org.homeRegion, problems);
  if (checkRegion(shared.source, ["organization", "state", "region"], org.state.region, problems)) {
    // SSE-KMS needs the key in the bucket's Region (S3 "Using server-side encryption with AWS KMS keys").
    const keyRegion = org.state.kmsKeyArn.split(":")[3];
    if (keyRegion !== org.state.region) {
      problems.push(
        shared.source.problem(
          ["organization", "state", "kmsKeyArn"],
          `the KMS key is in ${keyRegion} but the state bucket is in ${org.state.region}; S3 encrypts only with a key in the bucket's Region. Use a key ARN in ${org.state.region}.`,
        ),
      );
    }
  }
  const hubOk = checkRegion(shared.source, ["networkHub", "region"], hub.region, problems);
  for (const env of environments) {
    const { region, vpc } = env.value;
    if (!checkRegion(env.source, ["region"], region, problems)) continue;
    if (hubOk && region !== hub.region) {
      problems.push(
        env.source.problem(
          ["region"],
          `${region} differs from the network hub's Region ${hub.region}; a transit gateway attaches only VPCs in its own Region. Write region: ${hub.region}.`,
        ),
      );
    }
    const available = AWS_REGIONS[region]!.azCount;
    if (vpc.azCount > available) {
      problems.push(
        env.source.problem(
          ["vpc", "azCount"],
          `${region} has only ${available} Availability Zones. Write azCount: ${available} or choose another Region.`,
        ),
      );
    }
  }
  if (hubOk) problems.push(...availabilityZoneIdProblems(config));
  return problems;
};

/**
 * `networkHub.availabilityZoneIds` (or the Region's defaults): each an AZ ID of the hub's Region (its prefix, see
 * {@link AZ_IDS_DOC}), none twice, and at least as many as the largest `azCount` of a workload VPC or of the
 * inspection VPC (AZ index i of every VPC is the i-th ID).
 */
function availabilityZoneIdProblems(config: Parameters<Validator>[0]): Problem[] {
  const { shared, environments } = config;
  const hub = shared.value.networkHub;
  const problems: Problem[] = [];
  const prefix = azIdPrefix(hub.region);
  const named = hub.availabilityZoneIds;
  const ids = named ?? defaultAvailabilityZoneIds(hub.region);
  if (named && prefix) {
    named.forEach((id, i) => {
      const path = ["networkHub", "availabilityZoneIds", i];
      if (!id.startsWith(`${prefix}-az`))
        problems.push(
          shared.source.problem(
            path,
            `${id} is not an AZ ID of ${hub.region} (they start with ${prefix}-az). Write one such as ${prefix}-az1.`,
          ),
        );
      else if (named.indexOf(id) !== i) problems.push(shared.source.problem(path, `${id} is listed twice. List each AZ ID once.`));
    });
  }
  const needs = [
    ...environments.map((e) => ({ azCount: e.value.vpc.azCount, what: `${e.source.file} (vpc.azCount)` })),
    ...(hub.hybrid?.inspection ? [{ azCount: hub.hybrid.inspection.azCount, what: "the inspection VPC" }] : []),
  ];
  // Without named IDs, an azCount beyond what the Region has is reported by the azCount check alone.
  const available = named ? Number.POSITIVE_INFINITY : (AWS_REGIONS[hub.region]?.azCount ?? 0);
  const most = needs.filter((n) => n.azCount <= available).reduce((a, b) => (b.azCount > a.azCount ? b : a), { azCount: 0, what: "" });
  if (ids.length < most.azCount) {
    problems.push(
      shared.source.problem(
        named ? ["networkHub", "availabilityZoneIds"] : ["networkHub", "region"],
        `${most.what} uses ${most.azCount} AZs and ${named ? "networkHub.availabilityZoneIds lists" : `the default AZ IDs of ${hub.region} are`} ${ids.length} (${ids.join(", ")}). ${named ? "List" : "Write networkHub.availabilityZoneIds with"} at least ${most.azCount} AZ IDs of ${hub.region}.`,
      ),
    );
  }
  return problems;
}
