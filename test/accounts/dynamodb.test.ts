/**
 * DynamoDB tables of the app tier (`app.dynamodbTables`) on the reference config: what prod (a global table) and dev
 * (a provisioned single-Region table) synthesize, the services' grants and variables, alarms, plan-guard, the policy
 * pack, the cost lines, and the config errors with their file:line.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SynthOutcome, synthesizeChecked } from "../../src/app.js";
import { loadConfig } from "../../src/config/index.js";
import { costInputsFromModel, estimateCosts } from "../../src/cost/index.js";
import { buildDiagram, type DiagramCluster, ids } from "../../src/diagram/index.js";
import { dynamodbCmkPitr } from "../../src/policy/rules/dynamodb-cmk-pitr.js";
import { STATEFUL_RESOURCE_TYPES } from "../../src/plan-guard/stateful.js";
import { cleanupConfigDirs, problemsOf, referenceWith, replace } from "../support/config-dir.js";
import { resources, resourcesByName, type StackJson } from "../support/synth.js";

afterAll(cleanupConfigDirs);

const PROD_TABLES =
  "  dynamodbTables:\n    - name: sessions\n      partitionKey: { name: pk, type: S }\n      sortKey: { name: sk, type: N }\n      ttlAttribute: expiresAt\n      replicaRegions: [eu-central-1]\n  waf:\n";
const DEV_TABLES =
  "  dynamodbTables:\n    - name: orders.v1\n      partitionKey: { name: id }\n      billingMode: PROVISIONED\n      readCapacity: 5\n      writeCapacity: 2\n  cache:\n";

const tablesDir = () => referenceWith({ "prod.yaml": replace("  waf:\n", PROD_TABLES), "dev.yaml": replace("  cache:\n", DEV_TABLES) });

let outcome: SynthOutcome;
let json: (stack: string) => StackJson;
let dir: string;
beforeAll(() => {
  dir = tablesDir();
  const out = mkdtempSync(join(tmpdir(), "lz-dynamodb-"));
  outcome = synthesizeChecked(loadConfig(dir), out);
  json = (stack) => JSON.parse(readFileSync(join(out, "stacks", stack, "cdk.tf.json"), "utf8")) as StackJson;
});

const table = (stack: string) => resources(json(stack), "aws_dynamodb_table")[0]!;
const taskStatements = (j: StackJson) =>
  Object.entries(resourcesByName(j, "aws_iam_role_policy"))
    .filter(([k]) => k.includes("task-policy"))
    .map(
      ([, p]) => JSON.parse(p.policy as string).Statement as { Sid: string; Action: string[]; Resource: unknown; Condition?: unknown }[],
    );

describe("DynamoDB tables", () => {
  it("passes the policy pack, and LZ-DATA4 judges the tables compliant", () => {
    expect(outcome.policy.errors).toEqual([]);
    expect(outcome.policy.warnings).toEqual([]);
    expect(dynamodbCmkPitr.resourceTypes).toEqual(["aws_dynamodb_table"]);
  });

  it("builds a prod global table: data key, PITR, deletion protection, prevent_destroy, a stream and a replica under its own key", () => {
    const t = table("workload-prod");
    expect(t).toMatchObject({
      name: "acme-prod-sessions",
      billing_mode: "PAY_PER_REQUEST",
      hash_key: "pk",
      range_key: "sk",
      attribute: [
        { name: "pk", type: "S" },
        { name: "sk", type: "N" },
      ],
      point_in_time_recovery: { enabled: true },
      deletion_protection_enabled: true,
      lifecycle: { prevent_destroy: true },
      stream_enabled: true,
      stream_view_type: "NEW_AND_OLD_IMAGES",
      ttl: { enabled: true, attribute_name: "expiresAt" },
    });
    expect((t.server_side_encryption as { kms_key_arn: string }).kms_key_arn).toMatch(/^\$\{aws_kms_key\.keys_data_key_\w+\.arn\}$/);
    const [replica] = t.replica as { region_name: string; kms_key_arn: string; point_in_time_recovery: boolean }[];
    expect(replica).toMatchObject({ region_name: "eu-central-1", point_in_time_recovery: true });
    const keys = resourcesByName(json("workload-prod"), "aws_kms_key");
    const replicaKey = Object.entries(keys).find(([k]) => replica!.kms_key_arn.includes(k));
    expect(replicaKey?.[0]).toContain("dynamodb-replica-key-eu-central-1");
    expect(String(replicaKey?.[1].provider)).toContain("aws.dynamodb-eu-central-1");
  });

  it("builds a dev provisioned table without protection, stream or replica", () => {
    const t = table("workload-dev");
    expect(t).toMatchObject({ name: "acme-dev-orders.v1", billing_mode: "PROVISIONED", read_capacity: 5, write_capacity: 2 });
    expect(t.deletion_protection_enabled).toBe(false);
    for (const key of ["lifecycle", "stream_enabled", "replica", "range_key", "ttl"]) expect(t, key).not.toHaveProperty(key);
    expect(resources(json("workload-test"), "aws_dynamodb_table")).toEqual([]);
  });

  it("grants every service item access on the table and its indexes, the data key through DynamoDB only, and the table's name", () => {
    const prod = json("workload-prod");
    const statements = taskStatements(prod);
    expect(statements.length).toBe(2);
    for (const s of statements) {
      const items = s.find((x) => x.Sid === "ReadWriteDynamodbItems")!;
      expect(items.Action).not.toContain("dynamodb:Scan");
      expect(items.Action).toContain("dynamodb:ConditionCheckItem");
      expect(items.Resource).toEqual([
        expect.stringMatching(/aws_dynamodb_table\..*\.arn\}$/),
        expect.stringMatching(/\.arn\}\/index\/\*$/),
      ]);
      expect(s.find((x) => x.Sid === "UseDataKeyThroughDynamodb")?.Condition).toEqual({
        StringEquals: { "kms:ViaService": "dynamodb.eu-west-1.amazonaws.com" },
      });
    }
    for (const d of resources(prod, "aws_ecs_task_definition"))
      expect(d.container_definitions as string).toMatch(/"name":"DYNAMODB_TABLE_SESSIONS","value":"\$\{aws_dynamodb_table\./);
    for (const d of resources(json("workload-dev"), "aws_ecs_task_definition"))
      expect(d.container_definitions as string).toContain('"name":"DYNAMODB_TABLE_ORDERS_V1"');
  });

  it("alarms on throttled requests and system errors summed over the operations, and plan-guard guards the table", () => {
    const alarms = resources(json("workload-prod"), "aws_cloudwatch_metric_alarm").filter((a) => String(a.alarm_name).includes("dynamodb"));
    expect(alarms.map((a) => a.alarm_name).sort()).toEqual([
      "acme-prod-acme-prod-sessions-dynamodb-system-errors",
      "acme-prod-acme-prod-sessions-dynamodb-throttled-requests",
    ]);
    for (const a of alarms) {
      const queries = a.metric_query as { id: string; expression?: string; metric?: { dimensions: Record<string, string> } }[];
      expect(
        queries
          .filter((q) => q.metric)
          .every((q) => q.metric!.dimensions.TableName === "acme-prod-sessions" && q.metric!.dimensions.Operation),
      ).toBe(true);
      expect(queries.find((q) => q.expression)?.expression).toMatch(/^SUM\(\[FILL\(m0, 0\)/);
    }
    expect(STATEFUL_RESOURCE_TYPES).toHaveProperty("aws_dynamodb_table");
  });

  it("lists each table as an unpriced cost line", () => {
    const estimate = estimateCosts(costInputsFromModel(loadConfig(dir)));
    const lines = estimate.accounts.flatMap((a) => a.lines).filter((l) => l.key.startsWith("dynamodb-"));
    expect(lines.map((l) => [l.component, l.quantity, l.unit, Boolean(l.unpriced)])).toEqual([
      ["DynamoDB acme-dev-orders.v1", 7 * 730, "capacity-unit-hour", true],
      ["DynamoDB acme-prod-sessions", 2, "table", true],
    ]);
  });
});

describe("DynamoDB in the diagram", () => {
  it("draws one DynamoDB node per environment with tables, in the account frame, reached from the services", () => {
    const diagram = buildDiagram(loadConfig(dir));
    const all = (cs: readonly DiagramCluster[]): DiagramCluster[] => cs.flatMap((c) => [c, ...all(c.clusters)]);
    const holder = (id: string) => all(diagram.clusters).find((c) => c.nodes.some((n) => n.id === id));
    expect(holder(ids.dynamodb("prod"))?.id).toBe(ids.workloadAccount("prod"));
    expect(holder(ids.dynamodb("prod"))?.nodes.find((n) => n.id === ids.dynamodb("prod"))?.lines).toEqual([
      "DynamoDB",
      "acme-prod-sessions · on-demand · PITR · replicas eu-central-1",
    ]);
    expect(holder(ids.dynamodb("test"))).toBeUndefined();
    expect(diagram.edges.some((e) => e.from === ids.services("dev") && e.to === ids.dynamodb("dev"))).toBe(true);
  });
});

describe("DynamoDB table config", () => {
  it("rejects a bad name, a duplicate, a replica in the home Region or twice, an unknown Region and a missing capacity, with file:line", () => {
    const d = referenceWith({
      "prod.yaml": replace(
        "  waf:\n",
        "  dynamodbTables:\n    - name: ab\n      partitionKey: { name: pk }\n    - name: s-1\n      partitionKey: { name: pk }\n      replicaRegions: [eu-west-1, eu-central-1, eu-central-1, eu-nowhere-1]\n    - name: s.1\n      partitionKey: { name: pk }\n      billingMode: PROVISIONED\n      readCapacity: 1\n      pointInTimeRecovery: false\n  waf:\n",
      ),
    });
    expect(problemsOf(d)).toEqual([
      expect.stringMatching(/^<dir>\/prod\.yaml:77:13 app\.dynamodbTables\[0\]\.name: Write a table name of 3 to 255 characters/),
      expect.stringMatching(
        /^<dir>\/prod\.yaml:\d+:\d+ app\.dynamodbTables\[2\]\.writeCapacity: billingMode PROVISIONED needs writeCapacity\./,
      ),
    ]);
    const e = referenceWith({
      "prod.yaml": replace(
        "  waf:\n",
        "  dynamodbTables:\n    - name: s-1\n      partitionKey: { name: pk }\n      replicaRegions: [eu-west-1, eu-central-1, eu-central-1, eu-nowhere-1]\n    - name: s.1\n      partitionKey: { name: pk }\n      pointInTimeRecovery: false\n  waf:\n",
      ),
    });
    expect(problemsOf(e)).toEqual([
      "<dir>/prod.yaml:79:24 app.dynamodbTables[0].replicaRegions[0]: a replica must be in another Region than the environment (eu-west-1); the table itself is there. Write a different Region.",
      "<dir>/prod.yaml:79:49 app.dynamodbTables[0].replicaRegions[2]: eu-central-1 is listed twice; a global table has at most one replica per Region. Remove the second.",
      expect.stringMatching(
        /^<dir>\/prod\.yaml:79:63 app\.dynamodbTables\[0\]\.replicaRegions\[3\]: "eu-nowhere-1" is not an AWS Region\./,
      ),
      '<dir>/prod.yaml:80:13 app.dynamodbTables[1].name: table name "s.1" gives the same variable DYNAMODB_TABLE_S_1 as dynamodbTables[0]. Give each table its own name.',
      "<dir>/prod.yaml:82:28 app.dynamodbTables[1].pointInTimeRecovery: a prod-segment table must keep point-in-time recovery. Write pointInTimeRecovery: true.",
    ]);
  });
});
