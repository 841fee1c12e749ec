/**
 * IAM policy documents as typed objects: one statement type for every identity, trust, bucket, key, topic and
 * log-group resource policy the modules write, the renderer that turns statements into the JSON string a
 * resource's `policy` argument takes, and helpers for the statements that recur.
 *
 * Policies are rendered with `JSON.stringify`, so a statement's keys appear in the JSON in the order they were
 * written (the helpers below write Sid, Effect, Principal, Action, Resource, Condition) and absent keys are left
 * out. Attribute references (a bucket or key ARN) may appear inside strings and resolve at synthesis.
 * Grammar: "IAM JSON policy element reference",
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements.html
 */

/** The policy language version every document uses. */
export const POLICY_VERSION = "2012-10-17";

/**
 * `Principal`: `"*"` (anyone; only in Deny statements here), or principal type (`AWS`, `Service`, `Federated`)
 * to one identifier or a list.
 */
export type PolicyPrincipal = "*" | Readonly<Record<string, string | readonly string[]>>;

/** `Condition`: condition operator (`StringEquals`, `ArnLike`, `Bool`, ...) to condition key to one value or a list. */
export type PolicyCondition = Readonly<Record<string, Readonly<Record<string, string | readonly string[]>>>>;

/**
 * One statement of a policy document.
 * - `Sid`: statement id; absent in some trust policies. Keys, buckets and topics that collect statements
 *   ({@link NamedPolicyStatement}) require it and refuse duplicates.
 * - `Principal`: only in resource policies (bucket, key, topic, log group) and trust policies.
 * - `Resource`: absent in trust policies; `"*"` in a key policy means the key itself.
 */
export interface PolicyStatement {
  readonly Sid?: string;
  readonly Effect: "Allow" | "Deny";
  readonly Principal?: PolicyPrincipal;
  readonly Action: string | readonly string[];
  readonly Resource?: string | readonly string[];
  readonly Condition?: PolicyCondition;
}

/** A statement with a `Sid`, as `addToPolicy` of buckets and keys takes it (they refuse a duplicate `Sid`). */
export type NamedPolicyStatement = PolicyStatement & { readonly Sid: string };

/** A policy document: version 2012-10-17 and its statements, in order. */
export interface PolicyDocument {
  readonly Version: typeof POLICY_VERSION;
  readonly Statement: readonly PolicyStatement[];
}

/** `{"Version":"2012-10-17","Statement":[...]}` as the JSON string IAM, S3, KMS, SNS and CloudWatch Logs accept. */
export function policyJson(statements: readonly PolicyStatement[]): string {
  const document: PolicyDocument = { Version: POLICY_VERSION, Statement: statements };
  return JSON.stringify(document);
}

/** `arn:<partition>:iam::<accountId>:root`: the account as a principal (its IAM policies decide who may act). */
export function accountRootArn(accountId: string, partition = "aws"): string {
  return `arn:${partition}:iam::${accountId}:root`;
}

/** The 12-digit account of an IAM role ARN (`arn:<partition>:iam::<account>:role/<name>`). Throws on anything else. */
export function accountOfRoleArn(roleArn: string): string {
  const m = /^arn:[\w-]+:iam::(\d{12}):role\/.+$/.exec(roleArn);
  if (!m) throw new Error(`not an IAM role ARN: ${roleArn}`);
  return m[1]!;
}

/**
 * Principal and condition admitting exactly `roleArns`: the roles' account roots as principals, narrowed by
 * `aws:PrincipalArn`. Unlike a role ARN principal, this does not fail when a role does not exist yet (a
 * policy naming a missing role is rejected as "invalid principal") and keeps working if a role is recreated.
 * See https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-principalarn
 * @param partition ARN partition of the roots. @default "aws"
 * @throws Error when `roleArns` is empty or holds something other than role ARNs.
 */
