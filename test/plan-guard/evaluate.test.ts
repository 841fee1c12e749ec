import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/index.js";
import {
  evaluatePlan,
  parsePlanJson,
  PlanFormatError,
  STATEFUL_RESOURCE_TYPES,
  type PlanGuardAllowEntry,
} from "../../src/plan-guard/index.js";
import { REFERENCE_DIR } from "../support/config-dir.js";

/** A recorded `terraform show -json` output from test/fixtures/plans (see its README). */
function fixture(name: string): Record<string, unknown> {
  return parsePlanJson(readFileSync(`test/fixtures/plans/${name}.json`, "utf8")) as Record<string, unknown>;
}

/** A minimal plan with the given resource changes, as Terraform 1.11 prints it. */
function planWith(...changes: unknown[]): Record<string, unknown> {
  return { format_version: "1.2", terraform_version: "1.11.4", planned_values: { root_module: {} }, resource_changes: changes };
}

function change(
  address: string,
  actions: string[],
  extra: Record<string, unknown> = {},
  changeExtra: Record<string, unknown> = {},
): unknown {
  const [type, name] = address.split(".");
  return {
    address,
    mode: "managed",
    type,
    name,
    provider_name: "registry.terraform.io/hashicorp/aws",
    change: { actions, before: {}, after: {}, after_unknown: {}, before_sensitive: {}, after_sensitive: {}, ...changeExtra },
    ...extra,
  };
}

const DB = "aws_db_instance.data_primary_4F1C2B3A";
const CACHE = "aws_elasticache_replication_group.cache_sessions_91E0D3F5";
const BUCKET = "aws_s3_bucket.exports_bucket_2B7A4C90";
const CACHE_REASON = "Dev sessions are disposable; enabling at-rest encryption needs a new replication group.";

function errorOf(run: () => unknown): PlanFormatError {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(PlanFormatError);
    return e as PlanFormatError;
  }
  throw new Error("expected a PlanFormatError");
}

