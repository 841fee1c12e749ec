/**
 * The statement type and renderer of service control policies (SCPs). An SCP statement is an IAM policy statement
 * without `Principal` (an SCP applies to every principal of the accounts it is attached to) and, unlike the
 * identity and resource policies of ../../iam, may use `NotAction` (the Region allow-list denies every action but
 * the global services'). The quotas are those of "Quotas and service limits for AWS Organizations",
 * https://docs.aws.amazon.com/organizations/latest/userguide/orgs_reference_limits.html, and the grammar is
 * "SCP syntax", https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_syntax.html.
 * Pure: no cdktf, so `lz validate` computes the documents' sizes without building a stack.
 */
import { POLICY_VERSION, type PolicyCondition } from "../../iam/policy.js";

/**
 * Maximum size of an SCP document: 5,120 characters. The organization stack sends the minified JSON that
 * {@link scpJson} renders through the API, which stores it exactly as sent, so that string's length is what counts.
 */
export const SCP_MAX_CHARACTERS = 5120;

/** Maximum number of SCPs attached directly to one root, OU or account, AWS's FullAWSAccess included. */
export const MAX_SCPS_PER_TARGET = 5;

/** AWS's managed SCP attached to every root, OU and account; the organization stack leaves it attached. */
export const FULL_AWS_ACCESS = "FullAWSAccess";

/** One SCP statement: `Action` or `NotAction` (exactly one), `Resource` (default `*`), optional `Condition`. */
export type ScpStatement = {
  readonly Sid: string;
  readonly Effect: "Allow" | "Deny";
  readonly Resource: string | readonly string[];
  readonly Condition?: PolicyCondition;
} & ({ readonly Action: string | readonly string[] } | { readonly NotAction: readonly string[] });

/** The minified JSON of an SCP made of `statements`, as the organization stack sends it (`content`). */
export function scpJson(statements: readonly ScpStatement[]): string {
  return JSON.stringify({ Version: POLICY_VERSION, Statement: statements });
}

/** A built guardrail: its config key, the name and description AWS Organizations shows, and the document. */
export interface BuiltPolicy {
  /** Config key under `serviceControlPolicies.attach` (for example `denyRootUser`). */
  readonly key: string;
  /** Policy name in AWS Organizations: `<org>-<key>`. */
  readonly name: string;
  readonly description: string;
  /** The minified JSON document ({@link scpJson}); its length is checked against {@link SCP_MAX_CHARACTERS}. */
  readonly content: string;
}
