/**
 * Helpers for construct tests: synthesize a scope with cdktf's Testing and query the JSON.
 */
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Testing } from "cdktf";
import type { Construct } from "constructs";

/** Synthesized Terraform JSON of one stack. */
export interface StackJson {
  readonly resource?: Record<string, Record<string, Record<string, unknown>>>;
  readonly data?: Record<string, Record<string, Record<string, unknown>>>;
  readonly provider?: Record<string, Record<string, unknown>[]>;
  readonly terraform?: Record<string, unknown>;
  readonly [key: string]: unknown;
}

/** Runs `build` in a fresh test stack (with a default AWS provider) and returns the parsed JSON. */
export function synthJson(build: (scope: Construct) => void): StackJson {
  return JSON.parse(
    Testing.synthScope((scope) => {
      new AwsProvider(scope, "aws", { region: "eu-west-1" });
      build(scope);
    }),
  ) as StackJson;
}

/** All resources of `type`, as a list of their bodies (in address order). */
export function resources(json: StackJson, type: string): Record<string, unknown>[] {
  return Object.values(json.resource?.[type] ?? {});
}

/** All data sources of `type`. */
export function dataSources(json: StackJson, type: string): Record<string, unknown>[] {
  return Object.values(json.data?.[type] ?? {});
}

/** Resources of `type` keyed by their Terraform address name. */
export function resourcesByName(json: StackJson, type: string): Record<string, Record<string, unknown>> {
  return json.resource?.[type] ?? {};
}
