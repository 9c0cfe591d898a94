// Type-only checks, run by `pnpm typecheck` (part of `pnpm test`): the calls shown in README.md compile,
// and the mistakes below do not. Nothing here is executed.
import {
  createAccountAssignment,
  createBulkGroupUsers,
  createGroup,
  createInstance,
  createPermissionSet,
  createScpClient,
  createUser,
  deleteUser,
  type IdentityStoreType,
  type InstanceCreateRequest,
  type LastSyncStatus,
  paginate,
  paginateListAccountAssignments,
  ScpApiError,
  signScpRequest,
  waitUntilInstanceReady,
} from "../src/index.js";

const scp = createScpClient({ region: "kr-west1", env: "e" }); // keys from SCP_ACCESS_KEY / SCP_SECRET_KEY
const instance_id = "ssoins-12345";

export async function readmeCalls() {
  const body: InstanceCreateRequest = {
    name: "My Instance",
    description: "My Instance Description",
    identity_store_type: "ACTIVE_DIRECTORY",
    identity_store_config: {
      bind_credential: "password",
      bind_dn: "CN=Administrator,CN=Users,DC=test,DC=add",
      connection_url: "ldaps://test.subdomain.company.com:123",
      rdn_ldap_attribute: "cn",
      user_object_classes: "person, organizationalPerson, user",
      username_ldap_attribute: "sAMAccountName",
      users_dn: "OU=Employees,OU=Accounts,DC=sub,DC=org",
    },
  };
  const { data: created } = await scp.POST("/v1/instances", { body });
  console.log(created.instance.id, created.instance.sso_start_url);

  const { data: list } = await scp.GET("/v1/instances", { params: { query: { page: 0, size: 20, sort: "name:asc" } } });
  console.log(
    list.count,
    list.instances.map((instance) => instance.srn),
  );
  const { data: shown } = await scp.GET("/v1/instances/{instance_id}", { params: { path: { instance_id } } });
  const port: number | null | undefined = shown.instance.port;
  console.log(shown.instance.public_ip, port);
  await scp.PATCH("/v1/instances/{instance_id}", { params: { path: { instance_id } }, body: { description: "Renamed" } });
  await scp.DELETE("/v1/instances/{instance_id}", { params: { path: { instance_id } } });

  for await (const instance of paginate(scp, "/v1/instances", { params: { query: { size: 50 } } })) console.log(instance.id);

  try {
    await scp.DELETE("/v1/instances/{instance_id}", { params: { path: { instance_id } } });
  } catch (error) {
    if (error instanceof ScpApiError) console.error(error.status, error.requestId, error.code, error.detail, error.body);
  }
  const token = createScpClient({
    accessKey: "ak",
    secretKey: "sk",
    authToken: "t",
    baseUrl: "https://proxy.example",
    acceptLanguage: "ko-KR",
    apiVersion: "1.3",
  });
  createScpClient({ apiVersion: "1.7" }); // newer than this release knows: accepted, with a warning
  await token.GET("/v1/instances");
  return signScpRequest({ method: "GET", url: "https://x/v1/instances", timestamp: Date.now(), accessKey: "a", secretKey: "s" });
}

export async function endToEnd() {
  const account = "3265ab469f0d406d83073da3e11e7a6c";
  const { data: created } = await createInstance(scp, { body: { name: "Acme SSO", identity_store_type: "IDENTITY_CENTER_DIRECTORY" } });
  const instance = await waitUntilInstanceReady(scp, { instance_id: created.instance.id });
  const instance_id = instance.id;
  const { data: user } = await createUser(scp, {
    body: { instance_id, user_id: "jdoe", name: "John Doe", email: "john.doe@example.com", temporary_password: true },
  });
  const { data: group } = await createGroup(scp, { body: { instance_id, name: "Admin_Group" } });
  await createBulkGroupUsers(scp, { params: { path: { group_id: group.group.id } }, body: { instance_id, user_uuids: [user.user.id] } });
  const { data: permissionSet } = await createPermissionSet(scp, {
    body: { instance_id, name: "Admin_Permission_Set", session_duration: 3600, managed_policies: [{ name: "AdministratorAccess" }] },
  });
  await createAccountAssignment(scp, {
    body: {
      instance_id,
      accounts: [{ target_account_id: account }],
      permission_sets: [{ permission_set_id: permissionSet.id }],
      principals: [{ principal_id: group.group.id, principal_type: "GROUP" }],
    },
  });
  for await (const assignment of paginateListAccountAssignments(scp, { params: { query: { instance_id, target_account_id: account } } })) {
    console.log(
      assignment.principal_name,
      assignment.permission_sets?.map((set) => set.permission_set_name),
    );
  }
  await deleteUser(scp, { params: { path: { user_uuid: user.user.id } }, body: { instance_id } });
}

export async function mistakes() {
  // @ts-expect-error -- a permission set needs its session_duration
  await createPermissionSet(scp, { body: { instance_id, name: "p" } });
  // @ts-expect-error -- principal_type is USER or GROUP
  await createAccountAssignment(scp, { body: { instance_id, principals: [{ principal_id: "u", principal_type: "ROLE" }] } });
  // @ts-expect-error -- listing account assignments needs the target account
  await paginateListAccountAssignments(scp, { params: { query: { instance_id } } }).toArray();
  // @ts-expect-error -- name is required
  await scp.POST("/v1/instances", { body: { description: "no name" } });
  // @ts-expect-error -- not an identity store type (OPENLDAP and DIRECTORY_389DS are, since 1.5)
  const storeType: IdentityStoreType = "OPENDJ";
  // @ts-expect-error -- last_sync_status is one value, not an array
  const status: LastSyncStatus = ["CREATED"];
  // @ts-expect-error -- the path needs its instance_id
  await scp.GET("/v1/instances/{instance_id}");
  // @ts-expect-error -- list items carry only the documented fields; ShowInstance has the name
  (await scp.GET("/v1/instances")).data.instances[0]?.name;
  // @ts-expect-error -- DeleteUser sends the instance in a JSON body
  await scp.DELETE("/v1/users/{user_uuid}", { params: { path: { user_uuid: "u" } } });
  // @ts-expect-error -- the service has no PUT on instances
  await scp.PUT("/v1/instances/{instance_id}", { params: { path: { instance_id } }, body: {} });
  // @ts-expect-error -- the client sets Scp-Api-Version itself (choose it with the apiVersion option)
  await scp.GET("/v1/instances", { params: { header: { "Scp-Api-Version": "iam-identity-center 1.0" } } });
  // @ts-expect-error -- not a published region
  createScpClient({ region: "us-east1", env: "e" });
  // @ts-expect-error -- a version is a string such as "1.6"
  createScpClient({ apiVersion: 1.6 });
  // @ts-expect-error -- Accept-Language is en-US or ko-KR
  createScpClient({ acceptLanguage: "fr-FR" });
  // @ts-expect-error -- only list paths can be paginated
  paginate(scp, "/v1/instances/{instance_id}");
  return [storeType, status];
}
