import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/index.js";
import { Testing } from "cdktf";
import { buildLandingZone } from "../../src/accounts/landing-zone.js";
import { costInputsFromModel } from "../../src/cost/index.js";
import { cleanupConfigDirs, problemsOf, referenceWith, replace } from "../support/config-dir.js";
import { resources, type StackJson } from "../support/synth.js";
import { LOG_ARCHIVE_ACCOUNT_ID, MANAGEMENT_ACCOUNT_ID, organizationWith, SECURITY_TOOLING_ACCOUNT_ID } from "../support/organization.js";

afterAll(cleanupConfigDirs);

describe("the baseline with organization.awsOrganizations", () => {
  it("moves the archive to the log archive account and the aggregator to the security tooling account", () => {
    const b = loadConfig(organizationWith()).baseline;
    expect(b.logArchive).toMatchObject({
      stackName: "log-archive",
      accountId: LOG_ARCHIVE_ACCOUNT_ID,
      bucketName: `acme-log-archive-${LOG_ARCHIVE_ACCOUNT_ID}`,
      configBucketName: `acme-aws-config-${LOG_ARCHIVE_ACCOUNT_ID}`,
      kmsAliasArn: `arn:aws:kms:eu-west-1:${LOG_ARCHIVE_ACCOUNT_ID}:alias/acme-log-archive`,
    });
    expect(b.accounts.map((a) => a.stackName)).toEqual([
      "log-archive",
      "security-tooling",
      "network-hub",
      "workload-dev",
      "workload-prod",
      "workload-test",
    ]);
    expect(b.configAggregator).toMatchObject({ accountId: SECURITY_TOOLING_ACCOUNT_ID });
    expect(b.organization).toEqual({
      trail: { name: "acme-organization-trail", accountId: MANAGEMENT_ACCOUNT_ID, region: "eu-west-1", partition: "aws" },
      securityTooling: { accountId: SECURITY_TOOLING_ACCOUNT_ID, region: "eu-west-1", stackName: "security-tooling" },
      regions: ["eu-west-1"],
    });
  });

  it("keeps the archive in the hub while a core account is still to be created", () => {
    const b = loadConfig(organizationWith({ "shared.yaml": replace(`      accountId: "${SECURITY_TOOLING_ACCOUNT_ID}"\n`, "") })).baseline;
    expect(b.logArchive.stackName).toBe("network-hub");
    expect(b.organization).toBeUndefined();
  });

  it("rejects a hub organization trail, an adopted hub log bucket and adopted detectors or Security Hub, each at its line", () => {
    const problems = problemsOf(
      organizationWith({
        "shared.yaml": (t) =>
          `${replace("    organizationTrail: false", "    organizationTrail: true")(t)}adopt:\n  logBucket: acme-existing-logs\n  guardDutyDetector: 12abc34d567e8fa901bc2d34e56789f0\n`,
        "dev.yaml": (t) => `${t}adopt:\n  securityHubAccount: "222222222222"\n`,
      }),
    );
    expect(problems).toEqual([
      expect.stringMatching(/^<dir>\/dev\.yaml:\d+:\d+ adopt\.securityHubAccount: .*no stack adopts them\. Remove it/),
      expect.stringMatching(
        /^<dir>\/shared\.yaml:\d+:\d+ baseline\.cloudTrail\.organizationTrail: with organization\.awsOrganizations the organization trail is created in the management account .* Remove organizationTrail\.$/,
      ),
      expect.stringMatching(
        /^<dir>\/shared\.yaml:\d+:\d+ adopt\.logBucket: .*created in the log archive account.* Remove adopt\.logBucket/,
      ),
      expect.stringMatching(
        /^<dir>\/shared\.yaml:\d+:\d+ adopt\.guardDutyDetector: .*enables GuardDuty and Security Hub in every member account/,
      ),
    ]);
  });

  it("rejects accountTrails: false without the layer, where no organization trail would log the accounts", () => {
    const problems = problemsOf(
      referenceWith({ "shared.yaml": replace("    organizationTrail: false", "    organizationTrail: false\n    accountTrails: false") }),
    );
    expect(problems).toEqual([
      expect.stringMatching(
        /^<dir>\/shared\.yaml:\d+:\d+ baseline\.cloudTrail\.accountTrails: without organization\.awsOrganizations there is no organization trail, so no account would be logged\. Remove accountTrails: false\.$/,
      ),
    ]);
  });

  it("drops every account's own trail with accountTrails: false, and the paid second copy with it", () => {
    const model = loadConfig(
      organizationWith({
        "shared.yaml": replace("    organizationTrail: false", "    organizationTrail: false\n    accountTrails: false"),
      }),
    );
    expect(model.baseline.cloudTrail.accountTrails).toBe(false);
    const app = Testing.app();
    const stacks = buildLandingZone(app, model);
    for (const stack of stacks) {
      const json = JSON.parse(Testing.synth(stack)) as StackJson;
      // The organization trail (management account) is the only trail left; every member account keeps Config.
      if (stack.node.id === "organization") {
        expect(resources(json, "aws_cloudtrail").map((t) => t.is_organization_trail)).toEqual([true]);
        continue;
      }
      expect(resources(json, "aws_cloudtrail"), stack.node.id).toEqual([]);
      expect(resources(json, "aws_config_delivery_channel"), stack.node.id).toHaveLength(1);
    }
    for (const s of costInputsFromModel(model))
      expect(s.inputs.baseline?.cloudTrail.additionalManagementEventCopies, s.name).toBeUndefined();
  });
});
