/**
 * Synthesis entry: the only place besides `src/accounts/account-stack.ts` that imports the framework's
 * `App`, so a move from cdktf to its fork touches these files alone.
 */
import { App, Aspects, DefaultTokenResolver, StringConcat, TerraformElement, TerraformStack, Tokenization } from "cdktf";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { IConstruct } from "constructs";
import { BootstrapStack, buildLandingZone } from "./accounts/index.js";
import { routingPlanOf } from "./accounts/segments.js";
import { administratorAccessPolicies, type LandingZoneModel } from "./config/index.js";
import { stackFootprints, type FootprintStackJson } from "./pipeline/footprint.js";
import {
  objectLockBucketNames,
  PolicyError,
  runPack,
  SynthStack,
  type PolicyReport,
  type StackFacts,
  type Suppression,
} from "./policy/index.js";
import { inspectedVpcCidrs } from "./routing/plan.js";

/** What {@link synthesizeChecked} produced: the stack names in deploy order and the policy-pack report. */
export interface SynthOutcome {
  readonly stacks: string[];
  readonly policy: PolicyReport;
}

/** Options of {@link synthesizeChecked}. */
export interface SynthOptions {
  /**
   * Build and write the hand-applied `bootstrap` stack (when `model.bootstrap` is set). `false` for the cdktf CLI's
   * app (cdktf.json): `cdktf deploy '*'` must never include it, since only an administrator applies it, by hand
   * (README, Day 0). @default true
   */
  readonly bootstrap?: boolean;
}

/** `model` without its bootstrap block: the stacks are built exactly as with it, minus the bootstrap stack. */
function withoutBootstrap(model: LandingZoneModel): LandingZoneModel {
  const { bootstrap: _bootstrap, ...rest } = model;
  return rest;
}

/**
 * Builds every stack of `model` (the account stacks, then the bootstrap stack's pipeline roles from what the account
 * stacks contain), runs the policy pack (src/policy) on each stack's Terraform JSON, and
 * only when no error-level finding is left after the config's suppressions, writes Terraform JSON to
 * `outdir` (`<outdir>/stacks/<stack>/cdk.tf.json` plus `manifest.json`).
 *
 * Suppressions come from each account's `policy.suppressions`; for the bootstrap stack, every
 * `bootstrap.deployRolePolicies` entry that grants AdministratorAccess is an LZ-IAM3 exception with the
 * reason written next to it in the config.
 * @param outdir output folder. @default the CDKTF_OUTDIR set by `cdktf synth`, else "cdktf.out"
 * @param options `bootstrap: false` leaves the bootstrap stack out (the cdktf CLI's app). @default everything
 * @returns the stack names (`bootstrap` first when `model.bootstrap` is set: applied by hand, see README
 *   "Day 0"; then the pipeline's stacks in deploy order) and the policy-pack report.
 * @throws PolicyError listing every error-level finding; nothing is written then.
 */
export function synthesizeChecked(model: LandingZoneModel, outdir?: string, options: SynthOptions = {}): SynthOutcome {
  return withoutTokenStackTraces(() => {
    const built = buildAndCheck(options.bootstrap === false ? withoutBootstrap(model) : model, outdir);
    if (built.outcome.policy.errors.length > 0) throw new PolicyError(built.outcome.policy);
    built.app.synth();
    return built.outcome;
  });
}

/**
 * Builds every stack of `model` exactly as {@link synthesizeChecked} does and runs the policy pack on them, but
 * writes no Terraform JSON: what `lz validate` runs, so it refuses what synthesis refuses. cdktf's `App` creates
 * its output folder when constructed, so the stacks are built against a new temporary folder, removed before
 * returning (nothing is left in the project).
 * @returns the stack names (bootstrap first when configured) and the policy-pack report, errors included (never
 *   thrown).
 */
