import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import { SecretsmanagerSecret } from "@cdktf/provider-aws/lib/secretsmanager-secret";
import { describe, expect, it } from "vitest";
import {
  FargateService,
  type FargateServiceProps,
  secretValueFrom,
  type TaskSecret,
} from "../../src/modules/containers/fargate-service.js";
import { evaluateRule, SynthStack } from "../../src/policy/index.js";
import { ecsSecretsReadable } from "../../src/policy/rules/ecs-secrets-readable.js";
import { resources, resourcesByName, synthJson } from "../support/synth.js";

const base: Omit<FargateServiceProps, "secrets"> = {
  name: "acme-dev-api",
  runtime: "nodejs22",
  ecrRepositoryName: "acme/api",
  imageTag: "1.0.0",
  containerPort: 3000,
  healthCheckPath: "/health",
  cpu: 256,
  memoryMiB: 512,
  user: "1000:1000",
  desiredCount: 1,
  minCount: 1,
  maxCount: 2,
  autoscaling: { cpuPercent: 60 },
  environment: { NODE_ENV: "development" },
  deployment: "rolling",
  targetGroupNames: ["acme-dev-api"],
  clusterArn: "arn:aws:ecs:eu-west-1:222222222222:cluster/acme-dev",
  clusterName: "acme-dev",
  vpcId: "vpc-1",
  subnetIds: ["subnet-a"],
  albSecurityGroupId: "sg-alb",
  albArnSuffix: "app/acme-dev-alb/1",
  logKmsKeyArn: "arn:aws:kms:eu-west-1:222222222222:key/logs",
  logRetentionDays: 30,
  ecrKmsKeyArn: "arn:aws:kms:eu-west-1:222222222222:key/data",
  vpcCidr: "10.0.0.0/16",
  accountId: "222222222222",
  region: "eu-west-1",
};

interface Statement {
  Sid: string;
  Action: string | string[];
  Resource: string | string[];
  Condition?: Record<string, Record<string, string[]>>;
}
const PAYMENT = "arn:aws:secretsmanager:eu-west-1:222222222222:secret:acme-dev/payment-AbCdEf";
const PARAMETER = "arn:aws:ssm:eu-west-1:222222222222:parameter/acme-dev/partner-token";

/** Synthesizes a service whose secrets include one made in the same stack (an unresolved ARN at synthesis). */
function synthWith(secrets: (made: { secretArn: string; keyArn: string }) => Record<string, TaskSecret>) {
  return synthJson((s) => {
    const key = new KmsKey(s, "secrets-key", { enableKeyRotation: true });
    const secret = new SecretsmanagerSecret(s, "made-secret", { name: "acme-dev/made", kmsKeyId: key.arn });
    new FargateService(s, "service", { ...base, secrets: secrets({ secretArn: secret.arn, keyArn: key.arn }) });
  });
}
const executionStatements = (json: ReturnType<typeof synthJson>) => {
  const [address] = Object.keys(resourcesByName(json, "aws_iam_role_policy")).filter((a) => a.includes("execution-policy"));
  return JSON.parse(resourcesByName(json, "aws_iam_role_policy")[address!]!.policy as string).Statement as Statement[];
};
const containerSecrets = (json: ReturnType<typeof synthJson>) =>
  (JSON.parse(resources(json, "aws_ecs_task_definition")[0]!.container_definitions as string) as { secrets?: unknown }[])[0]!.secrets;

describe("FargateService secrets", () => {
  const json = synthWith(({ secretArn, keyArn }) => ({
    MADE: { source: "secretsmanager", arn: secretArn, kmsKeyArn: keyArn },
    DB_PASSWORD: { source: "secretsmanager", arn: PAYMENT, jsonKey: "password", kmsKeyArn: keyArn },
    PARTNER_TOKEN: { source: "ssm", arn: PARAMETER },
  }));
  const [secretAddress] = Object.keys(resourcesByName(json, "aws_secretsmanager_secret"));
  const [keyAddress] = Object.keys(resourcesByName(json, "aws_kms_key"));
  const madeArn = `\${aws_secretsmanager_secret.${secretAddress}.arn}`;

  it("lets the execution role read a secret whose ARN is a Terraform reference, not only literal ARNs", () => {
    const read = executionStatements(json).find((st) => st.Sid === "ReadSecrets")!;
    expect(read.Action).toBe("secretsmanager:GetSecretValue");
    expect(read.Resource).toEqual([madeArn, PAYMENT]);
    expect(executionStatements(json).find((st) => st.Sid === "ReadParameters")).toMatchObject({
      Action: "ssm:GetParameters",
      Resource: [PARAMETER],
    });
  });

  it("lets it decrypt with exactly the secrets' keys, through Secrets Manager and SSM only", () => {
    expect(executionStatements(json).find((st) => st.Sid === "DecryptSecrets")).toEqual({
      Sid: "DecryptSecrets",
      Effect: "Allow",
      Action: "kms:Decrypt",
      Resource: [`\${aws_kms_key.${keyAddress}.arn}`],
      Condition: { StringEquals: { "kms:ViaService": ["secretsmanager.eu-west-1.amazonaws.com", "ssm.eu-west-1.amazonaws.com"] } },
    });
  });

  it("injects each secret with its valueFrom, a JSON key appended to the secret's ARN", () => {
    expect(containerSecrets(json)).toEqual([
      { name: "MADE", valueFrom: madeArn },
      { name: "DB_PASSWORD", valueFrom: `${PAYMENT}:password::` },
      { name: "PARTNER_TOKEN", valueFrom: PARAMETER },
    ]);
  });

  it("passes LZ-AWS7: every injected secret is readable by the execution role", () => {
    expect(evaluateRule(ecsSecretsReadable, new SynthStack("test", json))).toEqual([]);
  });

  it("grants nothing for secrets, and writes no secrets list, when the task injects none", () => {
    const none = synthWith(() => ({}));
    expect(executionStatements(none).map((st) => st.Sid)).toEqual(["EcrAuth", "PullImage", "DecryptImage", "WriteLogs"]);
    expect(containerSecrets(none)).toBeUndefined();
  });

  it("refuses a JSON key on an SSM parameter, which ECS does not support", () => {
    expect(() => secretValueFrom({ source: "ssm", arn: PARAMETER, jsonKey: "x" })).toThrow(
      "a JSON key or version needs a Secrets Manager secret",
    );
  });
});
