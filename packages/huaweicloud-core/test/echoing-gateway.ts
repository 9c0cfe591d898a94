// A hostile stand-in for Huawei Cloud's API gateway, for the provider packages' secret-leak suites: it quotes back
// what it received, so a client that copies an answer into an error, warning or log line would leak the request's
// signature and security token.
import { type LocalServer, type RecordedRequest, startLocalServer } from "../../../scripts/local-server.mjs";

/**
 * A loopback server that answers every request with `status`, quoting the request's headers and body the way
 * APIGW.0301 quotes its canonical request: in a JSON error body (with `extraBody`'s fields, e.g. secrets the service
 * answers with) or, for another `contentType`, in an HTML page.
 */
export function startEchoingGateway(
  status: number,
  contentType = "application/json",
  extraBody: Record<string, unknown> = {},
): Promise<LocalServer> {
  return startLocalServer((request, response) => {
    const canonical = Object.entries(request.headers)
      .map(([name, value]) => `${name}:${String(value)}`)
      .join("|");
    const message = `verify aksk signature fail, canonicalRequest: ${canonical}|${request.body}`;
    response.writeHead(status, { "content-type": contentType });
    response.end(
      contentType === "application/json"
        ? JSON.stringify({
            error_code: status === 401 ? "APIGW.0301" : "IIC.400",
            error_msg: message,
            request_id: "r-1",
            encoded_authorization_message: message,
            ...extraBody,
          })
        : `<html>${message}</html>`,
    );
  });
}

/** The `Authorization` and `X-Security-Token` values the requests carried: secrets nothing the client reports may show. */
export function signaturesSent(requests: readonly RecordedRequest[]): string[] {
  return requests
    .flatMap((request) => [request.headers.authorization, request.headers["x-security-token"]])
    .filter((value): value is string => typeof value === "string");
}