export function checkLandingZone(model: LandingZoneModel): SynthOutcome {
  const scratch = mkdtempSync(join(tmpdir(), "lz-check-"));
  try {
    return withoutTokenStackTraces(() => buildAndCheck(model, scratch).outcome);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** The app with every stack built and rendered, and the policy pack's report; nothing written yet. */
function buildAndCheck(model: LandingZoneModel, outdir?: string): { readonly app: App; readonly outcome: SynthOutcome } {
  const app = new App({ ...(outdir ? { outdir } : {}), skipValidation: false });
  // Constructed first, so it stays first in the manifest; its roles are added once the account stacks are rendered.
  const bootstrap = model.bootstrap ? new BootstrapStack(app, model) : undefined;
  const stacks = buildLandingZone(app, model);
  const boot = model.bootstrap;
  const suppressions: Suppression[] = [
    ...(boot ? administratorAccessPolicies(boot).map((p) => ({ stack: boot.stackName, ruleId: "LZ-IAM3", reason: p.reason })) : []),
    ...stacks.flatMap((s) =>
      s.target.policySuppressions.map((x) => ({
        stack: s.node.id,
        ruleId: x.rule,
        reason: x.reason,
        ...(x.address ? { address: x.address } : {}),
      })),
    ),
  ];
  // The account stacks first: the bootstrap's pipeline roles are generated from what they contain. renderOnce
  // stands in for cdktf's prepareStack(), so the stacks' own preparation (the permissions boundary) runs first.
  for (const s of stacks) s.applyPermissionsBoundary();
  const rendered = renderOnce(stacks);
  if (bootstrap) {
    bootstrap.addPipelineRoles(stacks.flatMap((s) => stackFootprints(s.node.id, rendered.get(s) as FootprintStackJson)));
    for (const [stack, json] of renderOnce([bootstrap])) rendered.set(stack, json);
  }
  const all: TerraformStack[] = [...(bootstrap ? [bootstrap] : []), ...stacks];
  const factsOf = (stack: TerraformStack): StackFacts => {
    const target = stacks.find((s) => s === stack)?.target;
    return { preventDestroy: target ? target.preventDestroy : true };
  };
  const plain = all.map((s) => new SynthStack(s.node.id, rendered.get(s)!, factsOf(s)));
  // Facts across stacks: Object Lock buckets by name; the hub's inspected VPCs (from the routing plan).
  const lockedBuckets = objectLockBucketNames(plain);
  const inspected = inspectedVpcCidrs(routingPlanOf(model));
  const views = all.map(
    (s) =>
      new SynthStack(s.node.id, rendered.get(s)!, {
        ...factsOf(s),
        objectLockBucketNames: lockedBuckets,
        ...(s.node.id === model.networkHub.stackName && inspected.length > 0 ? { inspectedCidrs: inspected } : {}),
      }),
  );
  const policy = runPack(views, suppressions);
  return { app, outcome: { stacks: [...(bootstrap ? [bootstrap] : []), ...stacks].map((s) => s.node.id), policy } };
}

/**
 * Runs `work` with V8's stack-trace formatting turned off. cdktf captures and formats a full stack trace
 * for every token it creates (the `creationStack` of its Intrinsic and Lazy values, shown only in its own
 * diagnostics); with ~1000 resources that formatting is about a sixth of the synthesis time. Errors that
 * leave `work` keep their stack trace: V8 formats a stack when it is first read, after the formatter is
 * restored. Set `LZ_STACK_TRACES=1` to keep cdktf's traces while debugging it
 * (https://v8.dev/docs/stack-trace-api#customizing-stack-traces).
 */
function withoutTokenStackTraces<T>(work: () => T): T {
  if (process.env.LZ_STACK_TRACES === "1") return work();
  const previous = Error.prepareStackTrace;
  Error.prepareStackTrace = () => "";
  try {
    return work();
  } finally {
    Error.prepareStackTrace = previous;
  }
}

/**
 * Every stack's Terraform JSON, rendered once: the policy pack reads it, and `app.synth()` writes the same
 * objects instead of rendering each stack again (a resolve pass costs about a fifth of the synthesis with
 * ~1000 resources). Stacks with an Aspect anywhere are rendered again by `app.synth()`, since it invokes
 * aspects first and an aspect could change what is rendered.
 *
 * It first does what `app.synth()` does before rendering, cdktf's `prepareStack()` on every stack: make sure
 * the stack has a backend, and resolve every element's `toTerraform()` in "preparing" mode, which registers
 * cross-stack references (adding outputs and remote-state data sources to the stacks involved); the later
 * `prepareStack()` call becomes a no-op. Unlike cdktf, it keeps what that pass resolved: preparing only
 * differs from rendering for a cross-stack reference, so when the pass added no element to any stack, each
 * element hands its prepared result to `stack.toTerraform()` instead of being built and resolved a second
 * time (about a fifth of the synthesis). Otherwise every stack renders as cdktf would. Exported for its test.
 * @param stacks every stack of the app, in construct-tree order (as `app.synth()` finds them).
 * @returns each stack's Terraform JSON, as `stack.toTerraform()` returns it.
 */
export function renderOnce(stacks: readonly TerraformStack[]): Map<TerraformStack, object> {
  const prepared = new Map<TerraformElement, unknown>();
  for (const stack of stacks) {
    stack.ensureBackendExists();
    for (const element of terraformElements(stack)) {
      prepared.set(element, Tokenization.resolve(element.toTerraform(), { scope: stack, preparing: true, resolver: RESOLVER }));
    }
    stack.prepareStack = () => undefined;
  }
  const reuse = stacks.every((stack) => terraformElements(stack).every((e) => prepared.has(e)));
  const rendered = new Map<TerraformStack, object>();
  for (const stack of stacks) {
    const elements = reuse ? terraformElements(stack) : [];
    for (const element of elements)
      Object.defineProperty(element, "toTerraform", { value: () => prepared.get(element), configurable: true });
    const json = stack.toTerraform() as object;
    for (const element of elements) Reflect.deleteProperty(element, "toTerraform");
    rendered.set(stack, json);
    if (stack.node.findAll().some((c) => Aspects.of(c).all.length > 0)) continue;
    stack.toTerraform = () => json;
  }
  return rendered;
}

/** The token resolver cdktf's own stack rendering uses. */
const RESOLVER = new DefaultTokenResolver(new StringConcat());

/** The Terraform elements of `stack` in construct-tree order, not descending into nested stacks (as cdktf collects them). */
function terraformElements(stack: TerraformStack): TerraformElement[] {
  const found: TerraformElement[] = [];
  const visit = (node: IConstruct): void => {
    if (TerraformElement.isTerraformElement(node)) found.push(node);
    for (const child of node.node.children) if (!TerraformStack.isStack(child)) visit(child);
  };
  visit(stack);
  return found;
}

/**
 * {@link synthesizeChecked}, returning the stack names only.
 * @throws PolicyError when the policy pack finds an error; nothing is written then.
 */
export function synthesize(model: LandingZoneModel, outdir?: string): string[] {
  return synthesizeChecked(model, outdir).stacks;
}
