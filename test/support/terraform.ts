/**
 * Helpers for running the real Terraform CLI offline on synthesized stacks: find the binary and the provider
 * mirror, run commands with a private CLI config and bounded parallelism, and generate the mocked-apply test
 * file (`terraform test` with `mock_provider`) for one stack.
 */
import { type ChildProcess, execFile, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";

/** Provider mirror used when `TF_PROVIDER_MIRROR` is unset (unpacked layout: `<host>/<ns>/<type>/<version>/<os_arch>/`). */
export const DEFAULT_PROVIDER_MIRROR = "/opt/tf-plugins";

/** Most Terraform processes run at once by one {@link TerraformCli} (the machine has 2 cores). */
export const MAX_PARALLEL = 2;

/** Time limit of one Terraform command, in milliseconds (5 minutes). */
export const DEFAULT_TIMEOUT_MS = 300_000;

/** Oldest Terraform whose `terraform test` knows `mock_provider` (1.7). */
const MIN_TERRAFORM: readonly [number, number] = [1, 7];

/** Path of the generated test file, relative to a stack folder. */
export const MOCK_TEST_FILE = "tests/mock_apply.tftest.hcl";

/**
 * Version of hashicorp/aws that the installed `@cdktf/provider-aws` binds (e.g. "5.100.0"), read from its
 * package.json `cdktf.provider.version`. Throws if the package is missing or lacks that field.
 */
export function awsProviderVersion(): string {
  const path = createRequire(import.meta.url).resolve("@cdktf/provider-aws/package.json");
  const version = (JSON.parse(readFileSync(path, "utf8")) as { cdktf?: { provider?: { version?: string } } }).cdktf?.provider?.version;
  if (!version) throw new Error(`${path} has no cdktf.provider.version`);
  return version;
}

/** A usable Terraform: the binary (as given, resolved through PATH), its version, and the provider mirror folder. */
export interface TerraformFound {
  readonly ok: true;
  readonly bin: string;
  readonly version: string;
  readonly mirror: string;
}

/** Result of {@link probeTerraform}: a usable Terraform, or why the checks must be skipped. */
export type TerraformProbe = TerraformFound | { readonly ok: false; readonly reason: string };

/**
 * Looks for Terraform and the provider without throwing. The binary is `TERRAFORM_BIN`, else `terraform` on PATH;
 * it must run `version -json` and be at least 1.7. The provider comes from the first of:
 * - the unpacked mirror `TF_PROVIDER_MIRROR`, else {@link DEFAULT_PROVIDER_MIRROR}, when it holds
 *   `registry.terraform.io/hashicorp/aws/<awsProviderVersion()>`;
 * - else, when `TF_PLUGIN_CACHE_DIR` is set (the GitHub workflows set it, on runners without the mirror), the
 *   registry: a `terraform init` of a one-provider config installs hashicorp/aws into that plugin cache, which has
 *   the unpacked mirror's layout and serves as the mirror from then on (see {@link installIntoPluginCache}).
 * @returns `{ ok: false, reason }` (one readable sentence) when anything is missing.
 */
export function probeTerraform(env: NodeJS.ProcessEnv = process.env): TerraformProbe {
  const bin = env.TERRAFORM_BIN || "terraform";
  const mirror = env.TF_PROVIDER_MIRROR || DEFAULT_PROVIDER_MIRROR;
  const run = spawnSync(bin, ["version", "-json"], { encoding: "utf8", env: childEnv(env), timeout: 60_000 });
  if (run.error) {
    const code = (run.error as NodeJS.ErrnoException).code ?? run.error.message;
    return { ok: false, reason: `cannot run "${bin}" (${code}); put terraform on PATH or set TERRAFORM_BIN` };
  }
  if (run.status !== 0) return { ok: false, reason: `"${bin} version" exited with ${run.status}: ${run.stderr.trim()}` };
  let version: string;
  try {
    version = (JSON.parse(run.stdout) as { terraform_version: string }).terraform_version;
  } catch {
    return { ok: false, reason: `"${bin} version -json" printed no JSON: ${run.stdout.trim()}` };
  }
  const [major = 0, minor = 0] = version.split(".").map(Number);
  if (major < MIN_TERRAFORM[0] || (major === MIN_TERRAFORM[0] && minor < MIN_TERRAFORM[1])) {
    return { ok: false, reason: `terraform ${version} is too old for mock_provider (needs ${MIN_TERRAFORM.join(".")} or later)` };
  }
  const aws = join("registry.terraform.io", "hashicorp", "aws", awsProviderVersion());
  if (existsSync(join(mirror, aws))) return { ok: true, bin, version, mirror };
  const cache = env.TF_PLUGIN_CACHE_DIR;
  if (!cache) {
    return {
      ok: false,
      reason:
        `provider mirror ${mirror} lacks ${aws}; set TF_PROVIDER_MIRROR to a mirror that has it, or TF_PLUGIN_CACHE_DIR ` +
        "to install the provider from the registry into that plugin cache",
    };
  }
  const installed = installIntoPluginCache(bin, resolve(cache), env);
  return installed === undefined ? { ok: true, bin, version, mirror: resolve(cache) } : { ok: false, reason: installed };
}

/**
 * Installs hashicorp/aws <awsProviderVersion()> from the registry into the plugin cache `cache`: `terraform init`
 * of a one-provider config in a temp folder with `plugin_cache_dir` set. Does nothing when the cache holds it.
 * @returns undefined on success, else why it failed (one sentence with Terraform's output).
 */
export function installIntoPluginCache(bin: string, cache: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (existsSync(join(cache, "registry.terraform.io", "hashicorp", "aws", awsProviderVersion()))) return undefined;
  const dir = mkdtempSync(join(tmpdir(), "lz-tf-install-"));
  try {
    mkdirSync(cache, { recursive: true });
    const rc = join(dir, "terraform.rc");
    writeFileSync(rc, `plugin_cache_dir = ${JSON.stringify(cache)}\n`);
    const config = { terraform: { required_providers: { aws: { source: "hashicorp/aws", version: awsProviderVersion() } } } };
    writeFileSync(join(dir, "main.tf.json"), JSON.stringify(config));
    const init = spawnSync(bin, ["init", "-input=false", "-backend=false", "-no-color"], {
      cwd: dir,
      encoding: "utf8",
      env: { ...childEnv(env), TF_CLI_CONFIG_FILE: rc },
      timeout: DEFAULT_TIMEOUT_MS,
    });
    if (init.status === 0) return undefined;
    return `terraform init could not install hashicorp/aws ${awsProviderVersion()} into ${cache}: ${(init.stderr || init.stdout).trim()}`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Outcome of one Terraform command: exit code (null when killed on timeout), `ok` (exit code 0), the raw streams,
 * and `output`: the command line, stdout, then stderr, for assertion messages.
 */
export interface TerraformResult {
  readonly code: number | null;
  readonly ok: boolean;
  readonly stdout: string;
  readonly stderr: string;
  readonly output: string;
}

/** Options of a {@link TerraformCli}. */
export interface TerraformCliOptions {
  /**
   * Most Terraform commands run at once; further calls queue in call order. @default MAX_PARALLEL
   */
  readonly maxParallel?: number;
  /**
   * Serve hashicorp/aws to every command but `init` from one provider process (see {@link SharedProvider}).
   * @default true
   */
  readonly shareProvider?: boolean;
}

/**
 * Runs Terraform commands offline: writes its own CLI config (filesystem mirror only, direct downloads excluded)
 * into a temp folder and passes it to the children only, with `CHECKPOINT_DISABLE=1` and `TF_IN_AUTOMATION=1`.
 * At most `maxParallel` commands run at once; further calls queue in call order. Call {@link dispose} when done.
 *
 * With `shareProvider` (the default), it starts one hashicorp/aws provider process from the mirror and every
 * command except `init` attaches to it instead of starting its own (see {@link SharedProvider}). `init` always
 * runs on its own, so it still installs the provider from the mirror and checks it against the lock file. If
 * the shared provider cannot be started, commands start their own as usual (a warning says why).
 */
export class TerraformCli {
  readonly #home = mkdtempSync(join(tmpdir(), "lz-tf-cli-"));
  readonly #env: NodeJS.ProcessEnv;
  readonly #provider: Promise<SharedProvider | undefined>;
  readonly maxParallel: number;
  #running = 0;
  readonly #waiting: (() => void)[] = [];

  constructor(
    readonly terraform: TerraformFound,
    options: TerraformCliOptions = {},
  ) {
    this.maxParallel = options.maxParallel ?? MAX_PARALLEL;
    const config = join(this.#home, "terraform.rc");
    const registry = JSON.stringify(["registry.terraform.io/*/*"]);
    writeFileSync(
      config,
      `provider_installation {\n  filesystem_mirror {\n    path    = ${JSON.stringify(resolve(terraform.mirror))}\n    include = ${registry}\n  }\n  direct {\n    exclude = ${registry}\n  }\n}\n`,
    );
    this.#env = { ...childEnv(process.env), TF_CLI_CONFIG_FILE: config };
    this.#provider = options.shareProvider === false ? Promise.resolve(undefined) : SharedProvider.start(terraform.mirror, this.#env);
  }

  /**
   * Runs `terraform <args>` in `cwd` (explicit arguments, no shell). Never rejects for a failing command: the
   * exit code and output are in the result. Rejects only if the binary cannot be started or prints more than
   * 256 MiB.
   * @param timeoutMs kill the command after this many milliseconds. @default DEFAULT_TIMEOUT_MS
   */
  async run(cwd: string, args: readonly string[], timeoutMs = DEFAULT_TIMEOUT_MS): Promise<TerraformResult> {
    const provider = args[0] === "init" ? undefined : await this.#provider;
    const env = provider ? { ...this.#env, TF_REATTACH_PROVIDERS: provider.reattach } : this.#env;
    await this.#slot();
    try {
      return await new Promise((done, fail) => {
        execFile(this.terraform.bin, args, { cwd, env, timeout: timeoutMs, maxBuffer: 256 * 1024 * 1024 }, (error, stdout, stderr) => {
          const code = error ? error.code : 0;
          if (typeof code === "string") return fail(error);
          const output = `$ terraform ${args.join(" ")}   (in ${cwd})\n${stdout}${stderr}${error?.killed ? `\n[killed after ${timeoutMs} ms]` : ""}`;
          done({ code: error?.killed ? null : (code ?? null), ok: !error, stdout, stderr, output });
        });
      });
    } finally {
      this.#release();
    }
  }

  /** Stops the shared provider and removes the temp folder holding the CLI config. */
  async dispose(): Promise<void> {
    await (await this.#provider)?.stop();
    rmSync(this.#home, { recursive: true, force: true });
  }

  /** Takes a free slot, or waits until a finishing command hands its slot over. */
  async #slot(): Promise<void> {
    if (this.#running < this.maxParallel) this.#running++;
    else await new Promise<void>((r) => this.#waiting.push(r));
  }

  #release(): void {
    const next = this.#waiting.shift();
    if (next) next();
    else this.#running--;
  }
}

/**
 * Runs the provider binary (`$0`) in debug mode and stops it, waiting for it, when stdin closes or on a signal.
 */
const WATCHDOG = `"$0" -debug </dev/null &
pid=$!
trap 'kill "$pid" 2>/dev/null; wait "$pid"; exit 0' INT TERM HUP
read -r _ || true
kill "$pid" 2>/dev/null
wait "$pid"
`;

/** Time allowed for the shared provider to start and print its reattach configuration, in milliseconds. */
const PROVIDER_START_TIMEOUT_MS = 60_000;

/**
 * One hashicorp/aws provider process from the mirror, started in the provider's debug mode (`-debug`), which
 * prints a `TF_REATTACH_PROVIDERS` value and serves every Terraform process given that value
 * (https://developer.hashicorp.com/terraform/plugin/debugging#running-terraform-with-a-provider-in-debug-mode).
 *
 * Why: every Terraform command otherwise starts its own provider process per provider configuration and run,
 * and the aws provider costs about a second of CPU to start and describe its schema; `terraform test` of a
 * workload stack started it 21 times. The commands send the same requests to the same binary either way. It
 * is safe to share because the checks never configure the real provider: `validate` only validates, and
 * `terraform test` with `mock_provider` passes only validation to it. Concurrent commands are served
 * concurrently (gRPC).
 *
 * The provider runs under a small `sh` that kills it when its stdin closes, so it also goes away when the test
 * worker dies without calling {@link stop}, and waits for it, so its CPU time counts towards the test run's.
 */
export class SharedProvider {
  private constructor(
    /** The `TF_REATTACH_PROVIDERS` value the provider printed (JSON). */
    readonly reattach: string,
    readonly child: ChildProcess,
  ) {}

  /**
   * Starts the provider found in the (unpacked) mirror for this platform. Never rejects: resolves to undefined,
   * after a warning saying why, when the binary is missing, exits, or prints no reattach value in time.
   */
  static start(mirror: string, env: NodeJS.ProcessEnv): Promise<SharedProvider | undefined> {
    const binary = providerBinary(mirror);
    if (!binary) return Promise.resolve(warn(`no hashicorp/aws binary for ${goPlatform()} in ${mirror}`));
    const child = spawn("/bin/sh", ["-c", WATCHDOG, binary], { env, stdio: ["pipe", "pipe", "ignore"] });
    return new Promise((done) => {
      let out = "";
      let settled = false;
      const give = (result: SharedProvider | undefined) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        child.stdout?.removeAllListeners("data").resume();
        child.removeAllListeners("exit");
        done(result);
      };
      const failed = (why: string) => {
        if (settled) return;
        child.stdin?.end();
        give(warn(why));
      };
      const timer = setTimeout(
        () => failed(`${binary} -debug printed no reattach value in ${PROVIDER_START_TIMEOUT_MS} ms`),
        PROVIDER_START_TIMEOUT_MS,
      );
      child.on("error", (e) => failed(`cannot run /bin/sh: ${e.message}`));
      child.on("exit", (code) => failed(`${binary} -debug exited (${code}) before printing its reattach value`));
      child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
        out += chunk;
        const value = /TF_REATTACH_PROVIDERS='([^']+)'/.exec(out)?.[1];
        if (value) give(new SharedProvider(value, child));
      });
    });
  }

  /** Stops the provider (its `sh` kills it when stdin closes) and waits until both have exited. */
  stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return Promise.resolve();
    const exited = new Promise<void>((done) => this.child.once("exit", () => done()));
    this.child.stdin?.end();
    return exited;
  }
}

function warn(why: string): undefined {
  console.warn(`Terraform commands start their own provider processes (slower): ${why}`);
  return undefined;
}

/** Terraform's name for this platform, e.g. `linux_amd64`. */
function goPlatform(): string {
  const os = process.platform === "win32" ? "windows" : process.platform;
  const arch = ({ x64: "amd64", ia32: "386" } as Record<string, string>)[process.arch] ?? process.arch;
  return `${os}_${arch}`;
}

/** The hashicorp/aws executable for this platform in an unpacked mirror, or undefined. */
function providerBinary(mirror: string): string | undefined {
  const dir = join(mirror, "registry.terraform.io", "hashicorp", "aws", awsProviderVersion(), goPlatform());
  const name = existsSync(dir) ? readdirSync(dir).find((f) => f.startsWith("terraform-provider-aws")) : undefined;
  return name === undefined ? undefined : join(dir, name);
}

/** Inherited environment minus Terraform's own `TF_*` settings (except logging), plus the offline flags. */
function childEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const kept = Object.entries(env).filter(([k]) => !k.startsWith("TF_") || k.startsWith("TF_LOG"));
  return { ...Object.fromEntries(kept), CHECKPOINT_DISABLE: "1", TF_IN_AUTOMATION: "1" };
}

