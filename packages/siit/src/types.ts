import type { components } from "./generated/openapi.js";

type Schemas = components["schemas"];

export type Application = Schemas["application"];
export type User = Schemas["user"];
export type ApplicationInstance = Schemas["application_instance"];
export type ListMeta = Schemas["list_meta"];
export type CreateApplicationRequest = Schemas["create_application_request"];
export type UpdateApplicationRequest = Schemas["update_application_request"];
export type AddApplicationUserRequest = Schemas["add_application_user_request"];
export type CreateApplicationInstanceRequest = Schemas["create_application_instance_request"];
/** The identity providers that can manage an application instance. */
export type ApplicationInstanceProvider = CreateApplicationInstanceRequest["provider"];
export type CreateUserRequest = Schemas["create_user_request"];
export type UpdateUserRequest = Schemas["update_user_request"];
/** A team, department, office location, legal entity, request inbox or request tag. */
export type Tag = Schemas["tag"];
/** A Siit Request (a ticket). Named so it does not shadow the platform's `Request`. */
export type SiitRequest = Schemas["request"];
/** A message, private note or permalink of a Request's conversation. */
export type RequestMessage = Schemas["request_event"];
export type Workflow = Schemas["workflow"];
export type Equipment = Schemas["equipment"];
export type Article = Schemas["article"];
