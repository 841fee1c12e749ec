import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { adoptedCount, loadConfig } from "../../src/config/index.js";
import { ADOPTED_IMPORTS, adoptConfigDir, DEV_ADOPT } from "../support/adopt.js";
import { cleanupConfigDirs, configWith, problemsOf, referenceWith } from "../support/config-dir.js";

afterAll(cleanupConfigDirs);

/** 1-based line of the last line of `dir/file` that starts with `prefix` (after indentation): the appended adopt block. */
const lineIn = (dir: string, file: string, prefix: string): number => {
  const lines = readFileSync(join(dir, file), "utf8").split("\n");
  for (let i = lines.length - 1; i >= 0; i--) if (lines[i]!.trimStart().startsWith(prefix)) return i + 1;
  throw new Error(`${prefix} not in ${file}`);
};

/** The reference config with `adopt:` (the YAML lines after `adopt:`) appended to `file`. */
const withAdopt = (file: string, body: string): string => referenceWith({ [file]: (t) => `${t}\nadopt:\n${body}` });

describe("the adopt model", () => {
  it("carries each account's import ids, renames the log archive after the adopted bucket and keeps adopted trail names", () => {
    const model = loadConfig(adoptConfigDir());
    expect(model.networkHub.adopt).toEqual({
      transitGateway: "tgw-0a1b2c3d4e5f67890",
      directConnectGateway: "abcd1234-dcba-5678-be23-cdef9876ab45",
      logBucket: "acme-existing-logs",
      cloudTrail: "arn:aws:cloudtrail:eu-west-1:111111111111:trail/management-events",
      guardDutyDetector: "12abc34d567e8fa901bc2d34e56789f0",
      securityHubAccount: "111111111111",
      configRecorder: "default",
      configDeliveryChannel: "default",
    });
    const dev = model.environments.find((e) => e.name === "dev")!;
    expect(dev.adopt.vpc).toBe("vpc-0d0e0f0a0b0c0d0e1");
    expect(dev.adopt.subnets).toEqual({
      public: ["subnet-000000000000000a1", "subnet-000000000000000a2"],
      privateApp: ["subnet-000000000000000b1", "subnet-000000000000000b2"],
      privateData: ["subnet-000000000000000c1", "subnet-000000000000000c2"],
      transit: ["subnet-000000000000000d1", "subnet-000000000000000d2"],
    });
    expect(adoptedCount(model.networkHub.adopt)).toBe(ADOPTED_IMPORTS["network-hub"]);
    expect(adoptedCount(dev.adopt)).toBe(ADOPTED_IMPORTS["workload-dev"]);
    expect(model.environments.find((e) => e.name === "prod")!.adopt).toEqual({});
    expect(model.baseline.logArchive.bucketName).toBe("acme-existing-logs");
    expect(model.baseline.accounts.map((a) => [a.stackName, a.trailName])).toEqual([
      ["network-hub", "management-events"],
      ["workload-dev", "dev-trail"],
      ["workload-prod", "acme-trail"],
      ["workload-test", "acme-trail"],
    ]);
  });

  it("leaves a config without adopt: as it was: nothing adopted, the log archive and trails keep their names", () => {
    const model = loadConfig(referenceWith());
    expect([model.networkHub, ...model.environments].map((t) => t.adopt)).toEqual([{}, {}, {}, {}]);
    expect(model.baseline.logArchive.bucketName).toBe("acme-log-archive-111111111111");
    expect(new Set(model.baseline.accounts.map((a) => a.trailName))).toEqual(new Set(["acme-trail"]));
  });
});

