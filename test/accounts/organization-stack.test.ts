/**
 * The organization stack on the reference fixture in the organization layout (`organizationWith`): the imported
 * organization, OUs, accounts (imported, or created with an output), the SCP documents (each denies what it says),
 * the attachments per OU, the delegated administrators, the deploy order, the bootstrap's roles in the management
 * account, the plan guard on an account delete, and vending mode.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { synthesizeChecked, type SynthOutcome } from "../../src/app.js";
import { loadConfig } from "../../src/config/index.js";
import { buildDiagram, type DiagramCluster } from "../../src/diagram/index.js";
import { deployOrder } from "../../src/pipeline/deploy-order.js";
import { stackMatrix } from "../../src/pipeline/stacks.js";
import { promotionStages } from "../../src/pipeline/stages.js";
import { evaluatePlan } from "../../src/plan-guard/evaluate.js";
import { cleanupConfigDirs, replace } from "../support/config-dir.js";
import { LOG_ARCHIVE_ACCOUNT_ID, MANAGEMENT_ACCOUNT_ID, organizationWith, SECURITY_TOOLING_ACCOUNT_ID } from "../support/organization.js";
import { resources, resourcesByName, type StackJson } from "../support/synth.js";

afterAll(cleanupConfigDirs);

const TAGS = { "shared.yaml": replace(/\nnetworkHub:\n/, "    tagPolicy:\n      tagKeys: [CostCenter, Owner]\n\nnetworkHub:\n") };

let outcome: SynthOutcome;
let json: (stack: string) => StackJson;
beforeAll(() => {
  const out = mkdtempSync(join(tmpdir(), "lz-organization-"));
  outcome = synthesizeChecked(loadConfig(organizationWith(TAGS)), out);
  json = (stack) => JSON.parse(readFileSync(join(out, "stacks", stack, "cdk.tf.json"), "utf8")) as StackJson;
});

type Body = Record<string, unknown>;
const org = () => json("organization");
const byPath = (type: string) =>
  new Map(
    resources(org(), type).map((b) => [
      ((b as { "//": { metadata: { path: string } } })["//"].metadata.path as string).split("/").pop()!,
      b,
    ]),
  );
const addressOf = (type: string, name: string) => `${type}.${name}`;
const nameOf = (type: string, pathEnd: string) =>
  Object.entries(resourcesByName(org(), type)).find(([, b]) =>
    (b as Body & { "//": { metadata: { path: string } } })["//"].metadata.path.endsWith(`/${pathEnd}`),
  )![0];
const scp = (key: string): Body & { content: string; document: { Statement: Body[] } } => {
  const policy = byPath("aws_organizations_policy").get(key)!;
  return { ...policy, content: policy.content as string, document: JSON.parse(policy.content as string) as { Statement: Body[] } };
};

describe("the organization stack", () => {
  it("is deployed first, by the pipeline, in its own GitHub environment; the hub waits for it", () => {
    const model = loadConfig(organizationWith());
    expect(outcome.stacks).toEqual([
      "bootstrap",
      "organization",
      "log-archive",
      "security-tooling",
      "network-hub",
      "workload-dev",
      "workload-prod",
      "workload-test",
    ]);
    expect(deployOrder(model).slice(0, 5)).toEqual(["bootstrap", "organization", "log-archive", "security-tooling", "network-hub"]);
    const matrix = stackMatrix(model);
    expect(matrix[0]).toMatchObject({
      stack: "organization",
      accountId: MANAGEMENT_ACCOUNT_ID,
      githubEnvironment: "organization",
      dependsOn: [],
    });
    expect(matrix.find((e) => e.stack === "network-hub")?.dependsOn).toEqual(["organization", "log-archive", "security-tooling"]);
    expect(promotionStages(model)[0]?.stacks[0]?.approvalEnvironment).toBe("organization-approval");
  });

  it("imports the organization (never creates it), with all features, the policy types and the trusted services", () => {
    const [name, body] = Object.entries(resourcesByName(org(), "aws_organizations_organization"))[0]!;
    expect(body).toMatchObject({
      feature_set: "ALL",
      enabled_policy_types: ["SERVICE_CONTROL_POLICY", "TAG_POLICY"],
      aws_service_access_principals: [
        "access-analyzer.amazonaws.com",
        "cloudtrail.amazonaws.com",
        "config-multiaccountsetup.amazonaws.com",
        "config.amazonaws.com",
        "guardduty.amazonaws.com",
        "securityhub.amazonaws.com",
      ],
      lifecycle: { prevent_destroy: true },
    });
    const imports = (org() as { import?: { id: string; to: string }[] }).import ?? [];
    expect(imports).toContainEqual({ id: "o-a1b2c3d4e5", to: addressOf("aws_organizations_organization", name) });
  });

  it("builds the OUs under the root or their parent, with ids from their paths", () => {
    const ous = byPath("aws_organizations_organizational_unit");
    expect([...ous.keys()].sort()).toEqual([
      "ou-Infrastructure",
      "ou-Security",
      "ou-Workloads",
      "ou-Workloads--NonProd",
      "ou-Workloads--Prod",
    ]);
    expect(ous.get("ou-Security")?.parent_id).toMatch(/^\$\{aws_organizations_organization\.organization_[A-Z0-9]+\.roots\[0\]\.id\}$/);
    expect(ous.get("ou-Workloads--Prod")).toMatchObject({
      name: "Prod",
      parent_id: `\${aws_organizations_organizational_unit.${nameOf("aws_organizations_organizational_unit", "ou-Workloads")}.id}`,
    });
  });

  it("imports every member account into its OU, never closing it and ignoring what AWS cannot update", () => {
    const accounts = byPath("aws_organizations_account");
    expect([...accounts.keys()].sort()).toEqual([
      "account-log-archive",
      "account-network-hub",
      "account-security-tooling",
      "account-workload-dev",
      "account-workload-prod",
      "account-workload-test",
    ]);
    for (const body of accounts.values())
      expect(body).toMatchObject({
        close_on_deletion: false,
        lifecycle: { prevent_destroy: true, ignore_changes: ["role_name", "iam_user_access_to_billing", "email"] },
      });
    expect(accounts.get("account-workload-prod")).toMatchObject({
      name: "acme-prod",
      email: "aws-prod@acme.example",
      parent_id: `\${aws_organizations_organizational_unit.${nameOf("aws_organizations_organizational_unit", "ou-Workloads--Prod")}.id}`,
    });
    expect(accounts.get("account-workload-prod")?.role_name).toBeUndefined();
    const imports = (org() as { import?: { id: string; to: string }[] }).import ?? [];
    expect(
      imports
        .filter((i) => i.to.startsWith("aws_organizations_account."))
        .map((i) => i.id)
        .sort(),
    ).toEqual(["111111111111", "222222222222", "333333333333", "444444444444", LOG_ARCHIVE_ACCOUNT_ID, SECURITY_TOOLING_ACCOUNT_ID].sort());
  });

  it("registers the security tooling account as delegated administrator of every security service", () => {
    expect(resources(org(), "aws_guardduty_organization_admin_account")).toEqual([
      expect.objectContaining({ admin_account_id: SECURITY_TOOLING_ACCOUNT_ID }),
    ]);
    expect(resources(org(), "aws_securityhub_organization_admin_account")).toEqual([
      expect.objectContaining({ admin_account_id: SECURITY_TOOLING_ACCOUNT_ID }),
    ]);
    expect(resources(org(), "aws_organizations_delegated_administrator").map((b) => `${b.account_id} ${b.service_principal}`)).toEqual([
      `${SECURITY_TOOLING_ACCOUNT_ID} access-analyzer.amazonaws.com`,
      `${SECURITY_TOOLING_ACCOUNT_ID} config-multiaccountsetup.amazonaws.com`,
      `${SECURITY_TOOLING_ACCOUNT_ID} config.amazonaws.com`,
    ]);
    for (const b of resources(org(), "aws_organizations_delegated_administrator"))
      expect(b.depends_on).toEqual([expect.stringMatching(/^aws_organizations_organization\./)]);
  });

  it("has no alert topic or baseline of its own, only the organization trail and the key of its log group", () => {
    expect(resources(org(), "aws_sns_topic")).toEqual([]);
    expect(resources(org(), "aws_config_configuration_recorder")).toEqual([]);
    expect(resources(org(), "aws_guardduty_detector")).toEqual([]);
    expect(resources(org(), "aws_kms_key")).toHaveLength(1);
    expect(resources(org(), "aws_cloudtrail")).toEqual([
      expect.objectContaining({ name: "acme-organization-trail", is_organization_trail: true, is_multi_region_trail: true }),
    ]);
  });
});

describe("the guardrail SCPs", () => {
  it("denies leaving the organization", () => {
    const p = scp("denyLeaveOrganization");
    expect(p).toMatchObject({ name: "acme-deny-leave-organization", type: "SERVICE_CONTROL_POLICY" });
    expect(p.document.Statement).toEqual([
      { Sid: "DenyLeaveOrganization", Effect: "Deny", Action: "organizations:LeaveOrganization", Resource: "*" },
    ]);
  });

  it("denies everything to the root user of any member account", () => {
    expect(scp("denyRootUser").document.Statement).toEqual([
      {
        Sid: "DenyRootUser",
        Effect: "Deny",
        Action: "*",
        Resource: "*",
        Condition: { StringLike: { "aws:PrincipalArn": "arn:aws:iam::*:root" } },
      },
    ]);
  });

  it("denies requests outside the config's Regions, except AWS's global services and the break-glass role", () => {
    const [s] = scp("regionAllowList").document.Statement;
    expect(s).toMatchObject({
      Effect: "Deny",
      Resource: "*",
      Condition: {
        StringNotEquals: { "aws:RequestedRegion": ["eu-west-1", "us-east-1"] },
        ArnNotLike: { "aws:PrincipalArn": ["arn:aws:iam::*:role/OrganizationAccountAccessRole"] },
      },
    });
    expect(s?.Action).toBeUndefined();
    expect(s?.NotAction).toEqual(expect.arrayContaining(["iam:*", "organizations:*", "sts:*", "route53:*", "cloudfront:*", "support:*"]));
    expect(s?.NotAction).not.toContain("ec2:*");
  });

  it("keeps the security services, the landing zone's roles, buckets and keys out of reach of all but the landing-zone roles", () => {
    const statements = scp("protectLandingZone").document.Statement;
    const sid = (id: string) => statements.find((s) => s.Sid === id)!;
    const exempt = {
      ArnNotLike: { "aws:PrincipalArn": ["arn:aws:iam::*:role/LandingZoneDeploy", "arn:aws:iam::*:role/OrganizationAccountAccessRole"] },
    };
    for (const s of statements) expect(s).toMatchObject({ Effect: "Deny", Condition: expect.objectContaining(exempt) });
    expect(sid("ProtectSecurityServices").Action).toEqual(
      expect.arrayContaining([
        "cloudtrail:StopLogging",
        "cloudtrail:DeleteTrail",
        "config:StopConfigurationRecorder",
        "guardduty:DeleteDetector",
        "securityhub:DisableSecurityHub",
        "access-analyzer:DeleteAnalyzer",
      ]),
    );
    expect(sid("ProtectLandingZoneRoles").Resource).toEqual([
      "arn:aws:iam::*:role/LandingZoneDeploy",
      "arn:aws:iam::*:role/landing-zone-github-plan",
      "arn:aws:iam::*:role/landing-zone-github-apply",
      "arn:aws:iam::*:role/LandingZoneDeploy-attach-*",
    ]);
    expect(sid("ProtectBoundaryAndOidc").Resource).toContain("arn:aws:iam::*:policy/acme-landing-zone-boundary");
    expect(sid("ProtectLandingZoneBuckets").Resource).toEqual(
      expect.arrayContaining(["arn:aws:s3:::acme-log-archive-*", "arn:aws:s3:::acme-aws-config-*"]),
    );
    expect(sid("ProtectLandingZoneKeys")).toMatchObject({
      Action: expect.arrayContaining(["kms:ScheduleKeyDeletion", "kms:DisableKey", "kms:PutKeyPolicy"]),
      Condition: { "ForAnyValue:StringLike": { "kms:ResourceAliases": expect.arrayContaining(["alias/acme-*"]) } },
    });
    expect(scp("protectLandingZone").content.length).toBeLessThanOrEqual(5120);
  });

  it("attaches three guardrails to every top-level OU and the Region allow-list to Workloads, FullAWSAccess untouched", () => {
    const policyOf = new Map(Object.entries(resourcesByName(org(), "aws_organizations_policy")).map(([n, b]) => [n, b.name as string]));
    const ouOf = new Map(
      Object.entries(resourcesByName(org(), "aws_organizations_organizational_unit")).map(([n, b]) => [n, b.name as string]),
    );
    const ref = (v: unknown) => /\.([^.]+)\.id\}$/.exec(String(v))?.[1] ?? "";
    const pairs = resources(org(), "aws_organizations_policy_attachment")
      .map((a) => `${policyOf.get(ref(a.policy_id))} -> ${ouOf.get(ref(a.target_id))}`)
      .sort();
    expect(pairs).toEqual(
      [
        ...["Security", "Infrastructure", "Workloads"].flatMap((ou) =>
          ["acme-deny-leave-organization", "acme-protect-landing-zone", "acme-deny-root-user"].map((p) => `${p} -> ${ou}`),
        ),
        "acme-region-allow-list -> Workloads",
        "acme-tag-policy -> Security",
        "acme-tag-policy -> Infrastructure",
        "acme-tag-policy -> Workloads",
      ].sort(),
    );
  });

  it("declares the tag policy's keys with their capitalization", () => {
    const tags = byPath("aws_organizations_policy").get("tagPolicy")!;
    expect(tags.type).toBe("TAG_POLICY");
    expect(JSON.parse(tags.content as string)).toEqual({
      tags: { costcenter: { tag_key: { "@@assign": "CostCenter" } }, owner: { tag_key: { "@@assign": "Owner" } } },
    });
  });
});

describe("around the organization stack", () => {
  it("the diagram draws each OU with its accounts and attached policies", () => {
    const diagram = buildDiagram(loadConfig(organizationWith()));
    const all: DiagramCluster[] = [];
    const walk = (c: DiagramCluster) => {
      all.push(c);
      c.clusters.forEach(walk);
    };
    diagram.clusters.forEach(walk);
    const prod = all.find((c) => c.id === "ou_Workloads_Prod")!;
    expect(prod.label).toBe("OU Workloads/Prod");
    expect(prod.nodes.map((n) => n.lines[0])).toEqual(["acme-prod"]);
    const workloads = all.find((c) => c.id === "ou_Workloads")!;
    expect(workloads.clusters.map((c) => c.id).sort()).toEqual(["ou_Workloads_NonProd", "ou_Workloads_Prod"]);
    expect(workloads.nodes.find((n) => n.id === "ou_Workloads_policies")?.lines).toEqual([
      "policies",
      "denyLeaveOrganization",
      "protectLandingZone",
      "denyRootUser",
      "regionAllowList",
    ]);
  });

  it("the bootstrap creates the pipeline roles in the management account", () => {
    const roles = resources(json("bootstrap"), "aws_iam_role").map((r) => r.name);
    // management, log archive, security tooling, hub and the three workloads
    expect(roles.filter((n) => n === "LandingZoneDeploy")).toHaveLength(7);
    const providers = (json("bootstrap") as { provider: { aws: { alias: string; allowed_account_ids: string[] }[] } }).provider.aws;
    expect(providers.map((p) => p.allowed_account_ids[0])).toContain(MANAGEMENT_ACCOUNT_ID);
  });

  it("the plan guard blocks removing an account from the organization", () => {
    const address = "aws_organizations_account.organization_account-workload-prod_E6212C28";
    const plan = {
      format_version: "1.2",
      terraform_version: "1.11.4",
      planned_values: { root_module: {} },
      resource_changes: [
        {
          address,
          mode: "managed",
          type: "aws_organizations_account",
          name: "organization_account-workload-prod_E6212C28",
          provider_name: "registry.terraform.io/hashicorp/aws",
          change: { actions: ["delete"], before: {}, after: null },
        },
      ],
    };
    const report = evaluatePlan(plan, "organization", []);
    expect(report.ok).toBe(false);
    expect(report.blocked.map((b) => `${b.address} ${b.action}`)).toEqual([`${address} delete`]);
  });

  it("while the log archive account is to be created, builds only the organization stack, which creates it and prints its id", () => {
    const dir = organizationWith({ "shared.yaml": replace(`      accountId: "${LOG_ARCHIVE_ACCOUNT_ID}"\n`, "") });
    const model = loadConfig(dir);
    const out = mkdtempSync(join(tmpdir(), "lz-vending-"));
    expect(synthesizeChecked(model, out).stacks).toEqual(["bootstrap", "organization"]);
    expect(stackMatrix(model).map((e) => e.stack)).toEqual(["organization"]);
    const stack = JSON.parse(readFileSync(join(out, "stacks", "organization", "cdk.tf.json"), "utf8")) as StackJson & {
      output: Record<string, { value: string }>;
      import: { id: string }[];
    };
    const created = Object.values(resourcesByName(stack, "aws_organizations_account")).find((b) => b.name === "acme-log-archive")!;
    expect(created).toMatchObject({ role_name: "OrganizationAccountAccessRole", close_on_deletion: false });
    expect(stack.import.map((i) => i.id)).not.toContain(LOG_ARCHIVE_ACCOUNT_ID);
    expect(stack.output.log_archive_account_id?.value).toMatch(/^\$\{aws_organizations_account\..*\.id\}$/);
    // The security tooling account exists: its delegated administrations are registered already.
    expect(resources(stack, "aws_guardduty_organization_admin_account")).toHaveLength(1);
  });
});
