/**
 * The optional tag policy (`TAG_POLICY`): declares the organization's tag keys with their capitalization, so tag
 * policy compliance reports every resource whose tag key is spelled differently (`costcenter` for `CostCenter`).
 * It declares the keys only, without `enforced_for`: enforcement would make tagging operations fail for
 * noncompliant values, which a landing zone cannot decide for its users.
 * Syntax: "Tag policy syntax", https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_example-tag-policies.html
 * Size: at most 10,000 characters, https://docs.aws.amazon.com/organizations/latest/userguide/orgs_reference_limits.html
 */

/** Maximum size of a tag policy document. */
export const TAG_POLICY_MAX_CHARACTERS = 10000;

/**
 * The tag policy document (minified JSON): `{"tags":{"<lowercase key>":{"tag_key":{"@@assign":"<Key>"}}}}`.
 * @throws Error when `tagKeys` is empty or two keys differ only in case (the config refuses both).
 */
export function tagPolicy(tagKeys: readonly string[]): string {
  if (tagKeys.length === 0) throw new Error("tagPolicy: no tag key");
  const tags: Record<string, { tag_key: { "@@assign": string } }> = {};
  for (const key of tagKeys) {
    const id = key.toLowerCase();
    if (tags[id]) throw new Error(`tagPolicy: tag keys ${tags[id].tag_key["@@assign"]} and ${key} differ only in case`);
    tags[id] = { tag_key: { "@@assign": key } };
  }
  return JSON.stringify({ tags });
}
