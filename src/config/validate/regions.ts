/**
 * Regions: every Region is a real AWS Region, every workload VPC is in the transit gateway's Region,
 * the AZ count is available there, and the state KMS key is in the state bucket's Region.
 */
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
  return problems;
};
