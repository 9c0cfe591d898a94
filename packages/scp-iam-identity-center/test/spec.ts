import { readSpec } from "../../../scripts/spec-examples.mjs";

export const { operations, operation, response, responseExample, requestExample, hasJsonBody, errorStatuses } =
  readSpec("scp-iam-identity-center");