describe("evaluating the recorded plans", () => {
  it("passes a tag update of the prod database and a new alarm", () => {
    const report = evaluatePlan(fixture("harmless-update"), "workload-prod", []);
    expect(report).toEqual({
      stack: "workload-prod",
      terraformVersion: "1.11.4",
      counts: { create: 1, update: 1, replace: 0, delete: 0, read: 0, forget: 0, noOp: 1 },
      blocked: [],
      allowed: [],
      unusedAllowEntries: [],
      ok: true,
    });
  });

  it("blocks a replace of the prod database forced by an engine change", () => {
    const report = evaluatePlan(fixture("replace-db-engine"), "workload-prod", []);
    expect(report.ok).toBe(false);
    expect(report.blocked).toEqual([
      {
        address: DB,
        type: "aws_db_instance",
        action: "replace",
        actionReason: "replace_because_cannot_update",
        replacePaths: ["engine"],
        why: STATEFUL_RESOURCE_TYPES.aws_db_instance,
      },
    ]);
    expect(report.allowed).toEqual([]);
  });

  it("blocks a subnet replaced because its AZ ID changed, naming the attribute", () => {
    const subnet = "aws_subnet.vpc_public-subnet-0_1A2B3C4D";
    const plan = planWith(
      change(
        subnet,
        ["delete", "create"],
        { action_reason: "replace_because_cannot_update" },
        { replace_paths: [["availability_zone_id"]] },
      ),
    );
    const report = evaluatePlan(plan, "workload-prod", []);
    expect(report.ok).toBe(false);
    expect(report.blocked).toEqual([
      {
        address: subnet,
        type: "aws_subnet",
        action: "replace",
        actionReason: "replace_because_cannot_update",
        replacePaths: ["availability_zone_id"],
        why: STATEFUL_RESOURCE_TYPES.aws_subnet,
      },
    ]);
    expect(STATEFUL_RESOURCE_TYPES.aws_subnet).toContain("docs/routing-az-ids.md");
  });

  it("ignores the data source the replace defers: it is neither counted nor guarded", () => {
    const plan = fixture("replace-db-engine");
    const changes = plan.resource_changes as { mode: string; change: { actions: string[] } }[];
    expect(changes.filter((c) => c.mode === "data").map((c) => c.change.actions)).toEqual([["read"]]);
    const report = evaluatePlan(plan, "workload-prod", []);
    expect(report.counts).toEqual({ create: 0, update: 1, replace: 1, delete: 0, read: 0, forget: 0, noOp: 1 });
  });

  it("blocks the deletion of a bucket removed from the configuration, and only counts its stateless companions", () => {
    const report = evaluatePlan(fixture("destroy-bucket"), "workload-test", []);
    expect(report.ok).toBe(false);
    expect(report.counts.delete).toBe(3);
    expect(report.blocked).toEqual([
      {
        address: BUCKET,
        type: "aws_s3_bucket",
        action: "delete",
        actionReason: "delete_because_no_resource_config",
        why: STATEFUL_RESOURCE_TYPES.aws_s3_bucket,
      },
    ]);
  });

  it("accepts the replace of the dev session cache that the allow list names, and echoes the reason", () => {
    const allow: PlanGuardAllowEntry[] = [{ stack: "workload-dev", address: CACHE, actions: ["replace"], reason: CACHE_REASON }];
    const report = evaluatePlan(fixture("allowlisted-replace"), "workload-dev", allow);
    expect(report.ok).toBe(true);
    expect(report.blocked).toEqual([]);
    expect(report.allowed).toEqual([
      {
        address: CACHE,
        type: "aws_elasticache_replication_group",
        action: "replace",
        actionReason: "replace_because_cannot_update",
        replacePaths: ["at_rest_encryption_enabled"],
        why: STATEFUL_RESOURCE_TYPES.aws_elasticache_replication_group,
        allowReason: CACHE_REASON,
      },
    ]);
    expect(report.unusedAllowEntries).toEqual([]);
  });
});

describe("matching allow entries", () => {
  it("does not let an entry for a delete accept a replace", () => {
    const allow: PlanGuardAllowEntry[] = [{ stack: "workload-dev", address: CACHE, actions: ["delete"], reason: CACHE_REASON }];
    const report = evaluatePlan(fixture("allowlisted-replace"), "workload-dev", allow);
    expect(report.ok).toBe(false);
    expect(report.blocked.map((f) => f.address)).toEqual([CACHE]);
    expect(report.unusedAllowEntries).toEqual(allow);
  });

  it("does not let an entry of another stack accept the change", () => {
    const allow: PlanGuardAllowEntry[] = [{ stack: "workload-prod", address: CACHE, actions: ["replace"], reason: CACHE_REASON }];
    const report = evaluatePlan(fixture("allowlisted-replace"), "workload-dev", allow);
    expect(report.ok).toBe(false);
    expect(report.unusedAllowEntries).toEqual([]);
  });

  it("reports this stack's entries that matched nothing, sorted by address, and leaves other stacks' entries out", () => {
    const stale = (address: string, stack = "workload-prod"): PlanGuardAllowEntry => ({
      stack,
      address,
      actions: ["delete", "replace"],
      reason: "retired in change CHG-1234",
    });
    const allow = [
      stale("aws_s3_bucket.reports_bucket_0A1B2C3D"),
      stale("aws_dynamodb_table.orders_table_9F8E7D6C"),
      stale("aws_s3_bucket.x_1", "workload-dev"),
    ];
    const report = evaluatePlan(fixture("harmless-update"), "workload-prod", allow);
    expect(report.ok).toBe(true);
    expect(report.unusedAllowEntries.map((e) => e.address)).toEqual([
      "aws_dynamodb_table.orders_table_9F8E7D6C",
      "aws_s3_bucket.reports_bucket_0A1B2C3D",
    ]);
  });

  it("counts an entry naming a stateless resource as unused, since nothing guarded needed it", () => {
    const allow: PlanGuardAllowEntry[] = [
      {
        stack: "workload-test",
        address: "aws_s3_bucket_versioning.exports_versioning_5C81E2D4",
        actions: ["delete"],
        reason: "the bucket goes away with it",
      },
    ];
    expect(evaluatePlan(fixture("destroy-bucket"), "workload-test", allow).unusedAllowEntries).toEqual(allow);
  });

  it("accepts the allow list of the loaded shipped config as it is", () => {
    const model = loadConfig(REFERENCE_DIR);
    expect(evaluatePlan(fixture("harmless-update"), "workload-prod", model.planGuard.allow).ok).toBe(true);
  });
});

