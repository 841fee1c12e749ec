/**
 * Gateway VPC endpoints for Amazon S3 and DynamoDB: free, no hourly or data-processing charge
 * (https://docs.aws.amazon.com/vpc/latest/privatelink/gateway-endpoints.html), so the VPC's S3 and DynamoDB traffic
 * stops paying the NAT gateway's (or the inspection firewall's) per-GB processing. AWS adds a route to the service's
 * prefix list in every associated route table; the stack takes the route tables from the routing plan.
 *
 * Endpoint policy: an endpoint policy does not grant, it only limits what requests through the endpoint may do
 * ("Control access to VPC endpoints using endpoint policies",
 * https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-access.html). Here it admits requests signed by
 * principals of the listed accounts (`aws:PrincipalAccount`), which keeps credentials of foreign accounts from
 * being used out of the VPC. The S3 policy also admits `s3:GetObject` on the ECR layer bucket
 * (`prod-<region>-starport-layer-bucket`): image layers are fetched from it with URLs that ECR signs, not the
 * caller, and Fargate pulls them through the S3 gateway endpoint ("Minimum Amazon S3 bucket permissions for Amazon
 * ECR", https://docs.aws.amazon.com/AmazonECR/latest/userguide/vpc-endpoints.html). Other AWS-owned buckets read
 * anonymously or with an AWS service's signature (the Amazon Linux package repositories, for example) are refused
 * through the endpoint; the stacks run no EC2 instances that need them.
 */
import { VpcEndpoint } from "@cdktf/provider-aws/lib/vpc-endpoint";
import { Construct } from "constructs";
import { policyJson, type PolicyStatement } from "../iam/index.js";

/** A service with a gateway endpoint. */
export type GatewayEndpointServiceName = "s3" | "dynamodb";

/** Props of {@link GatewayEndpoints}. */
export interface GatewayEndpointsProps {
  /** Name prefix of the endpoints' Name tags, for example `acme-prod`. */
  readonly name: string;
  readonly vpcId: string;
  /** Region of the VPC: the endpoint service is `com.amazonaws.<region>.<service>`. */
  readonly region: string;
  /** Each endpoint, with the ids of the route tables it is associated with (at least one). */
  readonly endpoints: readonly { readonly service: GatewayEndpointServiceName; readonly routeTableIds: readonly string[] }[];
  /** Accounts whose principals may use the endpoints (`aws:PrincipalAccount`); at least one. */
  readonly principalAccountIds: readonly string[];
  /** ARN partition. @default "aws" */
  readonly partition?: string;
}

/**
 * The endpoint policy of a gateway endpoint for `service` (see the file comment).
 * @throws Error when `principalAccountIds` is empty.
 */
export function gatewayEndpointPolicy(
  service: GatewayEndpointServiceName,
  region: string,
  principalAccountIds: readonly string[],
  partition = "aws",
): PolicyStatement[] {
  if (principalAccountIds.length === 0) throw new Error(`gateway endpoint policy of ${service}: principalAccountIds is empty`);
  const statements: PolicyStatement[] = [
    {
      Sid: "LandingZonePrincipals",
      Effect: "Allow",
      Principal: "*",
      Action: "*",
      Resource: "*",
      Condition: { StringEquals: { "aws:PrincipalAccount": [...principalAccountIds] } },
    },
  ];
  if (service === "s3")
    statements.push({
      Sid: "EcrImageLayers",
      Effect: "Allow",
      Principal: "*",
      Action: "s3:GetObject",
      Resource: `arn:${partition}:s3:::prod-${region}-starport-layer-bucket/*`,
    });
  return statements;
}

/** One gateway endpoint per service, each associated with its route tables and carrying {@link gatewayEndpointPolicy}. */
export class GatewayEndpoints extends Construct {
  /** Endpoint ids by service. */
  readonly endpointIds: Readonly<Partial<Record<GatewayEndpointServiceName, string>>>;

  /** @throws Error when a service is listed twice or an endpoint has no route table (stage-3 invariants). */
  constructor(scope: Construct, id: string, props: GatewayEndpointsProps) {
    super(scope, id);
    const ids: Partial<Record<GatewayEndpointServiceName, string>> = {};
    for (const e of props.endpoints) {
      if (ids[e.service]) throw new Error(`GatewayEndpoints ${props.name}: ${e.service} is listed twice`);
      if (e.routeTableIds.length === 0) throw new Error(`GatewayEndpoints ${props.name}: the ${e.service} endpoint has no route table`);
      const endpoint = new VpcEndpoint(this, e.service, {
        vpcId: props.vpcId,
        serviceName: `com.amazonaws.${props.region}.${e.service}`,
        vpcEndpointType: "Gateway",
        routeTableIds: [...e.routeTableIds],
        policy: policyJson(gatewayEndpointPolicy(e.service, props.region, props.principalAccountIds, props.partition)),
        tags: { Name: `${props.name}-${e.service}` },
      });
      ids[e.service] = endpoint.id;
    }
    this.endpointIds = ids;
  }
}
