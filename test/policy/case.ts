/** The shape of a policy-rule test case and small builders of stack JSON, shared by the fixture files. */
import type { StackFacts, StackJsonLike } from "../../src/policy/index.js";

/** One case: the stack JSON, the address to evaluate, and the expected status (with a message fragment). */
export interface RuleCase {
  readonly name: string;
  readonly json: StackJsonLike;
  readonly address: string;
  readonly expect: "compliant" | "non-compliant" | "not-applicable";
  /** A fragment the non-compliant message contains. */
  readonly message?: string;
  readonly facts?: StackFacts;
}

/** A customer managed KMS key ARN. */
export const KEY = "arn:aws:kms:eu-west-1:444444444444:key/k";

/** Stack JSON with these resources (type → name → body) and optional data sources. */
export const r = (resource: Record<string, Record<string, object>>, data?: Record<string, Record<string, object>>): StackJsonLike => ({
  resource,
  ...(data ? { data } : {}),
});

/** An IAM policy document as the stacks render it. */
export const policy = (statements: object[]) => JSON.stringify({ Version: "2012-10-17", Statement: statements });
