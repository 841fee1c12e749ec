/**
 * The bootstrap stack synthesized from the shipped config: state bucket and key, and the OIDC provider and
 * pipeline roles in every account. Assertions are on the policies as AWS would evaluate them.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { synthesize } from "../../src/app.js";
import { loadConfig } from "../../src/config/index.js";
import { githubTrustStatement } from "../../src/modules/deploy-access/index.js";
import { DRIFT_GITHUB_ENVIRONMENT } from "../../src/pipeline/stages.js";
import { stackMatrix } from "../../src/pipeline/stacks.js";
import { mainWorkflow } from "../../src/pipeline/workflow.js";
import { cleanupConfigDirs, REFERENCE_DIR, replace, referenceWith } from "../support/config-dir.js";
import { referenceSynthesis } from "../support/shared-synthesis.js";
import { resources, type StackJson } from "../support/synth.js";

const scratch = mkdtempSync(join(tmpdir(), "lz-bootstrap-"));
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
  cleanupConfigDirs();
});

function bootstrapJson(configDir: string, name: string): StackJson {
  const out = join(scratch, name);
  synthesize(loadConfig(configDir), out);
  return JSON.parse(readFileSync(join(out, "stacks", "bootstrap", "cdk.tf.json"), "utf8")) as StackJson;
}

type Statement = {
  Sid: string;
  Effect: string;
  Principal?: unknown;
  Action: string | string[];
  Resource?: string | string[];
  Condition?: Record<string, Record<string, unknown>>;
};
const statements = (policy: unknown): Statement[] => (JSON.parse(String(policy)) as { Statement: Statement[] }).Statement;
const byName = (json: StackJson, type: string) => json.resource?.[type] ?? {};
/** The role whose address starts with `<stack>-roles_<kind>_`. */
const role = (json: StackJson, stack: string, kind: string) =>
  Object.entries(byName(json, "aws_iam_role")).find(([address]) => address.startsWith(`${stack}-roles_${kind}_`))![1];
const rolePolicy = (json: StackJson, stack: string, kind: string) =>
  Object.entries(byName(json, "aws_iam_role_policy")).find(([address]) => address.startsWith(`${stack}-roles_${kind}-state_`))![1];

// The shipped config's synthesis, shared with the other test files of this worker (read-only).
const shipped = referenceSynthesis();
const json = shipped.json("bootstrap");
const model = loadConfig(REFERENCE_DIR);
const ACCOUNTS = {
  "network-hub": "111111111111",
  "workload-dev": "222222222222",
  "workload-test": "333333333333",
  "workload-prod": "444444444444",
};

describe("the bootstrap stack", () => {
  it("keeps its state in a local file next to the output folder on day 0", () => {
    expect((json.terraform as { backend: unknown }).backend).toEqual({ local: { path: "../../../bootstrap.tfstate" } });
  });

  it("keeps its state in the bucket, outside every account's prefix, once backend: s3 is set", () => {
    const migrated = bootstrapJson(referenceWith({ "shared.yaml": replace("backend: local", "backend: s3") }), "migrated");
    expect((migrated.terraform as { backend: unknown }).backend).toEqual({
      s3: {
        bucket: "acme-landing-zone-tfstate",
        key: "landing-zone/bootstrap.tfstate",
        region: "eu-west-1",
        encrypt: true,
        kms_key_id: "arn:aws:kms:eu-west-1:111111111111:alias/landing-zone-tfstate",
        use_lockfile: true,
        assume_role: { role_arn: "arn:aws:iam::111111111111:role/OrganizationAccountAccessRole", session_name: "landing-zone-bootstrap" },
      },
    });
  });

  it("acts in every account through the administrator's role, one aliased provider per account", () => {
    const providers = (json.provider as { aws: { alias: string; allowed_account_ids: string[]; assume_role: { role_arn: string }[] }[] })
      .aws;
    expect(providers.map((p) => [p.alias, p.allowed_account_ids, p.assume_role[0]!.role_arn])).toEqual(
      Object.entries(ACCOUNTS)
        .sort()
        .map(([stack, account]) => [stack, [account], `arn:aws:iam::${account}:role/OrganizationAccountAccessRole`]),
    );
  });

  it("is not in the pipeline's matrix, which still accepts a manifest holding it", () => {
    expect(stackMatrix(model).map((e) => e.stack)).not.toContain("bootstrap");
    const manifest = JSON.parse(readFileSync(join(shipped.outdir, "manifest.json"), "utf8"));
    expect(() => stackMatrix(model, manifest)).not.toThrow();
  });

  it("is not synthesized when shared.yaml has no bootstrap block", () => {
    const dir = referenceWith({ "shared.yaml": (t) => t.slice(0, t.indexOf("# The bootstrap stack")) });
    expect(loadConfig(dir).bootstrap).toBeUndefined();
    expect(synthesize(loadConfig(dir), join(scratch, "none"))).not.toContain("bootstrap");
  });
});

