import type { components } from "./generated/openapi.js";

type Schemas = components["schemas"];

/** An instance as create and set return it. */
export type Instance = Schemas["Instance"];
/** An instance in a ListInstances page: only the fields the official provider reads from list items. */
export type InstanceListItem = Schemas["InstanceListItem"];
/** An instance as ShowInstance returns it (1.3+: `public_ip`, `port`, resource fields; 1.6: `resource_type_display_name`). */
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