describe("reading resource changes", () => {
  it("treats a create_before_destroy replace (create, then delete) as a replace", () => {
    const plan = fixture("allowlisted-replace");
    for (const c of plan.resource_changes as { address: string; change: { actions: string[] } }[]) {
      if (c.address === CACHE) c.change.actions = ["create", "delete"];
    }
    const report = evaluatePlan(plan, "workload-dev", []);
    expect(report.counts.replace).toBe(1);
    expect(report.blocked.map((f) => [f.address, f.action])).toEqual([[CACHE, "replace"]]);
  });

  it("ignores data sources, even of a stateful type", () => {
    const read = { ...(change("aws_db_instance.lookup", ["read"]) as object), address: "data.aws_db_instance.lookup", mode: "data" };
    const report = evaluatePlan(planWith(read), "workload-prod", []);
    expect(report.counts).toEqual({ create: 0, update: 0, replace: 0, delete: 0, read: 0, forget: 0, noOp: 0 });
    expect(report.ok).toBe(true);
  });

  it("lets deletes and replaces of stateless resources through, only counted", () => {
    const report = evaluatePlan(
      planWith(change("aws_security_group.app_sg_1A2B3C4D", ["delete", "create"]), change("aws_route.default_5E6F7A8B", ["delete"])),
      "workload-prod",
      [],
    );
    expect(report.ok).toBe(true);
    expect(report.counts).toMatchObject({ replace: 1, delete: 1 });
  });

  it("blocks a DynamoDB table replaced because its partition key changed: the new table starts empty", () => {
    const TABLE = "aws_dynamodb_table.app_dynamodb-sessions_table_851B59D5";
    const report = evaluatePlan(
      planWith(change(TABLE, ["delete", "create"], { action_reason: "replace_because_cannot_update" }, { replace_paths: [["hash_key"]] })),
      "workload-prod",
      [],
    );
    expect(report.ok).toBe(false);
    expect(report.blocked).toEqual([
      {
        address: TABLE,
        type: "aws_dynamodb_table",
        action: "replace",
        actionReason: "replace_because_cannot_update",
        replacePaths: ["hash_key"],
        why: STATEFUL_RESOURCE_TYPES.aws_dynamodb_table,
      },
    ]);
  });

  it("does not guard aws_rds_cluster_instance, whose data lives on the cluster", () => {
    const report = evaluatePlan(
      planWith(change("aws_rds_cluster_instance.data_writer_0C1D2E3F", ["delete", "create"])),
      "workload-prod",
      [],
    );
    expect(report.ok).toBe(true);
  });

  it("counts a forget (removed block with destroy = false) without guarding it", () => {
    const report = evaluatePlan(
      planWith(change(DB, ["forget"], { action_reason: "delete_because_no_resource_config" })),
      "workload-prod",
      [],
    );
    expect(report.ok).toBe(true);
    expect(report.counts.forget).toBe(1);
  });

  it("guards the delete of a deposed object and names its key", () => {
    const report = evaluatePlan(planWith(change(DB, ["delete"], { deposed: "a1b2c3d4" })), "workload-prod", []);
    expect(report.blocked).toEqual([
      { address: DB, type: "aws_db_instance", action: "delete", deposed: "a1b2c3d4", why: STATEFUL_RESOURCE_TYPES.aws_db_instance },
    ]);
  });

  it("writes replace paths as dotted paths, with indexes and odd map keys in brackets", () => {
    const paths = [["ingress", 0, "cidr_blocks"], ["tags", "Cost Center"], ["engine"], ["engine"]];
    const report = evaluatePlan(planWith(change(DB, ["delete", "create"], {}, { replace_paths: paths })), "workload-prod", []);
    expect(report.blocked[0]!.replacePaths).toEqual(["ingress[0].cidr_blocks", 'tags["Cost Center"]', "engine"]);
  });

  it("sorts findings by address, whatever order the plan lists them in", () => {
    const plan = planWith(
      change("aws_s3_bucket.b_2", ["delete"]),
      change("aws_kms_key.k_1", ["delete"]),
      change("aws_s3_bucket.a_3", ["delete"]),
    );
    expect(evaluatePlan(plan, "workload-prod", []).blocked.map((f) => f.address)).toEqual([
      "aws_kms_key.k_1",
      "aws_s3_bucket.a_3",
      "aws_s3_bucket.b_2",
    ]);
  });

  it("treats an absent resource_changes as a plan without changes, as Terraform writes it", () => {
    const report = evaluatePlan(
      { format_version: "1.2", terraform_version: "1.11.4", planned_values: { root_module: {} } },
      "network-hub",
      [],
    );
    expect(report.ok).toBe(true);
    expect(report.counts).toEqual({ create: 0, update: 0, replace: 0, delete: 0, read: 0, forget: 0, noOp: 0 });
  });

  it("ignores properties it does not know, as format 1.x asks", () => {
    const plan = { ...planWith(change(DB, ["update"], { importing: { id: "x" } })), format_version: "1.9", output_changes: {}, checks: [] };
    expect(evaluatePlan(plan, "workload-prod", []).counts.update).toBe(1);
  });
});

