import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/index.js";
import { cleanupConfigDirs, problemsOf, REFERENCE_DIR, replace, referenceWith, structuredProblemsOf } from "../support/config-dir.js";

/** Number of lines of a shipped config file (a trailing newline ends the last line). */
const shippedLineCount = (file: string): number => readFileSync(`${REFERENCE_DIR}/${file}`, "utf8").replace(/\n$/, "").split("\n").length;

afterAll(cleanupConfigDirs);

describe("loading the shipped config", () => {
  const model = loadConfig(REFERENCE_DIR);

  it("describes a network hub plus dev, test and prod", () => {
    expect(model.networkHub.stackName).toBe("network-hub");
    expect(model.environments.map((e) => e.stackName)).toEqual(["workload-dev", "workload-prod", "workload-test"]);
  });

  it("gives prod three AZs and no NAT gateway (central inspection carries its egress), and dev a single NAT gateway", () => {
    const prod = model.environments.find((e) => e.name === "prod")!;
    const dev = model.environments.find((e) => e.name === "dev")!;
    expect(prod.vpc.azCount).toBe(3);
    expect(prod.inspection).toBe("central");
    expect(prod.vpc.natGateways).toBe("none");
    expect(dev.vpc.natGateways).toBe("single");
  });

  it("builds the assume-role ARN from the account id and the configured role name", () => {
    expect(model.environments.find((e) => e.name === "prod")!.deployRoleArn).toBe("arn:aws:iam::444444444444:role/LandingZoneDeploy");
    expect(model.networkHub.deployRoleArn).toBe("arn:aws:iam::111111111111:role/LandingZoneDeploy");
  });

  it("gives every stack its own state key under the prefix and account", () => {
    const keys = [model.networkHub, ...model.environments].map((t) => t.stateKey);
    expect(new Set(keys).size).toBe(keys.length);
    expect(model.networkHub.stateKey).toBe("landing-zone/111111111111/network-hub.tfstate");
  });
});

describe("defaults", () => {
  it("applies prod-safe defaults where the file is silent", () => {
    const model = loadConfig("test/fixtures/minimal");
    const app = model.environments[0]!;
    expect(app.vpc).toMatchObject({ azCount: 3, natGateways: "one-per-az", flowLogRetentionDays: 365 });
    expect(model.networkHub.transitGateway.amazonSideAsn).toBe(64512);
    expect(model.organization.github.planRoleName).toBe("landing-zone-github-plan");
    expect(model.organization.ramSharingWithAwsOrganization).toBe(false);
    expect(app.vpc.subnets.privateApp).toEqual(["10.0.0.0/20", "10.0.16.0/20", "10.0.32.0/20"]);
  });
});

describe("reporting", () => {
  it("reports every problem across all files in one run, as file:line:col path: message", () => {
    expect(problemsOf("test/fixtures/many-mistakes")).toEqual([
      "<dir>/dev.yaml:6:9 vpc.cidr: 10.10.0.1/16 has host bits set. Write the network address 10.10.0.0/16, or a different prefix length.",
      "<dir>/prod.yaml:2:12 accountId: account 222222222222 is already used by environment dev (<dir>/dev.yaml). Each environment needs its own AWS account; write that account's id.",
      "<dir>/prod.yaml:6:9 vpc.cidr: 172.16.0.0/20 overlaps on-prem range 172.16.0.0/16. Choose a block that overlaps no other VPC or on-prem range, for example 172.17.0.0/20.",
      "<dir>/shared.yaml:9:16 organization.state.kmsKeyArn: the KMS key is in eu-west-2 but the state bucket is in eu-west-1; S3 encrypts only with a key in the bucket's Region. Use a key ARN in eu-west-1.",
      "<dir>/shared.yaml:18:28 networkHub.onPremises.cidrs[1]: 172.16.8.0/24 overlaps on-prem range 172.16.0.0/16. List each on-prem range once; remove the narrower block.",
      "<dir>/shared.yaml:19:13 networkHub.onPremises.bgpAsn: ASN 65010 of the on-premises router is also the ASN of the transit gateway; BGP peers need different ASNs. Choose another private ASN.",
      '<dir>/test.yaml:3:9 region: "eu-wset-1" is not an AWS Region. Did you mean eu-west-1?',
      "<dir>/test.yaml:6:9 vpc.cidr: the subnet plan (3 AZ slots of public /24, privateApp /20, privateData /23, transit /28) needs 14640 addresses but 10.20.0.0/22 has 1024. Use a /18 or larger VPC, or larger prefix lengths in vpc.subnetPrefixLengths.",
    ]);
  });

  it("keeps reporting semantic problems of valid files when another file fails its shape check", () => {
    const dir = referenceWith({
      "dev.yaml": replace("natGateways: single", "natGateway: single"),
      "test.yaml": replace("10.20.0.0/16", "10.30.0.0/16"),
    });
    expect(problemsOf(dir)).toEqual([
      '<dir>/dev.yaml:11:3 vpc.natGateway: unknown key "natGateway". Did you mean natGateways?',
      expect.stringMatching(/^<dir>\/test\.yaml:9:9 vpc\.cidr: 10\.30\.0\.0\/16 overlaps the prod VPC/),
    ]);
  });
});

