/** LZ-AWS7: every secret an ECS task definition injects is readable by its execution role. */
import { policyStatements, type NormalizedStatement } from "../iam-policy.js";
import { asList, block, isExpression, type SynthResource, type SynthStack } from "../stack.js";
import { COMPLIANT, NOT_APPLICABLE, outcomeOf, type PolicyRule } from "../types.js";
import { containerName, containersOf } from "./ecs-containers.js";

const SECRETS_DOC = "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/secrets-envvar-secrets-manager.html";
const ROLE_DOC = "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_execution_IAM_role.html";

/** Where a `valueFrom` points: a Secrets Manager secret or an SSM parameter. */
type SecretSource = "secretsmanager" | "ssm";

/** One secret a task definition makes ECS read at launch, as the rule understands it. */
interface InjectedSecret {
  /** What the task says, for messages: `container app, secret DB_PASSWORD`. */
  readonly what: string;
  readonly source: SecretSource;
  /** The secret or parameter without a JSON key or version: a literal ARN or a `${...}` reference. */
  readonly target: string;
  /** The resource of the stack it refers to, when it is a reference. */
  readonly resource?: SynthResource;
}

const REFERENCE = /^(\$\{[^}]+\})(.*)$/;
const ACTION: Record<SecretSource, string> = { secretsmanager: "secretsmanager:GetSecretValue", ssm: "ssm:GetParameters" };

const SOURCE_OF_TYPE: Readonly<Record<string, SecretSource>> = {
  aws_secretsmanager_secret: "secretsmanager",
  aws_secretsmanager_secret_version: "secretsmanager",
  aws_ssm_parameter: "ssm",
};

/**
 * A reference to a secret version (whose `arn` is its secret's ARN) as a reference to the secret itself, so a grant
 * on either matches; any other value unchanged.
 */
function canonical(value: string, stack: SynthStack): { readonly value: string; readonly resource?: SynthResource } {
  const resource = stack.resolve(value);
  if (!resource) return { value };
  if (resource.type === "aws_secretsmanager_secret_version" && /\.arn\}$/.test(value)) {
    const secret = stack.resolve(resource.body.secret_id);
    if (secret?.type === "aws_secretsmanager_secret") return { value: `\${${secret.address}.arn}`, resource: secret };
  }
  return { value, resource };
}

