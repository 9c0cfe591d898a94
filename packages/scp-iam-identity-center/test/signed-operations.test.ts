// Every operation of the spec, sent through its named function to a local server that checks the request as SCP's
// gateway would: the signature recomputed from the URL it received, the timestamp, the version and client-type
// headers, and the JSON body (DELETEs with a body included).
import { createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ContractCase, contractCases } from "../../../scripts/contract-cases.mjs";
import { json, type LocalServer, type RecordedRequest, startLocalServer } from "../../../scripts/local-server.mjs";
import * as api from "../src/index.js";
import { createScpClient, type ScpClient } from "../src/index.js";

const ACCESS_KEY = "signed-operations-ak";
const SECRET_KEY = "signed-operations-secret-5b7c";
const ACCOUNT_ID = "1234ab567cd64769e8f9g490hi304891";
const { success } = contractCases("scp-iam-identity-center");

let server: LocalServer;
let answer: ContractCase | undefined;
let scp: ScpClient;
beforeAll(async () => {
  server = await startLocalServer((_request, response) => {
    if (!answer?.hasJsonResponse) {
      response.writeHead(answer?.status ?? 204);
      response.end();
    } else json(response, answer.status, answer.example);
  });
  scp = createScpClient({ accessKey: ACCESS_KEY, secretKey: SECRET_KEY, accountId: ACCOUNT_ID, baseUrl: server.url });
});
afterAll(() => server.close());

/** What SCP's gateway recomputes: base64 HMAC-SHA256 of method + URL + timestamp + access key + account id + client type. */
function expectedSignature(request: RecordedRequest): string {
  const url = `${server.url}${request.url}`;
  const message = `${request.method}${url}${request.headers["scp-timestamp"]}${ACCESS_KEY}${ACCOUNT_ID}Openapi`;
  return createHmac("sha256", SECRET_KEY).update(message, "utf8").digest("base64");
}

type NamedCall = (client: ScpClient, init: object) => Promise<unknown>;

describe("every operation, signed and checked server-side", () => {
  it.each(success)("$name: $operation", async (entry) => {
    answer = entry;
    const before = server.requests.length;

    await (api as unknown as Record<string, NamedCall>)[entry.name]!(scp, entry.init);

    expect(server.requests).toHaveLength(before + 1);
    const request = server.requests.at(-1)!;
    expect(request.method).toBe(entry.operation.split(" ")[0]);
    expect(request.headers["scp-accesskey"]).toBe(ACCESS_KEY);
    expect(request.headers["scp-signature"]).toBe(expectedSignature(request));
    expect(request.headers["scp-timestamp"]).toMatch(/^\d{13}$/);
    expect(request.headers["scp-api-version"]).toMatch(/^iam-identity-center \d+\.\d+$/);
    expect(request.headers["scp-clienttype"]).toBe("Openapi");
    if (entry.init.body === undefined) expect(request.body).toBe("");
    else {
      expect(request.headers["content-type"]).toBe("application/json");
      expect(JSON.parse(request.body)).toEqual(entry.init.body);
    }
  });

  it("covers the DELETE operations that send a body", () => {
    const deletesWithBody = success.filter((entry) => entry.operation.startsWith("DELETE") && entry.init.body !== undefined);
    expect(deletesWithBody.map((entry) => entry.name).sort()).toEqual([
      "deleteAccountAssignment",
      "deleteBulkGroupUsers",
      "deleteGroup",
      "deletePermissionSetPolicies",
      "deleteUser",
    ]);
  });
});