describe("the state bucket", () => {
  const bucket = resources(json, "aws_s3_bucket")[0]!;
  const policy = statements(resources(json, "aws_s3_bucket_policy")[0]!.policy);
  const BUCKET = "arn:aws:s3:::acme-landing-zone-tfstate";

  it("is versioned, private, encrypted with the state key (bucket key on) and protected from destroy", () => {
    expect(bucket).toMatchObject({ bucket: "acme-landing-zone-tfstate", force_destroy: false, lifecycle: { prevent_destroy: true } });
    expect(resources(json, "aws_s3_bucket_versioning")[0]).toMatchObject({ versioning_configuration: { status: "Enabled" } });
    expect(resources(json, "aws_s3_bucket_public_access_block")[0]).toMatchObject({
      block_public_acls: true,
      block_public_policy: true,
      ignore_public_acls: true,
      restrict_public_buckets: true,
    });
    const [keyAddress] = Object.keys(byName(json, "aws_kms_key"));
    expect(resources(json, "aws_s3_bucket_server_side_encryption_configuration")[0]).toMatchObject({
      rule: [
        {
          apply_server_side_encryption_by_default: { sse_algorithm: "aws:kms", kms_master_key_id: `\${aws_kms_key.${keyAddress}.arn}` },
          bucket_key_enabled: true,
        },
      ],
    });
  });

  it("denies every request without TLS", () => {
    expect(policy[0]).toEqual({
      Sid: "DenyInsecureTransport",
      Effect: "Deny",
      Principal: "*",
      Action: "s3:*",
      Resource: [BUCKET, `${BUCKET}/*`],
      Condition: { Bool: { "aws:SecureTransport": "false" } },
    });
  });

  it("allows no wildcard principal", () => {
    for (const s of policy.filter((s) => s.Effect === "Allow")) expect(JSON.stringify(s.Principal)).not.toContain("*");
  });

  it.each(Object.entries(ACCOUNTS))(
    "lets only %s's plan role read, and its apply role write, that account's own state keys",
    (_stack, account) => {
      const plan = `arn:aws:iam::${account}:role/landing-zone-github-plan`;
      const apply = `arn:aws:iam::${account}:role/landing-zone-github-apply`;
      const admitted = (s: Statement) => [s.Condition?.ArnEquals?.["aws:PrincipalArn"]].flat();
      const mine = policy.filter((s) => s.Effect === "Allow" && admitted(s).some((a) => a === plan || a === apply));
      expect(mine.map((s) => [s.Sid, s.Principal, admitted(s), s.Action, s.Resource])).toEqual([
        [`List${account}`, { AWS: `arn:aws:iam::${account}:root` }, [apply, plan], "s3:ListBucket", BUCKET],
        [
          `ReadState${account}`,
          { AWS: `arn:aws:iam::${account}:root` },
          [plan],
          ["s3:GetObject"],
          `${BUCKET}/landing-zone/${account}/*.tfstate`,
        ],
        [
          `WriteState${account}`,
          { AWS: `arn:aws:iam::${account}:root` },
          [apply],
          ["s3:GetObject", "s3:PutObject"],
          `${BUCKET}/landing-zone/${account}/*.tfstate`,
        ],
        [
          `Lock${account}`,
          { AWS: `arn:aws:iam::${account}:root` },
          [apply, plan],
          ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"],
          `${BUCKET}/landing-zone/${account}/*.tfstate.tflock`,
        ],
      ]);
      expect(mine[0]!.Condition!.StringLike).toEqual({ "s3:prefix": [`landing-zone/${account}/*`, "env:/*"] });
    },
  );

  it("keeps the bootstrap state key out of every account's reach", () => {
    const objects = policy.filter((s) => s.Effect === "Allow" && s.Action !== "s3:ListBucket").flatMap((s) => [s.Resource].flat());
    for (const r of objects) expect(r).toMatch(/^arn:aws:s3:::acme-landing-zone-tfstate\/landing-zone\/\d{12}\/\*\.tfstate(\.tflock)?$/);
  });
});