describe("shape errors", () => {
  it("rejects an unknown key and suggests the closest valid one", () => {
    const dir = referenceWith({ "prod.yaml": replace("azCount: 3", "azCuont: 3") });
    expect(problemsOf(dir)).toEqual(['<dir>/prod.yaml:10:3 vpc.azCuont: unknown key "azCuont". Did you mean azCount?']);
  });

  it("rejects an unknown key without a close match by listing the valid keys", () => {
    const dir = referenceWith({ "dev.yaml": (t) => `${t}owner: team-a\n` });
    expect(problemsOf(dir)).toEqual([
      `<dir>/dev.yaml:${shippedLineCount("dev.yaml") + 1}:1 owner: unknown key "owner". Valid keys here: name, accountId, account, region, segment, vpc, alerts, app, inspection, onPremisesAccess, alarms, policy, costAssumptions, adopt.`,
    ]);
  });

  it("rejects an unquoted account id and says to quote it", () => {
    const dir = referenceWith({ "dev.yaml": replace('accountId: "222222222222"', "accountId: 222222222222") });
    expect(problemsOf(dir)).toEqual([
      '<dir>/dev.yaml:5:12 accountId: Write the 12-digit AWS account id in quotes, for example accountId: "123456789012" (unquoted, YAML reads a number and drops leading zeros) (got number 222222222222).',
    ]);
  });

  it("rejects a missing required key and names it", () => {
    const dir = referenceWith({ "test.yaml": replace("segment: nonprod\n", "") });
    expect(problemsOf(dir)).toEqual([
      '<dir>/test.yaml:4:1 segment: required key "segment" is missing (Routing segment. prod and nonprod never reach each other through the transit gateway; shared (common services) is reached by both and bridges neither). Add segment: under this mapping.',
    ]);
  });

  it("rejects a value outside an enum and suggests the closest allowed value", () => {
    const dir = referenceWith({ "dev.yaml": replace("natGateways: single", "natGateways: one-per-zone") });
    expect(problemsOf(dir)).toEqual([
      '<dir>/dev.yaml:11:16 vpc.natGateways: "one-per-zone" is not allowed. Did you mean one-per-az? Write one of: one-per-az, single, none.',
    ]);
  });

  it("rejects an AZ count other than 2 or 3", () => {
    const dir = referenceWith({ "prod.yaml": replace("azCount: 3", "azCount: 4") });
    expect(problemsOf(dir)).toEqual(["<dir>/prod.yaml:10:12 vpc.azCount: Write azCount: 2 or azCount: 3 (got number 4)."]);
  });

  it("rejects a flow-log retention that CloudWatch Logs does not offer", () => {
    const dir = referenceWith({ "dev.yaml": replace("retentionDays: 30", "retentionDays: 31") });
    const [line] = problemsOf(dir);
    expect(line).toMatch(
      /^<dir>\/dev\.yaml:13:20 vpc\.flowLogs\.retentionDays: CloudWatch Logs accepts only these retention periods \(days\): 1, 3, 5, 7, 14, 30,/,
    );
  });

  it("rejects a value of the wrong type with the field's help and default", () => {
    const dir = referenceWith({ "shared.yaml": replace("ramSharingWithAwsOrganization: false", "ramSharingWithAwsOrganization: nope") });
    expect(problemsOf(dir)).toEqual([
      '<dir>/shared.yaml:15:34 organization.ramSharingWithAwsOrganization: expected boolean, got string "nope". Write true or false (true when RAM sharing with AWS Organizations is enabled, so shares are accepted automatically. false: each workload stack accepts the transit gateway share; default false).',
    ]);
  });

  it("rejects a malformed CIDR", () => {
    const dir = referenceWith({ "dev.yaml": replace("10.10.0.0/16", "10.10.0.0/33") });
    expect(problemsOf(dir)).toEqual([
      '<dir>/dev.yaml:9:9 vpc.cidr: Write an IPv4 CIDR block such as 10.20.0.0/16 (got string "10.10.0.0/33").',
    ]);
  });
});