/** The parts of a synthesized `cdk.tf.json` that the mock file depends on. */
export interface StackJson {
  readonly provider?: Record<string, readonly Record<string, unknown>[]>;
  readonly resource?: Record<string, unknown>;
  readonly data?: Record<string, unknown>;
}

/** One synthesized stack: its name, absolute working folder, and parsed `cdk.tf.json`. */
export interface SynthesizedStack {
  readonly name: string;
  readonly dir: string;
  readonly json: StackJson;
}

/**
 * Reads `<outdir>/manifest.json` (written by cdktf synth) and every stack's JSON, in manifest order.
 * Throws if the manifest or a stack file is missing or not JSON.
 */
export function readManifest(outdir: string): SynthesizedStack[] {
  type Entry = { workingDirectory: string; synthesizedStackPath: string };
  const manifest = JSON.parse(readFileSync(join(outdir, "manifest.json"), "utf8")) as { stacks: Record<string, Entry> };
  return Object.entries(manifest.stacks).map(([name, s]) => ({
    name,
    dir: resolve(outdir, s.workingDirectory),
    json: JSON.parse(readFileSync(join(outdir, s.synthesizedStackPath), "utf8")) as StackJson,
  }));
}

const ACCOUNT = "123456789012";
const REGION = "eu-west-1";
const arn = (service: string, resource: string, region = REGION, account = ACCOUNT) =>
  `arn:aws:${service}:${region}:${account}:${resource}`;
