/**
 * The CI/CD view of the landing zone: which Terraform stacks exist, in which order they deploy, into
 * which account and Region, and as which GitHub OIDC role. `lz stacks` prints it as a GitHub
 * Actions `strategy.matrix`, and the workflows in `.github/workflows/` plan and apply one stack per
 * matrix entry.
 *
 * Pure and fast on purpose: it reads only the typed model and never imports cdktf or the AWS provider,
 * so the pipeline can compute its matrix without loading the construct libraries.
 */
import { BOOTSTRAP_STACK, NETWORK_HUB_STACK, type AccountTarget, type LandingZoneModel } from "../config/model.js";
import { coreAccountTargets } from "../config/model-baseline.js";
import { LOG_ARCHIVE_STACK, ORGANIZATION_STACK, SECURITY_TOOLING_STACK } from "../config/model-organization.js";

/** Folder that `npm run synth` writes; each stack is synthesized into `<CDKTF_OUT>/stacks/<stack>`. */
export const CDKTF_OUT = "cdktf.out";

/**
 * One stack as the pipeline deploys it. Every field is a string or a list of strings, so an entry can
 * be used as a GitHub Actions matrix combination (`${{ matrix.stack }}`, `${{ matrix.planRoleArn }}`, ...).
 */
export interface StackEntry {
  /** Terraform stack name, for example `network-hub` or `workload-prod`. */
  readonly stack: string;
  /** The 12-digit account the stack deploys into. */
  readonly accountId: string;
  /** Region of the stack's default provider; the workflows also use it as the credentials' Region. */
  readonly region: string;
  /** Stacks that must be applied before this one (the network hub, for every workload). */
  readonly dependsOn: readonly string[];
  /** Role a pull-request plan assumes through GitHub OIDC: `arn:<partition>:iam::<accountId>:role/<organization.github.planRoleName>`. */
  readonly planRoleArn: string;
  /**
   * Name of the plan role, passed to the stack as `TF_VAR_assume_role_name` in pull-request plans so its
   * providers assume the read-only plan role (in this account and in the hub) instead of the deploy role.
   */
  readonly planRoleName: string;
  /** Role a main-branch apply assumes through GitHub OIDC: `arn:<partition>:iam::<accountId>:role/<organization.github.applyRoleName>`. */
  readonly applyRoleArn: string;
  /**
   * GitHub deployment environment of the apply job: the environment name for a workload (`dev`,
   * `prod`, ...), `network-hub` for the hub. Protect `prod` with required reviewers in the repository
   * settings to gate its apply.
   */
  readonly githubEnvironment: string;
  /** Folder holding the stack's `cdk.tf.json`, relative to the repository root: `cdktf.out/stacks/<stack>`. */
  readonly workingDirectory: string;
}

/** One stack in cdktf's `cdktf.out/manifest.json`. Only the fields read here are typed. */
export interface ManifestStack {
  /** Names of the stacks this stack depends on. */
  readonly dependencies?: readonly string[];
  /** Folder of the stack relative to `cdktf.out`, for example `stacks/network-hub`. */
  readonly workingDirectory?: string;
}

/** The parsed `cdktf.out/manifest.json` written by `npm run synth`. Only the fields read here are typed. */
export interface CdktfManifest {
  /** Stack name → stack. */
  readonly stacks: Readonly<Record<string, ManifestStack>>;
}

/**
 * Thrown by {@link stackMatrix} when the synthesized manifest does not describe the stacks the config
 * describes (cdktf.out is stale or came from another config). The message lists every difference and
 * says how to fix it.
 */
export class StackManifestError extends Error {
  /** One line per difference. */
  readonly differences: readonly string[];

  constructor(differences: readonly string[]) {
    super(
      `cdktf.out/manifest.json does not match the config:\n${differences.map((d) => `  - ${d}`).join("\n")}\n` +
        "Run `npm run synth` with the same config folder, then try again.",
    );
    this.name = "StackManifestError";
    this.differences = differences;
  }
}

/** Which stacks {@link selectStacks} keeps: every stack, only the network hub, or only the workloads. */
export type StackSelection = "all" | "network" | "workloads";

/** The valid values of {@link StackSelection}, for argument parsing and messages. */
export const STACK_SELECTIONS: readonly StackSelection[] = ["all", "network", "workloads"];

