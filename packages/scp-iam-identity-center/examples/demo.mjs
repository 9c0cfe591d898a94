// @ts-check
// Walks through the SCP IAM Identity Center client: create an Active Directory-backed instance, list
// every instance, show one (with the 1.3 fields), delete it, and handle a typed error. `pnpm demo` runs it
// against a Prism mock; against the real API, call it with
// { baseUrl: "https://iam-identity-center.kr-west1.e.samsungsdscloud.com" } and SCP_ACCESS_KEY / SCP_SECRET_KEY set
// (in your own code, `createScpClient({ region: "kr-west1", env: "e" })` builds that endpoint).
import { createScpClient, paginate, ScpApiError } from "@identity-clients/scp-iam-identity-center";

/** @param {{ baseUrl: string, accessKey?: string, secretKey?: string, log?: (...values: unknown[]) => void }} options */
export default async function demo({
  baseUrl,
  accessKey = process.env.SCP_ACCESS_KEY ?? "demo-access-key",
  secretKey = process.env.SCP_SECRET_KEY ?? "demo-secret-key",
  log = console.log,
}) {
  const scp = createScpClient({ accessKey, secretKey, baseUrl });

  // Create an instance whose identity store is an Active Directory reached over LDAPS.
  const { data: created } = await scp.POST("/v1/instances", {
    body: {
      name: "My Instance",
      description: "My Instance Description",
      identity_store_type: "ACTIVE_DIRECTORY",
      identity_store_config: {
        bind_dn: "CN=Administrator,CN=Users,DC=test,DC=add",
        bind_credential: process.env.LDAP_BIND_PASSWORD ?? "password",
        connection_url: "ldaps://test.subdomain.company.com:123",
        rdn_ldap_attribute: "cn",
        user_object_classes: "person, organizationalPerson, user",
        username_ldap_attribute: "sAMAccountName",
        users_dn: "OU=Employees,OU=Accounts,DC=sub,DC=org",
      },
    },
  });
  const id = created.instance.id ?? "ssoins-12345";
  log(`Created instance ${id} (${created.instance.state}); sign-in at ${created.instance.sso_start_url}`);

  // Every instance, page after page.
  let count = 0;
  for await (const instance of paginate(scp, "/v1/instances", { params: { query: { size: 50, sort: "name:asc" } } })) {
    count += 1;
    // List items carry the documented list fields (id, region, state, srn, ...); ShowInstance has the rest.
    log(`Instance ${instance.id} in ${instance.region} (${instance.state ?? "state unknown"})`);
  }
  log(`${count} instance(s) in all.`);

  // One instance, with the fields API version 1.3 added.
  const { data: shown } = await scp.GET("/v1/instances/{instance_id}", { params: { path: { instance_id: id } } });
  log(`Instance ${shown.instance.id} answers at ${shown.instance.public_ip}:${shown.instance.port}`);

  await scp.DELETE("/v1/instances/{instance_id}", { params: { path: { instance_id: id } } });
  log(`Deleted instance ${id}.`);

  // A missing instance is a 404; the mock answers it when asked with `Prefer: code=404`.
  try {
    await scp.GET("/v1/instances/{instance_id}", { params: { path: { instance_id: "ssoins-missing" } }, headers: { Prefer: "code=404" } });
  } catch (error) {
    if (!(error instanceof ScpApiError)) throw error;
    log(`Expected failure: ${error.message}`);
  }
}
