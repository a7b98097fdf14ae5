/**
 * Precision on real code: manifests, anti-forgery tokens, presigned URLs, values
 * that are code, text or versions, and names that say their value does not work. Every value is
 * generated at run time.
 */
import { describe, expect, it } from "@jest/globals";
import { Scanner } from "../../src/core/detect/engine.js";
import { fake, randomString } from "../../src/core/detect/fake.js";
import { builtinRules } from "../../src/core/detect/index.js";

const scanner = new Scanner(builtinRules);
const scan = (path: string, text: string) => scanner.scan({ path, text }).findings;
const secrets = (path: string, text: string) => scan(path, text).filter((f) => f.category === "secret");

describe("precision on real code", () => {
  const token = fake.alnum(40, "precision-token");

  it.each([
    ["a dependency named for passwords", "package.json", `    "pbkdf2-${"password"}": "1.2.1",`],
    ["a version range", "package.json", `    "passport-oauth2-client-${"password"}": "~0.1.2",`],
    ["a workspace protocol", "package.json", `    "@acme/secret-store": "workspace:*",`],
    ["a pinned requirement", "Pipfile", `secret-manager = ">=2.0,<3"`],
    ["a gem with a version", "Gemfile", `gem "devise-token_auth", "~> 1.2"`],
    ["a Maven coordinate inside prose", "deps.tf", `  notes = "Maven - io.jsonwebtoken:jjwt-api-0.11.5"`],
    ["a host name", "config.yml", `  secret: ${fake.hex(6, "precision-host")}.billing-service.com`],
  ])("reports nothing for %s", (_what, path, line) => {
    expect(secrets(path, line)).toEqual([]);
  });

  it.each([
    ["Rails' hidden form field", "show.html.erb", `<input type="hidden" name="authenticity_token" value="${fake.base64url(86, "csrf-1")}" autocomplete="off">`],
    ["Laravel's hidden form field", "form.blade.php", `<input type="hidden" name="_token" value="${fake.alnum(40, "csrf-2")}">`],
    ["a CSRF meta tag", "layout.html", `<meta name="csrf-token" content="${fake.alnum(40, "csrf-3")}">`],
    ["Django's form token", "page.html", `<input type="hidden" name="csrfmiddlewaretoken" value="${fake.alnum(64, "csrf-4")}">`],
    ["a CSRF cookie", "session.txt", `csrf-token=${fake.base64(86, "csrf-5")}==`],
    ["a CSRF header", "request.http", `X-CSRF-Token: ${fake.alnum(43, "csrf-6")}`],
  ])("reports nothing for an anti-forgery token: %s", (_what, path, line) => {
    expect(secrets(path, line)).toEqual([]);
  });

  it.each([
    ["an invalid token in a test", "client_test.go", `	invalidToken := "${fake.lowerDigits(16, "neg-1")}"`],
    ["a non-matching token in a test", "rule_test.go", `	nonMatchingToken := "${fake.lowerDigits(16, "neg-2")}"`],
    ["a malformed secret", "parse.spec.ts", `const malformedSecret = "${fake.alnum(32, "neg-3")}";`],
  ])("reports nothing where the name says the value does not work: %s", (_what, path, line) => {
    expect(secrets(path, line)).toEqual([]);
  });

  it("keeps an access token next to an anti-forgery token", () => {
    const line = `<input type="hidden" name="authenticity_token" value="${fake.alnum(40, "csrf-7")}"><a href="/export?access_token=${token}">`;
    expect(secrets("page.html", line).map((f) => line.slice(f.column - 1, f.endColumn - 1))).toEqual([token]);
  });

  it("reports a presigned URL's access key id, not its signature", () => {
    const keyId = "AKIA" + fake.upperDigits(16, "presign-id").replace(/[01890]/g, "Q");
    const url = `https://b.s3.amazonaws.com/k.png?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=${keyId}%2F20240101%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20240101T000000Z&X-Amz-Expires=300&X-Amz-SignedHeaders=host&X-Amz-Signature=${fake.hex(64, "presign-sig")}`;
    expect(secrets("fixture.json", `  "download_url": "${url}",`).map((f) => f.rule)).toEqual(["aws-access-key-id"]);
    const gcs = `https://storage.googleapis.com/b/o?X-Goog-Algorithm=GOOG4-RSA-SHA256&X-Goog-Credential=svc%40p.iam.gserviceaccount.com%2F20240101%2Fauto%2Fstorage%2Fgoog4_request&X-Goog-Date=20240101T000000Z&X-Goog-Expires=900&X-Goog-SignedHeaders=host&X-Goog-Signature=${fake.hex(128, "presign-gcs")}`;
    expect(secrets("links.txt", gcs)).toEqual([]);
  });

  it.each([
    ["a diff inside a recorded response", "test/fixture.txt", `{"patch": "@@ -1,3 +1,4 @@\\n def login(login_or_token=None,\\n+    password=None,\\n"}`],
    ["a SOPS-encrypted value", "secrets.enc.yaml", `password: ENC[AES256_GCM,data:${fake.base64(12, "sops-1")},iv:${fake.base64(44, "sops-2")},tag:${fake.base64(24, "sops-3")},type:str]`],
    ["a comment mentioning a password", "config.yml", "      password: $DB_PASS  # do not share this password publicly"],
    ["prose that ends a sentence after the word", "NOTES.txt", "password combination."],
  ])("reports nothing for %s", (_what, path, line) => {
    expect(secrets(path, line)).toEqual([]);
  });

  it("reports a token cut short with an ellipsis as a placeholder", () => {
    expect(scan("README.md", `export SERVICE_TOKEN=${fake.alnum(30, "elided")}...`).map((f) => f.category)).toEqual(["placeholder"]);
  });

  it("reads a value in a JSON-encoded file up to its escaped line end", () => {
    const line = `{"config.ini": "SERVICE_TOKEN=${token}\\nBACKUP_ENABLED=true"}`;
    expect(secrets("settings.txt", line).map((f) => line.slice(f.column - 1, f.endColumn - 1))).toEqual([token]);
  });

  it("finds a dotted token whose segments are random, unlike a member path", () => {
    const value = `pk.${fake.lowerDigits(60, "dotted-1")}.${fake.lowerDigits(22, "dotted-2")}`;
    expect(secrets("settings.env", `MAP_TOKEN=${value}`).length).toBe(1);
  });

  it("finds a header set by a call whose name ends in t", () => {
    expect(secrets("client.go", `	req.Header.Set("X-Api-Key", "${token}")`).length).toBe(1);
  });

  it("keeps netrc and redis passwords", () => {
    const pw = fake.alnum(14, "netrc") + "!";
    expect(secrets(".netrc", `machine api.acme.io login deploy password ${pw}`).length).toBe(1);
    expect(secrets("redis.conf", `requirepass ${pw}`).length).toBe(1);
  });

  it("keeps assignments inside a quoted list of flags or variables", () => {
    const pw = fake.alnum(14, "flag-list") + "#";
    expect(secrets("run.sh", `docker run -e "DB_PASSWORD=${pw}" app`).length).toBe(1);
    expect(secrets("Dockerfile", `ENV="MODE=prod DB_PASSWORD=${pw}"`).length).toBe(1);
  });

  const counting = (n: number) => Array.from({ length: n }, (_, i) => (i % 2 ? String.fromCharCode(97 + ((i >> 1) % 26)) : String((i >> 1) % 10))).join("");
  const letters = (from: number, n: number) => Array.from({ length: n }, (_, i) => String.fromCharCode(from + i)).join("");

  it.each([
    ["interleaved counting", `client_secret = "${counting(32)}"`],
    ["counting down and up", `api_token = "${letters(97, 18).split("").reverse().join("")}9876543210"`],
    ["runs of one character", `refresh_token = "${fake.alnum(12, "runs")}${["A", "B", "C", "D"].map((c) => c.repeat(4)).join("")}${fake.alnum(12, "runs2")}"`],
    ["one group again and again", `"token": "xoxp-${["1234", "1234", "1234"].join("-")}-${fake.hex(32, "group")}"`],
    ["capitalised words naming a password", `<add key="Password" value="Cleartext${"Password"}7" />`],
  ])("reports a value typed by hand as a placeholder: %s", (_what, line) => {
    expect(scan("settings.conf", line).map((f) => f.category)).toEqual(["placeholder"]);
  });

  it("keeps a random token a secret however its characters fall", () => {
    for (let seed = 0; seed < 200; seed++) {
      const value = fake.alnum(32, seed);
      expect(secrets("settings.conf", `api_token = "${value}"`).length).toBe(1);
    }
  });

  it.each([
    ["a query mark inside", (v: string) => `${v.slice(0, 12)}?${v.slice(12)}`],
    ["a format verb's leftovers at the end", (v: string) => `${v}%c^`],
    ["brackets inside", (v: string) => `${v.slice(0, 20)}[qy]${v.slice(20)}`],
  ])("reports a token with %s as a placeholder, not a secret", (_what, doctor) => {
    const line = `service_token = "${doctor(fake.alnum(36, "doctored"))}"`;
    expect(scan("settings.conf", line).map((f) => f.category)).toEqual(["placeholder"]);
  });

  it("keeps generated secrets whose alphabet holds symbols (Django's SECRET_KEY) secrets", () => {
    const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789!@#$%^&*(-_=+)";
    const placeholders = [];
    let reported = 0;
    for (let seed = 0; seed < 100; seed++) {
      const key = randomString(50, alphabet, `django-${seed}`);
      const categories = scan("settings.py", `SECRET_KEY = '${key}'`).map((f) => f.category);
      if (categories.includes("placeholder")) placeholders.push(key);
      if (categories.includes("secret")) reported++;
    }
    // Symbols in one or two places make a doctored copy; a generated key has them all along. `$(` and
    // `%(` inside it are not a command or a format field (a key that starts with `$NAME` still reads as one).
    expect(placeholders.length).toBeLessThanOrEqual(3);
    expect(reported).toBeGreaterThanOrEqual(96);
  });

  it("still reads a command substitution or a named format field as a reference", () => {
    expect(scan("deploy.sh", `API_TOKEN="$(cat /run/secrets/api_token)"`)).toEqual([]);
    expect(scan("db.py", `password = "%(password)s"`)).toEqual([]);
  });

  it("reports a signed token's structure with stray symbols inside as a placeholder", () => {
    const token = `eyJ${fake.base64url(30, "jwt-h")}.${fake.base64url(60, "jwt-p")}.${fake.base64url(43, "jwt-s")}`;
    const doctored = `${token.slice(0, 12)}^${token.slice(12, 50)}$${token.slice(50, 100)}&${token.slice(100)}`;
    expect(scan("client.go", `sessionToken := "${doctored}"`).map((f) => f.category)).toEqual(["placeholder"]);
  });

  it("reports nothing for the rest of a concatenation or a call under a secret's name", () => {
    expect(scan("tests.js", `console.log("oldNonce: "+oldNonce+", newNonce="+newNonce);console.log("x");`)).toEqual([]);
    expect(scan("jwt.md", "JSON Web Token : `Base64(Header).Base64(Data).Base64(Signature)`")).toEqual([]);
  });

  it("keeps a chosen secret with symbols throughout, and percent-escapes, as secrets", () => {
    expect(secrets("settings.py", `SECRET_KEY = "${"k9_)d!w2#rt**p&x%z(#4^#^8_q!$"}"`).length).toBe(1);
    expect(secrets("client.yml", `  refresh_token: "${fake.alnum(20, "pct")}%2F${fake.alnum(20, "pct2")}%3D"`).length).toBe(1);
  });

  it.each([
    ["curl -u <user:password> https://api.acme.io/v1"],
    ['curl --user "xxx:yyy" https://api.acme.io/v1'],
  ])("reports usage text as a placeholder: %s", (line) => {
    expect(scan("README.md", line).map((f) => [f.rule, f.category])).toEqual([["curl-basic-auth", "placeholder"]]);
  });

  it.each([
    ["a README", "README.md", `    mysql://root:${fake.alnum(12, "local-1")}@127.0.0.1:3306/app`],
    ["a code comment", "db.js", `// postgres://app:${fake.alnum(12, "local-2")}@localhost:5432/app`],
    ["a shell comment", "setup.sh", `# redis://:${fake.alnum(12, "local-3")}@cache.localhost:6379`],
  ])("reports a local server's password in %s as a placeholder", (_what, path, line) => {
    expect(scan(path, line).map((f) => f.category)).toEqual(["placeholder"]);
  });

  it("keeps a local server's password in code as a secret", () => {
    expect(secrets("db.test.js", `const url = new URL("https://elastic:${fake.alnum(12, "local-4")}@node.localhost");`).length).toBe(1);
  });
});