const iamArn = (resource: string) => arn("iam", resource, "");
const POLICY_JSON = JSON.stringify({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Action: "sts:GetCallerIdentity", Resource: "*" }],
});
const UUID = "00000000-0000-0000-0000-000000000000";
const ALB = "app/mock/0123456789abcdef";

/**
 * Defaults for computed attributes of mocked resources, by resource type: attribute → value (HCL-renderable JSON).
 *
 * `terraform test` mocks computed attributes with random 8-character strings and empty lists; the provider then
 * rejects those where another resource validates them (an ARN argument, an `element()` over a list). Add a type
 * here when a mocked apply fails that way. Account 123456789012, region eu-west-1. The terraform test checks that
 * every entry names a computed attribute of the bound provider (Terraform silently ignores unknown ones).
 */
export const MOCK_RESOURCE_DEFAULTS: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {
  aws_acm_certificate: {
    arn: arn("acm", `certificate/${UUID}`),
    domain_validation_options: [
      {
        domain_name: "www.example.com",
        resource_record_name: "_0123456789abcdef.www.example.com.",
        resource_record_type: "CNAME",
        resource_record_value: "_0123456789abcdef.acm-validations.aws.",
      },
    ],
  },
  aws_apigatewayv2_api: {
    arn: arn("apigateway", "/apis/mockapi01", REGION, ""),
    execution_arn: arn("execute-api", "mockapi01"),
    api_endpoint: `https://mockapi01.execute-api.${REGION}.amazonaws.com`,
  },
  aws_autoscaling_group: { arn: arn("autoscaling", `autoScalingGroup:${UUID}:autoScalingGroupName/mock`) },
  aws_backup_plan: { arn: arn("backup", "backup-plan:mock") },
  aws_backup_vault: { arn: arn("backup", "backup-vault:mock") },
  aws_cloudfront_distribution: {
    arn: arn("cloudfront", "distribution/EMOCKMOCKMOCK", ""),
    domain_name: "d111111abcdef8.cloudfront.net",
    hosted_zone_id: "Z2FDTNDATAQYW2",
  },
  aws_cloudfront_vpc_origin: { arn: arn("cloudfront", "vpcorigin/vo_mockmockmockmock", "") },
  aws_cloudtrail: { arn: arn("cloudtrail", "trail/mock") },
  aws_cloudwatch_event_bus: { arn: arn("events", "event-bus/mock") },
  aws_cloudwatch_event_rule: { arn: arn("events", "rule/mock") },
  aws_cloudwatch_log_group: { arn: arn("logs", "log-group:mock") },
  aws_db_option_group: { arn: arn("rds", "og:mock") },
  aws_dynamodb_table: { arn: arn("dynamodb", "table/mock"), stream_arn: arn("dynamodb", "table/mock/stream/2024-01-01T00:00:00.000") },
  aws_customer_gateway: { arn: arn("ec2", "customer-gateway/cgw-0123456789abcdef0") },
  aws_dx_gateway: { owner_account_id: ACCOUNT },
  aws_dx_transit_virtual_interface: { arn: arn("directconnect", "dxvif/dxvif-mock1234"), aws_device: "EqDC2-mock" },
  aws_ec2_managed_prefix_list: { arn: arn("ec2", "prefix-list/pl-0123456789abcdef0") },
  aws_ec2_transit_gateway: { arn: arn("ec2", "transit-gateway/tgw-0123456789abcdef0") },
  aws_ec2_transit_gateway_route_table: { arn: arn("ec2", "transit-gateway-route-table/tgw-rtb-0123456789abcdef0") },
  aws_ec2_transit_gateway_vpc_attachment: { arn: arn("ec2", "transit-gateway-attachment/tgw-attach-0123456789abcdef0") },
  aws_ecr_repository: { arn: arn("ecr", "repository/mock"), repository_url: `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/mock` },
  aws_elasticache_user: { arn: arn("elasticache", "user:mock") },
  aws_elasticache_user_group: { arn: arn("elasticache", "usergroup:mock") },
  aws_iam_instance_profile: { arn: iamArn("instance-profile/mock") },
  aws_iam_openid_connect_provider: { arn: iamArn("oidc-provider/token.actions.githubusercontent.com") },
  aws_iam_policy: { arn: iamArn("policy/mock") },
  aws_iam_role: { arn: iamArn("role/mock") },
  aws_iam_service_linked_role: { arn: iamArn("role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig") },
  aws_iam_user: { arn: iamArn("user/mock") },
  aws_kinesis_firehose_delivery_stream: { arn: arn("firehose", "deliverystream/mock") },
  aws_launch_template: { id: "lt-0123456789abcdef0", arn: arn("ec2", "launch-template/lt-0123456789abcdef0"), latest_version: 1 },
  aws_kms_alias: { arn: arn("kms", "alias/mock"), target_key_arn: arn("kms", `key/${UUID}`) },
  aws_kms_key: { arn: arn("kms", `key/${UUID}`) },
  aws_lambda_function: {
    arn: arn("lambda", "function:mock"),
    qualified_arn: arn("lambda", "function:mock:1"),
    invoke_arn: `arn:aws:apigateway:${REGION}:lambda:path/2015-03-31/functions/${arn("lambda", "function:mock")}/invocations`,
  },
  aws_lb: { arn: arn("elasticloadbalancing", `loadbalancer/${ALB}`), arn_suffix: ALB },
  aws_lb_listener: { arn: arn("elasticloadbalancing", `listener/${ALB}/0123456789abcdef`) },
  aws_lb_target_group: {
    arn: arn("elasticloadbalancing", "targetgroup/mock/0123456789abcdef"),
    arn_suffix: "targetgroup/mock/0123456789abcdef",
  },
  aws_networkfirewall_firewall: {
    arn: arn("network-firewall", "firewall/mock"),
    firewall_status: [
      {
        sync_states: ["mock-1a", "mock-1b", "mock-1c"].map((az, i) => ({
          availability_zone: az,
          attachment: [{ endpoint_id: `vpce-0123456789abcdef${i}`, subnet_id: `subnet-0123456789abcdef${i}`, status: "READY" }],
        })),
      },
    ],
  },
  aws_networkfirewall_firewall_policy: { arn: arn("network-firewall", "firewall-policy/mock") },
  aws_networkfirewall_rule_group: { arn: arn("network-firewall", "stateful-rulegroup/mock") },
  aws_organizations_account: { arn: arn("organizations", `account/o-mockorgid0/${ACCOUNT}`, "") },
  // The top-level OUs take the root's id from roots[0].
  aws_organizations_organization: {
    arn: arn("organizations", "organization/o-mockorgid0", ""),
    roots: [{ id: "r-mock", arn: arn("organizations", "root/o-mockorgid0/r-mock", ""), name: "Root", policy_types: [] }],
  },
  aws_organizations_organizational_unit: { id: "ou-mock-mockmock", arn: arn("organizations", "ou/o-mockorgid0/ou-mock-mockmock", "") },
  aws_organizations_policy: { arn: arn("organizations", "policy/o-mockorgid0/service_control_policy/p-mockmock", "") },
  aws_ram_resource_share: { arn: arn("ram", "resource-share/mock") },
  aws_route53_resolver_endpoint: { arn: arn("route53resolver", "resolver-endpoint/rslvr-in-mock") },
  aws_route53_resolver_rule: { arn: arn("route53resolver", "resolver-rule/rslvr-rr-mock") },
  aws_route53_zone: { arn: "arn:aws:route53:::hostedzone/Z0123456789MOCK" },
  aws_s3_bucket: { arn: "arn:aws:s3:::mock-bucket" },
  aws_secretsmanager_secret: { arn: arn("secretsmanager", "secret:mock-AbCdEf") },
  // Its association takes the policy id, which the provider validates as a UUID.
  aws_securityhub_configuration_policy: { id: UUID, arn: arn("securityhub", `configuration-policy/${UUID}`) },
  aws_security_group: { arn: arn("ec2", "security-group/sg-0123456789abcdef0") },
  aws_sfn_state_machine: { arn: arn("states", "stateMachine:mock") },
  aws_sns_topic: { arn: arn("sns", "mock") },
  aws_sqs_queue: { arn: arn("sqs", "mock"), url: `https://sqs.${REGION}.amazonaws.com/${ACCOUNT}/mock` },
  aws_ssm_parameter: { arn: arn("ssm", "parameter/mock") },
  aws_ssoadmin_permission_set: { arn: "arn:aws:sso:::permissionSet/ssoins-1234567890abcdef/ps-1234567890abcdef" },
  // Subnets are placed by AZ ID; the firewall endpoint lookups key on the AZ name a subnet lands in, which must be
  // one of the mocked firewall's sync states (mock-1a, ...).
  aws_subnet: { arn: arn("ec2", "subnet/subnet-0123456789abcdef0"), availability_zone: "mock-1a" },
  aws_vpc: { arn: arn("ec2", "vpc/vpc-0123456789abcdef0") },
  aws_vpc_ipam_pool: { arn: arn("ec2", "ipam-pool/ipam-pool-0123456789abcdef0", "") },
  aws_vpn_connection: {
    arn: arn("ec2", "vpn-connection/vpn-0123456789abcdef0"),
    tunnel1_address: "198.51.100.1",
    tunnel2_address: "198.51.100.2",
    transit_gateway_attachment_id: "tgw-attach-0123456789abcdef1",
  },
  aws_wafv2_web_acl: { arn: arn("wafv2", `regional/webacl/mock/${UUID}`) },
};

