/**
 * `lz new-env NAME --from ENV`: writes `<config>/NAME.yaml`, a copy of ENV's file with its comments, a new name,
 * a placeholder account id (refused by `lz validate` until replaced), the next free VPC CIDR of the same size and
 * a hosted zone under the parent zone (src/config/new-environment.ts), then prints what else a new environment
 * needs: the account id, the GitHub environment, the bootstrap re-apply, and what the first pull request shows.
 */
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Command } from "commander";
import { ConfigError, EnvironmentFileSchema } from "../../config/index.js";
import {
  freeVpcCidrs,
  accountFor,
  hostedZoneFor,
  newEnvironmentText,
  PLACEHOLDER_ACCOUNT_ID,
  type NewEnvironmentSettings,
} from "../../config/new-environment.js";
import { loadLandingZone, loadLandingZoneWithSources } from "../../landing-zone.js";
import { configDir, CONFIG_OPTION_HELP, type Context } from "../context.js";
import { CliError, EXIT_USAGE } from "../errors.js";

export function defineNewEnv(cmd: Command, ctx: Context): void {
  cmd
    .description("write a new environment file copied from an existing one, with a free CIDR, and print the checklist")
    .argument("<name>", "the new environment's name (2-20 characters, a-z 0-9 -); the file is <config>/<name>.yaml")
    .requiredOption("--from <env>", "the environment to copy (its settings and comments)")
    .option("--config <dir>", CONFIG_OPTION_HELP)
    .addHelpText(
      "after",
      `
The copy keeps every setting and comment of the source file and changes:
  name            <name>
  accountId       "${PLACEHOLDER_ACCOUNT_ID}", a placeholder: lz validate refuses it until you write the account's id
  vpc.cidr        the next free block of the source's size (after the highest VPC, overlapping no VPC,
                  on-prem range or inspection VPC) with which every routing intent still holds
  app.domain.hostedZoneName   <name>.<parent zone> (dev.acme.example -> <name>.acme.example)
The config must be valid first; the file must not exist yet. Then it prints the checklist: the account id,
the GitHub environment, re-applying the bootstrap stack, and what the first pull request's plans show.

Exit status: 0 written, 1 invalid config, existing file or no free CIDR, 2 bad command line (an invalid
name, an unknown --from).

Examples:
  $ lz new-env staging --from test
  $ lz new-env perf --from prod --config path/to/dir`,
    )
    .action((name: string, opts: { from: string; config?: string }) => {
      const dir = configDir(opts.config, ctx.io.env);
      const valid = EnvironmentFileSchema.shape.name.safeParse(name);
      if (!valid.success) {
        throw new CliError(
          `${ctx.err.red("error:")} invalid environment name '${name}': ${valid.error.issues[0]?.message ?? "not a name"}\n(run "lz new-env --help" for usage)`,
          EXIT_USAGE,
        );
      }
      const target = join(dir, `${name}.yaml`);
      for (const existing of [target, join(dir, `${name}.yml`)]) {
        if (existsSync(existing))
          throw new CliError(`${ctx.err.red("error:")} ${existing} exists already. Choose another name, or edit that file.`);
      }
      const { model, sources } = loadLandingZoneWithSources(dir);
      if (model.environments.some((e) => e.name === name)) {
        throw new CliError(`${ctx.err.red("error:")} environment ${name} exists already in ${dir}. Choose another name.`);
      }
      const from = model.environments.find((e) => e.name === opts.from);
      const source = sources.environments.find((s) => (s.data as { name?: unknown } | null)?.name === opts.from);
      if (!from || !source) {
        const names = model.environments.map((e) => e.name).join(", ");
        throw new CliError(
          `${ctx.err.red("error:")} option '--from <env>' argument '${opts.from}' is not an environment of ${dir}. Available: ${names}.\n(run "lz new-env --help" for usage)`,
          EXIT_USAGE,
        );
      }
      const candidates = freeVpcCidrs(model, from.vpc.cidr, MAX_CIDR_TRIALS);
      if (candidates.length === 0) {
        throw new CliError(
          `${ctx.err.red("error:")} no free /${from.vpc.cidr.split("/")[1]} block is left next to the existing VPCs. Copy a file by hand and choose a smaller vpc.cidr.`,
        );
      }
      const zone = from.app?.domain?.hostedZoneName;
      const sourceText = readFileSync(source.file, "utf8");
      const sourceAccount = model.awsOrganizations?.memberAccounts.find((a) => a.environment === opts.from);
      const settingsFor = (vpcCidr: string): NewEnvironmentSettings => ({
        name,
        from: opts.from,
        vpcCidr,
        ...(zone !== undefined ? { hostedZoneName: hostedZoneFor(name, opts.from, zone) } : {}),
        ...(sourceAccount ? { account: accountFor(name, opts.from, sourceAccount) } : {}),
      });
      const usedIds = new Set([model.networkHub.accountId, ...model.environments.map((e) => e.accountId)]);
      const chosen = candidates.find((cidr) => validWith(dir, name, newEnvironmentText(sourceText, settingsFor(cidr)), usedIds));
      const settings = settingsFor(chosen ?? candidates[0]!);
      writeFileSync(target, newEnvironmentText(sourceText, settings), { flag: "wx" });
      const layout = {
        organization: model.awsOrganizations !== undefined,
        ...(model.dns ? { dnsStack: model.dns.endpointStackName } : {}),
      };
      ctx.io.stdout.write(checklist(target, settings, from.segment, layout, ctx));
      if (chosen === undefined) {
        ctx.io.stderr.write(
          `${ctx.err.yellow("warning:")} none of the first ${candidates.length} free blocks passes lz validate with this file (routing intents included); ${settings.vpcCidr} was written. Run lz validate and choose vpc.cidr by hand.\n`,
        );
      }
    });
}