describe("the state key", () => {
  const key = resources(json, "aws_kms_key")[0]!;
  const policy = statements(key.policy);

  it("rotates, is protected from destroy, and gets the alias that organization.state.kmsKeyArn names", () => {
    expect(key).toMatchObject({ enable_key_rotation: true, deletion_window_in_days: 30, lifecycle: { prevent_destroy: true } });
    expect(resources(json, "aws_kms_alias")[0]).toMatchObject({ name: "alias/landing-zone-tfstate" });
  });

  it("lets the plan roles decrypt and the apply roles encrypt, only through S3 in the state Region", () => {
    const use = Object.fromEntries(policy.slice(1).map((s) => [s.Sid, s]));
    expect(use.PlanRolesReadState!.Action).toEqual(["kms:Decrypt", "kms:GenerateDataKey", "kms:DescribeKey"]);
    expect(use.ApplyRolesReadWriteState!.Action).toEqual(["kms:Encrypt", "kms:Decrypt", "kms:GenerateDataKey", "kms:DescribeKey"]);
    for (const s of Object.values(use)) expect(s.Condition!.StringEquals).toEqual({ "kms:ViaService": "s3.eu-west-1.amazonaws.com" });
    expect(use.PlanRolesReadState!.Condition!.ArnEquals!["aws:PrincipalArn"]).toEqual(
      Object.values(ACCOUNTS)
        .sort()
        .map((a) => `arn:aws:iam::${a}:role/landing-zone-github-plan`),
    );
  });

  it("uses an existing key, creating none, when kmsKeyArn names a key rather than an alias", () => {
    const keyArn = "arn:aws:kms:eu-west-1:111111111111:key/0b8c1a6e-1f7e-4f39-9b1c-1d2e3f4a5b6c";
    const existing = bootstrapJson(
      referenceWith({ "shared.yaml": replace("arn:aws:kms:eu-west-1:111111111111:alias/landing-zone-tfstate", keyArn) }),
      "existing-key",
    );
    expect(resources(existing, "aws_kms_key")).toEqual([]);
    expect(resources(existing, "aws_s3_bucket_server_side_encryption_configuration")[0]).toMatchObject({
      rule: [{ apply_server_side_encryption_by_default: { kms_master_key_id: keyArn } }],
    });
  });
});