/** Defaults for computed attributes of mocked data sources, by data source type (see {@link MOCK_RESOURCE_DEFAULTS}). */
export const MOCK_DATA_DEFAULTS: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {
  aws_acm_certificate: { arn: arn("acm", `certificate/${UUID}`) },
  aws_availability_zones: { names: ["mock-1a", "mock-1b", "mock-1c"], zone_ids: ["mock-az1", "mock-az2", "mock-az3"] },
  aws_caller_identity: { account_id: ACCOUNT, arn: arn("sts", "assumed-role/mock/mock", ""), user_id: "AROAMOCKMOCKMOCK:mock" },
  aws_cloudwatch_log_group: { arn: arn("logs", "log-group:mock") },
  aws_ec2_transit_gateway: { arn: arn("ec2", "transit-gateway/tgw-0123456789abcdef0") },
  aws_ec2_transit_gateway_route_table: { arn: arn("ec2", "transit-gateway-route-table/tgw-rtb-0123456789abcdef0") },
  aws_iam_policy: { arn: iamArn("policy/mock") },
  aws_iam_policy_document: { json: POLICY_JSON, minified_json: POLICY_JSON },
  aws_iam_role: { arn: iamArn("role/mock") },
  aws_identitystore_group: { group_id: "90676d4b-6011-70d7-4e54-9a8b1c2d3e4f" },
  aws_kms_alias: { arn: arn("kms", "alias/mock"), target_key_arn: arn("kms", `key/${UUID}`) },
  aws_kms_key: { arn: arn("kms", `key/${UUID}`) },
  aws_lb: { arn: arn("elasticloadbalancing", `loadbalancer/${ALB}`), arn_suffix: ALB },
  aws_lb_target_group: {
    arn: arn("elasticloadbalancing", "targetgroup/mock/0123456789abcdef"),
    arn_suffix: "targetgroup/mock/0123456789abcdef",
  },
  aws_organizations_organization: {
    arn: arn("organizations", "organization/o-mockorgid0", ""),
    master_account_id: ACCOUNT,
    // The security tooling stack associates its Security Hub configuration policy with roots[0].
    roots: [{ id: "r-mock", arn: arn("organizations", "root/o-mockorgid0/r-mock", ""), name: "Root", policy_types: [] }],
  },
  aws_partition: { partition: "aws", dns_suffix: "amazonaws.com" },
  aws_ram_resource_share: { arn: arn("ram", "resource-share/mock") },
  aws_region: { name: REGION },
  aws_route53_zone: { arn: "arn:aws:route53:::hostedzone/Z0123456789MOCK" },
  aws_s3_bucket: { arn: "arn:aws:s3:::mock-bucket" },
  aws_secretsmanager_random_password: { random_password: "MockRandomPassword0123456789abcdefghijABCDEFGHIJ" },
  aws_secretsmanager_secret: { arn: arn("secretsmanager", "secret:mock-AbCdEf") },
  aws_secretsmanager_secret_version: { arn: arn("secretsmanager", "secret:mock-AbCdEf"), secret_string: "MockSecretValue1234" },
  aws_sns_topic: { arn: arn("sns", "mock") },
  aws_ssm_parameter: { arn: arn("ssm", "parameter/mock"), insecure_value: "ami-0123456789abcdef0" },
  aws_ssoadmin_instances: { arns: ["arn:aws:sso:::instance/ssoins-1234567890abcdef"], identity_store_ids: ["d-1234567890"] },
  // Subnets are placed by AZ ID; the firewall endpoint lookups key on the AZ name a subnet lands in, which must be
  // one of the mocked firewall's sync states (mock-1a, ...).
  aws_subnet: { arn: arn("ec2", "subnet/subnet-0123456789abcdef0"), availability_zone: "mock-1a" },
  aws_vpc: { arn: arn("ec2", "vpc/vpc-0123456789abcdef0") },
  aws_vpc_ipam_pool: { arn: arn("ec2", "ipam-pool/ipam-pool-0123456789abcdef0", "") },
};

