import { TerraformOutput } from "cdktf";
import { describe, expect, it } from "vitest";
import { RedisCache, type RedisCacheProps } from "../../src/modules/cache/redis.js";
import { evaluateRule, SynthStack } from "../../src/policy/index.js";
import { elasticacheNotificationTopic } from "../../src/policy/rules/elasticache-notification-topic.js";
import { resources, resourcesByName, synthJson } from "../support/synth.js";

const props: RedisCacheProps = {
  replicationGroupId: "acme-prod-redis",
  nodeType: "cache.r7g.large",
  replicas: 1,
  multiAz: true,
  snapshotRetentionDays: 7,
  iamUserName: "acme-prod-redis-app",
  defaultUserId: "acme-prod-redis-default",
  userGroupId: "acme-prod-redis-users",
  kmsKeyArn: "arn:aws:kms:eu-west-1:444444444444:key/data",
  vpcId: "vpc-1",
  subnetIds: ["subnet-a", "subnet-b"],
};

const json = synthJson((s) => {
  const cache = new RedisCache(s, "cache", props);
  new TerraformOutput(s, "connect", { value: cache.connectStatement() });
});
const users = resourcesByName(json, "aws_elasticache_user");
const userAddress = (name: string) => Object.entries(users).find(([, u]) => u.user_name === name)![0];

describe("RedisCache", () => {
  it("authenticates clients with IAM: no AUTH token, a user group on the replication group, TLS, Redis OSS 7+", () => {
    const [group] = resources(json, "aws_elasticache_replication_group");
    expect(group!.auth_token).toBeUndefined();
    expect(group!.auth_token_update_strategy).toBeUndefined();
    const [userGroupAddress] = Object.keys(resourcesByName(json, "aws_elasticache_user_group"));
    expect(group).toMatchObject({
      transit_encryption_enabled: true,
      user_group_ids: [`\${aws_elasticache_user_group.${userGroupAddress}.user_group_id}`],
    });
    expect(Number(String(group!.engine_version).split(".")[0])).toBeGreaterThanOrEqual(7);
    expect(resources(json, "aws_secretsmanager_secret")).toEqual([]);
  });

  it("creates the IAM user with user id equal to its user name", () => {
    const app = users[userAddress("acme-prod-redis-app")]!;
    expect(app).toMatchObject({ user_id: "acme-prod-redis-app", user_name: "acme-prod-redis-app", authentication_mode: { type: "iam" } });
    expect(app.passwords).toBeUndefined();
  });

  it("puts a switched-off default user in the group, as every Redis user group must hold one", () => {
    const fallback = users[userAddress("default")]!;
    expect(fallback).toMatchObject({ user_id: "acme-prod-redis-default", access_string: "off -@all" });
    expect(fallback.user_id).not.toBe("default");
    const [group] = resources(json, "aws_elasticache_user_group");
    expect(group!.user_ids).toEqual([
      `\${aws_elasticache_user.${userAddress("default")}.user_id}`,
      `\${aws_elasticache_user.${userAddress("acme-prod-redis-app")}.user_id}`,
    ]);
  });

  it("allows elasticache:Connect on both the replication group and the user", () => {
    const [groupAddress] = Object.keys(resourcesByName(json, "aws_elasticache_replication_group"));
    expect((json.output as Record<string, { value: unknown }>).connect!.value).toEqual({
      Sid: "ConnectToCacheWithIam",
      Effect: "Allow",
      Action: "elasticache:Connect",
      Resource: [
        `\${aws_elasticache_replication_group.${groupAddress}.arn}`,
        `\${aws_elasticache_user.${userAddress("acme-prod-redis-app")}.arn}`,
      ],
    });
  });

  it("sends no notifications to an SNS topic, which could not be encrypted (LZ-AWS8)", () => {
    expect(resources(json, "aws_elasticache_replication_group")[0]!.notification_topic_arn).toBeUndefined();
    expect(evaluateRule(elasticacheNotificationTopic, new SynthStack("test", json))).toEqual([]);
  });

  it("throws when the engine version predates IAM authentication", () => {
    expect(() => synthJson((s) => new RedisCache(s, "cache", { ...props, engineVersion: "6.2" }))).toThrow(
      "IAM authentication needs Redis OSS 7.0 or later, not engineVersion 6.2",
    );
  });
});
