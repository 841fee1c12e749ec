/**
 * Adoption end to end: the reference config with `adopt:` in shared.yaml and dev.yaml (test/support/adopt.ts),
 * synthesized through the policy pack. Every adopted id becomes one Terraform `import` block whose `to` is the
 * resource the stack builds for that logical name, configured like the existing resource must be.
 */
import { afterAll, describe, expect, it } from "vitest";
import { adoptedCount } from "../../src/config/index.js";
import { importedAddressesOf } from "../../src/plan-guard/index.js";
import { ADOPTED_IMPORTS } from "../support/adopt.js";
import { cleanupConfigDirs } from "../support/config-dir.js";
import { adoptSynthesis, referenceSynthesis } from "../support/shared-synthesis.js";
import { dataSources, type StackJson } from "../support/synth.js";

const adopt = adoptSynthesis();
afterAll(() => cleanupConfigDirs());

interface ImportBlock {
  readonly to: string;
  readonly id: string;
}
const importsOf = (json: StackJson): readonly ImportBlock[] => (json.import as ImportBlock[] | undefined) ?? [];
/** The body of the resource at a Terraform address `type.name`. */
const resourceAt = (json: StackJson, address: string): Record<string, unknown> => {
  const [type = "", name = ""] = address.split(".");
  const body = json.resource?.[type]?.[name];
  if (!body) throw new Error(`no resource ${address}`);
  return body;
};
/** `{ id → [resource type, body] }` of a stack's import blocks. */
const importedById = (json: StackJson): Map<string, [string, Record<string, unknown>]> =>
  new Map(importsOf(json).map((b) => [b.id, [b.to.split(".")[0]!, resourceAt(json, b.to)]]));

