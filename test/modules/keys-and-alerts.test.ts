import { describe, expect, it } from "vitest";
import { AccountKeys } from "../../src/modules/encryption/index.js";
import { AlertTopic } from "../../src/modules/observability/index.js";
import { resources, synthJson } from "../support/synth.js";

interface Statement {
  Sid: string;
  Principal: Record<string, unknown>;
  Condition?: Record<string, Record<string, string>>;
}
const policyOf = (key: Record<string, unknown>) => JSON.parse(key.policy as string).Statement as Statement[];

describe("AccountKeys", () => {
  const json = synthJson((s) => {
    const keys = new AccountKeys(s, "keys", {
      accountId: "444444444444",
      region: "eu-west-1",
      namePrefix: "acme-prod",
      preventDestroy: true,
    });
    keys.data.addToPolicy({
      Sid: "Extra",
      Effect: "Allow",
      Principal: { Service: "example.amazonaws.com" },
      Action: "kms:Decrypt",
      Resource: "*",
    });
  });
  const keys = resources(json, "aws_kms_key");

  it("creates one key per purpose with rotation on and an alias each", () => {
    expect(keys).toHaveLength(3);
    expect(keys.every((k) => k.enable_key_rotation === true)).toBe(true);
    expect(resources(json, "aws_kms_alias").map((a) => a.name)).toEqual([
      "alias/acme-prod-data",
      "alias/acme-prod-logs",
      "alias/acme-prod-secrets",
    ]);
  });

  it("protects the keys from deletion when asked", () => {
    expect(keys.every((k) => (k.lifecycle as { prevent_destroy?: boolean } | undefined)?.prevent_destroy === true)).toBe(true);
    const unprotected = synthJson(
      (s) => new AccountKeys(s, "keys", { accountId: "222222222222", region: "eu-west-1", namePrefix: "acme-dev" }),
    );
    expect(resources(unprotected, "aws_kms_key").every((k) => k.lifecycle === undefined)).toBe(true);
  });

  it("lets CloudWatch Logs use the logs key only for this account's log groups, and publishers only for this account", () => {
    const logs = keys.find((k) => k.description === "Logs and alerts (acme-prod)")!;
    const statements = policyOf(logs);
    const cwl = statements.find((s) => s.Sid === "CloudWatchLogsUsesKeyForThisAccount")!;
    expect(cwl.Principal).toEqual({ Service: "logs.eu-west-1.amazonaws.com" });
    expect(cwl.Condition?.ArnLike?.["kms:EncryptionContext:aws:logs:arn"]).toBe("arn:aws:logs:eu-west-1:444444444444:log-group:*");
    const alarms = statements.find((s) => s.Sid === "AlarmsPublishToEncryptedTopic")!;
    expect(alarms.Principal).toEqual({ Service: "cloudwatch.amazonaws.com" });
    expect(alarms.Condition?.StringEquals?.["aws:SourceAccount"]).toBe("444444444444");
  });

  it("lets EventBridge use the logs key for the encrypted alert topic without aws:Source* conditions, which SNS does not support there", () => {
    const logs = keys.find((k) => k.description === "Logs and alerts (acme-prod)")!;
    const events = policyOf(logs).filter((s) => JSON.stringify(s.Principal).includes("events.amazonaws.com"));
    expect(events).toEqual([
      {
        Sid: "EventBridgePublishesToEncryptedTopic",
        Effect: "Allow",
        Principal: { Service: "events.amazonaws.com" },
        Action: ["kms:Decrypt", "kms:GenerateDataKey*"],
        Resource: "*",
      },
    ]);
  });

  it("takes statements added after construction into the synthesized policy, and refuses a duplicate Sid", () => {
    const data = keys.find((k) => k.description === "Data stores (acme-prod)")!;
    expect(policyOf(data).map((s) => s.Sid)).toEqual(["AccountAdministersKey", "Extra"]);
    expect(() =>
      synthJson((s) => {
        const k = new AccountKeys(s, "keys", { accountId: "444444444444", region: "eu-west-1", namePrefix: "x" });
        k.data.addToPolicy({ Sid: "AccountAdministersKey", Effect: "Allow", Principal: { AWS: "x" }, Action: "kms:*", Resource: "*" });
      }),
    ).toThrow(/already has statement AccountAdministersKey/);
  });
});

describe("AlertTopic", () => {
  const json = synthJson(
    (s) =>
      new AlertTopic(s, "alerts", {
        name: "acme-prod-alerts",
        accountId: "444444444444",
        region: "eu-west-1",
        kmsKeyArn: "arn:aws:kms:eu-west-1:444444444444:key/k",
        emails: ["a@example.com", "b@example.com"],
      }),
  );

  it("encrypts the topic with the given key and subscribes every address by email", () => {
    expect(resources(json, "aws_sns_topic")[0]).toMatchObject({
      name: "acme-prod-alerts",
      kms_master_key_id: "arn:aws:kms:eu-west-1:444444444444:key/k",
    });
    expect(resources(json, "aws_sns_topic_subscription").map((s) => [s.protocol, s.endpoint])).toEqual([
      ["email", "a@example.com"],
      ["email", "b@example.com"],
    ]);
  });

  it("lets only this account's alarms and rules publish, over TLS", () => {
    const statements = JSON.parse(resources(json, "aws_sns_topic_policy")[0]!.policy as string).Statement as Statement[];
    const allow = statements.find((s) => s.Sid === "AlarmsAndEventsOfThisAccountPublish")!;
    expect(allow.Principal).toEqual({ Service: ["cloudwatch.amazonaws.com", "events.amazonaws.com"] });
    expect(allow.Condition?.StringEquals?.["aws:SourceAccount"]).toBe("444444444444");
    expect(statements.find((s) => s.Sid === "DenyInsecureTransport")?.Condition?.Bool?.["aws:SecureTransport"]).toBe("false");
  });
});
