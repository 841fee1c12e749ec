/**
 * One EC2 Auto Scaling tier (`compute: ec2-asg`): a launch template, an Auto Scaling group in private subnets
 * behind a load balancer's target group, target-tracking scaling, an instance role and a security group.
 *
 * - Instance metadata: IMDSv2 only (`http_tokens = required`) with a PUT response hop limit of 1, so a container
 *   or a forwarded request on the instance cannot fetch the role's credentials (the limit must be 2 only where
 *   containers on the host need the metadata; these instances run no containers;
 *   https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-instance-metadata-options.html).
 * - Root volume: gp3, encrypted with the account's data key. EC2 Auto Scaling launches with its service-linked
 *   role `AWSServiceRoleForAutoScaling`, whose permissions do not include customer managed keys: the key policy
 *   must admit that role, or every launch fails with `Client.InternalError` and the group never becomes healthy
 *   ({@link autoScalingKeyStatements}; https://docs.aws.amazon.com/autoscaling/ec2/userguide/key-policy-requirements-EBS-encryption.html).
 * - No key pair and no SSH ingress: shell access is SSM Session Manager (`AmazonSSMManagedInstanceCore`,
 *   https://docs.aws.amazon.com/systems-manager/latest/userguide/setup-instance-permissions.html), with
 *   `kms:Decrypt` on the session key and writes to the session log group the account's preferences name.
 * - The AMI id comes from an SSM parameter (by default the Amazon Linux 2023 public one) read at plan time;
 *   a new value changes the launch template, and the group replaces its instances by an instance refresh
 *   (rolling, 90 % healthy; https://docs.aws.amazon.com/autoscaling/ec2/userguide/asg-instance-refresh.html).
 * - Health: ELB health checks, so an instance the target group finds unhealthy is replaced
 *   (https://docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-health-checks.html).
 */
import { AutoscalingGroup } from "@cdktf/provider-aws/lib/autoscaling-group";
import { AutoscalingPolicy } from "@cdktf/provider-aws/lib/autoscaling-policy";
import { DataAwsSsmParameter } from "@cdktf/provider-aws/lib/data-aws-ssm-parameter";
import { IamInstanceProfile } from "@cdktf/provider-aws/lib/iam-instance-profile";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment";
import { LaunchTemplate } from "@cdktf/provider-aws/lib/launch-template";
import { LbTargetGroup } from "@cdktf/provider-aws/lib/lb-target-group";
import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { VpcSecurityGroupEgressRule } from "@cdktf/provider-aws/lib/vpc-security-group-egress-rule";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";
import { Fn } from "cdktf";
import { Construct } from "constructs";
import { addComputeEgress } from "../vpc/security-group-rules.js";
import { type NamedPolicyStatement, policyJson, type PolicyStatement, serviceAssumesRole } from "../iam/index.js";

/** The name of EC2 Auto Scaling's default service-linked role. */
export const AUTO_SCALING_SERVICE_LINKED_ROLE = "AWSServiceRoleForAutoScaling";

/**
 * The two key-policy statements that let EC2 Auto Scaling's service-linked role launch instances with volumes
 * encrypted under a customer managed key: use of the key, and grants for AWS resources
 * (https://docs.aws.amazon.com/autoscaling/ec2/userguide/key-policy-requirements-EBS-encryption.html, example 1).
 * The role is named by the `aws:PrincipalArn` condition rather than as the principal: KMS refuses a key policy
 * whose principal does not exist yet, and the role exists only after the account's first Auto Scaling group.
 */
export function autoScalingKeyStatements(accountId: string, partition = "aws"): NamedPolicyStatement[] {
  const condition = {
    StringEquals: { "aws:PrincipalAccount": accountId },
    ArnEquals: {
      "aws:PrincipalArn": `arn:${partition}:iam::${accountId}:role/aws-service-role/autoscaling.amazonaws.com/${AUTO_SCALING_SERVICE_LINKED_ROLE}`,
    },
  };
  return [
    {
      Sid: "AutoScalingUsesKeyForVolumes",
      Effect: "Allow",
      Principal: { AWS: "*" },
      Action: ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"],
      Resource: "*",
      Condition: condition,
    },
    {
      Sid: "AutoScalingGrantsForVolumes",
      Effect: "Allow",
      Principal: { AWS: "*" },
      Action: "kms:CreateGrant",
      Resource: "*",
      Condition: { ...condition, Bool: { "kms:GrantIsForAWSResource": "true" } },
    },
  ];
}

