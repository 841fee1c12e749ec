/** LZ-TLS2: CloudFront uses HTTPS to viewers and to origins, with TLS 1.2 minimum. */
import { asList, block, isTrue } from "../stack.js";
import { outcomeOf, type PolicyRule } from "../types.js";

/** Minimum viewer protocol versions that exclude TLS 1.0/1.1 (https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/secure-connections-supported-viewer-protocols-ciphers.html). */
const STRONG_MINIMUM = /^TLSv1\.2_(2018|2019|2021|2025)$|^TLSv1\.3_/;

/**
 * `aws_cloudfront_distribution`: every cache behavior's `viewer_protocol_policy` is `redirect-to-https`
 * or `https-only`; the viewer certificate is a custom one with `minimum_protocol_version` TLSv1.2_2021 or
 * later (the default `*.cloudfront.net` certificate allows TLS 1.0); every custom origin uses
 * `origin_protocol_policy = https-only` with `origin_ssl_protocols = ["TLSv1.2"]`. `aws_cloudfront_vpc_origin`: the
 * same origin settings, which for a VPC origin live on the VPC origin rather than on the distribution
 * (https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_VpcOriginEndpointConfig.html).
 */
export const cloudfrontTls: PolicyRule = {
  id: "LZ-TLS2",
  level: "error",
  title: "CloudFront requires HTTPS from viewers and to origins, TLS 1.2 minimum",
  rationale: "Viewer or origin traffic over HTTP or old TLS can be read and altered in transit.",
  sources: ["FSBP CloudFront.3", "FSBP CloudFront.9", "FSBP CloudFront.10", "CKV_AWS_34", "CKV_AWS_174"],
  resourceTypes: ["aws_cloudfront_distribution", "aws_cloudfront_vpc_origin"],
  check: (r) => {
    const b = r.body;
    if (r.type === "aws_cloudfront_vpc_origin") {
      const config = block(b.vpc_origin_endpoint_config);
      const problems: string[] = [];
      if (config?.origin_protocol_policy !== "https-only")
        problems.push(
          `origin_protocol_policy is ${String(config?.origin_protocol_policy)}. Use https-only with a certificate on the load balancer`,
        );
      const protocols = asList<Record<string, unknown>>(config?.origin_ssl_protocols).flatMap((p) => asList<string>(p.items));
      if (protocols.some((p) => p !== "TLSv1.2"))
        problems.push(`origin_ssl_protocols allows ${protocols.filter((p) => p !== "TLSv1.2").join(", ")}. Set items = ["TLSv1.2"]`);
      return outcomeOf(problems);
    }
    const problems: string[] = [];
    const behaviors = [
      ...asList<Record<string, unknown>>(b.default_cache_behavior),
      ...asList<Record<string, unknown>>(b.ordered_cache_behavior),
    ];
    const weak = behaviors.filter((c) => !["redirect-to-https", "https-only"].includes(String(c.viewer_protocol_policy)));
    if (weak.length > 0)
      problems.push(
        `${weak.length} cache behavior(s) allow HTTP (viewer_protocol_policy ${weak.map((c) => String(c.viewer_protocol_policy)).join(", ")}). Use redirect-to-https`,
      );
    const cert = block(b.viewer_certificate);
    if (!cert || isTrue(cert.cloudfront_default_certificate))
      problems.push("the default CloudFront certificate allows TLS 1.0. Use an ACM certificate with minimum_protocol_version TLSv1.2_2021");
    else if (!STRONG_MINIMUM.test(String(cert.minimum_protocol_version ?? "")))
      problems.push(`minimum_protocol_version is ${String(cert.minimum_protocol_version ?? "not set")}. Set TLSv1.2_2021`);
    for (const origin of asList<Record<string, unknown>>(b.origin)) {
      const custom = block(origin.custom_origin_config);
      if (!custom) continue;
      if (custom.origin_protocol_policy !== "https-only")
        problems.push(
          `origin ${String(origin.origin_id)} uses origin_protocol_policy ${String(custom.origin_protocol_policy)}. Use https-only`,
        );
      const protocols = asList<string>(custom.origin_ssl_protocols);
      if (protocols.some((p) => p !== "TLSv1.2"))
        problems.push(
          `origin ${String(origin.origin_id)} allows ${protocols.filter((p) => p !== "TLSv1.2").join(", ")}. Set origin_ssl_protocols: ["TLSv1.2"]`,
        );
    }
    return outcomeOf(problems);
  },
};
