/**
 * IAM Identity Center (docs/identity-center.md): the config's permission sets and assignments resolved in the
 * model, built by the IdentityCenter construct through addIdentityCenter in a stack of the management account
 * (the organization stack calls it; here a test stack of our own stands in for it), and the config's checks.
 */
import { App } from "cdktf";
import { afterAll, describe, expect, it } from "vitest";
import { AccountStack } from "../../src/accounts/account-stack.js";
import { addIdentityCenter } from "../../src/accounts/identity-center.js";
import { type LandingZoneModel, loadConfig } from "../../src/config/index.js";
import { IdentityCenter } from "../../src/modules/identity-center/index.js";
import { serviceOfType } from "../../src/pipeline/service-prefixes.js";
import { statefulReason } from "../../src/plan-guard/stateful.js";
import { cleanupConfigDirs, problemsOf } from "../support/config-dir.js";
import { IDENTITY_CENTER_BLOCK, identityCenterConfigDir } from "../support/identity-center.js";
import { MANAGEMENT_ACCOUNT_ID, organizationWith } from "../support/organization.js";
import { dataSources, resources, resourcesByName, type StackJson, synthJson } from "../support/synth.js";

afterAll(cleanupConfigDirs);

/**
 * The management account's stack with Identity Center added, synthesized: a plain AccountStack standing in for the
 * organization stack (a hub role name is passed because the base class asks every account but the hub for one).
 */
function managementStackJson(model: LandingZoneModel): StackJson {
  const app = new App({ outdir: "/tmp/unused", skipValidation: true });
  const org = model.awsOrganizations!;
  const stack = new AccountStack(app, model, org.management, "organization", "test-hub-role");
  addIdentityCenter(stack, model);
  return JSON.parse(JSON.stringify(stack.toTerraform())) as StackJson;
}

describe("Identity Center in the model", () => {
  const model = loadConfig(identityCenterConfigDir());
  const ic = model.awsOrganizations!.identityCenter!;

  it("keeps the permission sets with their policies, session durations and reasons", () => {
    expect(ic.permissionSets.map((p) => [p.name, p.managedPolicyArns, p.sessionDuration])).toEqual([
      ["Administrator", ["arn:aws:iam::aws:policy/AdministratorAccess"], "PT1H"],
      ["ReadOnly", ["arn:aws:iam::aws:policy/ReadOnlyAccess"], "PT8H"],
      ["NetworkAdministrator", ["arn:aws:iam::aws:policy/job-function/NetworkAdministrator"], "PT4H"],
      ["Developer", ["arn:aws:iam::aws:policy/PowerUserAccess"], "PT8H"],
    ]);
    expect(ic.permissionSets[0]!.description).toBe("Break-glass administration by the platform team, short sessions.");
  });

  it("resolves accounts: all to every landing-zone account, and named accounts to their ids", () => {
    const of = (set: string) => ic.assignments.filter((a) => a.permissionSet === set).map((a) => `${a.account}=${a.accountId}`);
    expect(of("Administrator")).toEqual([
      `management=${MANAGEMENT_ACCOUNT_ID}`,
      "log-archive=555555555555",
      "security-tooling=666666666666",
      "network-hub=111111111111",
      "dev=222222222222",
      "prod=444444444444",
      "test=333333333333",
    ]);
    expect(of("NetworkAdministrator")).toEqual(["network-hub=111111111111"]);
    expect(of("Developer")).toEqual(["dev=222222222222", "test=333333333333"]);
  });

  it("has no identityCenter without the block", () => {
    expect(loadConfig(organizationWith()).awsOrganizations!.identityCenter).toBeUndefined();
  });
});

