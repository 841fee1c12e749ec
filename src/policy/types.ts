/**
 * Types of the synth-time policy pack: rules, their outcomes, and findings.
 *
 * A rule (one per file in `rules/`) is a pure function over one synthesized resource and the stack it is
 * in, like a cdk-nag rule. The pack ({@link ../pack.ts}) gives every rule its id, level and wording.
 */
import type { SynthResource, SynthStack } from "./stack.js";

/** How bad a violation is: an `error` fails synthesis, a `warning` is printed and counted. */
export type RuleLevel = "error" | "warning";

/** What a rule says about one resource. */
export type RuleOutcome =
  | { readonly status: "compliant" }
  | { readonly status: "not-applicable" }
  | { readonly status: "non-compliant"; readonly message: string };

/** The resource meets the rule. */
export const COMPLIANT: RuleOutcome = Object.freeze({ status: "compliant" });
/** The rule does not apply to the resource (another type, or a case the rule does not cover). */
export const NOT_APPLICABLE: RuleOutcome = Object.freeze({ status: "not-applicable" });
/** The resource breaks the rule. `message` says what is wrong and what to write instead. */
export const nonCompliant = (message: string): RuleOutcome => ({ status: "non-compliant", message });
/** Compliant when `problems` is empty, else non-compliant with the problems joined by "; ". */
export const outcomeOf = (problems: readonly string[]): RuleOutcome =>
  problems.length === 0 ? COMPLIANT : nonCompliant(problems.join("; "));

/** One synth-time rule. */
export interface PolicyRule {
  /** `LZ-<AREA><N>`, for example `LZ-NET1`. Stable: suppressions name it. */
  readonly id: string;
  readonly level: RuleLevel;
  /** What the rule checks, in one line (the "what" column of docs/rules.md). */
  readonly title: string;
  /** Why it matters (the "why" column). */
  readonly rationale: string;
  /** Control ids it follows: AWS Foundational Security Best Practices (`FSBP EC2.2`), CIS (`CIS 5.4`), checkov (`CKV_AWS_24`). */
  readonly sources: readonly string[];
  /** Resource types the rule looks at; every other resource is not applicable without calling {@link check}. */
  readonly resourceTypes: readonly string[];
  /** Evaluates one resource of one of {@link resourceTypes}. Pure: reads `resource` and `stack`, never throws for odd input. */
  readonly check: (resource: SynthResource, stack: SynthStack) => RuleOutcome;
}

/** A non-compliant resource, as reported. */
export interface Finding {
  readonly stack: string;
  /** Terraform address, `<type>.<name>`. */
  readonly address: string;
  readonly ruleId: string;
  readonly level: RuleLevel;
  readonly message: string;
}

/** A finding accepted by a suppression of the config, with the suppression's reason. */
export interface SuppressedFinding extends Finding {
  readonly reason: string;
}

/**
 * An accepted violation, declared in the config: in `stack`, rule `ruleId` is not enforced, on every
 * resource or only on the resources whose address starts with `address`.
 */
export interface Suppression {
  readonly stack: string;
  readonly ruleId: string;
  /** Terraform address or address prefix. @default every resource of the stack */
  readonly address?: string;
  /** Why the violation is acceptable (at least 10 characters, checked by the config layer). */
  readonly reason: string;
}

/** Result of running a pack on every stack. */
export interface PolicyReport {
  /** Number of rules in the pack. */
  readonly rulesRun: number;
  /** Number of stacks checked. */
  readonly stacks: number;
  readonly errors: readonly Finding[];
  readonly warnings: readonly Finding[];
  readonly suppressed: readonly SuppressedFinding[];
  /** Suppressions that matched no finding (stale entries worth removing). */
  readonly unusedSuppressions: readonly Suppression[];
}