/** Reads one `valueFrom`; undefined for a form the rule cannot place (a parameter name, an expression). */
function injected(what: string, valueFrom: unknown, stack: SynthStack): InjectedSecret | undefined {
  if (typeof valueFrom !== "string") return undefined;
  const ref = REFERENCE.exec(valueFrom);
  if (ref) {
    const { value, resource } = canonical(ref[1]!, stack);
    const source = resource ? SOURCE_OF_TYPE[resource.type] : undefined;
    return resource && source ? { what, source, target: value, resource } : undefined;
  }
  if (isExpression(valueFrom)) return undefined;
  const sm = /^(arn:[\w-]+:secretsmanager:[^:]+:\d{12}:secret:[^:]+)/.exec(valueFrom);
  if (sm) return { what, source: "secretsmanager", target: sm[1]! };
  if (/^arn:[\w-]+:ssm:[^:]+:\d{12}:parameter\//.test(valueFrom)) return { what, source: "ssm", target: valueFrom };
  return undefined;
}

/** Every secret ECS reads for the task: container `secrets`, registry credentials and log driver `secretOptions`. */
function injectedSecrets(containers: readonly Record<string, unknown>[], stack: SynthStack): InjectedSecret[] {
  return containers.flatMap((c) => {
    const name = containerName(c);
    const entries = [
      ...asList<Record<string, unknown>>(c.secrets).map((s) => [`secret ${String(s.name)}`, s.valueFrom] as const),
      ...asList<Record<string, unknown>>(block(c.logConfiguration)?.secretOptions).map(
        (s) => [`log option ${String(s.name)}`, s.valueFrom] as const,
      ),
      ...(block(c.repositoryCredentials)
        ? [["repository credentials", block(c.repositoryCredentials)!.credentialsParameter] as const]
        : []),
    ];
    return entries.flatMap(([what, valueFrom]) => injected(`container ${name}, ${what}`, valueFrom, stack) ?? []);
  });
}

/** A reference's resource address and attribute (`aws_kms_key.k`, `arn`), or undefined for a literal. */
function referenceParts(value: string): { readonly address: string; readonly attribute: string; readonly rest: string } | undefined {
  const m = /^\$\{((?:data\.)?[a-z0-9_]+\.[A-Za-z0-9_-]+)\.([A-Za-z0-9_]+)\}(.*)$/.exec(value);
  return m ? { address: m[1]!, attribute: m[2]!, rest: m[3]! } : undefined;
}

/** IAM wildcard match: `*` any run of characters, `?` one character; case-sensitive like ARNs. */
function globMatches(pattern: string, value: string): boolean {
  const re = new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, "\\$&")
      .replace(/\*/g, ".*")
      .replace(/\?/g, ".")}$`,
  );
  return re.test(value);
}

/**
 * Whether IAM `Resource` value `granted` covers `target` (a literal ARN or a reference): `*`; the same reference
 * (any attribute naming the resource: `arn` or `id`), optionally followed by wildcards (`${...arn}-??????`, `*`);
 * or, for a literal target, a pattern matching it.
 */
function resourceCovers(granted: string, target: string): boolean {
  if (granted === "*" || granted === target) return true;
  const g = referenceParts(granted);
  const t = referenceParts(target);
  if (g && t) return g.address === t.address && ["arn", "id"].includes(g.attribute) && /^[*?-]*$/.test(g.rest) && t.rest === "";
  if (g || t) return false;
  return globMatches(granted, target);
}

const actionCovers = (granted: string, action: string) => globMatches(granted.toLowerCase(), action.toLowerCase());

const allows = (statements: readonly NormalizedStatement[], action: string, target: string, stack: SynthStack) =>
  statements.some(
    (s) =>
      s.effect === "Allow" &&
      s.actions.some((a) => actionCovers(a, action)) &&
      s.resources.some((res) => resourceCovers(canonical(res, stack).value, target)),
  );

/**
 * The statements of every identity policy of `role` the stack holds: inline (`aws_iam_role_policy`, the role's
 * `inline_policy` blocks) and attached (`aws_iam_role_policy_attachment` of an `aws_iam_policy`). Undefined when
 * one of them cannot be read (an expression, or a customer managed policy made elsewhere): the rule then cannot
 * tell what the role may do. AWS managed policies (`arn:<partition>:iam::aws:policy/...`) are skipped: none grants
 * access to a named secret.
 */
function roleStatements(role: SynthResource, stack: SynthStack): NormalizedStatement[] | undefined {
  const forRole = (policy: SynthResource) => stack.refersTo(policy.body.role, role) || policy.body.role === role.body.name;
  const documents: unknown[] = [
    ...asList<Record<string, unknown>>(role.body.inline_policy).map((p) => p.policy),
    ...stack
      .ofType("aws_iam_role_policy")
      .filter(forRole)
      .map((p) => p.body.policy),
  ];
  for (const attachment of stack.ofType("aws_iam_role_policy_attachment").filter(forRole)) {
    const arn = attachment.body.policy_arn;
    if (typeof arn === "string" && /^arn:[\w-]+:iam::aws:policy\//.test(arn)) continue;
    const policy = stack.resolve(arn);
    if (policy?.type !== "aws_iam_policy") return undefined;
    documents.push(policy.body.policy);
  }
  const statements: NormalizedStatement[] = [];
  for (const document of documents) {
    const parsed = policyStatements(document, stack);
    if (!parsed) return undefined;
    statements.push(...parsed);
  }
  return statements;
}

/** The customer managed KMS key encrypting a secret of the stack, as a reference or ARN; undefined for AWS managed or unknown. */
function secretKey(secret: InjectedSecret, stack: SynthStack): string | undefined {
  const holder = secret.resource;
  if (!holder) return undefined;
  const key = holder.type === "aws_ssm_parameter" ? holder.body.key_id : holder.body.kms_key_id;
  if (typeof key !== "string" || key === "" || /alias\/aws\//.test(key)) return undefined;
  const target = stack.resolve(key);
  if (target?.type === "aws_kms_alias") {
    const aliased = stack.resolve(target.body.target_key_id);
    return aliased?.type === "aws_kms_key" ? `\${${aliased.address}.arn}` : undefined;
  }
  if (target && target.type !== "aws_kms_key") return undefined;
  if (!target && (isExpression(key) || !/^arn:[\w-]+:kms:[^:]+:\d{12}:key\//.test(key))) return undefined;
  return target ? `\${${target.address}.arn}` : key;
}

/** Whether the key policy of the stack's key `keyRef` itself lets `role` decrypt (a statement naming the role). */
function keyPolicyAllows(keyRef: string, role: SynthResource, stack: SynthStack): boolean {
  const key = stack.resolve(keyRef);
  if (key?.type !== "aws_kms_key") return false;
  return (policyStatements(key.body.policy, stack) ?? []).some(
    (s) =>
      s.effect === "Allow" &&
      s.actions.some((a) => actionCovers(a, "kms:Decrypt")) &&
      Object.values(s.principals).some((ids) => ids.some((id) => stack.refersTo(id, role))),
  );
}

/**
 * For each `aws_ecs_task_definition`, every secret ECS reads at launch (container `secrets[].valueFrom`, log driver
 * `secretOptions`, `repositoryCredentials.credentialsParameter`) is allowed to the role of `execution_role_arn`:
 * `secretsmanager:GetSecretValue` on the secret (a JSON key or version suffix is ignored; the grant may end in
 * wildcards) or `ssm:GetParameters` on the parameter, in an inline or attached policy of the role; and, when the
 * secret is a resource of the stack encrypted with a customer managed key, `kms:Decrypt` on that key (in the role's
 * policies or in the key policy). References (`${aws_secretsmanager_secret.x.arn}`) are compared as references,
 * so a grant that names the secret's resource covers it whatever ARN it gets at apply. Not judged: a task without
 * secrets, an execution role or policy the stack does not hold, a secret named in a form the rule cannot place.
 */
export const ecsSecretsReadable: PolicyRule = {
  id: "LZ-AWS7",
  level: "error",
  title: "Every secret an ECS task injects is readable (and decryptable) by its execution role",
  rationale:
    "ECS reads the secrets with the execution role before the container starts; one missing grant and no task starts (ResourceInitializationError), which validate and plan cannot see.",
  sources: [SECRETS_DOC, `${ROLE_DOC}#task-execution-secrets`],
  resourceTypes: ["aws_ecs_task_definition"],
  check: (r, stack) => {
    const containers = containersOf(r);
    if (!containers) return NOT_APPLICABLE;
    const secrets = injectedSecrets(containers, stack);
    if (secrets.length === 0) return NOT_APPLICABLE;
    if (r.body.execution_role_arn === undefined)
      return outcomeOf([
        `the task injects secrets but has no execution_role_arn: ECS cannot read them. Set execution_role_arn to a role allowed to read them (${ROLE_DOC})`,
      ]);
    const role = stack.resolve(r.body.execution_role_arn);
    if (role?.type !== "aws_iam_role") return NOT_APPLICABLE;
    const statements = roleStatements(role, stack);
    if (!statements) return NOT_APPLICABLE;
    const problems: string[] = [];
    for (const secret of secrets) {
      const action = ACTION[secret.source];
      if (!allows(statements, action, secret.target, stack))
        problems.push(
          `${secret.what} reads ${secret.target}, but the execution role ${role.address} is not allowed ${action} on it, so the task fails to start (ResourceInitializationError). Allow ${action} on that ${secret.source === "ssm" ? "parameter" : "secret"} in a policy of the execution role (${ROLE_DOC})`,
        );
      const key = secretKey(secret, stack);
      if (key && !allows(statements, "kms:Decrypt", key, stack) && !keyPolicyAllows(key, role, stack))
        problems.push(
          `${secret.what} is encrypted with ${key}, but the execution role ${role.address} is not allowed kms:Decrypt on it. Allow kms:Decrypt on that key (with kms:ViaService ${secret.source}.<region>.amazonaws.com) in a policy of the execution role (${ROLE_DOC})`,
        );
    }
    return problems.length === 0 ? COMPLIANT : outcomeOf([...new Set(problems)]);
  },
};