/**
 * What a `terraform test` run does after validating the configuration: `apply` (plan, apply against the mocks, then
 * Terraform's teardown) or only `plan` (about half the CPU time: no apply and no teardown).
 */
export type MockCommand = "apply" | "plan";

/**
 * The `terraform test` file for a mocked apply (or plan) of one stack: one `mock_provider` per provider
 * configuration in `json.provider` (with `alias = "…"` for aliased ones; a plain `mock_provider "aws"` if there is
 * none), each holding the `mock_resource` / `mock_data` defaults of the types this stack uses, then
 * `run "mock_apply"` (or `run "mock_plan"`) with that command.
 * @param command @default "apply"
 */
export function mockApplyTest(json: StackJson, command: MockCommand = "apply"): string {
  const providers = Object.entries<readonly Record<string, unknown>[]>({ aws: [{}], ...json.provider });
  const blocks = providers.flatMap(([name, configs]) => {
    const defaults = [
      ...mockBlocks("mock_resource", MOCK_RESOURCE_DEFAULTS, name, json.resource),
      ...mockBlocks("mock_data", MOCK_DATA_DEFAULTS, name, json.data),
    ];
    return configs.map((c) => {
      const alias = typeof c.alias === "string" ? [`  alias = ${hcl(c.alias)}`] : [];
      return [`mock_provider ${hcl(name)} {`, ...alias, ...defaults, "}"].join("\n");
    });
  });
  return `${[...blocks, `run "mock_${command}" {\n  command = ${command}\n}`].join("\n\n")}\n`;
}