/** Props of {@link AutoScalingTier}. */
export interface AutoScalingTierProps {
  /** Full name, for example `acme-prod-web`: group, launch template, role and security group names. */
  readonly name: string;
  /** Runtime label, for the `Runtime` tag. */
  readonly runtime: string;
  /** EC2 instance type, for example `t4g.small` (the AMI must match its architecture). */
  readonly instanceType: string;
  /** SSM parameter holding the AMI id. */
  readonly amiSsmParameter: string;
  /** Port the application listens on. */
  readonly port: number;
  /** Path the target group polls; 200-399 is healthy. */
  readonly healthCheckPath: string;
  /** Root volume size, GiB (gp3). */
  readonly rootVolumeGiB: number;
  /** KMS key encrypting the root volume; its policy must hold {@link autoScalingKeyStatements}. */
  readonly volumeKmsKeyArn: string;
  /** Instances when the group is created (Terraform ignores later changes: scaling owns it). */
  readonly desiredCount: number;
  /** Fewest instances. */
  readonly minCount: number;
  /** Most instances. */
  readonly maxCount: number;
  /** Target-tracking targets; at least one. */
  readonly autoscaling: { readonly cpuPercent?: number; readonly requestsPerTarget?: number };
  /** Written to `/etc/app.env` by the user data (values may be Terraform references). */
  readonly environment: Readonly<Record<string, string>>;
  /** Target group name, at most 32 characters. */
  readonly targetGroupName: string;
  readonly vpcId: string;
  /** Private app subnet ids. */
  readonly subnetIds: readonly string[];
  /** Security group of the load balancer in front: the only source of the application port. */
  readonly loadBalancerSecurityGroupId: string;
  /** The load balancer's `arn_suffix` (request-count scaling). */
  readonly loadBalancerArnSuffix: string;
  /** Statements of the instance role (what the application itself may do). @default none */
  readonly instancePolicyStatements?: readonly PolicyStatement[];
  /** Key of Session Manager session data and logs (the account's logs key). */
  readonly sessionKmsKeyArn: string;
  /** Log group the account's Session Manager preferences stream sessions to. */
  readonly sessionLogGroupName: string;
  /** CIDR the instances may reach on `egressPorts` (the VPC: database, cache). */
  readonly vpcCidr: string;
  /** TCP ports the instances may open inside the VPC. @default [3306, 6379] */
  readonly egressPorts?: readonly number[];
  readonly accountId: string;
  readonly region: string;
  /** @default "aws" */
  readonly partition?: string;
}

/** Launch template, Auto Scaling group, scaling policies, target group, instance role and security group. */
export class AutoScalingTier extends Construct {
  /** The group's name as a plain string: the `AutoScalingGroupName` dimension of EC2 metrics. */
  readonly autoScalingGroupName: string;
  /** Security group of the instances. */
  readonly securityGroupId: string;
  /** The target group the group registers its instances in. */
  readonly targetGroupArn: string;
  /** The target group's `arn_suffix` (`TargetGroup` dimension of ALB metrics). */
  readonly targetGroupArnSuffix: string;
  /** The instances' role. */
  readonly instanceRoleArn: string;
  /** `aws_launch_template.id`. */
  readonly launchTemplateId: string;