export function rolePrincipals(
  roleArns: readonly string[],
  partition = "aws",
): { readonly Principal: PolicyPrincipal; readonly Condition: PolicyCondition } {
  if (roleArns.length === 0) throw new Error("rolePrincipals needs at least one role ARN");
  const accounts = [...new Set(roleArns.map(accountOfRoleArn))].sort();
  const roots = accounts.map((a) => accountRootArn(a, partition));
  const arns = [...new Set(roleArns)].sort();
  return {
    Principal: { AWS: roots.length === 1 ? roots[0]! : roots },
    Condition: { ArnEquals: { "aws:PrincipalArn": arns.length === 1 ? arns[0]! : arns } },
  };
}

/**
 * Trust statement letting an AWS service assume a role (`sts:AssumeRole`), optionally with a `Sid` and a
 * condition (`aws:SourceAccount`, `aws:SourceArn`) against the confused-deputy problem
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html).
 * @param service service principal, for example `ecs-tasks.amazonaws.com`.
 * @param options `sid` (@default none: trust policies of one statement often carry none) and `condition`
 *   (@default none).
 */
export function serviceAssumesRole(
  service: string,
  options: { readonly sid?: string; readonly condition?: PolicyCondition } = {},
): PolicyStatement {
  return {
    ...(options.sid === undefined ? {} : { Sid: options.sid }),
    Effect: "Allow",
    Principal: { Service: service },
    Action: "sts:AssumeRole",
    ...(options.condition ? { Condition: options.condition } : {}),
  };
}

/**
 * Resource-policy statement allowing one or more AWS service principals `action` on `resource`, optionally
 * under `condition` (scope it to this account or resource with `aws:SourceAccount` / `aws:SourceArn`).
 * @param service one service principal (`cloudfront.amazonaws.com`) or several.
 * @param condition @default none
 */
export function allowService(
  sid: string,
  service: string | readonly string[],
  action: string | readonly string[],
  resource: string | readonly string[],
  condition?: PolicyCondition,
): NamedPolicyStatement {
  return {
    Sid: sid,
    Effect: "Allow",
    Principal: { Service: service },
    Action: action,
    Resource: resource,
    ...(condition ? { Condition: condition } : {}),
  };
}

/**
 * Key-policy statement allowing AWS service principals `action` on the key (resource `"*"`), optionally under
 * `condition`. See "Key policies in AWS KMS", https://docs.aws.amazon.com/kms/latest/developerguide/key-policies.html
 * @param condition @default none
 */
export function allowKeyUseByService(
  sid: string,
  service: string | readonly string[],
  action: string | readonly string[],
  condition?: PolicyCondition,
): NamedPolicyStatement {
  return allowService(sid, service, action, "*", condition);
}

/**
 * Key-policy statement giving the account root `kms:*` on the key, so IAM policies of that account can grant
 * its use ("Default key policy", https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html).
 */
export function accountAdministersKey(sid: string, accountId: string, partition = "aws"): NamedPolicyStatement {
  return { Sid: sid, Effect: "Allow", Principal: { AWS: accountRootArn(accountId, partition) }, Action: "kms:*", Resource: "*" };
}

/**
 * Statement `DenyInsecureTransport`: deny `action` on `resource` to anyone when the request is not over TLS
 * (`aws:SecureTransport` false). See https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html#transit
 */
export function denyInsecureTransport(action: string, resource: string | readonly string[]): NamedPolicyStatement {
  return {
    Sid: "DenyInsecureTransport",
    Effect: "Deny",
    Principal: "*",
    Action: action,
    Resource: resource,
    Condition: { Bool: { "aws:SecureTransport": "false" } },
  };
}

/** {@link denyInsecureTransport} for a bucket: every `s3:*` action on the bucket and its objects. */
export function denyInsecureBucketTransport(bucketArn: string): NamedPolicyStatement {
  return denyInsecureTransport("s3:*", [bucketArn, `${bucketArn}/*`]);
}