describe("rejecting what is not a plan", () => {
  it("rejects input that is not a Terraform plan", () => {
    for (const input of [null, "plan", 42, [], undefined]) {
      const error = errorOf(() => evaluatePlan(input, "workload-prod", []));
      expect(error.message).toContain("Expected the JSON object of a Terraform plan, got");
      expect(error.message).toContain("terraform show -json tfplan > plan.json");
    }
  });

  it("rejects a format major version other than 1, saying which one it found and what to run", () => {
    expect(errorOf(() => evaluatePlan({ format_version: "2.0", resource_changes: [] }, "workload-prod", [])).message).toBe(
      'format_version is "2.0"; the plan guard reads format 1.x only. Create the JSON from a saved plan: terraform plan -out tfplan && terraform show -json tfplan > plan.json (format: https://developer.hashicorp.com/terraform/internals/json-format).',
    );
    expect(errorOf(() => evaluatePlan({ format_version: 1.2, resource_changes: [] }, "workload-prod", [])).message).toContain(
      "format_version is 1.2;",
    );
  });

  it("rejects JSON without format_version", () => {
    expect(errorOf(() => evaluatePlan({ resource_changes: [] }, "workload-prod", [])).message).toMatch(
      /^The JSON has no format_version, so it is not a Terraform plan\./,
    );
  });

  it("rejects a state file passed instead of a plan", () => {
    const state = { format_version: "1.0", terraform_version: "1.11.4", values: { root_module: {} } };
    expect(errorOf(() => evaluatePlan(state, "workload-prod", [])).message).toMatch(
      /^The JSON has neither resource_changes nor planned_values: it is a Terraform state/,
    );
  });

  it("rejects an action list it does not know instead of letting it through", () => {
    const error = errorOf(() => evaluatePlan(planWith(change(DB, ["obliterate"])), "workload-prod", []));
    expect(error.message).toMatch(
      /^resource_changes\[0\] \(aws_db_instance\.data_primary_4F1C2B3A\)\.change\.actions is \["obliterate"\], which the plan guard does not know/,
    );
    expect(error.message).toContain("Known: [no-op], [create], [read], [update], [delete], [delete,create], [create,delete], [forget].");
  });

  it("rejects a resource change without address, type, mode or actions, naming the field", () => {
    const cases: [unknown, string][] = [
      ["x", 'resource_changes[0] is the string "x", expected an object.'],
      [{ ...(change(DB, ["update"]) as object), address: 3 }, "resource_changes[0].address is 3, expected a resource address."],
      [
        { ...(change(DB, ["update"]) as object), type: undefined },
        `resource_changes[0] (${DB}).type is missing, expected a resource type.`,
      ],
      [
        { ...(change(DB, ["update"]) as object), mode: "managed-ish" },
        `resource_changes[0] (${DB}).mode is the string "managed-ish", expected "managed" or "data".`,
      ],
      [
        { ...(change(DB, ["update"]) as object), change: { actions: "update" } },
        `resource_changes[0] (${DB}).change.actions is the string "update", expected an array of action names.`,
      ],
    ];
    for (const [raw, message] of cases)
      expect(errorOf(() => evaluatePlan(planWith(raw), "workload-prod", [])).message).toMatch(new RegExp(`^${escapeRegExp(message)}`));
  });

  it("rejects a resource_changes that is not an array", () => {
    expect(errorOf(() => evaluatePlan({ format_version: "1.2", resource_changes: {} }, "workload-prod", [])).message).toMatch(
      /^resource_changes is an object, expected an array\./,
    );
  });

  it("rejects the binary plan file and the human-readable plan, saying which one it got", () => {
    expect(errorOf(() => parsePlanJson("PK\u0003\u0004tfplan")).message).toMatch(
      /^The plan is not valid JSON\. This looks like the binary plan file itself/,
    );
    expect(errorOf(() => parsePlanJson("Terraform will perform the following actions:\n")).message).toMatch(
      /human-readable output of terraform plan/,
    );
    expect(errorOf(() => parsePlanJson("{")).message).toMatch(/^The plan is not valid JSON\. Create the JSON from a saved plan/);
  });
});