/** `mock_resource`/`mock_data` blocks for the tabled types of `provider` that occur in `used`. */
function mockBlocks(kind: string, table: typeof MOCK_RESOURCE_DEFAULTS, provider: string, used: Record<string, unknown> = {}): string[] {
  return Object.keys(used)
    .filter((type) => type.startsWith(`${provider}_`) && table[type])
    .sort()
    .map((type) => `  ${kind} ${hcl(type)} {\n    defaults = ${hcl(table[type])}\n  }`);
}

/** A JSON value as an HCL expression; `${` and `%{` in strings are escaped so they stay literal. */
function hcl(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value).replace(/([$%])\{/g, "$1$1{");
  if (Array.isArray(value)) return `[${value.map(hcl).join(", ")}]`;
  if (value && typeof value === "object") {
    return `{ ${Object.entries(value)
      .map(([k, v]) => `${/^[A-Za-z_][\w-]*$/.test(k) ? k : hcl(k)} = ${hcl(v)}`)
      .join(", ")} }`;
  }
  return JSON.stringify(value);
}

/**
 * Writes {@link mockApplyTest} of `stack` to `<stack.dir>/tests/mock_apply.tftest.hcl`. Returns the file's path.
 * @param command @default "apply"
 */
export function writeMockApplyTest(stack: SynthesizedStack, command: MockCommand = "apply"): string {
  const path = join(stack.dir, MOCK_TEST_FILE);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, mockApplyTest(stack.json, command));
  return path;
}

