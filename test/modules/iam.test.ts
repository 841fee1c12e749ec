import { describe, expect, it } from "vitest";
import {
  accountAdministersKey,
  allowKeyUseByService,
  allowService,
  denyInsecureBucketTransport,
  policyJson,
  rolePrincipals,
  serviceAssumesRole,
} from "../../src/modules/iam/index.js";

describe("policy documents", () => {
  it("renders version 2012-10-17 and the statements with their keys in the order written", () => {
    expect(policyJson([{ Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::b/*", Sid: "Read" }])).toBe(
      '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*","Sid":"Read"}]}',
    );
  });

  it("writes helper statements as Sid, Effect, Principal, Action, Resource, Condition, leaving absent parts out", () => {
    expect(Object.keys(allowService("S", "x.amazonaws.com", "a:B", "r", { Bool: { k: "v" } }))).toEqual([
      "Sid",
      "Effect",
      "Principal",
      "Action",
      "Resource",
      "Condition",
    ]);
    expect(Object.keys(allowKeyUseByService("S", "x.amazonaws.com", "kms:Decrypt"))).toEqual([
      "Sid",
      "Effect",
      "Principal",
      "Action",
      "Resource",
    ]);
    expect(Object.keys(serviceAssumesRole("x.amazonaws.com"))).toEqual(["Effect", "Principal", "Action"]);
    expect(Object.keys(serviceAssumesRole("x.amazonaws.com", { sid: "T", condition: { Bool: { k: "v" } } }))).toEqual([
      "Sid",
      "Effect",
      "Principal",
      "Action",
      "Condition",
    ]);
  });

  it("denies plain-HTTP requests on a bucket and its objects to anyone", () => {
    expect(denyInsecureBucketTransport("arn:aws:s3:::b")).toEqual({
      Sid: "DenyInsecureTransport",
      Effect: "Deny",
      Principal: "*",
      Action: "s3:*",
      Resource: ["arn:aws:s3:::b", "arn:aws:s3:::b/*"],
      Condition: { Bool: { "aws:SecureTransport": "false" } },
    });
  });

  it("lets the account root administer a key, in the given partition", () => {
    expect(accountAdministersKey("Admin", "111111111111", "aws-us-gov")).toEqual({
      Sid: "Admin",
      Effect: "Allow",
      Principal: { AWS: "arn:aws-us-gov:iam::111111111111:root" },
      Action: "kms:*",
      Resource: "*",
    });
  });

  it("admits roles through their account roots narrowed by aws:PrincipalArn, sorted and without duplicates", () => {
    const a = "arn:aws:iam::222222222222:role/b";
    const b = "arn:aws:iam::111111111111:role/a";
    expect(rolePrincipals([a, b, a])).toEqual({
      Principal: { AWS: ["arn:aws:iam::111111111111:root", "arn:aws:iam::222222222222:root"] },
      Condition: { ArnEquals: { "aws:PrincipalArn": [b, a] } },
    });
    expect(rolePrincipals([b])).toEqual({
      Principal: { AWS: "arn:aws:iam::111111111111:root" },
      Condition: { ArnEquals: { "aws:PrincipalArn": b } },
    });
  });

  it("throws when rolePrincipals gets no role or something other than a role ARN", () => {
    expect(() => rolePrincipals([])).toThrow(/at least one role ARN/);
    expect(() => rolePrincipals(["arn:aws:iam::111111111111:user/x"])).toThrow(/not an IAM role ARN/);
  });
});