describe("adopt id formats", () => {
  it("rejects ids of the wrong form with an example of the right one, and a misspelled key with the valid ones", () => {
    const dir = withAdopt(
      "dev.yaml",
      "  vpc: vpc-123\n  vcp: vpc-0d0e0f0a0b0c0d0e1\n  subnets:\n    public: [subnet-0000000g]\n  hostedZone: z123\n  guardDutyDetector: abc\n",
    );
    const at = (prefix: string) => lineIn(dir, "dev.yaml", prefix);
    expect(problemsOf(dir)).toEqual([
      `<dir>/dev.yaml:${at("vpc:")}:8 adopt.vpc: Write the VPC id, for example vpc-0a1b2c3d4e5f67890 (got string "vpc-123").`,
      `<dir>/dev.yaml:${at("vcp:")}:3 adopt.vcp: unknown key "vcp". Valid keys here: vpc, internetGateway, subnets, hostedZone, cloudTrail, guardDutyDetector, securityHubAccount, configRecorder, configDeliveryChannel.`,
      `<dir>/dev.yaml:${at("public:")}:14 adopt.subnets.public[0]: Write the subnet id, for example subnet-0a1b2c3d4e5f67890 (got string "subnet-0000000g").`,
      `<dir>/dev.yaml:${at("hostedZone:")}:15 adopt.hostedZone: Write the Route 53 hosted zone id, for example Z0123456789ABCDEFGHIJ (got string "z123").`,
      `<dir>/dev.yaml:${at("guardDutyDetector:")}:22 adopt.guardDutyDetector: Write the GuardDuty detector id (32 hex digits, from aws guardduty list-detectors), for example 12abc34d567e8fa901bc2d34e56789f0 (got string "abc").`,
    ]);
  });

  it("rejects a trail name instead of its ARN, an unquoted account id and a bucket name with capitals", () => {
    const dir = withAdopt("shared.yaml", "  cloudTrail: management-events\n  securityHubAccount: 111111111111\n  logBucket: Acme-Logs\n");
    const at = (prefix: string) => lineIn(dir, "shared.yaml", prefix);
    expect(problemsOf(dir)).toEqual([
      `<dir>/shared.yaml:${at("cloudTrail:")}:15 adopt.cloudTrail: Write the CloudTrail trail ARN, for example arn:aws:cloudtrail:eu-west-1:123456789012:trail/management-events (got string "management-events").`,
      `<dir>/shared.yaml:${at("securityHubAccount:")}:23 adopt.securityHubAccount: Write this account's 12-digit id in quotes, for example securityHubAccount: "123456789012" (unquoted, YAML reads a number) (got number 111111111111).`,
      `<dir>/shared.yaml:${at("logBucket:")}:14 adopt.logBucket: Write the S3 bucket name (3-63 lower-case letters, digits, dots and hyphens, starting and ending with a letter or digit), for example acme-log-archive (got string "Acme-Logs").`,
    ]);
  });
});

