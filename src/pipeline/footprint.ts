/**
 * What a synthesized stack does in each AWS account, read from its Terraform JSON: the resource and data source
 * types per account (through which provider, hence which account, each one is managed), the IAM roles and
 * policies it creates, the managed policies it attaches, the service-linked roles it creates, and the Secrets
 * Manager secrets a plan reads. The bootstrap stack builds the pipeline roles of every account from these
 * footprints (./permissions.ts), so the roles follow the stacks instead of a hand-kept list.
 *
 * Pure: reads plain JSON, never imports cdktf. Throws on JSON it cannot attribute, so a role can never silently
 * lack a right the stack needs.
 */

/** The parts of a stack's Terraform JSON (`cdk.tf.json`) a footprint reads. */
export interface FootprintStackJson {
  readonly provider?: Readonly<Record<string, unknown>>;
  readonly resource?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  readonly data?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

/** A Secrets Manager secret by name or ARN, in the Region of the provider that reads it. */
export interface SecretReference {
  readonly region: string;
  /** A secret name (`acme/network/dx-bgp-auth-key`), name prefix ending in `*`, or an ARN. */
  readonly secretId: string;
}

/** What one stack does in one account. Every list is sorted and holds no duplicates. */
export interface AccountFootprint {
  /** The stack, for example `workload-prod`. */
  readonly stack: string;
  readonly accountId: string;
  /** Regions of the stack's providers acting in the account. */
  readonly regions: readonly string[];
  readonly resourceTypes: readonly string[];
  readonly dataSourceTypes: readonly string[];
  /** IAM roles the stack creates: exact names, and name prefixes as `<prefix>*`. */
  readonly roleNames: readonly string[];
  /** Customer-managed IAM policies the stack creates, by name. */
  readonly policyNames: readonly string[];
  /** IAM instance profiles the stack creates, by name (EC2 Auto Scaling tiers). @default none (absent) */
  readonly instanceProfileNames?: readonly string[];
  /** Managed policy ARNs the stack attaches to its roles (literal ARNs; its own policies are in {@link policyNames}). */
  readonly attachedPolicyArns: readonly string[];
  /** `aws_service_name` of every `aws_iam_service_linked_role` (for example `config.amazonaws.com`). */
  readonly serviceLinkedRoleServices: readonly string[];
  /** Secrets whose value a data source reads (plan and apply both read them). */
  readonly secretsRead: readonly SecretReference[];
  /** Secrets the stack creates; refreshing an `aws_secretsmanager_secret_version` reads the value. */
  readonly secretsManaged: readonly SecretReference[];
  /** True when the stack reads `data.aws_secretsmanager_random_password` (GetRandomPassword, at every plan). */
  readonly readsRandomPasswords: boolean;
  /** True when an `aws_cloudtrail` is an organization trail (needs AWS Organizations reads). */
  readonly organizationTrail: boolean;
}

interface Scope {
  readonly accountId: string;
  readonly region: string;
}

const isExpression = (v: unknown): boolean => typeof v === "string" && v.includes("${");
const sorted = (values: Iterable<string>): string[] => [...new Set(values)].sort();

/** Provider reference (`aws` or `aws.<alias>`) → account and Region, from the stack's `provider.aws` blocks. */
function providerScopes(stack: string, json: FootprintStackJson): Map<string, Scope> {
  const scopes = new Map<string, Scope>();
  const blocks = json.provider?.aws;
  for (const p of Array.isArray(blocks) ? (blocks as Record<string, unknown>[]) : []) {
    const ref = typeof p.alias === "string" ? `aws.${p.alias}` : "aws";
    const accounts = Array.isArray(p.allowed_account_ids) ? p.allowed_account_ids : [];
    if (accounts.length !== 1 || typeof accounts[0] !== "string" || isExpression(accounts[0]) || typeof p.region !== "string")
      throw new Error(
        `${stack}: provider ${ref} does not pin exactly one account (allowed_account_ids) and a Region; every provider of a stack must`,
      );
    scopes.set(ref, { accountId: accounts[0], region: p.region });
  }
  return scopes;
}

const literal = (stack: string, address: string, field: string, value: unknown): string => {
  if (typeof value !== "string" || isExpression(value))
    throw new Error(`${stack}: ${address}.${field} is not a literal string; the pipeline roles name it, so it must be known at synthesis`);
  return value;
};

/**
 * The footprint of `stack`, one entry per account its providers act in, sorted by account id.
 * @throws Error when a provider does not pin exactly one account, a resource names a provider the stack lacks, or
 *   an IAM role, policy, attached policy ARN or read secret is an expression rather than a literal.
 */
export function stackFootprints(stack: string, json: FootprintStackJson): AccountFootprint[] {
  const scopes = providerScopes(stack, json);
  type Acc = {
    regions: Set<string>;
    resourceTypes: Set<string>;
    dataSourceTypes: Set<string>;
    roleNames: Set<string>;
    policyNames: Set<string>;
    instanceProfileNames: Set<string>;
    attachedPolicyArns: Set<string>;
    serviceLinkedRoleServices: Set<string>;
    secretsRead: Map<string, SecretReference>;
    secretsManaged: Map<string, SecretReference>;
    readsRandomPasswords: boolean;
    organizationTrail: boolean;
  };
  const byAccount = new Map<string, Acc>();
  const accOf = (address: string, body: Record<string, unknown>): [Acc, Scope] => {
    const ref = typeof body.provider === "string" ? body.provider : "aws";
    const scope = scopes.get(ref);
    if (!scope) throw new Error(`${stack}: ${address} uses provider ${ref}, which the stack does not configure`);
    let acc = byAccount.get(scope.accountId);
    if (!acc) {
      acc = {
        regions: new Set(),
        resourceTypes: new Set(),
        dataSourceTypes: new Set(),
        roleNames: new Set(),
        policyNames: new Set(),
        instanceProfileNames: new Set(),
        attachedPolicyArns: new Set(),
        serviceLinkedRoleServices: new Set(),
        secretsRead: new Map(),
        secretsManaged: new Map(),
        readsRandomPasswords: false,
        organizationTrail: false,
      };
      byAccount.set(scope.accountId, acc);
    }
    acc.regions.add(scope.region);
    return [acc, scope];
  };
  const each = (blocks: FootprintStackJson["resource"], visit: (type: string, name: string, body: Record<string, unknown>) => void) => {
    for (const [type, byName] of Object.entries(blocks ?? {}))
      for (const [name, body] of Object.entries(byName ?? {})) visit(type, name, (body ?? {}) as Record<string, unknown>);
  };

  each(json.resource, (type, name, body) => {
    const address = `${type}.${name}`;
    const [acc, scope] = accOf(address, body);
    acc.resourceTypes.add(type);
    if (type === "aws_iam_role" || type === "aws_iam_policy") {
      const names = type === "aws_iam_role" ? acc.roleNames : acc.policyNames;
      if (body.name !== undefined) names.add(literal(stack, address, "name", body.name));
      else if (body.name_prefix !== undefined) names.add(`${literal(stack, address, "name_prefix", body.name_prefix)}*`);
      else throw new Error(`${stack}: ${address} has neither name nor name_prefix; give it one, so the deploy role's policy can name it`);
    } else if (type === "aws_iam_instance_profile") {
      acc.instanceProfileNames.add(literal(stack, address, "name", body.name));
    } else if (type === "aws_iam_role_policy_attachment") {
      const arn = body.policy_arn;
      if (!(typeof arn === "string" && /^\$\{aws_iam_policy\.[\w-]+\.arn\}$/.test(arn)))
        acc.attachedPolicyArns.add(literal(stack, address, "policy_arn", arn));
    } else if (type === "aws_iam_service_linked_role") {
      acc.serviceLinkedRoleServices.add(literal(stack, address, "aws_service_name", body.aws_service_name));
    } else if (type === "aws_secretsmanager_secret") {
      const id =
        body.name !== undefined
          ? literal(stack, address, "name", body.name)
          : `${literal(stack, address, "name_prefix", body.name_prefix)}*`;
      acc.secretsManaged.set(`${scope.region} ${id}`, { region: scope.region, secretId: id });
    } else if (type === "aws_cloudtrail" && (body.is_organization_trail === true || body.is_organization_trail === "true")) {
      acc.organizationTrail = true;
    }
  });
  each(json.data, (type, name, body) => {
    const address = `data.${type}.${name}`;
    const [acc, scope] = accOf(address, body);
    acc.dataSourceTypes.add(type);
    if (type === "aws_secretsmanager_secret_version" || type === "aws_secretsmanager_secret") {
      const field = type === "aws_secretsmanager_secret" ? (body.arn !== undefined ? "arn" : "name") : "secret_id";
      const id = body[field];
      // A reference to a secret of this stack is covered by secretsManaged.
      if (!(typeof id === "string" && /^\$\{aws_secretsmanager_secret\.[\w-]+\.(id|arn)\}$/.test(id))) {
        const secretId = literal(stack, address, field, id);
        acc.secretsRead.set(`${scope.region} ${secretId}`, { region: scope.region, secretId });
      }
    } else if (type === "aws_secretsmanager_random_password") acc.readsRandomPasswords = true;
  });

  const refs = (m: Map<string, SecretReference>) => [...m.keys()].sort().map((k) => m.get(k)!);
  return [...byAccount.keys()].sort().map((accountId) => {
    const a = byAccount.get(accountId)!;
    return {
      stack,
      accountId,
      regions: sorted(a.regions),
      resourceTypes: sorted(a.resourceTypes),
      dataSourceTypes: sorted(a.dataSourceTypes),
      roleNames: sorted(a.roleNames),
      policyNames: sorted(a.policyNames),
      ...(a.instanceProfileNames.size > 0 ? { instanceProfileNames: sorted(a.instanceProfileNames) } : {}),
      attachedPolicyArns: sorted(a.attachedPolicyArns),
      serviceLinkedRoleServices: sorted(a.serviceLinkedRoleServices),
      secretsRead: refs(a.secretsRead),
      secretsManaged: refs(a.secretsManaged),
      readsRandomPasswords: a.readsRandomPasswords,
      organizationTrail: a.organizationTrail,
    };
  });
}