/**
 * Whether a `terraform test` run of {@link mockApplyTest} passed: stdout reports "1 passed, 0 failed", and the
 * exit code is 0 or every error is Terraform refusing to destroy a `lifecycle.prevent_destroy` resource while
 * tearing down (Terraform 1.11 cannot skip the cleanup; the mocked apply itself passed).
 */
export function mockApplyPassed(result: Pick<TerraformResult, "ok" | "stdout" | "stderr">): boolean {
  if (!/\b1 passed, 0 failed\b/.test(result.stdout)) return false;
  if (result.ok) return true;
  const errors = result.stderr.match(/^Error: .*$/gm) ?? [];
  return (
    errors.length > 0 &&
    errors.every((e) => e === "Error: Instance cannot be destroyed") &&
    result.stderr.includes("lifecycle.prevent_destroy")
  );
}

/** Terraform's `providers schema -json` output, reduced to what {@link mockDefaultProblems} reads. */
export interface ProviderSchemas {
  readonly provider_schemas: Record<
    string,
    Record<"resource_schemas" | "data_source_schemas", Record<string, { block: { attributes?: Record<string, { computed?: boolean }> } }>>
  >;
}

/**
 * Entries of the mock default tables that Terraform would silently ignore: a type the provider lacks, or an
 * attribute that is not a computed attribute of that type. `provider` is the schema key, e.g.
 * "registry.terraform.io/hashicorp/aws". Returns readable lines; empty when all is well. Throws if the provider
 * is not in `schemas`.
 */
export function mockDefaultProblems(schemas: ProviderSchemas, provider = "registry.terraform.io/hashicorp/aws"): string[] {
  const schema = schemas.provider_schemas[provider];
  if (!schema) throw new Error(`no schema for ${provider}; have ${Object.keys(schemas.provider_schemas).join(", ")}`);
  const check = (
    kind: string,
    table: typeof MOCK_RESOURCE_DEFAULTS,
    types: ProviderSchemas["provider_schemas"][string]["resource_schemas"],
  ) =>
    Object.entries(table).flatMap(([type, defaults]) => {
      const attributes = types[type]?.block.attributes;
      if (!attributes) return [`${kind} "${type}": no such type in ${provider}`];
      return Object.keys(defaults)
        .filter((a) => !attributes[a]?.computed)
        .map((a) => `${kind} "${type}": "${a}" is not a computed attribute`);
    });
  return [
    ...check("mock_resource", MOCK_RESOURCE_DEFAULTS, schema.resource_schemas),
    ...check("mock_data", MOCK_DATA_DEFAULTS, schema.data_source_schemas),
  ];
}
