/**
 * `adopt:` entries (schema/adopt.ts): every logical name maps to a resource the account's stack really builds, the
 * account-scoped ids belong to the file's account, and no AWS id is adopted twice.
 *
 * - `subnets` and `internetGateway` only with `vpc`: without it the stack builds a new VPC, and a subnet's `vpc_id`
 *   cannot change in place.
 * - `subnets.<tier>` lists one subnet per AZ the VPC uses (`vpc.azCount`): the stack builds exactly that many, and
 *   a list of another length would leave a subnet created next to an adopted one, or an id that maps to nothing.
 *   `subnets.firewall` only with `inspection: per-vpc` (the only VPCs with a firewall tier).
 * - `hostedZone` only with `app.domain` (the only zone a stack uses); `directConnectGateway` only with
 *   `networkHub.hybrid.directConnect`.
 * - `securityHubAccount` is the file's account: `aws_securityhub_account` imports by account id, and the stack's
 *   provider acts in that account only.
 * - `cloudTrail` names a trail of the file's account whose home Region is the account's Region: the stack's
 *   provider can only read it there, and a trail's ARN carries its home Region
 *   (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-concepts.html#cloudtrail-concepts-trails).
 * - `logBucket` is not the Terraform state bucket (the bootstrap stack manages that one).
 * - An id of a VPC, subnet, internet gateway, hosted zone, transit gateway, Direct Connect gateway or bucket adopted
 *   twice (ids of the baseline keys are per account, and every file has its own account) would bind one AWS object to two Terraform addresses, which Terraform warns leads to
 *   unwanted behaviour (https://developer.hashicorp.com/terraform/cli/import).
 */
import type { Problem } from "../problems.js";
import type { Located, Validator } from "./context.js";
import type { EnvironmentAdoptFile, HubAdoptFile } from "../schema/index.js";
import type { SourceFile } from "../source.js";

/** Where an id was first adopted, for the "adopted twice" message. */
interface Seen {
  readonly source: SourceFile;
  readonly path: readonly PropertyKey[];
}

/** @see Validator */
export const validateAdopt: Validator = (config) => {
  const problems: Problem[] = [];
  const { shared, environments } = config;
  const seen = new Map<string, Seen>();
  const unique = (source: SourceFile, path: readonly PropertyKey[], id: string): void => {
    const first = seen.get(id);
    if (!first) {
      seen.set(id, { source, path });
      return;
    }
    const at = first.source.locate(first.path);
    problems.push(
      source.problem(
        path,
        `${id} is already adopted at ${first.source.file}:${at.line}:${at.col}. One AWS resource can be managed by one stack address only: remove one of the two.`,
      ),
    );
  };

  const hub = shared.value.networkHub;
  const hubAdopt = shared.value.adopt;
  const hubPath = ["adopt"];
  problems.push(...checkBaseline(shared, hubAdopt, hubPath, hub.accountId, hub.region, "networkHub.accountId"));
  if (hubAdopt.directConnectGateway !== undefined && !hub.hybrid?.directConnect)
    problems.push(
      shared.source.problem(
        [...hubPath, "directConnectGateway"],
        "the network hub builds no Direct Connect gateway: networkHub.hybrid.directConnect is not set. Add networkHub.hybrid.directConnect, or remove this entry.",
      ),
    );
  if (hubAdopt.logBucket !== undefined && hubAdopt.logBucket === shared.value.organization.state.bucket)
    problems.push(
      shared.source.problem(
        [...hubPath, "logBucket"],
        `${hubAdopt.logBucket} is the Terraform state bucket (organization.state.bucket), which the bootstrap stack manages. Write the name of the existing log bucket, or remove this entry.`,
      ),
    );
  for (const key of ["transitGateway", "directConnectGateway", "logBucket"] as const) {
    const id = hubAdopt[key];
    if (id !== undefined) unique(shared.source, [...hubPath, key], id);
  }

  for (const env of environments) {
    const e = env.value;
    const adopt = e.adopt;
    const path = ["adopt"];
    problems.push(...checkBaseline(env, adopt, path, e.accountId, e.region, "accountId"));
    if (adopt.hostedZone !== undefined && !e.app?.domain)
      problems.push(
        env.source.problem(
          [...path, "hostedZone"],
          "this environment uses no hosted zone: app.domain is not set. Add app.domain with the zone's name as hostedZoneName, or remove this entry.",
        ),
      );
    if (adopt.subnets !== undefined && adopt.vpc === undefined)
      problems.push(
        env.source.problem(
          [...path, "subnets"],
          "subnets can only be adopted with the VPC that holds them: without adopt.vpc the stack creates a new VPC, and moving a subnet to another VPC forces a new subnet. Add adopt.vpc, or remove this entry.",
        ),
      );
    for (const [tier, ids] of Object.entries(adopt.subnets ?? {})) {
      if (ids === undefined) continue;
      const at = [...path, "subnets", tier];
      if (tier === "firewall" && e.inspection !== "per-vpc")
        problems.push(
          env.source.problem(
            at,
            `the VPC has no firewall subnets: they exist only with inspection: per-vpc (this file has inspection: ${e.inspection}). Remove this entry.`,
          ),
        );
      else if (ids.length !== e.vpc.azCount)
        problems.push(
          env.source.problem(
            at,
            `lists ${ids.length} subnet${ids.length === 1 ? "" : "s"}, but the VPC has one ${tier} subnet in each of its ${e.vpc.azCount} AZs (vpc.azCount). List ${e.vpc.azCount} subnet ids, in AZ order.`,
          ),
        );
      for (const [i, id] of ids.entries()) unique(env.source, [...at, i], id);
    }
    if (adopt.internetGateway !== undefined && adopt.vpc === undefined)
      problems.push(
        env.source.problem(
          [...path, "internetGateway"],
          "an internet gateway can only be adopted with the VPC it is attached to: the stack attaches its gateway to its own VPC. Add adopt.vpc, or remove this entry.",
        ),
      );
    for (const key of ["vpc", "internetGateway", "hostedZone"] as const) {
      const id = adopt[key];
      if (id !== undefined) unique(env.source, [...path, key], id);
    }
  }
  return problems;
};

/** Checks of the baseline keys, which both kinds of file have: the account-scoped ids belong to `accountId`. */
function checkBaseline(
  file: Located<unknown>,
  adopt: HubAdoptFile | EnvironmentAdoptFile,
  path: readonly PropertyKey[],
  accountId: string,
  region: string,
  accountKey: string,
): Problem[] {
  const problems: Problem[] = [];
  if (adopt.securityHubAccount !== undefined && adopt.securityHubAccount !== accountId)
    problems.push(
      file.source.problem(
        [...path, "securityHubAccount"],
        `${adopt.securityHubAccount} is not this file's account (${accountKey} is ${accountId}); aws_securityhub_account imports by the id of the account it is in. Write securityHubAccount: "${accountId}".`,
      ),
    );
  if (adopt.cloudTrail !== undefined) {
    const [, , , trailRegion, trailAccount] = adopt.cloudTrail.split(":");
    if (trailAccount !== accountId || trailRegion !== region)
      problems.push(
        file.source.problem(
          [...path, "cloudTrail"],
          `the trail is in account ${trailAccount}, Region ${trailRegion}; this stack's trail is in account ${accountId}, Region ${region}. Adopt a trail created in this account with ${region} as its home Region, or remove this entry.`,
        ),
      );
  }
  return problems;
}
