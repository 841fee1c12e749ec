/**
 * The landing zone's policy pack: every rule of `rules/`, and the function that runs it over stacks and
 * applies the config's suppressions.
 */
import { albAccessLogs } from "./rules/alb-access-logs.js";
import { albTls } from "./rules/alb-tls.js";
import { asgVolumeKey } from "./rules/asg-volume-key.js";
import { cacheProdResilience } from "./rules/cache-prod-resilience.js";
import { cloudfrontLogging } from "./rules/cloudfront-logging.js";
import { cloudfrontTls } from "./rules/cloudfront-tls.js";
import { cloudtrailHardened } from "./rules/cloudtrail.js";
import { creationOrder } from "./rules/creation-order.js";
import { configDeliveryNoObjectLock } from "./rules/config-delivery-no-object-lock.js";
import { securityHubCentralConfiguration } from "./rules/securityhub-central-configuration.js";
import { defaultSecurityGroupClosed } from "./rules/default-security-group.js";
import { dynamodbCmkPitr } from "./rules/dynamodb-cmk-pitr.js";
import { elasticacheNotificationTopic } from "./rules/elasticache-notification-topic.js";
import { ecrImmutable } from "./rules/ecr-immutable.js";
import { ecrScan } from "./rules/ecr-scan.js";
import { ecsSecretsReadable } from "./rules/ecs-secrets-readable.js";
import { ecsNoPlaintextSecrets } from "./rules/ecs-no-plaintext-secrets.js";
import { ecsNoPrivileged } from "./rules/ecs-no-privileged.js";
import { ecsReadOnlyRoot } from "./rules/ecs-read-only-root.js";
import { encryptionAtRest } from "./rules/encryption-at-rest.js";
import { firewallHomeNet } from "./rules/firewall-home-net.js";
import { githubOidcSub } from "./rules/github-oidc-sub.js";
import { iamCrossAccountWrite } from "./rules/iam-cross-account-write.js";
import { iamNoAdminAccess } from "./rules/iam-no-admin-access.js";
import { iamNoWildcardPrincipal } from "./rules/iam-no-wildcard-principal.js";
import { kmsKeyArn } from "./rules/kms-key-arn.js";
import { lambdaVpcPermissions } from "./rules/lambda-vpc-permissions.js";
import { lambdaVpcTracing } from "./rules/lambda-vpc-tracing.js";
import { launchTemplateHardened } from "./rules/launch-template-hardened.js";
import { kmsKeyRotation } from "./rules/kms-key-rotation.js";
import { networkFirewallLogging } from "./rules/network-firewall-logging.js";
import { openAdminPorts } from "./rules/open-admin-ports.js";
import { organizationAccountKept } from "./rules/organization-account.js";
import { rdsLogExports } from "./rules/rds-log-exports.js";
import { rdsPerformanceInsightsClass } from "./rules/rds-performance-insights-class.js";
import { rdsPrivateIamAuth } from "./rules/rds-private-iam-auth.js";
import { rdsProdResilience } from "./rules/rds-prod-resilience.js";
import { rdsTls } from "./rules/rds-tls.js";
import { redisTls } from "./rules/redis-tls.js";
import { replaceFixedName } from "./rules/replace-fixed-name.js";
import { s3BucketEncryption } from "./rules/s3-bucket-encryption.js";
import { s3PublicAccessBlock } from "./rules/s3-public-access.js";
import { s3TlsOnly } from "./rules/s3-tls-only.js";
import { securityGroupQuota } from "./rules/security-group-quota.js";
import { tgwAutoAcceptOff } from "./rules/tgw-auto-accept.js";
import { vpcFlowLogs } from "./rules/vpc-flow-logs.js";
import { vpcOriginTarget } from "./rules/vpc-origin-target.js";
import { vpnCrypto } from "./rules/vpn-crypto.js";
import { wafLogging } from "./rules/waf-logging.js";
import { wafOnPublicEntry } from "./rules/waf-on-public-entry.js";
import { wafRateBehindCloudFront } from "./rules/waf-rate-behind-cloudfront.js";
import type { SynthStack } from "./stack.js";
import type { Finding, PolicyReport, PolicyRule, SuppressedFinding, Suppression } from "./types.js";

