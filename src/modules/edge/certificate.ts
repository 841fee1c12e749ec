/**
 * An ACM certificate for one DNS name, validated through Route 53 (one CNAME record per validation option,
 * in the given hosted zone). CloudFront only uses certificates from us-east-1
 * (https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cnames-and-https-requirements.html),
 * so pass a us-east-1 provider for the distribution's certificate.
 */
import { AcmCertificate } from "@cdktf/provider-aws/lib/acm-certificate";
import { AcmCertificateValidation } from "@cdktf/provider-aws/lib/acm-certificate-validation";
import { Route53Record } from "@cdktf/provider-aws/lib/route53-record";
import { Fn, type TerraformProvider } from "cdktf";
import { Construct } from "constructs";

/** Props of {@link DnsValidatedCertificate}. */
export interface DnsValidatedCertificateProps {
  readonly domainName: string;
  /** Route 53 hosted zone id holding `domainName`. */
  readonly hostedZoneId: string;
  /** Provider of the certificate's Region. @default the stack's default provider */
  readonly provider?: TerraformProvider;
}

/** An ACM certificate plus its DNS validation records and the validation wait. */
export class DnsValidatedCertificate extends Construct {
  /** ARN of the certificate, usable once validated (depends on the validation). */
  readonly certificateArn: string;

  constructor(scope: Construct, id: string, props: DnsValidatedCertificateProps) {
    super(scope, id);
    const provider = props.provider ? { provider: props.provider } : {};
    const cert = new AcmCertificate(this, "certificate", {
      ...provider,
      domainName: props.domainName,
      validationMethod: "DNS",
      keyAlgorithm: "EC_prime256v1",
      tags: { Name: props.domainName },
      lifecycle: { createBeforeDestroy: true },
    });
    // One name, so exactly one validation option: a plain record (no for_each over values unknown at plan).
    const option = (attribute: string) => Fn.lookup(Fn.element(Fn.tolist(cert.domainValidationOptions), 0), attribute, "");
    const record = new Route53Record(this, "validation-record", {
      zoneId: props.hostedZoneId,
      name: option("resource_record_name"),
      type: option("resource_record_type"),
      records: [option("resource_record_value")],
      ttl: 300,
      allowOverwrite: true,
    });
    const validation = new AcmCertificateValidation(this, "validation", {
      ...provider,
      certificateArn: cert.arn,
      validationRecordFqdns: [record.fqdn],
    });
    this.certificateArn = validation.certificateArn;
  }
}
