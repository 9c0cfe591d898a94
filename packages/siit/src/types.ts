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
