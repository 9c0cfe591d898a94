// fast-check arbitraries shared by the differential tests against the official Huawei Cloud signer: this package's
// signer test and the provider clients' tests.
import fc from "fast-check";

// Characters a path segment is built from. Left out here (see "where the official signer differs" in
// signer.differential.test.ts): space, " ' < > \ ^ ` { | } and control characters, which the official SDK's
// url.parse() escapes before it encodes again, and ? #, which it would read as the start of the query or fragment.
const PATH_ASCII = [..."ABCXYZabcxyz0189-._~!$&()*+,;=:@%[]/"];
const PATH_NON_ASCII = ["é", "ß", "Ω", "中", "文", "😀", "🇨🇳", "\u00a0", "\u2028", "\ufeff"];
const pathChar = fc.oneof(fc.constantFrom(...PATH_ASCII), fc.constantFrom(...PATH_NON_ASCII));
/** A path parameter value the client accepts (not blank, not `.` or `..`). */
export const pathParam = fc
  .string({ unit: pathChar, minLength: 1, maxLength: 10 })
  .filter((value) => value.trim() !== "" && value !== "." && value !== "..");
/** Query keys and values: any Unicode text, including empty values and characters that need escaping. */
export const queryText = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 8 }),
  fc.constantFrom("", " ", "+", "a b", "%41", "=&", "é", "😀"),
);
/** An access key, secret key or id: letters and digits, `min` to 40 of them. */
export const keyText = (min: number) =>
  fc.string({ unit: fc.constantFrom(..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"), minLength: min, maxLength: 40 });
/** A temporary credential's security token, or none. */
export const securityToken = fc.option(
  fc.string({ unit: fc.constantFrom(..."ABCDEFabcdef0123456789+/=-_"), minLength: 1, maxLength: 60 }),
  {
    nil: undefined,
  },
);
/** A signing time between 2000 and 2099. */
export const sdkDate = fc.date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2099-12-31T23:59:59Z"), noInvalidDate: true });
