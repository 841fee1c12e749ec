/**
 * AWS Lambda and API Gateway HTTP API limits the app tier's `lambda` services are checked against.
 *
 * Sources, checked 2026-12:
 * - Lambda runtimes ({@link LAMBDA_RUNTIMES_DOC}): the supported (not deprecated) managed runtime identifiers;
 * - Lambda quotas ({@link LAMBDA_QUOTAS_DOC}): memory 128-10,240 MB, timeout up to 900 s, 1,000 concurrent
 *   executions per Region by default;
 * - reserved concurrency ({@link LAMBDA_RESERVED_CONCURRENCY_DOC}): "You can reserve up to the Unreserved account
 *   concurrency value minus 100": 100 stay unreserved for functions without a reservation;
 * - HTTP API quotas ({@link HTTP_API_QUOTAS_DOC}): maximum integration timeout 30 seconds (not increasable),
 *   payload 10 MB.
 * Neutral data: no cdktf, no config.
 */

/** "Lambda runtimes": the supported managed runtimes and their deprecation dates. */
export const LAMBDA_RUNTIMES_DOC = "https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html";
/** "Lambda quotas": memory, timeout and concurrency limits. */
export const LAMBDA_QUOTAS_DOC = "https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html";
/** "Configuring reserved concurrency for a function": the 100 that stay unreserved. */
export const LAMBDA_RESERVED_CONCURRENCY_DOC = "https://docs.aws.amazon.com/lambda/latest/dg/configuration-concurrency.html";
/** "Quotas for configuring and running an HTTP API": the 30-second integration timeout. */
export const HTTP_API_QUOTAS_DOC = "https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-quotas.html";

/** Managed runtimes a zip-packaged function may name (`aws_lambda_function.runtime`). */
export const LAMBDA_RUNTIMES = [
  "nodejs22.x",
  "nodejs20.x",
  "python3.13",
  "python3.12",
  "java21",
  "dotnet8",
  "ruby3.3",
  "provided.al2023",
] as const;

/** Default concurrent executions of an account in a Region (a quota AWS may have set lower for a new account). */
export const LAMBDA_DEFAULT_ACCOUNT_CONCURRENCY = 1000;

/** Concurrency Lambda keeps unreserved for functions without reserved concurrency. */
export const LAMBDA_MINIMUM_UNRESERVED = 100;

/** The longest an HTTP API waits for an integration, in seconds; a function running longer answers 503 to the client. */
export const HTTP_API_MAX_INTEGRATION_TIMEOUT_SECONDS = 30;