describe("adopt names that must map to a resource the stack builds", () => {
  it("rejects a subnet list that does not have one subnet per AZ", () => {
    const dir = referenceWith({
      "dev.yaml": (t) =>
        `${t}${DEV_ADOPT.replace("transit: [subnet-000000000000000d1, subnet-000000000000000d2]", "transit: [subnet-000000000000000d1]")}`,
    });
    expect(problemsOf(dir)).toEqual([
      `<dir>/dev.yaml:${lineIn(dir, "dev.yaml", "transit:")}:14 adopt.subnets.transit: lists 1 subnet, but the VPC has one transit subnet in each of its 2 AZs (vpc.azCount). List 2 subnet ids, in AZ order.`,
    ]);
  });

  it("rejects firewall subnets in a VPC without per-vpc inspection, and subnets or a gateway without their VPC", () => {
    const dir = withAdopt(
      "dev.yaml",
      "  internetGateway: igw-0d0e0f0a0b0c0d0e1\n  subnets:\n    firewall: [subnet-000000000000000e1, subnet-000000000000000e2]\n",
    );
    const at = (prefix: string) => lineIn(dir, "dev.yaml", prefix);
    expect(problemsOf(dir)).toEqual([
      `<dir>/dev.yaml:${at("internetGateway:")}:20 adopt.internetGateway: an internet gateway can only be adopted with the VPC it is attached to: the stack attaches its gateway to its own VPC. Add adopt.vpc, or remove this entry.`,
      `<dir>/dev.yaml:${at("firewall:")}:5 adopt.subnets: subnets can only be adopted with the VPC that holds them: without adopt.vpc the stack creates a new VPC, and moving a subnet to another VPC forces a new subnet. Add adopt.vpc, or remove this entry.`,
      `<dir>/dev.yaml:${at("firewall:")}:15 adopt.subnets.firewall: the VPC has no firewall subnets: they exist only with inspection: per-vpc (this file has inspection: none). Remove this entry.`,
    ]);
  });

  it("rejects a hosted zone without app.domain and a Direct Connect gateway without Direct Connect", () => {
    const dir = configWith("test/fixtures/minimal", {
      "app.yaml": (t) => `${t}\nadopt:\n  hostedZone: Z0123456789ABCDEFGHIJ\n`,
      "shared.yaml": (t) => `${t}\nadopt:\n  directConnectGateway: abcd1234-dcba-5678-be23-cdef9876ab45\n`,
    });
    expect(problemsOf(dir)).toEqual([
      `<dir>/app.yaml:${lineIn(dir, "app.yaml", "hostedZone:")}:15 adopt.hostedZone: this environment uses no hosted zone: app.domain is not set. Add app.domain with the zone's name as hostedZoneName, or remove this entry.`,
      `<dir>/shared.yaml:${lineIn(dir, "shared.yaml", "directConnectGateway:")}:25 adopt.directConnectGateway: the network hub builds no Direct Connect gateway: networkHub.hybrid.directConnect is not set. Add networkHub.hybrid.directConnect, or remove this entry.`,
    ]);
  });

  it("rejects a Security Hub account and a trail of another account or Region, and the state bucket as log bucket", () => {
    const dir = withAdopt(
      "shared.yaml",
      '  securityHubAccount: "222222222222"\n  cloudTrail: arn:aws:cloudtrail:us-east-1:111111111111:trail/main\n  logBucket: acme-landing-zone-tfstate\n',
    );
    const at = (prefix: string) => lineIn(dir, "shared.yaml", prefix);
    expect(problemsOf(dir)).toEqual([
      `<dir>/shared.yaml:${at("securityHubAccount:")}:23 adopt.securityHubAccount: 222222222222 is not this file's account (networkHub.accountId is 111111111111); aws_securityhub_account imports by the id of the account it is in. Write securityHubAccount: "111111111111".`,
      `<dir>/shared.yaml:${at("cloudTrail:")}:15 adopt.cloudTrail: the trail is in account 111111111111, Region us-east-1; this stack's trail is in account 111111111111, Region eu-west-1. Adopt a trail created in this account with eu-west-1 as its home Region, or remove this entry.`,
      `<dir>/shared.yaml:${at("logBucket:")}:14 adopt.logBucket: acme-landing-zone-tfstate is the Terraform state bucket (organization.state.bucket), which the bootstrap stack manages. Write the name of the existing log bucket, or remove this entry.`,
    ]);
  });

  it("rejects an id adopted twice, pointing at the first place", () => {
    const dir = referenceWith({
      "dev.yaml": (t) => `${t}${DEV_ADOPT}`,
      "test.yaml": (t) => `${t}\nadopt:\n  vpc: vpc-0d0e0f0a0b0c0d0e1\n`,
    });
    expect(problemsOf(dir)).toEqual([
      `<dir>/test.yaml:${lineIn(dir, "test.yaml", "vpc:")}:8 adopt.vpc: vpc-0d0e0f0a0b0c0d0e1 is already adopted at <dir>/dev.yaml:${lineIn(dir, "dev.yaml", "vpc:")}:8. One AWS resource can be managed by one stack address only: remove one of the two.`,
    ]);
  });
});
