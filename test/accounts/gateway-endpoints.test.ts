/**
 * Gateway endpoints (S3, DynamoDB) of the workload VPCs on the reference config (test/fixtures/reference), and on
 * copies that turn them off or keep one: the route tables they serve, their endpoint policy, the config's errors.
 * That they equal the routing plan is test/routing/conformance.test.ts.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { landingZoneAccountIds } from "../../src/accounts/workload-stack.js";
import { synthesizeChecked } from "../../src/app.js";
import { loadConfig } from "../../src/config/index.js";
import { gatewayEndpointPolicy } from "../../src/modules/vpc/index.js";
import { cleanupConfigDirs, problemsOf, referenceWith, replace } from "../support/config-dir.js";
import { referenceSynthesis } from "../support/shared-synthesis.js";
import { resources, resourcesByName, type StackJson } from "../support/synth.js";

afterAll(cleanupConfigDirs);

const gatewayEndpoints = (json: StackJson) => resources(json, "aws_vpc_endpoint").filter((e) => e.vpc_endpoint_type === "Gateway");
/** The route tables of `json` associated with a subnet whose resource name holds `tier` (`private-app`, ...). */
const tablesOf = (json: StackJson, tier: string) =>
  Object.keys(resourcesByName(json, "aws_route_table"))
    .filter((n) => n.includes(`${tier}-route-table`))
    .map((n) => `\${aws_route_table.${n}.id}`)
    .sort();

describe("gateway endpoints of the reference config", () => {
  const s = referenceSynthesis();
  const workloads = s.model.environments;

  it("builds an S3 and a DynamoDB gateway endpoint in every workload VPC, on every privateApp route table and no other", () => {
    expect(workloads.length).toBeGreaterThan(0);
    for (const env of workloads) {
      const json = s.json(`workload-${env.name}`);
      const endpoints = gatewayEndpoints(json);
      expect(endpoints.map((e) => e.service_name).sort()).toEqual([
        `com.amazonaws.${env.region}.dynamodb`,
        `com.amazonaws.${env.region}.s3`,
      ]);
      const app = tablesOf(json, "private-app");
      expect(app).toHaveLength(env.vpc.azCount);
      for (const e of endpoints) {
        expect(e.vpc_id).toMatch(/^\$\{aws_vpc\.vpc_[A-Za-z0-9]+\.id\}$/);
        expect([...(e.route_table_ids as string[])].sort()).toEqual(app);
      }
    }
  });

  it("builds no gateway endpoint in the network hub", () => {
    expect(gatewayEndpoints(s.json("network-hub"))).toEqual([]);
  });

  it("admits the landing zone's accounts through both endpoints, and anyone to ECR's layer bucket through the S3 one", () => {
    const accounts = landingZoneAccountIds(s.model);
    expect(accounts).toContain(s.model.networkHub.accountId);
    for (const env of workloads) {
      expect(accounts).toContain(env.accountId);
      for (const e of gatewayEndpoints(s.json(`workload-${env.name}`))) {
        const statements = JSON.parse(e.policy as string).Statement as Record<string, unknown>[];
        expect(statements[0]).toEqual({
          Sid: "LandingZonePrincipals",
          Effect: "Allow",
          Principal: "*",
          Action: "*",
          Resource: "*",
          Condition: { StringEquals: { "aws:PrincipalAccount": accounts } },
        });
        if (String(e.service_name).endsWith(".s3"))
          expect(statements.slice(1)).toEqual([
            {
              Sid: "EcrImageLayers",
              Effect: "Allow",
              Principal: "*",
              Action: "s3:GetObject",
              Resource: `arn:aws:s3:::prod-${env.region}-starport-layer-bucket/*`,
            },
          ]);
        else expect(statements).toHaveLength(1);
      }
    }
  });
});

describe("gatewayEndpointPolicy", () => {
  it("throws when no account may use the endpoint", () => {
    expect(() => gatewayEndpointPolicy("s3", "eu-west-1", [])).toThrow("gateway endpoint policy of s3: principalAccountIds is empty");
  });

  it("names the partition in the ECR layer bucket's ARN", () => {
    expect(gatewayEndpointPolicy("s3", "cn-north-1", ["111111111111"], "aws-cn")[1]?.Resource).toBe(
      "arn:aws-cn:s3:::prod-cn-north-1-starport-layer-bucket/*",
    );
  });
});

describe("vpc.gatewayEndpoints", () => {
  it("turns the endpoints off with [] and keeps only S3 with [s3], through the policy pack", () => {
    const dir = referenceWith({
      "dev.yaml": replace("vpc:\n", "vpc:\n  gatewayEndpoints: []\n"),
      "test.yaml": replace("vpc:\n", "vpc:\n  gatewayEndpoints: [s3]\n"),
    });
    const out = mkdtempSync(join(tmpdir(), "lz-gateway-endpoints-"));
    synthesizeChecked(loadConfig(dir), out);
    const json = (stack: string) => JSON.parse(readFileSync(join(out, "stacks", stack, "cdk.tf.json"), "utf8")) as StackJson;
    expect(gatewayEndpoints(json("workload-dev"))).toEqual([]);
    expect(gatewayEndpoints(json("workload-test")).map((e) => e.service_name)).toEqual(["com.amazonaws.eu-west-1.s3"]);
    expect(gatewayEndpoints(json("workload-prod"))).toHaveLength(2);
  });

  it("rejects a service without a gateway endpoint and a service listed twice", () => {
    const dir = referenceWith({
      "dev.yaml": replace("vpc:\n", "vpc:\n  gatewayEndpoints: [s3, ec2]\n"),
      "test.yaml": replace("vpc:\n", "vpc:\n  gatewayEndpoints: [s3, s3]\n"),
    });
    expect(problemsOf(dir)).toEqual([
      '<dir>/dev.yaml:9:26 vpc.gatewayEndpoints[1]: "ec2" is not allowed. Write one of: s3, dynamodb.',
      "<dir>/test.yaml:9:21 vpc.gatewayEndpoints: List each gateway endpoint service once, for example gatewayEndpoints: [s3, dynamodb] (got a list).",
    ]);
  });
});
