/**
 * The promotion order of the main-branch pipeline: which stacks deploy together, and which stage must succeed
 * before the next starts. `lz pipeline` writes `.github/workflows/main.yml` from it (see workflow.ts), so adding an
 * environment file adds a stage in the right place once the workflow is regenerated.
 *
 * Pure: reads only the typed model, never cdktf.
 */
import type { LandingZoneModel } from "../config/model.js";
import { inDeployOrder } from "./deploy-order.js";
import { type StackEntry, stackMatrix } from "./stacks.js";

/**
 * GitHub environment of the scheduled drift check (drift.yml). Each account's read-only plan role trusts its OIDC
 * `sub` (`repo:<repository>:environment:landing-zone-drift`) besides pull requests, so the check can plan on a
 * schedule without the apply role. Restrict the environment to the main branch in the repository settings.
 */
export const DRIFT_GITHUB_ENVIRONMENT = "landing-zone-drift";

/** The GitHub environment suffix of a stack's approval job: `<githubEnvironment>-approval`. */
export const APPROVAL_ENVIRONMENT_SUFFIX = "-approval";

/** One stack as a stage deploys it: its {@link StackEntry} plus the GitHub environment that gates its apply. */
export interface StageStack extends StackEntry {
  /**
   * GitHub environment of the approval job that runs between the saved plan and its apply:
   * `<githubEnvironment>-approval`. Protect it with required reviewers (prod, the hub) or leave it without rules
   * (the job then passes at once). It holds no credentials: the plan and apply jobs run in `githubEnvironment`,
   * whose OIDC `sub` the apply role trusts.
   */
  readonly approvalEnvironment: string;
}

/** A set of stacks that deploy in parallel; the next stage starts only when every stack of this one applied. */
export interface PromotionStage {
  /** Stage name: `network-hub` for the hub, else the environment name (`dev`, `test`, `prod`). */
  readonly name: string;
  /** The stacks of the stage, in deploy order. */
  readonly stacks: readonly StageStack[];
}

/**
 * The stages of the main-branch pipeline, in promotion order, which is the deploy order `lz stacks` lists
 * ({@link inDeployOrder}): the network hub first (every workload's transit gateway attachment needs it), then one
 * stage per environment, the `shared` (shared-services) segment first, then the `nonprod` segment before the `prod` segment and, within a segment, by environment name. For the shipped config: network-hub → dev → test →
 * prod. An environment added to the `nonprod` segment (say `staging`) lands before prod; the bootstrap stack is
 * never a stage (applied by hand, README "Day 0").
 *
 * @param model the loaded config (`loadConfig` / `loadLandingZone`).
 * @returns a new array; each stage holds at least one stack.
 */
export function promotionStages(model: LandingZoneModel): PromotionStage[] {
  const stageName = new Map(model.environments.map((e) => [e.stackName, e.name]));
  return inDeployOrder(model, stackMatrix(model), (e) => e.stack).map((e) => ({
    name: stageName.get(e.stack) ?? e.stack,
    stacks: [{ ...e, approvalEnvironment: `${e.githubEnvironment}${APPROVAL_ENVIRONMENT_SUFFIX}` }],
  }));
}
