import { compileMarkers } from "../../src/core/authorship/index.js";

describe("compileMarkers", () => {
  it("compiles plain markers case-insensitive and multi-line", () => {
    const { regexes, errors } = compileMarkers(["^ai-assisted: acme$"]);
    expect(errors).toEqual([]);
    expect(regexes).toHaveLength(1);
    expect(regexes[0]?.test("Subject\n\nAI-Assisted: ACME\n")).toBe(true);
  });

  it("honours /pattern/flags", () => {
    const { regexes, errors } = compileMarkers(["/ACME-AI/", "/acme/i"]);
    expect(errors).toEqual([]);
    expect(regexes[0]?.test("acme-ai")).toBe(false);
    expect(regexes[0]?.test("ACME-AI")).toBe(true);
    expect(regexes[1]?.flags).toBe("i");
  });

  it("refuses invalid and dangerous markers with a message naming each, keeping the good ones", () => {
    const markers = ["(", "(a+)+$", "(x)\\1", "", "x*", "/acme/g", "ok-marker", "(.*)*"];
    const { regexes, errors } = compileMarkers(markers);
    expect(regexes.map((r) => r.source)).toEqual(["ok-marker"]);
    expect(errors).toHaveLength(7);
    expect(errors[0]).toMatch(/^authorship\.markers\[0\] "\(": invalid regular expression/);
    expect(errors[1]).toMatch(/^authorship\.markers\[1\] "\(a\+\)\+\$": nested quantifiers/);
    expect(errors[2]).toMatch(/markers\[2\].*backreference/);
    expect(errors[3]).toMatch(/markers\[3\].*empty marker/);
    expect(errors[4]).toMatch(/markers\[4\] "x\*".*matches the empty string/);
    expect(errors[5]).toMatch(/markers\[5\].*unsupported flags "g"/);
    expect(errors[6]).toMatch(/markers\[7\].*nested quantifiers/);
  });

  it("shortens very long markers in messages", () => {
    const { errors } = compileMarkers(["(" + "a".repeat(200)]);
    expect(errors[0]).toContain("…");
    expect(errors[0]!.length).toBeLessThan(200);
  });

  it("never throws on malformed config", () => {
    expect(compileMarkers([null, 3, {}] as unknown as string[]).errors).toHaveLength(3);
    expect(compileMarkers("x" as unknown as string[]).errors).toEqual(["authorship.markers must be a list of regular expressions"]);
  });
});
