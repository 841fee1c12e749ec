/** A small helper for IAM policy JSON in baseline constructs. */

/** One IAM policy statement (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements.html). */
export interface Statement {
  readonly Sid: string;
  readonly Effect: "Allow" | "Deny";
  readonly Principal?: "*" | Readonly<Record<string, string | readonly string[]>>;
  readonly Action: string | readonly string[];
  /** Omitted in trust policies. */
  readonly Resource?: string | readonly string[];
  readonly Condition?: Readonly<Record<string, Readonly<Record<string, string | readonly string[]>>>>;
}

/** `{"Version": "2012-10-17", "Statement": [...]}` as a JSON string. */
export const policyJson = (statements: readonly Statement[]): string => JSON.stringify({ Version: "2012-10-17", Statement: statements });