describe("addIdentityCenter in the management account's stack", () => {
  const json = managementStackJson(loadConfig(identityCenterConfigDir()));

  it("reads the instance when the config names none", () => {
    expect(dataSources(json, "aws_ssoadmin_instances")).toHaveLength(1);
    const set = resources(json, "aws_ssoadmin_permission_set")[0]!;
    expect(set.instance_arn).toMatch(/^\$\{element\(tolist\(data\.aws_ssoadmin_instances\.identity-center_instances_\w+\.arns\), 0\)\}$/);
  });

  it("creates one permission set per entry, with its session duration and description", () => {
    const sets = resources(json, "aws_ssoadmin_permission_set").map((s) => [s.name, s.session_duration, s.description]);
    expect(sets).toEqual([
      ["Administrator", "PT1H", "Break-glass administration by the platform team, short sessions."],
      ["ReadOnly", "PT8H", "Auditors and on-call engineers read everything, change nothing."],
      ["NetworkAdministrator", "PT4H", "The network team runs the transit gateway, DX and VPN in the hub."],
      ["Developer", "PT8H", "Application teams build and debug in the non-prod accounts."],
    ]);
    expect(resources(json, "aws_ssoadmin_managed_policy_attachment").map((a) => a.managed_policy_arn)).toEqual([
      "arn:aws:iam::aws:policy/AdministratorAccess",
      "arn:aws:iam::aws:policy/ReadOnlyAccess",
      "arn:aws:iam::aws:policy/job-function/NetworkAdministrator",
      "arn:aws:iam::aws:policy/PowerUserAccess",
    ]);
  });

  it("looks each group up once by display name, and assigns it per account after its set's policies", () => {
    const groups = dataSources(json, "aws_identitystore_group").map(
      (g) => (g.alternate_identifier as { unique_attribute: { attribute_path: string; attribute_value: string } }).unique_attribute,
    );
    expect(groups).toEqual([
      { attribute_path: "DisplayName", attribute_value: "Platform Admins" },
      { attribute_path: "DisplayName", attribute_value: "Auditors" },
      { attribute_path: "DisplayName", attribute_value: "Network Team" },
      { attribute_path: "DisplayName", attribute_value: "Developers" },
    ]);
    const assignments = resourcesByName(json, "aws_ssoadmin_account_assignment");
    expect(Object.keys(assignments)).toHaveLength(7 + 7 + 1 + 2);
    const network = Object.entries(assignments).find(([name]) => name.includes("NetworkAdministrator"))!;
    expect(network[0]).toMatch(/^identity-center_assignment-NetworkAdministrator-Network-Team-111111111111_/);
    expect(network[1]).toMatchObject({ principal_type: "GROUP", target_id: "111111111111", target_type: "AWS_ACCOUNT" });
    expect(network[1].principal_id).toMatch(/^\$\{data\.aws_identitystore_group\.identity-center_group-Network-Team_\w+\.group_id\}$/);
    expect(network[1].depends_on).toEqual([
      expect.stringMatching(
        /^aws_ssoadmin_managed_policy_attachment\.identity-center_permission-set-NetworkAdministrator-job-function-NetworkAdministrator_/,
      ),
    ]);
  });

  it("uses a written instance ARN and identity store id instead of reading them", () => {
    const block = IDENTITY_CENTER_BLOCK.replace(
      "    identityCenter:\n",
      "    identityCenter:\n      instanceArn: arn:aws:sso:::instance/ssoins-1234567890abcdef\n      identityStoreId: d-1234567890\n",
    );
    const written = managementStackJson(loadConfig(identityCenterConfigDir(block)));
    expect(dataSources(written, "aws_ssoadmin_instances")).toEqual([]);
    expect(resources(written, "aws_ssoadmin_permission_set")[0]!.instance_arn).toBe("arn:aws:sso:::instance/ssoins-1234567890abcdef");
    expect(dataSources(written, "aws_identitystore_group")[0]!.identity_store_id).toBe("d-1234567890");
  });

  it("adds nothing without identityCenter, and refuses a stack outside the management account", () => {
    const model = loadConfig(organizationWith());
    const app = new App({ outdir: "/tmp/unused", skipValidation: true });
    expect(
      addIdentityCenter(new AccountStack(app, model, model.awsOrganizations!.management, "organization", "test-hub-role"), model),
    ).toBeUndefined();
    const withIc = loadConfig(identityCenterConfigDir());
    const hub = new AccountStack(
      new App({ outdir: "/tmp/unused", skipValidation: true }),
      withIc,
      withIc.networkHub,
      "network-hub",
      "test-hub-role",
    );
    expect(() => addIdentityCenter(hub, withIc)).toThrow(
      "identity center: network-hub deploys into 111111111111, not the management account 999999999999",
    );
  });

  it("has IAM services for the pipeline and guards permission sets in the plan guard", () => {
    expect(serviceOfType("aws_ssoadmin_account_assignment")).toBe("sso");
    expect(serviceOfType("aws_ssoadmin_instances")).toBe("sso");
    expect(serviceOfType("aws_identitystore_group")).toBe("identitystore");
    expect(statefulReason("aws_ssoadmin_permission_set")).toContain("new ARN");
    expect(statefulReason("aws_ssoadmin_account_assignment")).toBeUndefined();
  });
});

