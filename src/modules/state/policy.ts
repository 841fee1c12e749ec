/**
 * IAM policy helpers shared by the state bucket and the deploy-access roles. Policies are built as plain
 * objects and rendered with `JSON.stringify`, so construct tests can parse and assert them; attribute
 * references (a key ARN) may appear inside strings and resolve at synthesis.
 */

/** One IAM policy statement (the subset these modules write). */
export interface PolicyStatement {
  readonly Sid: string;
  readonly Effect: "Allow" | "Deny";
  readonly Principal?: Readonly<Record<string, string | readonly string[]>> | "*";
  readonly Action: string | readonly string[];
  /** Absent in trust policies. */
  readonly Resource?: string | readonly string[];
  readonly Condition?: Readonly<Record<string, Readonly<Record<string, string | readonly string[]>>>>;
}

/** A policy document as IAM, S3 and KMS accept it: version 2012-10-17. */
export function policyDocument(statements: readonly PolicyStatement[]): string {
  return JSON.stringify({ Version: "2012-10-17", Statement: statements });
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
export function rolePrincipals(roleArns: readonly string[], partition = "aws"): Pick<PolicyStatement, "Principal" | "Condition"> {
  if (roleArns.length === 0) throw new Error("rolePrincipals needs at least one role ARN");
  const accounts = [...new Set(roleArns.map(accountOfRoleArn))].sort();
  const roots = accounts.map((a) => `arn:${partition}:iam::${a}:root`);
  const arns = [...new Set(roleArns)].sort();
  return {
    Principal: { AWS: roots.length === 1 ? roots[0]! : roots },
    Condition: { ArnEquals: { "aws:PrincipalArn": arns.length === 1 ? arns[0]! : arns } },
  };
}