describe("semantic errors", () => {
  it("rejects a VPC that overlaps another VPC and proposes a free block", () => {
    const dir = referenceWith({ "test.yaml": replace("10.20.0.0/16", "10.10.128.0/17") });
    expect(problemsOf(dir)).toEqual([
      "<dir>/test.yaml:9:9 vpc.cidr: 10.10.128.0/17 overlaps the dev VPC (10.10.0.0/16, <dir>/dev.yaml). Choose a block that overlaps no other VPC or on-prem range, for example 10.0.0.0/17.",
    ]);
  });

  it("rejects a VPC outside RFC 1918", () => {
    const dir = referenceWith({ "dev.yaml": replace("10.10.0.0/16", "100.64.0.0/16") });
    expect(problemsOf(dir)).toEqual([
      "<dir>/dev.yaml:9:9 vpc.cidr: 100.64.0.0/16 is not an RFC 1918 private block. Choose a block inside 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16.",
    ]);
  });

  it("rejects a VPC larger than /16", () => {
    const dir = referenceWith({ "dev.yaml": replace("10.10.0.0/16", "10.8.0.0/14") });
    expect(problemsOf(dir)).toEqual([
      "<dir>/dev.yaml:9:9 vpc.cidr: a VPC CIDR must be between /16 and /28, got /14. Write a /16 to /28 block.",
    ]);
  });

  it("rejects an AZ count the Region cannot provide", () => {
    const dir = referenceWith({
      "shared.yaml": (t) => t.replaceAll("eu-west-1", "us-west-1"),
      "prod.yaml": replace("region: eu-west-1", "region: us-west-1"),
      "dev.yaml": replace("region: eu-west-1", "region: us-west-1"),
      "test.yaml": replace("region: eu-west-1", "region: us-west-1"),
    });
    expect(problemsOf(dir)).toEqual([
      "<dir>/prod.yaml:10:12 vpc.azCount: us-west-1 has only 2 Availability Zones. Write azCount: 2 or choose another Region.",
    ]);
  });

  it("rejects a workload Region that differs from the transit gateway's", () => {
    const dir = referenceWith({ "test.yaml": replace("region: eu-west-1", "region: eu-central-1") });
    expect(problemsOf(dir)).toEqual([
      "<dir>/test.yaml:6:9 region: eu-central-1 differs from the network hub's Region eu-west-1; a transit gateway attaches only VPCs in its own Region. Write region: eu-west-1.",
    ]);
  });

  it("rejects a public ASN", () => {
    const dir = referenceWith({ "shared.yaml": replace("amazonSideAsn: 64512", "amazonSideAsn: 16509") });
    expect(problemsOf(dir)).toEqual([
      "<dir>/shared.yaml:30:20 networkHub.transitGateway.amazonSideAsn: ASN 16509 is not private. Write an ASN in 64512-65534 or 4200000000-4294967294.",
    ]);
  });

  it("accepts 32-bit private ASNs", () => {
    const dir = referenceWith({ "shared.yaml": replace("amazonSideAsn: 64512", "amazonSideAsn: 4200000000") });
    expect(loadConfig(dir).networkHub.transitGateway.amazonSideAsn).toBe(4200000000);
  });

  it("rejects an environment file whose name differs from the environment it declares", () => {
    const dir = referenceWith({ "test.yaml": replace("name: test", "name: staging") });
    expect(problemsOf(dir)).toEqual([
      '<dir>/test.yaml:4:7 name: file test.yaml declares environment "staging". Write name: test, or rename the file to staging.yaml.',
    ]);
  });

  it("rejects two files declaring the same environment", () => {
    const dev = readFileSync(`${REFERENCE_DIR}/dev.yaml`, "utf8");
    const dir = referenceWith({ "dev.yml": replace('"222222222222"', '"999999999999"')(dev) });
    expect(problemsOf(dir)).toContain(
      '<dir>/dev.yml:4:7 name: environment name "dev" is already declared in <dir>/dev.yaml. Choose a unique name.',
    );
  });

  it("rejects a workload account that is the hub account", () => {
    const dir = referenceWith({ "dev.yaml": replace('"222222222222"', '"111111111111"') });
    expect(problemsOf(dir)).toEqual([
      "<dir>/dev.yaml:5:12 accountId: account 111111111111 is already used by the network hub (<dir>/shared.yaml). Each environment needs its own AWS account; write that account's id.",
    ]);
  });
});

