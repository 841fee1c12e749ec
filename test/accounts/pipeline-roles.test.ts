/**
 * The pipeline's roles as the bootstrap builds them from what the account stacks contain, on a fixture with
 * Direct Connect and VPN keys in Secrets Manager (test/fixtures/pipeline): who may assume each role, what it may
 * do, the permissions boundary, and that no workload pipeline can reach a hub role broader than its attachment.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { synthesize } from "../../src/app.js";
import { loadConfig } from "../../src/config/index.js";
import { HUB_ATTACHMENT_TYPES } from "../../src/pipeline/hub-attachment.js";
import { resources, type StackJson } from "../support/synth.js";

const DIR = "test/fixtures/pipeline";
const HUB = "000000000001";
const DEV = "000000000002";
const PROD = "000000000003";
const out = mkdtempSync(join(tmpdir(), "lz-pipeline-roles-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));
const model = loadConfig(DIR);
synthesize(model, out);
const stack = (name: string) => JSON.parse(readFileSync(join(out, "stacks", name, "cdk.tf.json"), "utf8")) as StackJson;
const bootstrap = stack("bootstrap");

type Statement = {
  Sid: string;
  Effect: "Allow" | "Deny";
  Principal?: { AWS?: string | string[] };
  Action: string | string[];
  Resource?: string | string[];
  Condition?: Record<string, Record<string, string | string[]>>;
};
const statements = (policy: unknown): Statement[] => (JSON.parse(String(policy)) as { Statement: Statement[] }).Statement;
const list = (v: string | string[] | undefined) => (v === undefined ? [] : [v].flat());
const byAddress = (type: string, prefix: string) => {
  const hit = Object.entries(bootstrap.resource?.[type] ?? {}).find(([address]) => address.startsWith(prefix));
  if (!hit) throw new Error(`no ${type} ${prefix}*`);
  return hit[1];
};
const role = (stackName: string, kind: string) => byAddress("aws_iam_role", `${stackName}-roles_${kind}_`);
const inline = (stackName: string, kind: string) => statements(byAddress("aws_iam_role_policy", `${stackName}-roles_${kind}_`).policy);
const trustedArns = (stackName: string, kind: string) =>
  statements(role(stackName, kind).assume_role_policy)
    .filter((s) => s.Action === "sts:AssumeRole")
    .flatMap((s) => list(s.Condition?.ArnEquals?.["aws:PrincipalArn"]));
const sid = (all: Statement[], name: string) => {
  const s = all.find((x) => x.Sid === name);
  if (!s) throw new Error(`no statement ${name}`);
  return s;
};
const arn = (account: string, name: string) => `arn:aws:iam::${account}:role/${name}`;

describe("the deploy roles", () => {
  it("are assumed only by their own account's apply role, the hub's included", () => {
    expect(trustedArns("network-hub", "deploy")).toEqual([arn(HUB, "landing-zone-github-apply")]);
    expect(trustedArns("workload-dev", "deploy")).toEqual([arn(DEV, "landing-zone-github-apply")]);
  });

  it("hold no AWS managed policy: their policy is generated from the services of the account's stack", () => {
    expect(resources(bootstrap, "aws_iam_role_policy_attachment").filter((a) => String(a.role).includes("_deploy_"))).toEqual([]);
    const hub = sid(inline("network-hub", "deploy-permissions"), "ServicesOfTheStack");
    expect(hub.Action).toEqual(expect.arrayContaining(["directconnect:*", "ec2:*", "ram:*", "secretsmanager:*"]));
    const dev = sid(inline("workload-dev", "deploy-permissions"), "ServicesOfTheStack");
    expect(dev.Action).toContain("ec2:*");
    // The dev stack has no Direct Connect: its deploy role cannot touch it.
    expect(dev.Action).not.toContain("directconnect:*");
  });

  it("never get iam:* or *, and write IAM roles only by the stack's names and only with the boundary", () => {
    for (const name of ["network-hub", "workload-dev", "workload-prod"]) {
      const policy = inline(name, "deploy-permissions");
      const actions = policy.flatMap((s) => list(s.Action));
      expect(actions).not.toContain("*");
      expect(actions).not.toContain("iam:*");
      const target = name === "network-hub" ? model.networkHub : model.environments.find((e) => e.stackName === name)!;
      const write = sid(policy, "WriteStackRolesWithBoundary");
      expect(write.Condition).toEqual({ StringEquals: { "iam:PermissionsBoundary": target.permissionsBoundaryArn } });
      for (const r of list(write.Resource))
        expect(r).toMatch(new RegExp(`^arn:aws:iam::${target.accountId}:role/(pipe-|cloudtrail-logs-|vpc-flow-logs-)`));
      expect(role(name, "deploy").permissions_boundary).toMatch(/^\$\{aws_iam_policy\.[\w-]+_boundary_[\w]+\.arn\}$/);
    }
  });
});

describe("the permissions boundary", () => {
  const boundary = statements(byAddress("aws_iam_policy", "network-hub-roles_boundary_").policy);

  it("is named <org>-landing-zone-boundary, and is what the stacks' roles carry", () => {
    expect(byAddress("aws_iam_policy", "workload-dev-roles_boundary_").name).toBe("pipe-landing-zone-boundary");
    for (const r of resources(stack("workload-prod"), "aws_iam_role"))
      expect(r.permissions_boundary).toBe(`arn:aws:iam::${PROD}:policy/pipe-landing-zone-boundary`);
  });

  it("denies changing itself, writing a role without it, and changing the pipeline's roles", () => {
    expect(sid(boundary, "DenyBoundaryChanges").Resource).toBe(`arn:aws:iam::${HUB}:policy/pipe-landing-zone-boundary`);
    expect(sid(boundary, "DenyRolesWithoutThisBoundary").Condition).toEqual({
      StringNotEquals: { "iam:PermissionsBoundary": `arn:aws:iam::${HUB}:policy/pipe-landing-zone-boundary` },
    });
    expect(sid(boundary, "DenyPipelineRoleChanges").Resource).toEqual(
      ["landing-zone-github-plan", "landing-zone-github-apply", "Deploy", "Deploy-attach-*"].map((n) => arn(HUB, n)),
    );
  });

  it("keeps every bounded role away from the state bucket and key in the state account", () => {
    expect(sid(boundary, "DenyStateBucket").Resource).toEqual(["arn:aws:s3:::pipe-tfstate", "arn:aws:s3:::pipe-tfstate/*"]);
    expect(statements(byAddress("aws_iam_policy", "workload-dev-roles_boundary_").policy).map((s) => s.Sid)).not.toContain(
      "DenyStateBucket",
    );
  });
});

describe("the hub attachment roles", () => {
  it("are trusted each by exactly one workload's apply role, and assumed by its hub provider", () => {
    expect(trustedArns("network-hub", "attach-dev")).toEqual([arn(DEV, "landing-zone-github-apply")]);
    expect(role("network-hub", "attach-dev").name).toBe("Deploy-attach-dev");
    const hubProvider = (stack("workload-dev").provider!.aws as { alias?: string; assume_role: { role_arn: string }[] }[]).find(
      (p) => p.alias === "hub",
    )!;
    expect(hubProvider.assume_role[0]!.role_arn).toBe(`arn:aws:iam::${HUB}:role/\${var.hub_assume_role_name}`);
    expect((stack("workload-dev").variable as Record<string, { default: string }>).hub_assume_role_name!.default).toBe("Deploy-attach-dev");
  });

  it("may only wire their own attachment into the route tables the routing plan names", () => {
    const policy = inline("network-hub", "attach-dev-permissions");
    expect(sid(policy, "MaintainOwnAttachment").Condition).toEqual({ StringEquals: { "aws:ResourceTag/Name": "pipe-dev" } });
    expect(sid(policy, "WirePlannedRouteTables").Condition).toEqual({
      StringEquals: { "aws:ResourceTag/Name": ["pipe-tgw-nonprod", "pipe-tgw-onprem"] },
    });
    expect(list(sid(policy, "ReadArchiveKey").Action)).toEqual(["kms:DescribeKey"]);
    const writes = policy.filter((s) => s.Sid !== "HubLookups" && s.Sid !== "ReadArchiveKey").flatMap((s) => list(s.Action));
    for (const a of writes)
      expect(a).toMatch(/^ec2:(Accept|Associate|Disassociate|Enable|Disable|CreateTags|DeleteTags|DeleteTransitGatewayVpcAttachment)/);
  });

  it("are the only hub roles a workload's apply role may assume", () => {
    for (const env of model.environments) {
      const assumes = list(sid(inline(env.stackName, "apply-state"), "AssumeDeployRoles").Resource);
      expect(assumes).toEqual([env.deployRoleArn, arn(HUB, `Deploy-attach-${env.name}`)]);
    }
    expect(list(sid(inline("network-hub", "apply-state"), "AssumeDeployRoles").Resource)).toEqual([model.networkHub.deployRoleArn]);
  });

  it("cover every type the workload stacks manage or read in the hub", () => {
    for (const env of model.environments) {
      const json = stack(env.stackName);
      const inHub = (blocks: StackJson["resource"]) =>
        Object.entries(blocks ?? {}).flatMap(([type, byName]) =>
          Object.values(byName).some((b) => b.provider === "aws.hub") ? [type] : [],
        );
      for (const t of inHub(json.resource)) expect(HUB_ATTACHMENT_TYPES.resources).toContain(t);
      for (const t of inHub(json.data)) expect(HUB_ATTACHMENT_TYPES.dataSources).toContain(t);
    }
  });
});

describe("the plan roles", () => {
  it("may read the Direct Connect BGP key and the VPN pre-shared keys the hub plan reads, and nothing else secret", () => {
    const reads = inline("network-hub", "plan-reads");
    expect(sid(reads, "ReadSecretsThePlanReads")).toMatchObject({
      Action: "secretsmanager:GetSecretValue",
      Resource: [
        `arn:aws:secretsmanager:eu-central-1:${HUB}:secret:pipe/dx-bgp-key-??????`,
        // Given as an ARN: itself, and with the six-character suffix in case it is a partial ARN.
        `arn:aws:secretsmanager:eu-central-1:${HUB}:secret:pipe/vpn-psk-1-AbCdEf`,
        `arn:aws:secretsmanager:eu-central-1:${HUB}:secret:pipe/vpn-psk-1-AbCdEf-??????`,
        `arn:aws:secretsmanager:eu-central-1:${HUB}:secret:pipe/vpn-psk-2-??????`,
      ],
    });
  });

  it("may decrypt those secrets only, only through Secrets Manager", () => {
    const decrypt = sid(inline("network-hub", "plan-reads"), "DecryptThoseSecrets");
    expect(decrypt.Action).toBe("kms:Decrypt");
    expect(decrypt.Condition!.StringEquals).toEqual({ "kms:ViaService": ["secretsmanager.eu-central-1.amazonaws.com"] });
    expect(decrypt.Condition!.StringLike!["kms:EncryptionContext:SecretARN"]).toEqual(
      sid(inline("network-hub", "plan-reads"), "ReadSecretsThePlanReads").Resource,
    );
  });

  it("get no extra policy where the plan reads nothing beyond ReadOnlyAccess", () => {
    expect(Object.keys(bootstrap.resource!.aws_iam_role_policy!).filter((a) => a.startsWith("workload-dev-roles_plan-reads_"))).toEqual([]);
  });
});