describe("the IdentityCenter construct", () => {
  it("throws when an assignment names a permission set it does not have", () => {
    expect(() =>
      synthJson((scope) => {
        new IdentityCenter(scope, "ic", {
          permissionSets: [
            { name: "ReadOnly", description: "d", managedPolicyArns: ["arn:aws:iam::aws:policy/ReadOnlyAccess"], sessionDuration: "PT1H" },
          ],
          assignments: [{ group: "G", permissionSet: "Admin", accountId: "111111111111" }],
        });
      }),
    ).toThrow("IdentityCenter: assignment of G names permission set Admin, which is not in permissionSets");
  });
});

describe("config checks of identityCenter", () => {
  it("rejects a session duration over 12 hours and more than 10 managed policies", () => {
    const block = IDENTITY_CENTER_BLOCK.replace("sessionDuration: PT1H", "sessionDuration: PT24H").replace(
      "managedPolicyArns: [arn:aws:iam::aws:policy/ReadOnlyAccess]",
      `managedPolicyArns: [${Array.from({ length: 11 }, (_, i) => `arn:aws:iam::aws:policy/P${i}`).join(", ")}]`,
    );
    expect(problemsOf(identityCenterConfigDir(block))).toEqual([
      '<dir>/shared.yaml:44:28 organization.awsOrganizations.identityCenter.permissionSets[0].sessionDuration: Write a session duration from PT1H to PT12H (ISO-8601 hours) (got string "PT24H").',
      "<dir>/shared.yaml:47:30 organization.awsOrganizations.identityCenter.permissionSets[1].managedPolicyArns: A permission set's role holds at most 10 managed policies (the IAM default quota). Keep 10 or fewer (got a list). Expected (AWS managed policies of the set (at most 10), for example arn:aws:iam::aws:policy/job-function/NetworkAdministrator).",
    ]);
  });

  it("rejects duplicate set names, unknown sets and accounts, and an instance ARN without its identity store", () => {
    const block = IDENTITY_CENTER_BLOCK.replace(
      "    identityCenter:\n",
      "    identityCenter:\n      instanceArn: arn:aws:sso:::instance/ssoins-1234567890abcdef\n",
    )
      .replace("- name: Developer", "- name: ReadOnly")
      .replace("permissionSet: NetworkAdministrator", "permissionSet: NetworkAdmin")
      .replace("accounts: [dev, test]", "accounts: [dev, tset]");
    expect(problemsOf(identityCenterConfigDir(block))).toEqual([
      "<dir>/shared.yaml:41:20 organization.awsOrganizations.identityCenter.instanceArn: instanceArn and identityStoreId name one instance together. Write identityStoreId too (the IAM Identity Center console's Settings page shows both), or remove both to have the organization stack read them.",
      "<dir>/shared.yaml:55:17 organization.awsOrganizations.identityCenter.permissionSets[3].name: permission set ReadOnly is already declared in permissionSets[1]. Give each permission set its own name.",
      '<dir>/shared.yaml:67:26 organization.awsOrganizations.identityCenter.assignments[2].permissionSet: no permission set "NetworkAdmin". Write one of: Administrator, ReadOnly, NetworkAdministrator.',
      // the set renamed to a duplicate leaves Developer undeclared
      '<dir>/shared.yaml:70:26 organization.awsOrganizations.identityCenter.assignments[3].permissionSet: no permission set "Developer". Write one of: Administrator, ReadOnly, NetworkAdministrator.',
      '<dir>/shared.yaml:71:27 organization.awsOrganizations.identityCenter.assignments[3].accounts[1]: no account "tset". Write one of: management, log-archive, security-tooling, network-hub, dev, prod, test, or accounts: all.',
    ]);
  });
});