function entry(model: LandingZoneModel, target: AccountTarget, githubEnvironment: string, dependsOn: readonly string[]): StackEntry {
  const role = (name: string) => `arn:${target.partition}:iam::${target.accountId}:role/${name}`;
  return {
    stack: target.stackName,
    accountId: target.accountId,
    region: target.region,
    dependsOn: [...dependsOn],
    planRoleArn: role(model.organization.github.planRoleName),
    planRoleName: model.organization.github.planRoleName,
    applyRoleArn: role(model.organization.github.applyRoleName),
    githubEnvironment,
    workingDirectory: `${CDKTF_OUT}/stacks/${target.stackName}`,
  };
}

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The stacks of `model` in deploy order: the organization stack (with `organization.awsOrganizations`, in the
 * GitHub environment `organization`; alone while a core account is still to be created), the network hub (which
 * depends on it), then the workload stacks sorted by stack name. Every workload depends on the hub (its transit
 * gateway attachment needs the hub's gateway and resource share) and, with hybrid DNS, every other workload on the
 * stack of `networkHub.dns.resolverEndpointsIn` (whose shared forwarding rules it associates).
 *
 * @param model the loaded config (`loadConfig`).
 * The `bootstrap` stack is never an entry: an administrator applies it by hand (README "Day 0").
 *
 * @param manifest the parsed `cdktf.out/manifest.json`. When given, its stacks must be exactly the
 *   model's stacks, with the same dependencies (plus `bootstrap` when the model has a bootstrap block).
 * @returns one {@link StackEntry} per stack; a new array on every call.
 * @throws StackManifestError (an `Error`) when `manifest` is given and has no `stacks` object, lacks a
 *   stack of the model, has a stack the model does not, or records different dependencies for a stack.
 *   The message lists every difference.
 */
export function stackMatrix(model: LandingZoneModel, manifest?: CdktfManifest): StackEntry[] {
  const hub = model.networkHub;
  const workloads = [...model.environments].sort((a, b) => byCodePoint(a.stackName, b.stackName));
  // The organization stack first, in its own GitHub environment; while a core account is vended, alone.
  const org = model.awsOrganizations;
  const first = org ? [entry(model, org.management, org.management.stackName, [])] : [];
  // AWS Organizations layer: the log archive, then the security tooling account, before the hub.
  const core = coreAccountTargets(model).map((t, i, all) =>
    entry(model, t, t.stackName, [...first.map((e) => e.stack), ...all.slice(0, i).map((x) => x.stackName)]),
  );
  // Hybrid DNS: every other workload associates the forwarding rules of the endpoint environment's stack.
  const dnsStack = model.dns?.endpointStackName;
  const dependsOn = (w: (typeof workloads)[number]) => (dnsStack && w.stackName !== dnsStack ? [hub.stackName, dnsStack] : [hub.stackName]);
  const entries = org?.vending
    ? first
    : [
        ...first,
        ...core,
        entry(
          model,
          hub,
          hub.stackName,
          [...first, ...core].map((e) => e.stack),
        ),
        ...workloads.map((w) => entry(model, w, w.name, dependsOn(w))),
      ];
  if (manifest !== undefined) checkManifest(entries, manifest, model.bootstrap ? [BOOTSTRAP_STACK] : []);
  return entries;
}

function checkManifest(entries: readonly StackEntry[], manifest: CdktfManifest, handApplied: readonly string[]): void {
  const stacks: unknown = (manifest as { stacks?: unknown } | null)?.stacks;
  if (typeof stacks !== "object" || stacks === null || Array.isArray(stacks)) {
    throw new StackManifestError(["it has no `stacks` object"]);
  }
  const inManifest = stacks as Readonly<Record<string, ManifestStack>>;
  const expected = new Set([...entries.map((e) => e.stack), ...handApplied]);
  const differences: string[] = [];
  for (const e of entries) {
    if (!Object.hasOwn(inManifest, e.stack)) differences.push(`stack ${e.stack} is in the config but not in the manifest`);
  }
  for (const name of Object.keys(inManifest).sort(byCodePoint)) {
    if (!expected.has(name)) differences.push(`stack ${name} is in the manifest but not in the config`);
  }
  for (const e of entries) {
    if (!Object.hasOwn(inManifest, e.stack)) continue;
    const got = [...(inManifest[e.stack]?.dependencies ?? [])].sort(byCodePoint);
    const want = [...e.dependsOn].sort(byCodePoint);
    if (got.join(",") !== want.join(",")) {
      differences.push(`stack ${e.stack} depends on [${got.join(", ")}] in the manifest but on [${want.join(", ")}] in the config`);
    }
  }
  if (differences.length > 0) throw new StackManifestError(differences);
}

/** The stacks that are not workloads: the hub, and the organization and core accounts' (AWS Organizations layer). */
const NOT_WORKLOADS: readonly string[] = [ORGANIZATION_STACK, NETWORK_HUB_STACK, LOG_ARCHIVE_STACK, SECURITY_TOOLING_STACK];

/**
 * Keeps the entries of one kind, in the same order: `network` keeps the network hub stack, `workloads`
 * keeps every workload stack (neither the hub, the organization stack nor the log archive or security tooling
 * stack), `all` keeps everything.
 * @returns a new array.
 */
export function selectStacks(entries: readonly StackEntry[], only: StackSelection): StackEntry[] {
  if (only === "network") return entries.filter((e) => e.stack === NETWORK_HUB_STACK);
  if (only === "workloads") return entries.filter((e) => !NOT_WORKLOADS.includes(e.stack));
  return [...entries];
}

/**
 * The GitHub Actions matrix for `entries`: `{ include: [...] }`, one combination per stack. Use it with
 * `strategy.matrix: ${{ fromJSON(...) }}`; GitHub rejects a matrix whose `include` is empty, so a
 * workflow should not run a job for an empty selection.
 */
export function githubMatrix(entries: readonly StackEntry[]): { readonly include: readonly StackEntry[] } {
  return { include: [...entries] };
}
