/**
 * Interface VPC endpoints (AWS PrivateLink) for the AWS APIs a workload VPC calls: one endpoint per service, with a
 * network interface in each given subnet (one per AZ), private DNS on (the service's regional name resolves to the
 * endpoint inside the VPC, which needs the VPC's DNS support and DNS hostnames, both on in ./workload-vpc.ts), and
 * one security group admitting HTTPS (443) from the VPC CIDR ("Access an AWS service using an interface VPC
 * endpoint", https://docs.aws.amazon.com/vpc/latest/privatelink/create-interface-endpoint.html). Traffic to them
 * stays in the VPC: the subnets reach the endpoint's addresses over the local route.
 *
 * Endpoint policy: as for the gateway endpoints (./gateway-endpoints.ts), requests signed by principals of the landing
 * zone's accounts only (`aws:PrincipalAccount`); an endpoint policy limits, it never grants
 * (https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-access.html). It is set on the services whose
 * documentation describes endpoint policies for their interface endpoints ({@link ENDPOINT_POLICY_SERVICES}); the
 * Session Manager channels (`ssmmessages`, `ec2messages`) keep AWS's default policy (full access), since we found no
 * AWS page stating that they accept one.
 */
import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { VpcEndpoint } from "@cdktf/provider-aws/lib/vpc-endpoint";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";
import { Construct } from "constructs";
import { policyJson, type PolicyStatement } from "../iam/index.js";

/**
 * Services whose interface endpoints take the landing zone's endpoint policy: ECR
 * (https://docs.aws.amazon.com/AmazonECR/latest/userguide/vpc-endpoints.html), CloudWatch Logs
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/cloudwatch-logs-and-interface-VPC.html), Secrets Manager
 * (https://docs.aws.amazon.com/secretsmanager/latest/userguide/vpc-endpoint-overview.html), Systems Manager
 * (https://docs.aws.amazon.com/systems-manager/latest/userguide/setup-create-vpc.html), STS
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_sts_vpce.html) and KMS
 * (https://docs.aws.amazon.com/kms/latest/developerguide/kms-vpc-endpoint.html).
 */
export const ENDPOINT_POLICY_SERVICES: readonly string[] = ["ecr.api", "ecr.dkr", "logs", "secretsmanager", "ssm", "sts", "kms"];

/** HTTPS: every AWS API these endpoints serve is called on 443. */
const HTTPS_PORT = 443;

/** Props of {@link InterfaceEndpoints}. */
export interface InterfaceEndpointsProps {
  /** Name prefix of the endpoints' Name tags and of the security group, for example `acme-prod`. */
  readonly name: string;
  readonly vpcId: string;
  /** CIDR of the VPC: the security group admits 443 from it. */
  readonly vpcCidr: string;
  /** Region of the VPC: the endpoint service is `com.amazonaws.<region>.<service>`. */
  readonly region: string;
  /** One subnet per AZ (the privateApp tier); at least one. */
  readonly subnetIds: readonly string[];
  /** Services, each once, for example `ecr.api`, `logs`; at least one. */
  readonly services: readonly string[];
  /** Accounts whose principals may use the endpoints (`aws:PrincipalAccount`); at least one. */
  readonly principalAccountIds: readonly string[];
}

/** The endpoint policy of an interface endpoint: principals of `principalAccountIds` only. @throws Error when the list is empty. */
export function interfaceEndpointPolicy(principalAccountIds: readonly string[]): PolicyStatement[] {
  if (principalAccountIds.length === 0) throw new Error("interface endpoint policy: principalAccountIds is empty");
  return [
    {
      Sid: "LandingZonePrincipals",
      Effect: "Allow",
      Principal: "*",
      Action: "*",
      Resource: "*",
      Condition: { StringEquals: { "aws:PrincipalAccount": [...principalAccountIds] } },
    },
  ];
}

/** Interface endpoints sharing one security group (see the file comment). */
export class InterfaceEndpoints extends Construct {
  /** Endpoint ids by service. */
  readonly endpointIds: Readonly<Record<string, string>>;
  readonly securityGroupId: string;

  /** @throws Error when `services` or `subnetIds` is empty, or a service is listed twice (stage-3 invariants). */
  constructor(scope: Construct, id: string, props: InterfaceEndpointsProps) {
    super(scope, id);
    if (props.services.length === 0) throw new Error(`InterfaceEndpoints ${props.name}: services is empty`);
    if (props.subnetIds.length === 0) throw new Error(`InterfaceEndpoints ${props.name}: subnetIds is empty`);
    if (new Set(props.services).size !== props.services.length)
      throw new Error(`InterfaceEndpoints ${props.name}: a service is listed twice`);
    const sg = new SecurityGroup(this, "security-group", {
      namePrefix: `${props.name}-endpoints-`,
      description: "Interface VPC endpoints: HTTPS from the VPC",
      vpcId: props.vpcId,
      tags: { Name: `${props.name}-endpoints` },
      lifecycle: { createBeforeDestroy: true },
    });
    new VpcSecurityGroupIngressRule(this, "ingress-https-vpc", {
      securityGroupId: sg.id,
      description: `HTTPS from the VPC ${props.vpcCidr}`,
      cidrIpv4: props.vpcCidr,
      ipProtocol: "tcp",
      fromPort: HTTPS_PORT,
      toPort: HTTPS_PORT,
    });
    const policy = policyJson(interfaceEndpointPolicy(props.principalAccountIds));
    const ids: Record<string, string> = {};
    for (const service of props.services) {
      const endpoint = new VpcEndpoint(this, service.replace(/\./g, "-"), {
        vpcId: props.vpcId,
        serviceName: `com.amazonaws.${props.region}.${service}`,
        vpcEndpointType: "Interface",
        privateDnsEnabled: true,
        subnetIds: [...props.subnetIds],
        securityGroupIds: [sg.id],
        ...(ENDPOINT_POLICY_SERVICES.includes(service) ? { policy } : {}),
        tags: { Name: `${props.name}-${service}` },
      });
      ids[service] = endpoint.id;
    }
    this.endpointIds = ids;
    this.securityGroupId = sg.id;
  }
}
