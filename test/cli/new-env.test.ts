import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/index.js";
import { accountFor, freeVpcCidrs, hostedZoneFor, newEnvironmentText, PLACEHOLDER_ACCOUNT_ID } from "../../src/config/new-environment.js";
import { nextFreeBlock, parseCidr } from "../../src/net/cidr.js";
import { cleanupConfigDirs, REFERENCE_DIR, referenceWith } from "../support/config-dir.js";
import { organizationWith } from "../support/organization.js";
import { lz, STACK_FRAME, type Run } from "./lz.js";

afterAll(cleanupConfigDirs);

const reference = loadConfig(REFERENCE_DIR);
const testYaml = readFileSync(join(REFERENCE_DIR, "test.yaml"), "utf8");

describe("lz new-env staging --from test on a copy of the reference config", () => {
  const dir = referenceWith();
  let r: Run;
  let written = "";
  beforeAll(() => {
    r = lz(["new-env", "staging", "--from", "test", "--config", dir]);
    written = existsSync(join(dir, "staging.yaml")) ? readFileSync(join(dir, "staging.yaml"), "utf8") : "";
  });

  it("exits 0 and writes staging.yaml", () => {
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(written).not.toBe("");
  });

  it("changes only name, accountId, vpc.cidr and the hosted zone, keeping every other line and comment of test.yaml", () => {
    const expected = testYaml
      .replace("name: test\n", "# staging: made by `lz new-env staging --from test`; the comments come from test.yaml.\nname: staging\n")
      .replace(
        'accountId: "333333333333"',
        `accountId: "${PLACEHOLDER_ACCOUNT_ID}" # TODO: the new AWS account's 12-digit id; lz validate refuses this placeholder`,
      )
      .replace("cidr: 10.20.0.0/16", "cidr: 10.31.0.0/16")
      .replace("hostedZoneName: test.acme.example", "hostedZoneName: staging.acme.example");
    expect(written).toBe(expected);
  });

  it("takes the first free /16, 10.31.0.0/16, next to prod's 10.30.0.0/16: the default allowed prefixes list it as it is", () => {
    expect(freeVpcCidrs(reference, "10.20.0.0/16", 2)).toEqual(["10.31.0.0/16", "10.32.0.0/16"]);
    expect(r.stdout).toContain("vpc.cidr 10.31.0.0/16");
  });

  it("prints the checklist: account id, GitHub environment, bootstrap re-apply, what the first pull request shows", () => {
    expect(r.stdout).toContain(`Wrote ${dir}/staging.yaml (copied from test)`);
    expect(r.stdout).toContain("Write the new account's id");
    expect(r.stdout).toContain('GitHub: create the environment "staging"');
    expect(r.stdout).toContain("Re-apply the bootstrap stack by hand");
    expect(r.stdout).toContain("workload-staging: every resource created, nothing changed or destroyed.");
    expect(r.stdout).toContain("Create the public hosted zone staging.acme.example");
  });

  it("leaves a config that lz validate refuses only for the placeholder account id, at its line", () => {
    const v = lz(["validate", "--config", dir, "--no-policy-pack"]);
    expect(v.status).toBe(1);
    expect(v.stderr).toBe(
      `config has 1 problem:\n${dir}/staging.yaml:6:12 accountId: ${PLACEHOLDER_ACCOUNT_ID} is the placeholder lz new-env writes, not an account. Write the 12-digit id of the AWS account this environment deploys to, in quotes.\n`,
    );
  });

  it("passes lz validate, policy pack included, once the account id is written", () => {
    writeFileSync(join(dir, "staging.yaml"), written.replace(/"000000000000" # TODO.*$/m, '"555555555555"'));
    const v = lz(["validate", "--config", dir]);
    expect(v.stderr).toBe("");
    expect(v.status).toBe(0);
    expect(v.stdout).toBe(`OK ${dir}: 6 stacks (bootstrap, network-hub, workload-dev, workload-staging, workload-test, workload-prod)\n`);
  });
});

describe("lz new-env refuses", () => {
  const dir = referenceWith();

  it("rejects an existing environment's name with exit 1 and writes nothing", () => {
    const before = readFileSync(join(dir, "test.yaml"), "utf8");
    const r = lz(["new-env", "test", "--from", "dev", "--config", dir]);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`error: ${dir}/test.yaml exists already. Choose another name, or edit that file.\n`);
    expect(readFileSync(join(dir, "test.yaml"), "utf8")).toBe(before);
  });

  it("rejects an invalid name with exit 2 and the rule for names", () => {
    const r = lz(["new-env", "Staging_1", "--from", "test", "--config", dir]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("error: invalid environment name 'Staging_1': Write a short lowercase environment name");
    expect(existsSync(join(dir, "Staging_1.yaml"))).toBe(false);
    expect(r.stderr).not.toMatch(STACK_FRAME);
  });

  it("rejects an unknown --from with exit 2, naming the environments", () => {
    const r = lz(["new-env", "staging", "--from", "qa", "--config", dir]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("argument 'qa' is not an environment of");
    expect(r.stderr).toContain("Available: dev, prod, test.");
    expect(existsSync(join(dir, "staging.yaml"))).toBe(false);
  });

  it("rejects a missing --from with exit 2", () => {
    const r = lz(["new-env", "staging", "--config", dir]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("required option '--from <env>' not specified");
  });
});

describe("lz new-env in the AWS Organizations layout", () => {
  it("gives the copy its own account name and root email, so the copy validates once its id is written", async () => {
    const dir = organizationWith();
    const r = await lz(["new-env", "staging", "--from", "test", "--config", dir]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toBe("");
    const text = readFileSync(join(dir, "staging.yaml"), "utf8");
    expect(text).toContain("  name: acme-staging\n  email: aws-staging@acme.example\n  organizationalUnit: Workloads/NonProd\n");
    expect(r.stdout).toContain("organization: the account imported into its OU");
    writeFileSync(join(dir, "staging.yaml"), text.replace(/accountId: "000000000000".*/, 'accountId: "888888888888"'));
    expect(loadConfig(dir).awsOrganizations?.memberAccounts.map((a) => a.name)).toContain("acme-staging");
  });
});

describe("the new environment's values", () => {
  it("renames the account where the source's name stands as a word, else suffixes it and sub-addresses the email", () => {
    expect(accountFor("staging", "test", { name: "acme-test", email: "aws-test@acme.example" })).toEqual({
      name: "acme-staging",
      email: "aws-staging@acme.example",
    });
    expect(accountFor("perf", "prod", { name: "acme-production", email: "aws@acme.example" })).toEqual({
      name: "acme-production-perf",
      email: "aws+perf@acme.example",
    });
  });

  it("puts the zone under the parent zone: the source's zone without its own name, or the source's zone itself", () => {
    expect(hostedZoneFor("staging", "dev", "dev.acme.example")).toBe("staging.acme.example");
    expect(hostedZoneFor("perf", "prod", "acme.example")).toBe("perf.acme.example");
  });

  it("finds the next free aligned block after a given one, skipping taken ones and wrapping to the start", () => {
    const space = parseCidr("10.0.0.0/14");
    const taken = ["10.1.0.0/16", "10.3.0.0/16", "10.0.0.0/24"].map(parseCidr);
    expect(nextFreeBlock(space, 16, taken, parseCidr("10.1.0.0/16"))).toBe("10.2.0.0/16");
    expect(nextFreeBlock(space, 16, [...taken, parseCidr("10.2.0.0/16")], parseCidr("10.1.0.0/16"))).toBeUndefined();
    expect(nextFreeBlock(space, 16, [parseCidr("10.3.0.0/16")], parseCidr("10.3.0.0/16"))).toBe("10.0.0.0/16");
  });

  it("never proposes a block overlapping an on-prem range or the inspection VPC", () => {
    const candidates = freeVpcCidrs(reference, "10.20.0.0/16", 300).map(parseCidr);
    const taken = ["172.16.0.0/16", "192.168.100.0/22", "10.255.0.0/24", "10.10.0.0/16", "10.20.0.0/16", "10.30.0.0/16"].map(parseCidr);
    expect(candidates.length).toBe(256 - 4);
    for (const c of candidates) for (const t of taken) expect(c.first > t.last || c.last < t.first).toBe(true);
  });

  it("keeps a trailing comment and the alignment of the lines it does not change", () => {
    const text = newEnvironmentText('name: a\naccountId: "123456789012"\nvpc:\n  cidr: 10.1.0.0/16        # keep me\n', {
      name: "b",
      from: "a",
      vpcCidr: "10.2.0.0/16",
    });
    expect(text).toBe(
      '# b: made by `lz new-env b --from a`; the comments come from a.yaml.\nname: b\naccountId: "000000000000" # TODO: the new AWS account\'s 12-digit id; lz validate refuses this placeholder\nvpc:\n  cidr: 10.2.0.0/16        # keep me\n',
    );
  });
});

describe("lz new-env --help", () => {
  it("shows the usage, what changes, the exit statuses and examples, with exit 0; lz --help lists it", () => {
    const r = lz(["new-env", "--help"]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(/^Usage: lz new-env \[options\] <name>\n/);
    expect(r.stdout).toContain("Exit status: 0 written, 1 invalid config, existing file or no free CIDR, 2 bad command line");
    expect(r.stdout).toContain("\nExamples:\n  $ lz new-env staging --from test\n");
    expect(lz(["--help"]).stdout).toMatch(/^ {2}new-env \[options\] <name> /m);
  });
});
