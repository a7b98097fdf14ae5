/**
 * Shapes of credentials (and of look-alikes) met in public repositories, as CredData labels them:
 * recorded HTTP fixtures, JWKs, OAuth 1 parameters, salts, test fixtures. Every value is generated.
 */
import { describe, expect, it } from "@jest/globals";
import { Scanner } from "../../src/core/detect/engine.js";
import { fake } from "../../src/core/detect/fake.js";
import { builtinRules } from "../../src/core/detect/index.js";

const scanner = new Scanner(builtinRules);
const scan = (path: string, text: string) => scanner.scan({ path, text }).findings;
const b64url = (bytes: number, seed: string) => Buffer.from(fake.hex(bytes * 2, seed), "hex").toString("base64url");
const basic = (pair: string) => Buffer.from(pair).toString("base64");

describe("credentials in real-world shapes", () => {
  const hex = fake.hex(64, "shape-hex");
  const token = fake.alnum(41, "shape-tok");

  it.each([
    ["VCR cassette: a Bearer header value listed under its name", "spec/cassettes/orders.yml", `      - Bearer ${hex}`],
    ["VCR cassette: a Basic header value listed under its name", "spec/cassettes/auth.yml", `      - Basic ${basic("api:" + fake.hex(32, "shape-basic"))}`],
    ["Postman collection header value", "collection.json", `  "value": "Bearer ${token}",`],
    ["JWK private exponent", "test/keys.mjs", `    d: '${b64url(32, "shape-d")}',`],
    ["JWK symmetric key in JSON", "jwks.json", `{"kty":"oct","kid":"k1","k":"${b64url(16, "shape-k")}"}`],
    ["OAuth 1 nonce", "test/oauth.js", `      oauth_nonce: '${token}',`],
    ["OAuth 1 consumer key", "test/oauth.js", `      oauth_consumer_key: '${fake.alnum(20, "shape-ck")}',`],
    ["a salt", "test/user_test.rb", `      salt = "${fake.hex(40, "shape-salt")}"`],
    ["WeChat Pay nonce_str in a log", "pay.log", `{"appid":"wx${fake.hex(16, "shape-wx")}","nonce_str":"${fake.alnum(16, "shape-ns")}"}`],
    ["a numbered password field", "test/forms.py", `    "password2": "${fake.alnum(12, "shape-pw2")}!",`],
    ["Scala Option", "Config.scala", `    password = Some("${fake.alnum(10, "shape-some")}"),`],
    ["an access token in a recorded JSON body", "spec/cassettes/login.yml", `      string: '{"access_token":"${hex}","token_type":"bearer","expires_in":7776000}'`],
    ["an access token in escaped JSON", "collection.json", `  "body": "{\\"access_token\\":\\"${token}\\",\\"token_type\\":\\"Bearer\\"}",`],
    ["a password compared in code", "server_test.go", `	if updated.Password != "${fake.alnum(9, "shape-cmp")}" {`],
    ["a password confirmation", "spec/users_spec.rb", `      password_confirmation: "${fake.alnum(10, "shape-conf")}!",`],
    ["credentials in a URL of any scheme", "routes_test.go", `	routeFlag := "nats-route://ruser:${fake.alnum(12, "shape-nr")}@127.0.0.1:7246"`],
    ["a random camel-case key", "SecurityConfig.java", `    config.setJwtSecretKey("${"Ngdf" + "XqsARggr"}");`],
    ["a long typed key", "application.yml", `jwt-secret-key: ${fake.lower(31, "shape-lower")}`],
    ["a list of tokens", "spec/cassettes/vehicles.yml", `"access_type":"OWNER","tokens":["${fake.hex(16, "shape-l1")}","${fake.hex(16, "shape-l2")}"],"state":"online"`],
    ["a setter with a literal key", "ShiroConfig.java", `		manager.setCipherKey(Base64.decode("${Buffer.from(fake.hex(32, "shape-ck2"), "hex").toString("base64")}"));`],
    ["a TOTP seed", "spec/otp_spec.rb", `    otp = ROTP::TOTP.new('${fake.upper(16, "shape-otp")}')`],
    ["a PowerShell SecureString from plain text", "notes.md", `$pass = ConvertTo-SecureString '${fake.alnum(12, "shape-ss")}' -AsPlainText -Force`],
    ["a session cookie in a recorded response", "spec/cassettes/login.yml", `          - tesla-auth.sid=s%3A${fake.alnum(32, "shape-sid")}.${fake.alnum(43, "shape-sid2")};`],
    ["an ApiKey authorization scheme", "test/client.test.js", `      authorization: 'ApiKey ${Buffer.from("id:" + fake.alnum(20, "shape-apikey")).toString("base64")}'`],
    ["a bare key holding hex key material", "lib/Config.php", `    const KEY = '${fake.hex(32, "shape-barekey")}';`],
    ["an OAuth authorization code", "ClientTests.cs", `            const string authCode = "${fake.hex(10, "shape-authcode")}";`],
  ])("finds %s", (_what, path, line) => {
    const findings = scan(path, line);
    expect(findings.filter((f) => f.category === "secret").length).toBeGreaterThan(0);
  });

  it.each([
    ["prose about bearer tokens", "README.md", "Bearer tokens are accepted by every endpoint."],
    ["prose about basic auth", "docs/auth.md", "There are two ways to authenticate: basic authentication and API tokens."],
    ["an SVG path under d", "icon.js", "  d: 'M10 10 L20 20 Z',"],
    ["a public JWK", "jwks.json", `{"kty":"EC","crv":"P-256","x":"${b64url(32, "shape-x")}","y":"${b64url(32, "shape-y")}"}`],
    ["an environment variable's name as a value", "README.md", "  , consumer_key: CONSUMER_KEY"],
    ["a fallback naming a variable", "config/env.js", "    clientSecret: process.env.FACEBOOK_SECRET || 'APP_SECRET',"],
    ["a dummy token in a test", "test/client_test.go", '        config.Token = "token1"'],
    ["a name-echoing token in a spec", "spec/api/calls_spec.rb", '          "auth_token": "auth_token",'],
    ["a repeated-character token in a spec", "spec/api/calls_spec.rb", `          "auth_token": "${"b".repeat(33)}",`],
    ["an IAM action map", "policies.json", '    "ChangePassword": "iam:ChangePassword",'],
    ["a form class path", "docs/forms.rst", "        'reset_password': 'allauth.account.forms.ResetPasswordForm',"],
    ["a template binding", "app/view.html", '<password-strength password="formModel.newPassword"></password-strength>'],
    ["an error code", "NativeMethods.txt", "NTSTATUS.Code.STATUS_WRONG_PASSWORD = 3221225578 -> NTSTATUS.Code"],
    ["a hashing call's arguments", "auth_test.go", `	hash, err := HashPassword("password", "${fake.alnum(16, "shape-salt2")}", SHA512, 50000)`],
    ["an encoding call inside a literal", "users_test.go", '	Password: util.EncodePassword("myPass", "salt"),'],
    ["a Django-style password hash", "init.json", `      "password": "sha1$${fake.hex(5, "shape-h1")}$${fake.hex(40, "shape-h2")}",`],
    ["SQL built around a variable", "db.go", "	_, err := db.Exec(`ALTER ROLE ` + user + ` WITH PASSWORD = '` + newpw + `'`)"],
    ["a CredHub interpolation", "docs/pipeline.md", "    password: ((example.password))"],
    ["a template variable", "docker/init.template", "CREATE LOGIN %%USER%% WITH PASSWORD = '%%PWD%%'"],
    ["a fallback naming a variable, as a password", "config/env.js", "        pass: process.env.MAILER_PASSWORD || 'MAILER_PASSWORD'"],
    ["a redacted password in a protocol trace", "server_test.go", '		"CONNECT {\\"user\\":\\"derek\\",\\"pass\\":\\"[REDACTED]\\"}\\r\\n",'],
    ["a masked password in docs", "docs/api.md", '    "password":"************",'],
    ["a description of the setting", "docs/joker.toml", '    JOKER_PASSWORD = "Joker.com password"'],
    ["a stand-in cut at its space", "docs/versio.md", "VERSIO_PASSWORD=<your password> \\"],
    ["a dummy query parameter", "client.go", "// - https://dyndns.acme.io/update?action=QUERY&api_key=apikeyvaluehere"],
    ["a pagination token", "test_client.py", "                  next_token='nextToken1'),"],
    ["an ARN", "test_apigateway.py", "            'authorizerCredentials': 'arn:role',"],
    ["words glued into a name", "build.yml", "      SecretsFilter: 'MaestroAccessToken'"],
    ["a key-like pair inside a string", "cassette.yml", '                "factorType": "token:software",'],
    ["a string built around variables", "fixture.js", "console.log(\"oldNonce: \"+oldNonce+\", newNonce=\"+newNonce);"],
    ["a bare key naming a map entry", "collection.json", '    "key": "token",'],
    ["a bare key naming a database", "application.yml", "        key: oracle1"],
    ["a doc URL on an example host", "lib/proxy.js", `// http://tobi:${fake.alnum(8, "shape-ex")}@example.com`],
    ["a usage line whose host is a word", "README.md", "$ usql postgres://user:pass@host:port/dbname"],
    ["a URL whose user is filled in at run time", "client_test.go", 'url := fmt.Sprintf("nats://%s:pass@%s:%d", user, host, port)'],
  ])("reports nothing for %s", (_what, path, line) => {
    expect(scan(path, line)).toEqual([]);
  });

  it("keeps a dummy token outside tests as a placeholder", () => {
    expect(scan("config/app.yml", "api_token: xxxxxxxxxxxxxxxx").map((f) => f.category)).toEqual(["placeholder"]);
  });

  it.each([
    ["application.properties", "database.url=postgres://USER:PASSWORD@HOST:5432/DBNAME"],
    ["Dockerfile", "ENV ADMIN_PASSWORD=YOUR_API_KEY"],
  ])("keeps a template to fill in as a placeholder in %s", (path, line) => {
    expect(scan(path, line).map((f) => f.category)).toEqual(["placeholder"]);
  });

  it.each([
    ["a SaaS setting", "airtable-api-key-legacy", "airtableKey", fake.alnum(15, "shape-xml-at") + "42"],
    ["a provider setting", "mattermost-access-token", "mattermostToken", fake.lowerDigits(26, "shape-xml-mm")],
  ])("reads %s in an XML element whose text is on the next line", (_what, rule, name, value) => {
    const found = scan("settings.xml", `<settings>\n  <${name}>\n    ${value}\n  </${name}>\n</settings>`);
    expect(found.filter((f) => f.category === "secret").map((f) => [f.rule, f.line])).toEqual([[rule, 3]]);
  });

  it("reads a setting past the first lines' worth of characters of a long line", () => {
    const value = fake.alnum(15, "shape-long-at") + "42";
    const found = scan("app.env", `${"x".repeat(1500)} AIRTABLE_API_KEY=${value}`);
    expect(found.map((f) => f.rule)).toContain("airtable-api-key-legacy");
  });

  it.each([
    ["a Sourcegraph token typed as runs", "sourcegraph-access-token", "sgp_" + ["3", "b", "7", "E"].map((c) => c.repeat(10)).join("")],
    ["a runner registration token with a repeated sequence", "gitlab-runner-registration-token", "GR1348941" + "987".repeat(7).slice(0, 20)],
    ["a Twilio API key SID with a dummy body", "twilio-api-key", "SK" + "X".repeat(32)],
  ])("keeps %s as a placeholder", (_what, rule, value) => {
    expect(scan("deploy/settings.ts", `const sid = "${value}";`).map((f) => [f.rule, f.category])).toEqual([[rule, "placeholder"]]);
  });

  it("reports nothing for a fingerprinted asset named like an Infracost key", () => {
    expect(scan("index.html", `<link rel="icon" href="/assets/favicon.ico-${fake.hex(32, "shape-ico")}.png">`)).toEqual([]);
  });

  it("keeps a weak default password in a test as a placeholder: it is often the real default", () => {
    expect(scan("test/db_test.go", 'Password: "postgres",').map((f) => f.category)).toEqual(["placeholder"]);
  });
});
