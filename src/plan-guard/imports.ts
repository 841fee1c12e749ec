/**
 * The `import` blocks of a synthesized stack (`cdktf.out/stacks/<stack>/cdk.tf.json`), for
 * `PlanGuardOptions.importedAddresses`: cdktf writes each `resource.importFrom(id)` as
 * `"import": [{ "to": "<type>.<name>", "id": "<id>" }]` (Terraform's import block in JSON syntax,
 * https://developer.hashicorp.com/terraform/language/import).
 */

/**
 * Address → import id of every `import` block in the Terraform JSON of one stack; an empty map when it has none.
 * @throws Error when `import` is present but not a list of `{ to, id }` objects with string values.
 */
export function importedAddressesOf(stackJson: unknown): Map<string, string> {
  const blocks = typeof stackJson === "object" && stackJson !== null ? (stackJson as { import?: unknown }).import : undefined;
  const result = new Map<string, string>();
  if (blocks === undefined) return result;
  if (!Array.isArray(blocks)) throw new Error("the stack's import is not a list of import blocks");
  for (const block of blocks as unknown[]) {
    const { to, id } = (typeof block === "object" && block !== null ? block : {}) as { to?: unknown; id?: unknown };
    if (typeof to !== "string" || typeof id !== "string")
      throw new Error(`an import block without a string to and id: ${JSON.stringify(block)}`);
    result.set(to, id);
  }
  return result;
}
