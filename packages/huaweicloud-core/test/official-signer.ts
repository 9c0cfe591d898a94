// The official Huawei Cloud Node.js signer (@huaweicloud/huaweicloud-sdk-core, a devDependency only), driven
// through the credentials' processAuthRequest: the SDK's real signing path, with no network (the hcClient it
// takes is only used for federated tokens, which these credentials do not have). GlobalCredentials sign with
// X-Domain-Id (IAM Identity Center), BasicCredentials with X-Project-Id (Identity Store). The Huawei provider
// packages' client-level differential tests use it too.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

interface OfficialHttpRequest {
  endpoint: string;
  url: string;
  method: string;
  headers: Record<string, string>;
  queryParams?: Record<string, string | string[]>;
  data?: unknown;
}
interface OfficialCredentials {
  processAuthRequest(hcClient: unknown, request: OfficialHttpRequest): Promise<OfficialHttpRequest>;
}
type CredentialsClass<Data> = new (data: Data & { ak: string; sk: string; securityToken?: string }) => OfficialCredentials;

// The package has no `exports` map, so its files deep-import.
const { GlobalCredentials } = require("@huaweicloud/huaweicloud-sdk-core/auth/GlobalCredentials") as {
  GlobalCredentials: CredentialsClass<{ domainId?: string }>;
};
const { BasicCredentials } = require("@huaweicloud/huaweicloud-sdk-core/auth/BasicCredentials") as {
  BasicCredentials: CredentialsClass<{ projectId?: string }>;
};

export interface OfficialSignInput {
  /** e.g. `https://identitycenter.myhuaweicloud.com` */
  endpoint: string;
  /** The path as the SDK builds it: path parameters substituted raw (the SDK does not encode them). */
  path: string;
  method: string;
  query?: Record<string, string | string[]>;
  /** A JSON value; the SDK signs `JSON.stringify(data)`. */
  data?: unknown;
  ak: string;
  sk: string;
  /** Signs as GlobalCredentials (`X-Domain-Id`); give this or `projectId`. */
  domainId?: string | undefined;
  /** Signs as BasicCredentials (`X-Project-Id`). */
  projectId?: string | undefined;
  securityToken?: string | undefined;
  /** `X-Sdk-Date`, e.g. `20240102T030405Z`. */
  sdkDate: string;
}

/** The headers the official SDK would send, including `Authorization`. */
export async function officialSign(input: OfficialSignInput): Promise<Record<string, string>> {
  const token = input.securityToken === undefined ? {} : { securityToken: input.securityToken };
  const credentials =
    input.projectId === undefined
      ? new GlobalCredentials({ ak: input.ak, sk: input.sk, domainId: input.domainId ?? "", ...token })
      : new BasicCredentials({ ak: input.ak, sk: input.sk, projectId: input.projectId, ...token });
  const request: OfficialHttpRequest = {
    endpoint: input.endpoint,
    url: input.path,
    method: input.method,
    // What the SDK's HcClient sets for a JSON operation; a given X-Sdk-Date is used instead of the clock.
    headers: { "content-type": "application/json", "X-Sdk-Date": input.sdkDate },
    queryParams: input.query ?? {},
    ...(input.data === undefined ? {} : { data: input.data }),
  };
  const signed = await credentials.processAuthRequest({}, request);
  return signed.headers;
}
