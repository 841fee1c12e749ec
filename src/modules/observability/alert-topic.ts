/**
 * The alert topic of one account: a KMS-encrypted SNS topic that CloudWatch alarms and EventBridge
 * rules of this account publish to, with email subscriptions.
 *
 * Follows "Encrypting messages published to Amazon SNS with AWS KMS"
 * (https://docs.aws.amazon.com/sns/latest/dg/sns-key-management.html): the key must let the publishing
 * services generate data keys (see `AccountKeys.logs`), and the topic policy lets them publish only on
 * behalf of this account (`aws:SourceAccount`).
 */
import { SnsTopic } from "@cdktf/provider-aws/lib/sns-topic";
import { SnsTopicPolicy } from "@cdktf/provider-aws/lib/sns-topic-policy";
import { SnsTopicSubscription } from "@cdktf/provider-aws/lib/sns-topic-subscription";
import type { TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import { allowService, denyInsecureTransport, policyJson } from "../iam/index.js";

/** Props of {@link AlertTopic}. */
export interface AlertTopicProps {
  /** Topic name, for example `acme-prod-alerts`. */
  readonly name: string;
  /** Account that owns the topic; the only account whose alarms and rules may publish. */
  readonly accountId: string;
  /** ARN partition. @default "aws" */
  readonly partition?: string;
  readonly region: string;
  /** KMS key ARN for server-side encryption; its policy must admit cloudwatch.amazonaws.com and events.amazonaws.com. */
  readonly kmsKeyArn: string;
  /** Email addresses to subscribe. Each recipient must confirm the subscription once. @default [] */
  readonly emails?: readonly string[];
  /** Provider of `region` when it is not the stack's Region (a us-east-1 topic for CloudFront alarms). @default the stack's default provider */
  readonly provider?: TerraformProvider;
}

/** SNS topic + topic policy + one email subscription per address. */
export class AlertTopic extends Construct {
  /** ARN of the topic, for `alarm_actions` and EventBridge targets. */
  readonly topicArn: string;

  constructor(scope: Construct, id: string, props: AlertTopicProps) {
    super(scope, id);
    const partition = props.partition ?? "aws";
    const inRegion = props.provider ? { provider: props.provider } : {};
    const topic = new SnsTopic(this, "topic", {
      ...inRegion,
      name: props.name,
      kmsMasterKeyId: props.kmsKeyArn,
      tags: { Name: props.name },
    });
    const topicArn = `arn:${partition}:sns:${props.region}:${props.accountId}:${props.name}`;
    new SnsTopicPolicy(this, "policy", {
      ...inRegion,
      arn: topic.arn,
      policy: policyJson([
        allowService("AlarmsAndEventsOfThisAccountPublish", ["cloudwatch.amazonaws.com", "events.amazonaws.com"], "sns:Publish", topicArn, {
          StringEquals: { "aws:SourceAccount": props.accountId },
        }),
        denyInsecureTransport("sns:Publish", topicArn),
      ]),
    });
    (props.emails ?? []).forEach((email) => {
      new SnsTopicSubscription(this, `email-${email.replace(/[^a-zA-Z0-9]/g, "-")}`, {
        ...inRegion,
        topicArn: topic.arn,
        protocol: "email",
        endpoint: email,
      });
    });
    this.topicArn = topic.arn;
  }
}