/** Every rule of the landing zone pack, in documentation order. docs/rules.md lists the same. */
export const LANDING_ZONE_PACK: readonly PolicyRule[] = [
  kmsKeyRotation,
  encryptionAtRest,
  s3BucketEncryption,
  s3PublicAccessBlock,
  s3TlsOnly,
  albTls,
  cloudfrontTls,
  rdsTls,
  redisTls,
  openAdminPorts,
  vpcFlowLogs,
  defaultSecurityGroupClosed,
  tgwAutoAcceptOff,
  vpnCrypto,
  wafOnPublicEntry,
  albAccessLogs,
  cloudfrontLogging,
  wafLogging,
  networkFirewallLogging,
  cloudtrailHardened,
  ecsNoPrivileged,
  ecsReadOnlyRoot,
  ecsNoPlaintextSecrets,
  ecrScan,
  ecrImmutable,
  launchTemplateHardened,
  lambdaVpcTracing,
  rdsProdResilience,
  cacheProdResilience,
  rdsPrivateIamAuth,
  dynamodbCmkPitr,
  iamNoWildcardPrincipal,
  githubOidcSub,
  organizationAccountKept,
  iamNoAdminAccess,
  iamCrossAccountWrite,
  securityGroupQuota,
  wafRateBehindCloudFront,
  creationOrder,
  replaceFixedName,
  rdsPerformanceInsightsClass,
  rdsLogExports,
  ecsSecretsReadable,
  elasticacheNotificationTopic,
  configDeliveryNoObjectLock,
  firewallHomeNet,
  kmsKeyArn,
  vpcOriginTarget,
  asgVolumeKey,
  lambdaVpcPermissions,
  securityHubCentralConfiguration,
];

/** Ids of {@link LANDING_ZONE_PACK}, for validating suppressions. */
export const RULE_IDS: readonly string[] = LANDING_ZONE_PACK.map((r) => r.id);

/** The findings of one rule on one stack (non-compliant resources only). */
export function evaluateRule(rule: PolicyRule, stack: SynthStack): Finding[] {
  return rule.resourceTypes.flatMap((type) =>
    stack.ofType(type).flatMap((resource) => {
      const outcome = rule.check(resource, stack);
      return outcome.status === "non-compliant"
        ? [{ stack: stack.name, address: resource.address, ruleId: rule.id, level: rule.level, message: outcome.message }]
        : [];
    }),
  );
}

const matches = (s: Suppression, f: Finding) =>
  s.stack === f.stack && s.ruleId === f.ruleId && (s.address === undefined || f.address.startsWith(s.address));

/**
 * Runs every rule of `pack` on every stack, then moves the findings a suppression covers into
 * `suppressed` (with the suppression's reason).
 * @throws Error when two rules of the pack share an id (a programming error).
 */
export function runPack(
  stacks: readonly SynthStack[],
  suppressions: readonly Suppression[] = [],
  pack: readonly PolicyRule[] = LANDING_ZONE_PACK,
): PolicyReport {
  const ids = new Set<string>();
  for (const r of pack) {
    if (ids.has(r.id)) throw new Error(`policy pack has two rules with id ${r.id}`);
    ids.add(r.id);
  }
  const all = stacks.flatMap((s) => pack.flatMap((rule) => evaluateRule(rule, s)));
  const used = new Set<Suppression>();
  const open: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];
  for (const f of all) {
    const s = suppressions.find((x) => matches(x, f));
    if (s) {
      used.add(s);
      suppressed.push({ ...f, reason: s.reason });
    } else open.push(f);
  }
  return {
    rulesRun: pack.length,
    stacks: stacks.length,
    errors: open.filter((f) => f.level === "error"),
    warnings: open.filter((f) => f.level === "warning"),
    suppressed,
    unusedSuppressions: suppressions.filter((s) => !used.has(s)),
  };
}
