import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { administratorAccessPolicies, type BootstrapModel, loadConfig } from "../../src/config/index.js";
import { cleanupConfigDirs, problemsOf, REFERENCE_DIR, replace, referenceWith } from "../support/config-dir.js";

afterAll(cleanupConfigDirs);

/** 1-based line of the first line of the shipped shared.yaml that starts with `prefix` (after indentation). */
const lineOf = (prefix: string): number =>
  readFileSync(`${REFERENCE_DIR}/shared.yaml`, "utf8")
    .split("\n")
    .findIndex((l) => l.trimStart().startsWith(prefix)) + 1;

describe("the bootstrap block", () => {
  it("derives the state account and the key alias to create from organization.state.kmsKeyArn", () => {
    expect(loadConfig(REFERENCE_DIR).bootstrap).toEqual({
      stackName: "bootstrap",
      adminRoleName: "OrganizationAccountAccessRole",
      backend: "local",
      stateKey: "landing-zone/bootstrap.tfstate",
      deployRolePolicies: [],
      stateAccountId: "111111111111",
      statePartition: "aws",
      stateKmsAliasName: "landing-zone-tfstate",
    });
  });

  it("names the deploy-role policies that grant AdministratorAccess, in any partition, with the config's reason", () => {
    const bootstrap = loadConfig(REFERENCE_DIR).bootstrap!;
    const policies: BootstrapModel["deployRolePolicies"] = [
      { arn: "arn:aws:iam::aws:policy/ReadOnlyAccess", reason: "reads everything" },
      { arn: "arn:aws-us-gov:iam::aws:policy/AdministratorAccess", reason: "GovCloud deploys" },
      { arn: "arn:aws:iam::aws:policy/AdministratorAccess-Amplify", reason: "not the same policy" },
    ];
    expect(administratorAccessPolicies(bootstrap)).toEqual([]);
    expect(administratorAccessPolicies({ ...bootstrap, deployRolePolicies: policies })).toEqual([policies[1]]);
  });

  it("rejects an administrator role that is also a role the bootstrap creates", () => {
    const dir = referenceWith({
      "shared.yaml": replace("adminRoleName: OrganizationAccountAccessRole", "adminRoleName: LandingZoneDeploy"),
    });
    expect(problemsOf(dir)).toEqual([
      `<dir>/shared.yaml:${lineOf("adminRoleName:")}:18 bootstrap.adminRoleName: LandingZoneDeploy is also organization.deployRoleName, a role the bootstrap creates. Name the administrator's existing role (for example OrganizationAccountAccessRole), or rename organization.deployRoleName.`,
    ]);
  });

  it("rejects a plan role named like the apply role", () => {
    const dir = referenceWith({
      "shared.yaml": replace("planRoleName: landing-zone-github-plan", "planRoleName: landing-zone-github-apply"),
    });
    expect(problemsOf(dir)).toEqual([
      `<dir>/shared.yaml:24:20 organization.github.applyRoleName: landing-zone-github-apply is also organization.github.planRoleName. Give the deploy, plan and apply roles different names: each has its own trust and rights.`,
    ]);
  });

  it("rejects a deploy role policy without a reason, and accepts none: the generated policy is the default", () => {
    const withPolicy = (reason: string) => (t: string) =>
      replace(
        "  backend: local\n",
        `  backend: local\n  deployRolePolicies:\n    - arn: arn:aws:iam::aws:policy/ReadOnlyAccess\n      reason: ${reason}\n`,
      )(t);
    const noReason = referenceWith({ "shared.yaml": withPolicy("because") });
    expect(problemsOf(noReason)).toEqual([
      `<dir>/shared.yaml:${lineOf("backend: local") + 3}:15 bootstrap.deployRolePolicies[0].reason: Write a reason of at least 10 characters: why the deploy role needs these rights (got string "because").`,
    ]);
    expect(
      loadConfig(referenceWith({ "shared.yaml": withPolicy("read-only audits from the pipeline") })).bootstrap!.deployRolePolicies,
    ).toEqual([{ arn: "arn:aws:iam::aws:policy/ReadOnlyAccess", reason: "read-only audits from the pipeline" }]);
    const empty = referenceWith({ "shared.yaml": replace("  backend: local\n", "  backend: local\n  deployRolePolicies: []\n") });
    expect(loadConfig(empty).bootstrap!.deployRolePolicies).toEqual([]);
  });

  it("rejects a deploy role name that makes a hub attachment role name longer than IAM's 64 characters", () => {
    const long = "D".repeat(54);
    const dir = referenceWith({ "shared.yaml": replace("deployRoleName: LandingZoneDeploy", `deployRoleName: ${long}`) });
    expect(problemsOf(dir)).toEqual([
      `<dir>/shared.yaml:${lineOf("deployRoleName:")}:19 organization.deployRoleName: the hub attachment role ${long}-attach-prod would have 66 characters; IAM role names have at most 64. Shorten deployRoleName to at most 52 characters.`,
    ]);
  });

  it("rejects a plan role named like an environment's hub attachment role", () => {
    const dir = referenceWith({
      "shared.yaml": replace("planRoleName: landing-zone-github-plan", "planRoleName: LandingZoneDeploy-attach-dev"),
    });
    expect(problemsOf(dir)).toEqual([
      `<dir>/shared.yaml:${lineOf("planRoleName:")}:19 organization.github.planRoleName: LandingZoneDeploy-attach-dev is also the hub attachment role of an environment (<deployRoleName>-attach-<environment>). Choose another name.`,
    ]);
  });
});
