import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/index.js";
import { cleanupConfigDirs, problemsOf, referenceWith, replace } from "../support/config-dir.js";
import { LOG_ARCHIVE_ACCOUNT_ID, MANAGEMENT_ACCOUNT_ID, organizationWith } from "../support/organization.js";

afterAll(cleanupConfigDirs);

describe("organization.awsOrganizations", () => {
  it("builds the organization model: OUs parents first, the core accounts with targets, every member placed", () => {
    const model = loadConfig(organizationWith());
    const org = model.awsOrganizations;
    expect(org).toBeDefined();
    expect(org?.management.accountId).toBe(MANAGEMENT_ACCOUNT_ID);
    expect(org?.management.stackName).toBe("organization");
    expect(org?.organizationalUnits).toEqual(["Infrastructure", "Security", "Workloads", "Workloads/NonProd", "Workloads/Prod"]);
    expect(org?.logArchive.target?.accountId).toBe(LOG_ARCHIVE_ACCOUNT_ID);
    expect(org?.logArchive.target?.stackName).toBe("log-archive");
    expect(org?.vending).toBe(false);
    expect(org?.memberAccounts.map((a) => `${a.role}:${a.stackName}:${a.organizationalUnit}`)).toEqual([
      "log-archive:log-archive:Security",
      "security-tooling:security-tooling:Security",
      "network-hub:network-hub:Infrastructure",
      "workload:workload-dev:Workloads/NonProd",
      "workload:workload-prod:Workloads/Prod",
      "workload:workload-test:Workloads/NonProd",
    ]);
  });

  it("is absent without the block, and then an account: block is refused", () => {
    expect(loadConfig(referenceWith()).awsOrganizations).toBeUndefined();
    const problems = problemsOf(
      referenceWith({
        "dev.yaml": replace(/^region: /m, "account:\n  name: acme-dev\n  email: a@acme.example\n  organizationalUnit: X\nregion: "),
      }),
    );
    expect(problems).toEqual([
      expect.stringMatching(/dev\.yaml:\d+:\d+ account: .*Add organization\.awsOrganizations to shared\.yaml, or remove this block/),
    ]);
  });

  it("marks a core account without accountId as still to be created (vending)", () => {
    const dir = organizationWith({ "shared.yaml": replace(`      accountId: "${LOG_ARCHIVE_ACCOUNT_ID}"\n`, "") });
    const org = loadConfig(dir).awsOrganizations;
    expect(org?.vending).toBe(true);
    expect(org?.logArchive.target).toBeUndefined();
    expect(org?.logArchive.accountId).toBeUndefined();
  });

  it("refuses an unknown OU, a missing parent, a reused email or id, and an unplaced environment, each at its line", () => {
    const problems = problemsOf(
      organizationWith({
        "shared.yaml": (t) =>
          t
            .replace("Workloads/NonProd]", "Workloads/NonProd, Sandbox/Team]")
            .replace("email: aws-security@acme.example", "email: aws-log-archive@acme.example")
            .replace('accountId: "666666666666"', `accountId: "${MANAGEMENT_ACCOUNT_ID}"`),
        "dev.yaml": replace("organizationalUnit: Workloads/NonProd", "organizationalUnit: Workloads/Dev"),
        "test.yaml": (t) => t.replace(/^account:\n( {2}.*\n)+/m, ""),
      }),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/shared\.yaml:\d+:\d+ .*OU Sandbox\/Team has no parent Sandbox in the list\. Add - Sandbox before it\./),
        expect.stringMatching(/shared\.yaml:\d+:\d+ .*aws-log-archive@acme\.example is already the root email of the log archive account/),
        expect.stringMatching(/shared\.yaml:\d+:\d+ .*account 999999999999 is already the management account/),
        expect.stringMatching(
          /dev\.yaml:\d+:\d+ .*OU Workloads\/Dev is not in organization\.awsOrganizations\.organizationalUnits\. Write one of/,
        ),
        expect.stringMatching(/test\.yaml:\d+:\d+ .*environment test has no account block.*Write account: \{ name: acme-test/),
      ]),
    );
    expect(problems).toHaveLength(5);
  });
});
