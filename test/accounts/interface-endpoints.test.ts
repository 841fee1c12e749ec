/**
 * Interface VPC endpoints (`vpc.interfaceEndpoints`) on a copy of the reference config with them in prod: the
 * endpoints, their subnets, security group and policy; none by default; the config's errors; their cost lines.
 */
import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/index.js";
import { interfaceEndpointCost } from "../../src/cost/components/network.js";
import { EU_WEST_1 } from "../../src/cost/prices/eu-west-1.js";
import { costInputsFromModel } from "../../src/cost/adapters/model.js";
import { cleanupConfigDirs, problemsOf, REFERENCE_DIR, referenceWith, replace } from "../support/config-dir.js";
import { configSynthesis, referenceSynthesis } from "../support/shared-synthesis.js";
import { resources } from "../support/synth.js";

afterAll(cleanupConfigDirs);

const SERVICES = "[ecr.api, ecr.dkr, logs, secretsmanager, ssm, ssmmessages, ec2messages, sts, kms]";
const dir = referenceWith({ "prod.yaml": replace("  natGateways: none", `  natGateways: none\n  interfaceEndpoints: ${SERVICES}`) });
const interfaceEndpoints = (json: ReturnType<ReturnType<typeof configSynthesis>["json"]>) =>
  resources(json, "aws_vpc_endpoint").filter((e) => e.vpc_endpoint_type === "Interface");

describe("interface endpoints", () => {
  it("builds none by default", () => {
    const s = referenceSynthesis();
    for (const env of s.model.environments) expect(interfaceEndpoints(s.json(`workload-${env.name}`)), env.name).toEqual([]);
  });

  it("builds each listed service in the privateApp subnets with private DNS, one security group admitting 443 from the VPC", () => {
    const s = configSynthesis(dir);
    const prod = s.json("workload-prod");
    const endpoints = interfaceEndpoints(prod);
    expect(endpoints.map((e) => e.service_name).sort()).toEqual(
      ["ec2messages", "ecr.api", "ecr.dkr", "kms", "logs", "secretsmanager", "ssm", "ssmmessages", "sts"].map(
        (x) => `com.amazonaws.eu-west-1.${x}`,
      ),
    );
    for (const e of endpoints) {
      expect(e.private_dns_enabled).toBe(true);
      expect(e.subnet_ids).toEqual(
        [0, 1, 2].map((az) => expect.stringMatching(new RegExp(`^\\$\\{aws_subnet\\.vpc_private-app-subnet-${az}_`))),
      );
      expect(e.security_group_ids).toEqual([expect.stringMatching(/^\$\{aws_security_group\.interface-endpoints_security-group_/)]);
    }
    const https = resources(prod, "aws_vpc_security_group_ingress_rule").filter((r) =>
      String(r.security_group_id).includes("interface-endpoints"),
    );
    expect(https.map((r) => [r.ip_protocol, r.from_port, r.to_port, r.cidr_ipv4])).toEqual([["tcp", 443, 443, "10.30.0.0/16"]]);
    expect(s.outcome.policy.errors).toEqual([]);
    expect(s.outcome.policy.warnings).toEqual([]);
    // dev and test list none.
    expect(interfaceEndpoints(s.json("workload-dev"))).toEqual([]);
  });

  it("restricts the endpoints to the landing zone's accounts, except the Session Manager channels (AWS's default policy)", () => {
    const prod = configSynthesis(dir).json("workload-prod");
    for (const e of interfaceEndpoints(prod)) {
      const service = String(e.service_name).replace("com.amazonaws.eu-west-1.", "");
      if (service === "ssmmessages" || service === "ec2messages") {
        expect(e.policy, service).toBeUndefined();
        continue;
      }
      const policy = JSON.parse(String(e.policy)) as { Statement: { Condition: Record<string, Record<string, string[]>> }[] };
      expect(
        policy.Statement.map((st) => st.Condition.StringEquals?.["aws:PrincipalAccount"]),
        service,
      ).toEqual([["111111111111", "222222222222", "333333333333", "444444444444"]]);
    }
  });

  it("rejects a service AWS does not offer here and one listed twice", () => {
    expect(
      problemsOf(referenceWith({ "prod.yaml": replace("  natGateways: none", "  natGateways: none\n  interfaceEndpoints: [logs, s3]") })),
    ).toEqual([
      '<dir>/prod.yaml:12:30 vpc.interfaceEndpoints[1]: "s3" is not allowed. Write one of: ecr.api, ecr.dkr, logs, secretsmanager, ssm, ssmmessages, ec2messages, sts, kms.',
    ]);
    expect(
      problemsOf(referenceWith({ "prod.yaml": replace("  natGateways: none", "  natGateways: none\n  interfaceEndpoints: [logs, logs]") })),
    ).toEqual([
      "<dir>/prod.yaml:12:23 vpc.interfaceEndpoints: List each interface endpoint service once, for example interfaceEndpoints: [ecr.api, ecr.dkr, logs] (got a list).",
    ]);
  });

  it("prices every endpoint per AZ and hour and per GB, and the processing the traffic no longer pays", () => {
    const through = (withoutEndpoints: "nat" | "inspection") =>
      interfaceEndpointCost(
        { services: ["ecr.api", "ecr.dkr", "logs"], azCount: 3, gbProcessedPerMonth: 100, withoutEndpoints },
        730,
        EU_WEST_1,
      ).map((l) => [l.key, l.monthlyUsd]);
    // 3 endpoints × 3 AZs × 730 h × 0.011 = 72.27; 100 GB × 0.01 = 1.00; saved: 100 × 0.048 (NAT) = 4.80,
    // or 100 × (0.02 TGW + 0.065 firewall + 0.048 hub NAT) = 13.30.
    expect(through("nat")).toEqual([
      ["interface-endpoint-hours", 72.27],
      ["interface-endpoint-data", 1],
      ["interface-endpoint-saved", -4.8],
    ]);
    expect(through("inspection")[2]).toEqual(["interface-endpoint-saved", -13.3]);
    const prod = costInputsFromModel(loadConfig(dir)).find((s) => s.name === "prod");
    expect(prod?.inputs.interfaceEndpoints).toEqual({
      services: ["ecr.api", "ecr.dkr", "logs", "secretsmanager", "ssm", "ssmmessages", "ec2messages", "sts", "kms"],
      azCount: 3,
      gbProcessedPerMonth: 20,
      withoutEndpoints: "inspection",
    });
    expect(costInputsFromModel(loadConfig(REFERENCE_DIR)).some((s) => s.inputs.interfaceEndpoints)).toBe(false);
  });
});