  constructor(scope: Construct, id: string, props: AutoScalingTierProps) {
    super(scope, id);
    const partition = props.partition ?? "aws";
    const tags = { Name: props.name, Runtime: props.runtime };

    const role = new IamRole(this, "instance-role", {
      name: `${props.name}-instance`,
      assumeRolePolicy: policyJson([serviceAssumesRole("ec2.amazonaws.com")]),
      tags,
    });
    new IamRolePolicyAttachment(this, "session-manager", {
      role: role.name,
      policyArn: `arn:${partition}:iam::aws:policy/AmazonSSMManagedInstanceCore`,
    });
    const sessionLogGroupArn = `arn:${partition}:logs:${props.region}:${props.accountId}:log-group:${props.sessionLogGroupName}`;
    const statements: PolicyStatement[] = [
      { Sid: "EncryptSessions", Effect: "Allow", Action: ["kms:Decrypt", "kms:GenerateDataKey"], Resource: props.sessionKmsKeyArn },
      { Sid: "FindSessionLogGroup", Effect: "Allow", Action: "logs:DescribeLogGroups", Resource: "*" },
      {
        Sid: "WriteSessionLogs",
        Effect: "Allow",
        Action: ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
        Resource: [sessionLogGroupArn, `${sessionLogGroupArn}:*`],
      },
      ...(props.instancePolicyStatements ?? []),
    ];
    new IamRolePolicy(this, "instance-policy", { role: role.name, name: "app", policy: policyJson(statements) });
    const profile = new IamInstanceProfile(this, "instance-profile", { name: `${props.name}-instance`, role: role.name, tags });

    const sg = new SecurityGroup(this, "security-group", {
      name: `${props.name}-instances`,
      description: `${props.name}: from its load balancer only`,
      vpcId: props.vpcId,
      tags,
    });
    new VpcSecurityGroupIngressRule(this, "ingress-load-balancer", {
      securityGroupId: sg.id,
      description: "From the load balancer",
      referencedSecurityGroupId: props.loadBalancerSecurityGroupId,
      ipProtocol: "tcp",
      fromPort: props.port,
      toPort: props.port,
    });
    addComputeEgress(this, {
      securityGroupId: sg.id,
      vpcCidr: props.vpcCidr,
      httpsDescription: "HTTPS to AWS APIs (SSM, S3) and package repositories",
      ...(props.egressPorts ? { dataPorts: props.egressPorts } : {}),
    });

    const ami = new DataAwsSsmParameter(this, "ami", { name: props.amiSsmParameter });
    const envFile = Object.entries(props.environment)
      .map(([k, v]) => `${k}=${v}`)
      .join("\n");
    const userData = `#!/bin/bash\nset -euo pipefail\numask 077\ncat > /etc/app.env <<'LZ_APP_ENV'\n${envFile}\nLZ_APP_ENV\n`;
    const template = new LaunchTemplate(this, "launch-template", {
      name: props.name,
      imageId: ami.insecureValue,
      instanceType: props.instanceType,
      iamInstanceProfile: { arn: profile.arn },
      vpcSecurityGroupIds: [sg.id],
      metadataOptions: { httpEndpoint: "enabled", httpTokens: "required", httpPutResponseHopLimit: 1, instanceMetadataTags: "disabled" },
      blockDeviceMappings: [
        {
          deviceName: "/dev/xvda",
          ebs: {
            volumeSize: props.rootVolumeGiB,
            volumeType: "gp3",
            encrypted: "true",
            kmsKeyId: props.volumeKmsKeyArn,
            deleteOnTermination: "true",
          },
        },
      ],
      monitoring: { enabled: true },
      userData: Fn.base64encode(userData),
      updateDefaultVersion: true,
      tagSpecifications: [
        { resourceType: "instance", tags },
        { resourceType: "volume", tags },
      ],
      tags,
    });

    const group = new LbTargetGroup(this, "target-group", {
      name: props.targetGroupName,
      port: props.port,
      protocol: "HTTP",
      targetType: "instance",
      vpcId: props.vpcId,
      deregistrationDelay: "30",
      healthCheck: {
        enabled: true,
        path: props.healthCheckPath,
        matcher: "200-399",
        interval: 15,
        healthyThreshold: 2,
        unhealthyThreshold: 3,
        timeout: 5,
      },
      tags,
    });

    const asg = new AutoscalingGroup(this, "group", {
      name: props.name,
      vpcZoneIdentifier: [...props.subnetIds],
      minSize: props.minCount,
      maxSize: props.maxCount,
      desiredCapacity: props.desiredCount,
      launchTemplate: { id: template.id, version: Fn.tostring(template.latestVersion) },
      targetGroupArns: [group.arn],
      healthCheckType: "ELB",
      healthCheckGracePeriod: 300,
      defaultInstanceWarmup: 120,
      instanceRefresh: { strategy: "Rolling", preferences: { minHealthyPercentage: 90 } },
      tag: Object.entries(tags).map(([key, value]) => ({ key, value, propagateAtLaunch: true })),
      lifecycle: { ignoreChanges: ["desired_capacity"] },
    });

    const policy = (key: string, target: number, metric: Record<string, unknown>) =>
      new AutoscalingPolicy(this, `scaling-${key}`, {
        name: `${props.name}-${key}`,
        autoscalingGroupName: asg.name,
        policyType: "TargetTrackingScaling",
        targetTrackingConfiguration: { targetValue: target, ...metric },
      });
    if (props.autoscaling.cpuPercent !== undefined)
      policy("cpu", props.autoscaling.cpuPercent, { predefinedMetricSpecification: { predefinedMetricType: "ASGAverageCPUUtilization" } });
    if (props.autoscaling.requestsPerTarget !== undefined)
      policy("requests", props.autoscaling.requestsPerTarget, {
        predefinedMetricSpecification: {
          predefinedMetricType: "ALBRequestCountPerTarget",
          resourceLabel: `${props.loadBalancerArnSuffix}/${group.arnSuffix}`,
        },
      });

    this.autoScalingGroupName = props.name;
    this.securityGroupId = sg.id;
    this.targetGroupArn = group.arn;
    this.targetGroupArnSuffix = group.arnSuffix;
    this.instanceRoleArn = role.arn;
    this.launchTemplateId = template.id;
  }

  /** Lets the instances open `port` on a security group (the web tier calling the internal load balancer). */
  allowEgressTo(id: string, securityGroupId: string, port: number, description: string): void {
    new VpcSecurityGroupEgressRule(this, `egress-${id}`, {
      securityGroupId: this.securityGroupId,
      description,
      referencedSecurityGroupId: securityGroupId,
      ipProtocol: "tcp",
      fromPort: port,
      toPort: port,
    });
  }
}
