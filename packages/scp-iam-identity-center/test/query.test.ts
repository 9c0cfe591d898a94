import { describe, expect, it } from "vitest";
import { goEncodeQuery, goQueryEscape, withGoQuery } from "../src/query.js";

// Expected strings are what Go's net/url produces for the same input (url.QueryEscape, url.Values.Encode).
describe("goQueryEscape (Go's url.QueryEscape)", () => {
  it.each([
    ["name:asc", "name%3Aasc"],
    ["a b+c/d~e*f'g(h)i!j", "a+b%2Bc%2Fd~e%2Af%27g%28h%29i%21j"],
    ["-_.~AZaz09", "-_.~AZaz09"],
    ["$&,;=?@#%[]", "%24%26%2C%3B%3D%3F%40%23%25%5B%5D"],
    ["한국", "%ED%95%9C%EA%B5%AD"],
    ["😀", "%F0%9F%98%80"],
    ["\u00a0", "%C2%A0"],
    ["", ""],
  ])("%j → %j", (value, escaped) => {
    expect(goQueryEscape(value)).toBe(escaped);
  });
});

describe("goEncodeQuery (Go's url.Values.Encode)", () => {
  it("sorts keys byte-wise (UTF-8), keeping each key's values in order", () => {
    const params = new URLSearchParams([
      ["size", "20"],
      ["page", "0"],
      ["instance_id", "ssoins-1"],
      ["user_id", "b"],
      ["user_id", "a"],
      ["\uff5e", "1"],
      ["😀", "2"],
      ["B", "3"],
    ]);
    // UTF-16 order would put 😀 (D83D…) before ～ (FF5E); UTF-8 bytes put EF… before F0….
    expect(goEncodeQuery(params)).toBe("B=3&instance_id=ssoins-1&page=0&size=20&user_id=b&user_id=a&%EF%BD%9E=1&%F0%9F%98%80=2");
  });
});

describe("withGoQuery", () => {
  const base = "https://iam-identity-center.kr-west1.e.samsungsdscloud.com/v1/users";

  it("re-encodes openapi-fetch's query (insertion order, %20) the Go way", () => {
    expect(withGoQuery(`${base}?size=20&page=0&sort=created_at%3Adesc&user_id=john%20doe`)).toBe(
      `${base}?page=0&size=20&sort=created_at%3Adesc&user_id=john+doe`,
    );
  });

  it("returns the same string when there is no query or it is already in that form", () => {
    for (const url of [base, `${base}?page=0&size=20`, `${base}?a=%2B`]) expect(withGoQuery(url)).toBe(url);
  });

  it("sorts plain pairs whose keys are out of order, keeping a repeated key's values in order", () => {
    expect(withGoQuery(`${base}?size=20&page=0`)).toBe(`${base}?page=0&size=20`);
    expect(withGoQuery(`${base}?user_id=b&user_id=a&page=0`)).toBe(`${base}?page=0&user_id=b&user_id=a`);
    expect(withGoQuery(`${base}?page=0&user_id=b&user_id=a`)).toBe(`${base}?page=0&user_id=b&user_id=a`);
    expect(withGoQuery(`${base}?flag&page=0`)).toBe(`${base}?flag=&page=0`);
  });

  it("keeps the path as given and drops an empty query", () => {
    expect(withGoQuery("https://h/v1/instances/a%20b?")).toBe("https://h/v1/instances/a%20b");
  });
});