describe("plan-guard exceptions", () => {
  // Right after the networkHub block, so blocks appended to shared.yaml later do not move the reported lines.
  const withAllow = (entries: string) =>
    referenceWith({ "shared.yaml": replace("\norganization:\n", `\nplanGuard:\n  allow:\n${entries}\norganization:\n`) });

  it("accepts an exception with a reason, defaulting to both delete and replace", () => {
    const model = loadConfig(
      withAllow(
        '    - stack: workload-dev\n      address: aws_db_instance.primary\n      reason: "dev database is rebuilt nightly from fixtures"\n',
      ),
    );
    expect(model.planGuard.allow).toEqual([
      {
        stack: "workload-dev",
        address: "aws_db_instance.primary",
        actions: ["delete", "replace"],
        reason: "dev database is rebuilt nightly from fixtures",
      },
    ]);
  });

  it("rejects an exception without a real reason", () => {
    expect(problemsOf(withAllow("    - stack: workload-dev\n      address: aws_db_instance.primary\n      reason: ok\n"))).toEqual([
      '<dir>/shared.yaml:10:15 planGuard.allow[0].reason: Write a reason of at least 10 characters: why losing this resource\'s data is acceptable (got string "ok").',
    ]);
  });

  it("rejects an exception for a stack that does not exist", () => {
    expect(
      problemsOf(
        withAllow("    - stack: workload-prd\n      address: aws_db_instance.primary\n      reason: replacing the engine on purpose\n"),
      ),
    ).toEqual([
      '<dir>/shared.yaml:8:14 planGuard.allow[0].stack: no stack named "workload-prd". Did you mean workload-prod? Write one of: network-hub, workload-dev, workload-prod, workload-test.',
    ]);
  });
});

