import type { components } from "./generated/openapi.js";

type Schemas = components["schemas"];

/** An instance as create, list and set return it. */
export type Instance = Schemas["Instance"];
/** An instance as ShowInstance returns it (1.3+: with `public_ip`, `port` and the resource fields). */
export type InstanceDetail = Schemas["InstanceDetail"];
export type InstanceCreateRequest = Schemas["InstanceCreateRequest"];
export type InstanceSetRequest = Schemas["InstanceSetRequest"];
export type InstanceListResponse = Schemas["InstanceListResponse"];
/** The LDAP connection of an Active Directory identity store, as sent on create. */
export type LdapConfigFields = Schemas["LdapConfigFields"];
/** The LDAP connection as returned (and accepted on set), with its `component_id`. */
export type LdapConfig = Schemas["LdapConfig"];
export type IdentityStoreType = Schemas["IdentityStoreType"];
export type LastSyncStatus = NonNullable<Instance["last_sync_status"]>;
export type InstanceState = NonNullable<Instance["state"]>;