describe("the stateful resource types", () => {
  it("guards the data stores, keys, secrets, logs and hybrid gateways", () => {
    expect(Object.keys(STATEFUL_RESOURCE_TYPES)).toEqual(
      expect.arrayContaining([
        "aws_db_instance",
        "aws_rds_cluster",
        "aws_elasticache_replication_group",
        "aws_elasticache_cluster",
        "aws_kms_key",
        "aws_s3_bucket",
        "aws_ec2_transit_gateway",
        "aws_dx_gateway",
        "aws_vpn_connection",
        "aws_networkfirewall_firewall",
        "aws_dynamodb_table",
        "aws_efs_file_system",
        "aws_secretsmanager_secret",
        "aws_cloudwatch_log_group",
        "aws_backup_vault",
      ]),
    );
    expect(STATEFUL_RESOURCE_TYPES).not.toHaveProperty("aws_rds_cluster_instance");
  });

  it("gives every type a one-line reason", () => {
    for (const [type, why] of Object.entries(STATEFUL_RESOURCE_TYPES)) {
      expect(type).toMatch(/^aws_[a-z0-9_]+$/);
      expect(why, type).toMatch(/^[^\n]{10,}[^.]$/);
    }
  });
});

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

describe("the stateful.ts docstring table", () => {
  it("lists exactly the guarded types with their reasons, so the manual stays true", () => {
    const source = readFileSync("src/plan-guard/stateful.ts", "utf8");
    const rows = [...source.matchAll(/^ \* \| (aws_[a-z0-9_]+) \| (.+) \|$/gm)].map((m) => [m[1], m[2]]);
    expect(rows).toEqual(Object.entries(STATEFUL_RESOURCE_TYPES));
  });
});