describe("import blocks of the adopt scenario", () => {
  it("emits one import block per adopted id in the hub and dev, and none in the stacks that adopt nothing", () => {
    const hub = adopt.json("network-hub");
    const dev = adopt.json("workload-dev");
    expect(importsOf(hub)).toHaveLength(ADOPTED_IMPORTS["network-hub"]);
    expect(importsOf(dev)).toHaveLength(ADOPTED_IMPORTS["workload-dev"]);
    expect(importsOf(hub)).toHaveLength(adoptedCount(adopt.model.networkHub.adopt));
    expect(importsOf(adopt.json("workload-prod"))).toEqual([]);
    expect(importsOf(adopt.json("workload-test"))).toEqual([]);
    expect(adopt.outcome.policy.errors).toEqual([]);
    // What lz plan-guard reads to keep guarding adopted resources after the import.
    expect([...importedAddressesOf(dev).values()]).toEqual(importsOf(dev).map((b) => b.id));
  });

  it("imports each hub id into the resource of its logical name", () => {
    const hub = importedById(adopt.json("network-hub"));
    expect([...hub.entries()].map(([id, [type]]) => [id, type])).toEqual([
      ["acme-existing-logs", "aws_s3_bucket"],
      ["arn:aws:cloudtrail:eu-west-1:111111111111:trail/management-events", "aws_cloudtrail"],
      ["default", "aws_config_delivery_channel"],
      ["12abc34d567e8fa901bc2d34e56789f0", "aws_guardduty_detector"],
      ["111111111111", "aws_securityhub_account"],
      ["tgw-0a1b2c3d4e5f67890", "aws_ec2_transit_gateway"],
      ["abcd1234-dcba-5678-be23-cdef9876ab45", "aws_dx_gateway"],
    ]);
    // Names are ForceNew: a name-identified resource takes the adopted name, so importing it forces nothing.
    expect(hub.get("acme-existing-logs")![1]).toMatchObject({ bucket: "acme-existing-logs", object_lock_enabled: true });
    expect(hub.get("arn:aws:cloudtrail:eu-west-1:111111111111:trail/management-events")![1]).toMatchObject({
      name: "management-events",
      s3_bucket_name: "acme-existing-logs",
    });
    const recorder = importsOf(adopt.json("network-hub")).find((b) => b.to.startsWith("aws_config_configuration_recorder."))!;
    expect(recorder.id).toBe("default");
    expect(resourceAt(adopt.json("network-hub"), recorder.to)).toMatchObject({ name: "default" });
    expect(hub.get("tgw-0a1b2c3d4e5f67890")![1]).toMatchObject({ amazon_side_asn: 64512, lifecycle: { prevent_destroy: true } });
  });

  it("imports dev's VPC, gateway and subnets in AZ order, and manages the adopted hosted zone instead of looking it up", () => {
    const json = adopt.json("workload-dev");
    const dev = importedById(json);
    const env = adopt.model.environments.find((e) => e.name === "dev")!;
    expect(dev.get("vpc-0d0e0f0a0b0c0d0e1")).toEqual(["aws_vpc", expect.objectContaining({ cidr_block: env.vpc.cidr })]);
    expect(dev.get("igw-0d0e0f0a0b0c0d0e1")?.[0]).toBe("aws_internet_gateway");
    const subnet = (id: string) => dev.get(id)![1];
    expect(subnet("subnet-000000000000000a1")).toMatchObject({ cidr_block: env.vpc.subnets.public[0], tags: { Tier: "public" } });
    expect(subnet("subnet-000000000000000a2")).toMatchObject({ cidr_block: env.vpc.subnets.public[1], tags: { Tier: "public" } });
    expect(subnet("subnet-000000000000000b2")).toMatchObject({ cidr_block: env.vpc.subnets.privateApp[1], tags: { Tier: "private-app" } });
    expect(subnet("subnet-000000000000000c1")).toMatchObject({
      cidr_block: env.vpc.subnets.privateData[0],
      tags: { Tier: "private-data" },
    });
    expect(subnet("subnet-000000000000000d2")).toMatchObject({ cidr_block: env.vpc.subnets.transit[1], tags: { Tier: "transit" } });
    expect(dev.get("Z0123456789ABCDEFGHIJ")).toEqual([
      "aws_route53_zone",
      expect.objectContaining({ name: "dev.acme.example", force_destroy: false }),
    ]);
    expect(dataSources(json, "aws_route53_zone")).toEqual([]);
    expect(dev.get("arn:aws:cloudtrail:eu-west-1:222222222222:trail/dev-trail")![1]).toMatchObject({ name: "dev-trail" });
    expect(dev.get("dev-channel")![1]).toMatchObject({ name: "dev-channel", s3_bucket_name: "acme-aws-config-111111111111" });
  });

  it("lets the adopted trails, and only those, write to the archive under their own names", () => {
    const policy = JSON.stringify(adopt.json("network-hub").resource?.aws_s3_bucket_policy);
    for (const arn of [
      "arn:aws:cloudtrail:eu-west-1:111111111111:trail/management-events",
      "arn:aws:cloudtrail:eu-west-1:222222222222:trail/dev-trail",
      "arn:aws:cloudtrail:eu-west-1:333333333333:trail/acme-trail",
      "arn:aws:cloudtrail:eu-west-1:444444444444:trail/acme-trail",
    ])
      expect(policy).toContain(arn);
    expect(policy).not.toContain("111111111111:trail/acme-trail");
    expect(policy).not.toContain("222222222222:trail/acme-trail");
  });

  it("changes nothing in a stack that adopts nothing: prod and test are byte-identical to the reference synthesis", () => {
    const reference = referenceSynthesis();
    expect(importsOf(reference.json("workload-dev"))).toEqual([]);
    // The log bucket's new name reaches every trail, so compare with that one name put back.
    for (const stack of ["workload-prod", "workload-test"])
      expect(adopt.text(stack).replaceAll("acme-existing-logs", "acme-log-archive-111111111111")).toBe(reference.text(stack));
  });
});
