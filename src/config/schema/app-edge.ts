/**
 * The app tier's edge and load-balancer settings (one area of the schema folder, split from ./app.ts): how CloudFront
 * reaches the ALB (`app.edge`), the custom domain with its optional Route 53 failover (`app.domain`), and the Network
 * Load Balancer of the services with `loadBalancer: nlb` (`app.networkLoadBalancer`, `services[].nlb`). See
 * docs/app-edge.md. Like every area file, it must not import ./index.ts.
 */
import { z } from "zod";

/** The protocols of a service behind the Network Load Balancer (`services[].nlb.protocol`). */
export const NLB_PROTOCOLS = ["TCP", "TLS", "UDP"] as const;

/** A service's listener on the Network Load Balancer. See docs/app-edge.md. */
export const AppServiceNlb = z
  .strictObject({
    protocol: z.enum(NLB_PROTOCOLS).meta({
      description:
        "TCP: passed through; TLS: the NLB terminates TLS with the certificate of nlb-<recordName>.<hostedZoneName> (needs app.domain) and sends TCP to the tasks; " +
        "UDP: datagrams, with TCP health checks on the container port (the task must also accept TCP there). UDP cannot be combined with TLS.",
    }),
    port: z
      .int({ error: "Write the listener port as a whole number, for example 8883." })
      .min(1, { error: "Write a port between 1 and 65535." })
      .max(65535, { error: "Write a port between 1 and 65535." })
      .meta({ description: "Port the NLB listens on (one listener per service; unique per environment)." }),
  })
  .meta({ description: "The service's listener on the app tier's Network Load Balancer (app.networkLoadBalancer)." });

/**
 * DNS failover of the site name (`app.domain.failover`): a Route 53 health check on the primary (the distribution) and
 * PRIMARY/SECONDARY failover alias records. See docs/app-edge.md.
 */
export const AppDomainFailover = z
  .strictObject({
    healthCheckPath: z
      .string()
      .regex(/^\/[\w./-]*$/, { error: "Write a path starting with /, for example /api/health." })
      .default("/")
      .meta({
        description:
          "Path the Route 53 health check requests over HTTPS from the distribution's own *.cloudfront.net name; 2xx and 3xx are healthy. @default / (the frontend's index.html)",
      }),
    secondary: z
      .strictObject({
        dnsName: z
          .string()
          .regex(/^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, {
            error: "Write the standby endpoint's DNS name, for example dualstack.standby-123.eu-central-1.elb.amazonaws.com.",
          })
          .meta({
            description:
              "DNS name of the standby endpoint, an AWS resource an alias record can point to (a dualstack load balancer in another Region, an API Gateway regional domain); not a CloudFront distribution.",
          }),
        hostedZoneId: z
          .string()
          .regex(/^Z[A-Z0-9]{1,31}$/, { error: "Write the endpoint's Route 53 hosted zone id, for example Z32O12XQLNTSW2." })
          .meta({ description: "Route 53 hosted zone id of that DNS name (the load balancer's CanonicalHostedZoneId, for example)." }),
      })
      .meta({ description: "Where the site name points while the health check fails: an alias to a standby endpoint, A and AAAA." }),
  })
  .meta({
    description:
      "Route 53 DNS failover of <recordName>.<hostedZoneName>: the distribution is PRIMARY with a health check, the standby endpoint SECONDARY.",
  });

/** The optional custom domain. */
export const AppDomain = z
  .strictObject({
    hostedZoneName: z
      .string()
      .regex(/^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, {
        error: "Write a DNS zone name without a trailing dot, for example acme.example.",
      })
      .meta({ description: "Existing public Route 53 hosted zone in this account." }),
    recordName: z
      .string()
      .regex(/^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/, { error: "Write one DNS label, for example www." })
      .meta({
        description:
          "Label of the site in the zone: <recordName>.<hostedZoneName> points at CloudFront; origin-<recordName> at the ALB (edge.origin public-alb; with vpc-origin the name is only the ALB certificate's, with no DNS record).",
      }),
    failover: AppDomainFailover.optional(),
  })
  .meta({
    description: "Custom domain: ACM certificates (us-east-1 for CloudFront, the stack's Region for the ALB) and Route 53 alias records.",
  });

/** How CloudFront reaches the ALB: `public-alb` (internet-facing, today's shape) or `vpc-origin` (an internal ALB). */
export const APP_EDGE_ORIGINS = ["public-alb", "vpc-origin"] as const;

/** How CloudFront reaches the services' ALB (`app.edge`). See docs/app-edge.md. */
export const AppEdge = z
  .strictObject({
    origin: z
      .enum(APP_EDGE_ORIGINS)
      .default("public-alb")
      .meta({
        description:
          "public-alb: an internet-facing ALB in the public subnets that admits only CloudFront's origin-facing addresses and requires the secret origin header. " +
          "vpc-origin: an internal ALB in the private app subnets that CloudFront reaches through a CloudFront VPC origin " +
          "(https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-vpc-origins.html); it has no public address. " +
          "Changing it on a deployed environment replaces the ALB (see docs/app-edge.md). @default public-alb",
      }),
    originSecretHeader: z
      .boolean()
      .default(true)
      .meta({
        description:
          "CloudFront adds the secret X-Origin-Verify header and the ALB forwards only requests carrying it. Required with public-alb " +
          "(the CloudFront prefix list admits every distribution); optional with vpc-origin, where only this account's VPC origin reaches the internal ALB. @default true",
      }),
  })
  .meta({
    description: "How CloudFront reaches the ALB: an internet-facing ALB with a secret header, or a VPC origin to an internal ALB.",
  });

/** The app tier's Network Load Balancer (`app.networkLoadBalancer`), for services with `loadBalancer: nlb`. */
export const AppNetworkLoadBalancer = z
  .strictObject({
    scheme: z.enum(["internal", "internet-facing"]).default("internal").meta({
      description:
        "internal: in the private app subnets, reachable from the VPC and what routes to it; internet-facing: in the public subnets, reachable from allowedCidrs on the internet. Changing it replaces the NLB. @default internal",
    }),
    allowedCidrs: z
      .array(z.string().regex(/^\d{1,3}(\.\d{1,3}){3}\/\d{1,2}$/, { error: "Write an IPv4 CIDR such as 10.0.0.0/8 or 203.0.113.0/24." }))
      .min(1, { error: "List at least one CIDR the NLB admits, for example allowedCidrs: [10.0.0.0/8]." })
      .max(20, { error: "List at most 20 CIDRs: each one is a security-group rule per listener (60 rules per group)." })
      .meta({
        description:
          "Client ranges the NLB's security group admits on every listener port (IPv4). Write 0.0.0.0/0 only for a service meant for the whole internet.",
      }),
  })
  .meta({
    description:
      "The Network Load Balancer of the services with loadBalancer: nlb: security group (set at creation), cross-zone load balancing, TLS listeners with the ACM certificate, access logs.",
  });
