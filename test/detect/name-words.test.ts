import { describe, expect, it } from "@jest/globals";
import { nameWords } from "../../src/core/detect/name-words.js";

describe("nameWords: a setting's name as lower-case words", () => {
  it.each([
    ["dbPassword", ["db", "password"]],
    ["DB_PASSWORD", ["db", "password"]],
    ["new-relic.token", ["new", "relic", "token"]],
    ["HTTPServerToken", ["http", "server", "token"]],
    ["getHTTPServer", ["get", "http", "server"]],
    ["aBCd", ["a", "b", "cd"]],
    ["api2Key", ["api2", "key"]],
    ["A1B", ["a1", "b"]],
    ["ABC", ["abc"]],
    ["__$key__", ["key"]],
    ["", []],
  ])("splits the ASCII name %j", (name, words) => {
    expect(nameWords(name)).toEqual(words);
  });

  // Past ASCII, lower-casing decides what is a letter: the Kelvin sign becomes "k", "İ" an "i" and a
  // combining dot, "é" no letter of a-z at all.
  it.each([
    ["\u212aey", ["key"]],
    ["İd", ["i", "d"]],
    ["clé_secrète", ["cl", "secr", "te"]],
    ["tokenÉtat", ["token", "tat"]],
  ])("splits the name %j as lower-casing makes it", (name, words) => {
    expect(nameWords(name)).toEqual(words);
  });
});