describe("files that are not valid YAML config", () => {
  it("rejects malformed YAML at its position", () => {
    const dir = referenceWith({ "dev.yaml": replace("vpc:\n", "vpc: [\n") });
    const [first] = problemsOf(dir);
    expect(first).toMatch(/^<dir>\/dev\.yaml:\d+:\d+ \(file\): invalid YAML: .+ Fix the syntax at this position\.$/);
  });

  it("rejects an empty file", () => {
    const dir = referenceWith({ "test.yaml": "# nothing yet\n" });
    expect(problemsOf(dir)).toEqual([
      "<dir>/test.yaml:1:1 (file): file is empty. Write a YAML mapping; see the shipped environments/ for an example, or remove the file.",
    ]);
  });

  it("rejects a duplicate key", () => {
    const dir = referenceWith({ "prod.yaml": replace("segment: prod\n", "segment: prod\nsegment: nonprod\n") });
    expect(problemsOf(dir)).toEqual([
      "<dir>/prod.yaml:8:1 (file): key appears twice in this mapping. Keep one of them; YAML keys must be unique.",
    ]);
  });

  it("rejects an alias bomb", () => {
    const levels = ["a: &a [x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 9; i++)
      levels.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9)
          .fill(`*${String.fromCharCode(96 + i)}`)
          .join(", ")}]`,
      );
    const dir = referenceWith({ "dev.yaml": `${levels.join("\n")}\n` });
    expect(problemsOf(dir)).toEqual([
      "<dir>/dev.yaml:1:1 (file): file expands YAML aliases more than 100 times (an alias bomb). Write the values out instead of nesting aliases.",
    ]);
  });

  it("rejects binary garbage", () => {
    const dir = referenceWith({ "prod.yaml": "\u0000\u00ff\u0001garbage" });
    expect(problemsOf(dir)).toEqual([
      "<dir>/prod.yaml:1:1 (file): file is not UTF-8 text (it looks binary). Config files must be UTF-8 YAML; remove the file or restore its text.",
    ]);
  });

  it("rejects a document that is a list instead of a mapping", () => {
    const dir = referenceWith({ "test.yaml": "- name: test\n" });
    expect(problemsOf(dir)).toEqual([
      "<dir>/test.yaml:1:1 (file): expected a mapping of keys, got a list. Write it as key: value lines indented under this key.",
    ]);
  });

  it("rejects a folder without shared.yaml", () => {
    const dir = referenceWith({ "shared.yaml": null });
    expect(problemsOf(dir)).toEqual([
      expect.stringMatching(/:1:1 \(folder\): shared\.yaml is missing\. Add it with the organization: and networkHub: sections/),
    ]);
  });

  it("rejects a folder that does not exist", () => {
    const problems = structuredProblemsOf("no/such/folder");
    expect(problems.map((p) => p.message)).toEqual([
      "config folder not found. Pass --config DIR or set LZ_CONFIG_DIR to a folder holding shared.yaml and one YAML file per environment.",
    ]);
  });
});

describe("checks across files for a file that failed its shape check", () => {
  it("reports test.yaml's shape error and its VPC overlapping dev's in one run", () => {
    const dir = referenceWith({
      "test.yaml": (old) => replace("azCount: 2", "azCuont: 2")(replace("10.20.0.0/16", "10.10.128.0/17")(old)),
    });
    expect(problemsOf(dir)).toEqual([
      "<dir>/test.yaml:9:9 vpc.cidr: 10.10.128.0/17 overlaps the dev VPC (10.10.0.0/16, <dir>/dev.yaml). Choose a block that overlaps no other VPC or on-prem range, for example 10.0.0.0/17.",
      '<dir>/test.yaml:10:3 vpc.azCuont: unknown key "azCuont". Did you mean azCount?',
    ]);
  });

  it("reports a well-formed file's VPC overlapping the VPC of a file with a shape error", () => {
    const dir = referenceWith({
      "dev.yaml": replace("azCount: 2", "azCuont: 2"),
      "test.yaml": replace("10.20.0.0/16", "10.10.128.0/17"),
    });
    expect(problemsOf(dir)).toEqual([
      '<dir>/dev.yaml:10:3 vpc.azCuont: unknown key "azCuont". Did you mean azCount?',
      "<dir>/test.yaml:9:9 vpc.cidr: 10.10.128.0/17 overlaps the dev VPC (10.10.0.0/16, <dir>/dev.yaml). Choose a block that overlaps no other VPC or on-prem range, for example 10.0.0.0/17.",
    ]);
  });

  it("reports a duplicate account id and name in a file with a shape error, and skips fields that did not parse", () => {
    const dir = referenceWith({
      "test.yaml": (old) =>
        replace("segment: nonprod", "segment: staging")(replace('accountId: "333333333333"', 'accountId: "444444444444"')(old)),
    });
    const problems = problemsOf(dir);
    expect(problems).toContain(
      "<dir>/test.yaml:5:12 accountId: account 444444444444 is already used by environment prod (<dir>/prod.yaml). Each environment needs its own AWS account; write that account's id.",
    );
    expect(problems.some((p) => p.startsWith("<dir>/test.yaml:7:10 segment:"))).toBe(true);
    expect(problems).toHaveLength(2);
  });
});
