/**
 * The quota and attachment checks of the organization's policies (src/config/validate/service-control-policies.ts)
 * on the reference fixture in the organization layout: exact messages at file:line.
 */
import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/index.js";
import { cleanupConfigDirs, problemsOf, replace } from "../support/config-dir.js";
import { organizationWith } from "../support/organization.js";

afterAll(cleanupConfigDirs);

/** `text` appended under `awsOrganizations:` (before `networkHub:`), indented four spaces. */
const withSettings = (yaml: string) => ({ "shared.yaml": replace(/\nnetworkHub:\n/, `${yaml}\nnetworkHub:\n`) });

const additional = (name: string, attach: string, actions: string) =>
  `      - name: ${name}\n        description: Deny ${name}.\n        statements:\n          - { Sid: Deny${name.replace(/-/g, "")}, Effect: Deny, Action: ${actions} }\n        attach: [${attach}]\n`;

describe("awsOrganizations.serviceControlPolicies", () => {
  it("resolves the defaults: three guardrails on every top-level OU, the Region allow-list on the workloads' OU", () => {
    const org = loadConfig(organizationWith()).awsOrganizations!;
    expect(org.organizationId).toBe("o-a1b2c3d4e5");
    expect(org.policies.attachments).toEqual({
      denyLeaveOrganization: ["Security", "Infrastructure", "Workloads"],
      protectLandingZone: ["Security", "Infrastructure", "Workloads"],
      denyRootUser: ["Security", "Infrastructure", "Workloads"],
      regionAllowList: ["Workloads"],
    });
    expect(org.policies.guardrails.allowedRegions).toEqual(["eu-west-1", "us-east-1"]);
    expect(org.trustedServices.map((t) => t.principal)).toEqual([
      "access-analyzer.amazonaws.com",
      "cloudtrail.amazonaws.com",
      "config-multiaccountsetup.amazonaws.com",
      "config.amazonaws.com",
      "guardduty.amazonaws.com",
      "securityhub.amazonaws.com",
    ]);
  });

  it("rejects a sixth SCP on an OU (FullAWSAccess counts), at the OU's line", () => {
    const dir = organizationWith(
      withSettings(`    serviceControlPolicies:\n      additional:\n${additional("deny-gamelift", "Workloads", "gamelift:*")}`),
    );
    expect(problemsOf(dir)).toEqual([
      expect.stringMatching(
        /^.*shared\.yaml:\d+:\d+ organization\.awsOrganizations\.organizationalUnits\[2\]: OU Workloads would carry 6 SCPs \(FullAWSAccess, denyLeaveOrganization, protectLandingZone, denyRootUser, regionAllowList, additional\.deny-gamelift\); AWS Organizations attaches at most 5 to an OU, FullAWSAccess included\. Remove Workloads from the attach list of 1 of them/,
      ),
    ]);
    // Five with FullAWSAccess passes: the same SCP on an OU carrying three guardrails.
    const five = organizationWith(
      withSettings(`    serviceControlPolicies:\n      additional:\n${additional("deny-gamelift", "Security", "gamelift:*")}`),
    );
    expect(loadConfig(five).awsOrganizations?.policies.attachments["additional.deny-gamelift"]).toEqual(["Security"]);
  });

  it("rejects an SCP over 5,120 characters of minified JSON, at its statements", () => {
    const actions = `[${Array.from({ length: 260 }, (_, i) => `ec2:ActionNumber${String(i).padStart(3, "0")}`).join(", ")}]`;
    const dir = organizationWith(
      withSettings(`    serviceControlPolicies:\n      additional:\n${additional("deny-many", "Security", actions)}`),
    );
    expect(problemsOf(dir)).toEqual([
      expect.stringMatching(
        /shared\.yaml:\d+:\d+ organization\.awsOrganizations\.serviceControlPolicies\.additional\[0\]\.statements: the SCP acme-deny-many is 5823 characters \(minified JSON\); AWS Organizations accepts at most 5120\. Split its statements into two SCPs/,
      ),
    ]);
  });

  it("rejects an unknown OU in an attach list, a Region that is not one, and an allow-list closing the landing zone's Region", () => {
    const dir = organizationWith(
      withSettings(
        "    serviceControlPolicies:\n      allowedRegions: [eu-central-1, eu-wst-1]\n      attach:\n        denyRootUser: [Workloads, Sandbox]\n",
      ),
    );
    expect(problemsOf(dir)).toEqual([
      expect.stringMatching(
        /serviceControlPolicies\.allowedRegions: the landing zone deploys to eu-west-1, which the Region allow-list would deny\. Add eu-west-1 to allowedRegions\./,
      ),
      expect.stringMatching(/serviceControlPolicies\.allowedRegions\[1\]: "eu-wst-1" is not an AWS Region\./),
      expect.stringMatching(
        /shared\.yaml:\d+:\d+ organization\.awsOrganizations\.serviceControlPolicies\.attach\.denyRootUser\[1\]: OU Sandbox is not in organization\.awsOrganizations\.organizationalUnits\. Write one of Security, Infrastructure, Workloads, Workloads\/Prod, Workloads\/NonProd, or add it there\./,
      ),
    ]);
  });

  it("rejects tag keys that differ only in case", () => {
    const dir = organizationWith(withSettings("    tagPolicy:\n      tagKeys: [CostCenter, costcenter]\n"));
    expect(problemsOf(dir)).toEqual([
      expect.stringMatching(
        /shared\.yaml:\d+:\d+ organization\.awsOrganizations\.tagPolicy\.tagKeys\[1\]: tag key costcenter differs from CostCenter only in case/,
      ),
    ]);
  });

  it("refuses a config without organizationId, saying where to find it", () => {
    const dir = organizationWith({ "shared.yaml": replace(/ {4}organizationId: .*\n/, "") });
    expect(problemsOf(dir)).toEqual([
      expect.stringMatching(/shared\.yaml:\d+:\d+ organization\.awsOrganizations.*organizationId.*o-a1b2c3d4e5.*describe-organization/),
    ]);
  });
});