/** How many free blocks `lz new-env` tries before it writes the first one anyway. */
const MAX_CIDR_TRIALS = 16;

/**
 * Whether the config in `dir` plus `text` as `<name>.yaml` loads with every routing intent holding, the placeholder
 * account id replaced by an unused one: a free block can still break an intent (adjacent blocks summarize into a
 * shorter Direct Connect prefix, which loses to the VPN's more specific route). Checked in a temporary copy.
 */
function validWith(dir: string, name: string, text: string, usedIds: ReadonlySet<string>): boolean {
  let n = 100_000_000_000;
  while (usedIds.has(String(n))) n++;
  const trial = mkdtempSync(join(tmpdir(), "lz-new-env-"));
  try {
    for (const file of readdirSync(dir).filter((f) => /\.ya?ml$/.test(f))) copyFileSync(join(dir, file), join(trial, file));
    writeFileSync(join(trial, `${name}.yaml`), text.replace(`"${PLACEHOLDER_ACCOUNT_ID}"`, `"${n}"`));
    loadLandingZone(trial);
    return true;
  } catch (e) {
    if (e instanceof ConfigError) return false;
    throw e;
  } finally {
    rmSync(trial, { recursive: true, force: true });
  }
}

/** What to do after the file is written, in order, and what the first plans show (`layout`: the organization layer, hybrid DNS). */
function checklist(
  target: string,
  s: NewEnvironmentSettings,
  segment: string,
  layout: { readonly organization: boolean; readonly dnsStack?: string },
  ctx: Context,
): string {
  const { out } = ctx;
  const stack = `workload-${s.name}`;
  return `${out.green("Wrote")} ${target} (copied from ${s.from}): name ${s.name}, vpc.cidr ${s.vpcCidr}${
    s.hostedZoneName ? `, app.domain.hostedZoneName ${s.hostedZoneName}` : ""
  }${s.account ? `, account ${s.account.name} <${s.account.email}>` : ""}, accountId "${PLACEHOLDER_ACCOUNT_ID}" (placeholder).

Before the first pull request:
  1. Write the new account's id in ${target} (accountId). Until then \`lz validate\` fails on it.
     The account must exist in the Organization with the admin role the bootstrap uses (README, Day 0).${
       s.account
         ? `\n     Check account.email (${s.account.email}): the root user's mailbox, unique across AWS; the organization\n     stack imports the account under that name and email, into its OU.`
         : ""
     }
  2. Review the copied settings (sizes, alert emails, policy suppressions, costAssumptions; segment ${segment}).${
    s.hostedZoneName ? `\n     Create the public hosted zone ${s.hostedZoneName} in the new account and delegate it from its parent.` : ""
  }
  3. Run \`lz validate\` (and \`lz routes\`, \`lz cost --env ${s.name}\`).
  4. GitHub: create the environment "${s.name}" (Settings > Environments); protect it with required
     reviewers and a deployment branch rule like the other environments of segment ${segment}.
  5. Re-apply the bootstrap stack by hand (README, Day 0): it creates the plan and apply roles, the deploy
     role and its boundary in the new account; the pipeline cannot plan ${stack} before that.

The first pull request's plans show:
  - ${stack}: every resource created, nothing changed or destroyed.
${
  layout.organization
    ? `  - organization: the account imported into its OU (name and email from account:).
  - log-archive: the log-archive and AWS Config bucket policies and their KMS key policy admit the new account.
  - network-hub: in-place updates that admit the new account: the transit gateway's resource share gains
    it as a principal; the Direct Connect allowed prefixes gain ${s.vpcCidr} when on-prem may reach the environment.`
    : `  - network-hub: in-place updates that admit the new account: the transit gateway's resource share gains
    it as a principal; the log-archive and AWS Config bucket policies and their KMS key policy gain it;
    the Direct Connect allowed prefixes gain ${s.vpcCidr} when on-prem may reach the environment.`
}${layout.dnsStack ? `\n  - ${layout.dnsStack}: the Route 53 Resolver rules' resource share gains the new account.` : ""}
  - the other workload stacks: no changes.
`;
}
