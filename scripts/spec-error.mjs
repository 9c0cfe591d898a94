/** A spec the code generator cannot use; the message names the file (and line, where known) and the problem. */
export class SpecError extends Error {
  name = "SpecError";
}