describe("GitHub OIDC and the pipeline roles", () => {
  const trust = (stack: string, kind: string) => statements(role(json, stack, kind).assume_role_policy);

  it("creates one GitHub OIDC provider per account, for audience sts.amazonaws.com", () => {
    const providers = resources(json, "aws_iam_openid_connect_provider");
    expect(providers).toHaveLength(4);
    for (const p of providers)
      expect(p).toMatchObject({ url: "https://token.actions.githubusercontent.com", client_id_list: ["sts.amazonaws.com"] });
  });

  it.each(Object.keys(ACCOUNTS))(
    "admits only pull-request jobs and the drift check of acme/landing-zone to the plan role of %s, by exact sub",
    (stack) => {
      const [github] = trust(stack, "plan");
      expect(github).toMatchObject({
        Effect: "Allow",
        Action: "sts:AssumeRoleWithWebIdentity",
        Condition: {
          StringEquals: {
            "token.actions.githubusercontent.com:aud": "sts.amazonaws.com",
            "token.actions.githubusercontent.com:sub": [
              "repo:acme/landing-zone:pull_request",
              "repo:acme/landing-zone:environment:landing-zone-drift",
            ],
          },
        },
      });
      expect(Object.keys(github!.Condition!)).toEqual(["StringEquals"]);
    },
  );

  it.each(model.environments.map((e) => [e.stackName, e.name]))(
    "admits only jobs in the GitHub environment of %s (%s) to its apply role",
    (stack, environment) => {
      const [github, ...others] = trust(stack, "apply");
      expect(github!.Condition).toEqual({
        StringEquals: {
          "token.actions.githubusercontent.com:aud": "sts.amazonaws.com",
          "token.actions.githubusercontent.com:sub": `repo:acme/landing-zone:environment:${environment}`,
        },
      });
      expect(others).toEqual([]);
    },
  );

  it("matches the subs the workflows send: plan and apply jobs in the stack's GitHub environment, drift in its own", () => {
    type Job = { environment?: string; with?: Record<string, string> };
    const jobs = (text: string) => (parse(text) as { jobs: Record<string, Job> }).jobs;
    // The main workflow as generated from this config: each stack job passes the stack's GitHub environment...
    const main = jobs(mainWorkflow(model));
    for (const e of stackMatrix(model)) {
      const env = main[e.stack]!.with!.environment!;
      expect(trust(e.stack, "apply")[0]!.Condition!.StringEquals!["token.actions.githubusercontent.com:sub"]).toBe(
        `repo:acme/landing-zone:environment:${env}`,
      );
    }
    // ...to deploy-stack.yml, whose plan and apply jobs (the ones with credentials) run in it.
    const deploy = jobs(readFileSync(".github/workflows/deploy-stack.yml", "utf8"));
    expect(deploy.plan!.environment).toBe("${{ inputs.environment }}");
    expect(deploy.apply!.environment).toBe("${{ inputs.environment }}");
    expect(jobs(readFileSync(".github/workflows/drift.yml", "utf8")).drift!.environment).toBe(DRIFT_GITHUB_ENVIRONMENT);
    expect(readFileSync(".github/workflows/pull-request.yml", "utf8")).not.toMatch(/^\s+environment:/m);
  });

  it("lets the hub's plan role be assumed by every account's plan role, and every deploy role only by its own account's apply role", () => {
    const admitted = (stack: string, kind: string) =>
      trust(stack, kind).find((s) => s.Action === "sts:AssumeRole")!.Condition!.ArnEquals!["aws:PrincipalArn"];
    const all = (name: string) =>
      Object.values(ACCOUNTS)
        .sort()
        .map((a) => `arn:aws:iam::${a}:role/${name}`);
    expect(admitted("network-hub", "plan")).toEqual(all("landing-zone-github-plan"));
    expect(admitted("network-hub", "deploy")).toBe("arn:aws:iam::111111111111:role/landing-zone-github-apply");
    expect(admitted("workload-prod", "plan")).toBe("arn:aws:iam::444444444444:role/landing-zone-github-plan");
    expect(admitted("workload-prod", "deploy")).toBe("arn:aws:iam::444444444444:role/landing-zone-github-apply");
    expect(trust("workload-prod", "deploy")).toHaveLength(1);
  });

  it("lets each workload's apply role, and nothing else, assume that workload's hub attachment role", () => {
    for (const env of model.environments) {
      const [only, ...others] = trust("network-hub", `attach-${env.name}`);
      expect(others).toEqual([]);
      expect(only!.Condition!.ArnEquals!["aws:PrincipalArn"]).toBe(
        `arn:aws:iam::${ACCOUNTS[env.stackName as keyof typeof ACCOUNTS]}:role/landing-zone-github-apply`,
      );
    }
  });

  it("gives the plan role ReadOnlyAccess and its own state read, the apply role its own state write and its deploy and hub attachment roles", () => {
    const attachments = resources(json, "aws_iam_role_policy_attachment").map((a): [string, unknown] => [
      String(a.role)
        .match(/aws_iam_role\.(\S+?)-roles_(\w+)_/)!
        .slice(1)
        .join(" "),
      a.policy_arn,
    ]);
    expect(attachments).toContainEqual(["workload-dev plan", "arn:aws:iam::aws:policy/ReadOnlyAccess"]);
    expect(attachments.filter(([r]) => !r.endsWith("plan"))).toEqual([]);

    const plan = Object.fromEntries(statements(rolePolicy(json, "workload-dev", "plan").policy).map((s) => [s.Sid, s]));
    expect(plan.ReadOwnState).toMatchObject({
      Action: "s3:GetObject",
      Resource: "arn:aws:s3:::acme-landing-zone-tfstate/landing-zone/222222222222/*.tfstate",
    });
    expect(plan.AssumePlanRoles!.Resource).toEqual([
      "arn:aws:iam::222222222222:role/landing-zone-github-plan",
      "arn:aws:iam::111111111111:role/landing-zone-github-plan",
    ]);
    expect(JSON.stringify(plan)).not.toContain(
      's3:PutObject","Resource":"arn:aws:s3:::acme-landing-zone-tfstate/landing-zone/222222222222/*.tfstate"',
    );

    const apply = Object.fromEntries(statements(rolePolicy(json, "workload-dev", "apply").policy).map((s) => [s.Sid, s]));
    expect(apply.ReadWriteOwnState).toMatchObject({
      Action: ["s3:GetObject", "s3:PutObject"],
      Resource: "arn:aws:s3:::acme-landing-zone-tfstate/landing-zone/222222222222/*.tfstate",
    });
    expect(apply.AssumeDeployRoles!.Resource).toEqual([
      "arn:aws:iam::222222222222:role/LandingZoneDeploy",
      "arn:aws:iam::111111111111:role/LandingZoneDeploy-attach-dev",
    ]);
  });

  it("names the roles the stacks and workflows use", () => {
    const names = resources(json, "aws_iam_role").map((r) => r.name);
    expect(new Set(names)).toEqual(
      new Set([
        "landing-zone-github-plan",
        "landing-zone-github-apply",
        "LandingZoneDeploy",
        ...model.environments.map((e) => `LandingZoneDeploy-attach-${e.name}`),
      ]),
    );
    expect(names).toHaveLength(12 + model.environments.length);
  });

  it("throws when a GitHub sub holds a wildcard", () => {
    expect(() =>
      githubTrustStatement("arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com", ["repo:acme/*"]),
    ).toThrow(/holds a wildcard/);
  });
});
