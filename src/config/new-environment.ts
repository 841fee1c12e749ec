/**
 * A new environment file made from an existing one (`lz new-env NAME --from ENV`): the source file's text with
 * its comments, and only the settings that must differ changed: the name, the account id (a placeholder the
 * validator refuses until it is replaced), the VPC CIDR (the next free block of the same size), the hosted
 * zone (`NAME.<parent zone>`) and, with AWS Organizations, the `account:` block's name and root email (each unique). Pure: text in, text out; choosing the CIDR and writing the file are the caller's.
 */
import { isMap, isScalar, parseDocument } from "yaml";
import { nextFreeBlock, parseCidr, RFC1918, type Cidr } from "../net/cidr.js";
import type { LandingZoneModel } from "./model.js";
import { PLACEHOLDER_ACCOUNT_ID } from "./validate/accounts.js";

export { PLACEHOLDER_ACCOUNT_ID };

/** What changes in the copy. */
export interface NewEnvironmentSettings {
  /** The new environment's name (`name:`; the stack is `workload-<name>`). */
  readonly name: string;
  /** The source environment's name, quoted in the header comment. */
  readonly from: string;
  /** The new VPC CIDR. */
  readonly vpcCidr: string;
  /** The new hosted zone, when the source has `app.domain`. */
  readonly hostedZoneName?: string;
  /** The new `account:` block's name and root email, when the source has one ({@link accountFor}). */
  readonly account?: { readonly name: string; readonly email: string };
}

/**
 * The `account:` block of the new environment, from the source's: the source's name replaced by the new one where
 * it stands as a word (`acme-test` → `acme-staging`, `aws-test@acme.example` → `aws-staging@acme.example`); where
 * it does not, the name gets `-<name>` and the email a `+<name>` sub-address (`aws@acme.example` →
 * `aws+staging@acme.example`), since AWS wants each account's root email unique. Review the email: it must be a
 * mailbox the platform team reads.
 */
export function accountFor(
  name: string,
  from: string,
  source: { readonly name: string; readonly email: string },
): {
  name: string;
  email: string;
} {
  const word = `(?<![a-z0-9])${from.replace(/[-.]/g, "\\$&")}(?![a-z0-9])`;
  const has = (text: string) => new RegExp(word).test(text);
  const renamed = (text: string) => text.replace(new RegExp(word, "g"), name);
  const [local = "", domain = ""] = source.email.split("@");
  return {
    name: has(source.name) ? renamed(source.name) : `${source.name}-${name}`.slice(0, 50),
    email: has(local) ? `${renamed(local)}@${domain}` : `${local}+${name}@${domain}`,
  };
}

/**
 * The hosted zone of the new environment: `<name>.<parent>`, where the parent is the source's zone without its
 * first label when that label is the source's name (`dev.acme.example` → `acme.example`), else the source's zone
 * itself (prod's `acme.example`).
 */
export function hostedZoneFor(name: string, from: string, sourceZone: string): string {
  const parent = sourceZone.startsWith(`${from}.`) ? sourceZone.slice(from.length + 1) : sourceZone;
  return `${name}.${parent}`;
}

/**
 * Every address block the config already uses: each environment's VPC, the on-prem ranges and the hub's
 * inspection VPC.
 */
export function takenBlocks(model: LandingZoneModel): Cidr[] {
  return [
    ...model.environments.map((e) => e.vpc.cidr),
    ...model.networkHub.onPremises.cidrs,
    ...(model.networkHub.hybrid?.inspection ? [model.networkHub.hybrid.inspection.vpcCidr] : []),
  ].map(parseCidr);
}

/**
 * VPC CIDRs for a new environment, best first: blocks of the source's size (`like`, the source environment's CIDR)
 * in the RFC 1918 block of the source, starting after the highest environment VPC there and wrapping around, each
 * overlapping nothing in {@link takenBlocks} nor an earlier candidate.
 * @param max at most this many candidates. @default 1
 * @returns the candidates; empty when that RFC 1918 block has no free block of that size.
 */
export function freeVpcCidrs(model: LandingZoneModel, like: string, max = 1): string[] {
  const source = parseCidr(like);
  const space = RFC1918.find((r) => r.first <= source.first && source.last <= r.last) ?? RFC1918[0]!;
  const inSpace = model.environments.map((e) => parseCidr(e.vpc.cidr)).filter((c) => space.first <= c.first && c.last <= space.last);
  const highest = inSpace.reduce<Cidr | undefined>((a, c) => (a === undefined || c.last > a.last ? c : a), undefined);
  const taken = takenBlocks(model);
  const found: string[] = [];
  let after = highest;
  while (found.length < max) {
    const next = nextFreeBlock(space, source.prefixLength, taken, after);
    if (next === undefined) break;
    found.push(next);
    after = parseCidr(next);
    taken.push(after);
  }
  return found;
}

/**
 * The new file's text: `sourceText` with `name`, `accountId` (the placeholder, with a TODO comment), `vpc.cidr`
 * and, when given, `app.domain.hostedZoneName` and `account.name`/`account.email` replaced in place, and a comment line above the first key saying
 * where the file came from. Only those values' characters change: every other line, comment and alignment stays
 * byte for byte (the values are found with the yaml Document API and spliced into the text).
 * @throws Error when `sourceText` is not a YAML mapping or lacks one of those settings (the caller has loaded it
 *   as a valid environment file, so it has them; a missing `app.domain` is skipped when no zone is given).
 */
export function newEnvironmentText(sourceText: string, settings: NewEnvironmentSettings): string {
  const doc = parseDocument(sourceText);
  if (!isMap(doc.contents)) throw new Error("the source environment file is not a YAML mapping");
  const edits: { readonly at: readonly [number, number]; readonly text: string }[] = [];
  const replaceValue = (path: readonly string[], text: string) => {
    const node = doc.getIn(path, true);
    if (!isScalar(node) || !node.range) throw new Error(`the source environment file has no ${path.join(".")}`);
    edits.push({ at: [node.range[0], node.range[1]], text });
  };
  replaceValue(["name"], settings.name);
  replaceValue(
    ["accountId"],
    `"${PLACEHOLDER_ACCOUNT_ID}" # TODO: the new AWS account's 12-digit id; lz validate refuses this placeholder`,
  );
  replaceValue(["vpc", "cidr"], settings.vpcCidr);
  if (settings.hostedZoneName !== undefined) replaceValue(["app", "domain", "hostedZoneName"], settings.hostedZoneName);
  if (settings.account !== undefined) {
    replaceValue(["account", "name"], settings.account.name);
    replaceValue(["account", "email"], settings.account.email);
  }
  // Right above the first key, below the file's header comments (the editor schema line stays first).
  const firstKey = doc.contents.items[0]?.key;
  if (isScalar(firstKey) && firstKey.range) {
    const lineStart = sourceText.lastIndexOf("\n", firstKey.range[0] - 1) + 1;
    const note = `# ${settings.name}: made by \`lz new-env ${settings.name} --from ${settings.from}\`; the comments come from ${settings.from}.yaml.\n`;
    edits.push({ at: [lineStart, lineStart], text: note });
  }
  let text = sourceText;
  for (const { at, text: replacement } of [...edits].sort((a, b) => b.at[0] - a.at[0])) {
    text = text.slice(0, at[0]) + replacement + text.slice(at[1]);
  }
  return text;
}
