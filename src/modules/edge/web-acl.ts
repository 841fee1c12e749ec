/**
 * An AWS WAF web ACL with the app tier's rules, CloudWatch metrics on every rule, and logging to a
 * CloudWatch log group named `aws-waf-logs-…` (WAF only delivers to log groups with that prefix,
 * https://docs.aws.amazon.com/waf/latest/developerguide/logging-cw-logs.html).
 *
 * Rules, in priority order: the optional geo block, the optional rate-based rule (per source IP, 5-minute
 * window), then the AWS managed rule groups in the order given. The default action allows.
 *
 * Give the rate-based rule only where the source IP is the client: the CLOUDFRONT scope (the viewer's
 * address), or a REGIONAL ACL on a resource clients reach directly. Behind CloudFront the source IP is an
 * edge server ("the address of the last proxy",
 * https://docs.aws.amazon.com/waf/latest/developerguide/waf-rule-statement-type-rate-based-aggregation-options.html),
 * and `FORWARDED_IP` reads the first X-Forwarded-For address, which the client writes itself
 * (https://docs.aws.amazon.com/waf/latest/developerguide/waf-rule-statement-forwarded-ip-address.html).
 *
 * Scope `CLOUDFRONT` must be created in us-east-1 (pass a us-east-1 provider); its log group is then in
 * us-east-1 too, so it is not encrypted with the home-Region KMS key (a KMS key works only in its own
 * Region) and uses CloudWatch Logs' default encryption.
 */
import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { CloudwatchLogResourcePolicy } from "@cdktf/provider-aws/lib/cloudwatch-log-resource-policy";
import { Wafv2WebAcl } from "@cdktf/provider-aws/lib/wafv2-web-acl";
import { Wafv2WebAclLoggingConfiguration } from "@cdktf/provider-aws/lib/wafv2-web-acl-logging-configuration";
import type { TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import { allowService, policyJson } from "../iam/index.js";

/** Props of {@link WebAcl}. */
export interface WebAclProps {
  /** Web ACL name, for example `acme-prod-cloudfront`; also the metric name prefix. */
  readonly name: string;
  readonly scope: "CLOUDFRONT" | "REGIONAL";
  /**
   * Requests per 5 minutes from one source IP before it is blocked (AWS WAF minimum 10). Only where the
   * source IP is the client (see the file comment). @default no rate-based rule
   */
  readonly ratePerFiveMinutes?: number;
  /** AWS managed rule group names (vendor AWS), for example `AWSManagedRulesCommonRuleSet`. */
  readonly managedRuleGroups: readonly string[];
  /** ISO 3166-1 alpha-2 codes to block. @default [] (no geo rule) */
  readonly blockedCountries?: readonly string[];
  /** Log retention in days (a CloudWatch Logs retention value). */
  readonly logRetentionDays: number;
  /** KMS key for the log group; must be in the web ACL's Region. @default CloudWatch Logs' own encryption */
  readonly logKmsKeyArn?: string;
  readonly accountId: string;
  /** Region the web ACL and its log group are in (us-east-1 for CLOUDFRONT). */
  readonly region: string;
  /** @default "aws" */
  readonly partition?: string;
  /** Provider for the web ACL's Region. @default the stack's default provider */
  readonly provider?: TerraformProvider;
}

/** One WAF rule in the JSON form of the WAFV2 API (`rule_json`). */
interface WafRuleJson {
  readonly Name: string;
  readonly Priority: number;
  readonly Statement: Record<string, unknown>;
  readonly Action?: Record<string, unknown>;
  readonly OverrideAction?: Record<string, unknown>;
  readonly VisibilityConfig: { SampledRequestsEnabled: boolean; CloudWatchMetricsEnabled: boolean; MetricName: string };
}

/** The rules of a web ACL as WAFV2 API JSON (exported for tests and policy checks). */
export function webAclRules(
  props: Pick<WebAclProps, "name" | "ratePerFiveMinutes" | "managedRuleGroups" | "blockedCountries">,
): WafRuleJson[] {
  const visibility = (rule: string) => ({
    SampledRequestsEnabled: true,
    CloudWatchMetricsEnabled: true,
    MetricName: `${props.name}-${rule}`,
  });
  const rules: WafRuleJson[] = [];
  if ((props.blockedCountries ?? []).length > 0) {
    rules.push({
      Name: "geo-block",
      Priority: 0,
      Statement: { GeoMatchStatement: { CountryCodes: [...props.blockedCountries!] } },
      Action: { Block: {} },
      VisibilityConfig: visibility("geo-block"),
    });
  }
  if (props.ratePerFiveMinutes !== undefined) {
    rules.push({
      Name: "rate-limit-per-ip",
      Priority: 1,
      Statement: { RateBasedStatement: { Limit: props.ratePerFiveMinutes, AggregateKeyType: "IP", EvaluationWindowSec: 300 } },
      Action: { Block: {} },
      VisibilityConfig: visibility("rate-limit-per-ip"),
    });
  }
  props.managedRuleGroups.forEach((group, i) => {
    rules.push({
      Name: group,
      Priority: 10 + i,
      Statement: { ManagedRuleGroupStatement: { VendorName: "AWS", Name: group } },
      OverrideAction: { None: {} },
      VisibilityConfig: visibility(group),
    });
  });
  return rules;
}

/** A WAFv2 web ACL plus its log group and logging configuration. */
export class WebAcl extends Construct {
  readonly webAclArn: string;
  /** Web ACL name: the `WebACL` dimension of WAF CloudWatch metrics. */
  readonly webAclName: string;
  readonly logGroupName: string;

  constructor(scope: Construct, id: string, props: WebAclProps) {
    super(scope, id);
    const provider = props.provider ? { provider: props.provider } : {};
    const partition = props.partition ?? "aws";
    const acl = new Wafv2WebAcl(this, "web-acl", {
      ...provider,
      name: props.name,
      scope: props.scope,
      defaultAction: { allow: {} },
      ruleJson: JSON.stringify(webAclRules(props)),
      visibilityConfig: { cloudwatchMetricsEnabled: true, sampledRequestsEnabled: true, metricName: props.name },
      tags: { Name: props.name },
    });
    this.logGroupName = `aws-waf-logs-${props.name}`;
    const logGroup = new CloudwatchLogGroup(this, "log-group", {
      ...provider,
      name: this.logGroupName,
      retentionInDays: props.logRetentionDays,
      ...(props.logKmsKeyArn ? { kmsKeyId: props.logKmsKeyArn } : {}),
    });
    const logGroupArn = `arn:${partition}:logs:${props.region}:${props.accountId}:log-group:${this.logGroupName}`;
    // WAF delivers through the log delivery service, which needs this resource policy on the log group.
    const policy = new CloudwatchLogResourcePolicy(this, "log-delivery-policy", {
      ...provider,
      policyName: `${props.name}-waf-log-delivery`,
      policyDocument: policyJson([
        allowService("WafLogDelivery", "delivery.logs.amazonaws.com", ["logs:CreateLogStream", "logs:PutLogEvents"], `${logGroupArn}:*`, {
          StringEquals: { "aws:SourceAccount": props.accountId },
          ArnLike: { "aws:SourceArn": `arn:${partition}:logs:${props.region}:${props.accountId}:*` },
        }),
      ]),
    });
    new Wafv2WebAclLoggingConfiguration(this, "logging", {
      ...provider,
      resourceArn: acl.arn,
      logDestinationConfigs: [logGroup.arn],
      dependsOn: [policy],
    });
    this.webAclArn = acl.arn;
    this.webAclName = props.name;
  }
}
