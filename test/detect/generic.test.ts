import { describe, expect, it } from "@jest/globals";
import { Scanner } from "../../src/core/detect/engine.js";
import { fake } from "../../src/core/detect/fake.js";
import { ASSIGN_QUOTED, ASSIGN_UNQUOTED, LIST_VALUE, classifyName, quotedPairMayFollow, rules } from "../../src/core/detect/rules/generic.js";
import type { Rule } from "../../src/core/detect/rule.js";

const scanner = new Scanner(rules);
const scan = (path: string, text: string) => scanner.scan({ path, text }).findings;

describe("generic secrets by name", () => {
  const pw = "Qz" + fake.alnum(8, "pw") + "#7";
  const token = fake.alnum(40, "tok");

  it("reads a quoted token of up to a kilobyte whole, not prose that long", () => {
    const signed = fake.base64url(36, "long-h") + "." + fake.base64url(700, "long-p") + "." + fake.base64url(43, "long-s");
    const found = scan("config.json", `  "service_secret": "${signed}",`);
    expect(found.map((f) => [f.rule, f.category, f.endColumn! - f.column])).toEqual([["generic-secret", "secret", signed.length]]);
    const prose = Array.from({ length: 60 }, (_, i) => fake.lower(5, `w${i}`)).join(" ");
    expect(scan("config.json", `  "service_secret": "${prose}",`)).toEqual([]);
    expect(scan("config.json", `  "service_secret": "${fake.base64url(1300, "too-long")}",`)).toEqual([]);
  });

  it.each([
    ["app.js", `const password = "${pw}";`],
    ["app.ts", `  dbPassword: '${pw}',`],
    ["settings.py", `PASSWORD = "${pw}"`],
    ["settings.py", `password: str = "${pw}"`],
    ["config.json", `{"db": {"password": "${pw}"}}`],
    ["config.yml", `  password: ${pw}`],
    ["config.yml", `  password: "${pw}"`],
    [".env", `DB_PASSWORD=${pw}`],
    [".env.production", `export PGPASSWORD=${pw}`],
    ["app.properties", `spring.datasource.password=${pw}`],
    ["config.toml", `password = "${pw}"`],
    ["web.config", `<add key="DbPassword" value="${pw}" />`],
    ["pom.xml", `<password>${pw}</password>`],
    ["main.tf", `  password = "${pw}"`],
    ["my.ini", `password = ${pw}`],
    ["Dockerfile", `ENV DB_PASSWORD ${pw}`],
    ["Dockerfile", `ENV DB_PASSWORD=${pw}`],
    ["deploy.sh", `mysql -uroot -p${pw} app < dump.sql`],
    ["deploy.sh", `./server --password=${pw}`],
    // Java system properties: dotted names after -D.
    ["run.sh", `exec java -Djavax.net.ssl.trustStorePassword=${pw} -jar app.jar`],
    ["Dockerfile", `CMD java -Dspring.datasource.password=${pw} -jar /app.jar`],
    ["Main.java", `String password = "${pw}";`],
    ["main.go", `	Password: "${pw}",`],
    ["main.go", `password := "${pw}"`],
    ["lib.rs", `const PASSWORD: &str = "${pw}";`],
    ["app.rb", `  :password => '${pw}',`],
    ["wp-config.php", `define('DB_PASSWORD', '${pw}');`],
    ["Program.cs", `var password = @"${pw}";`],
    ["schema.sql", `CREATE USER app IDENTIFIED BY '${pw}';`],
    ["init.sql", `ALTER ROLE app WITH PASSWORD '${pw}';`],
    ["redis.conf", `requirepass ${pw}`],
    ["app.js", `if (password === "${pw}") login();`],
  ])("finds a password in %s: %s", (path, line) => {
    const findings = scan(path, line);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: "generic-password", category: "secret", line: 1 });
    expect(line.slice((findings[0]?.column ?? 0) - 1)).toMatch(new RegExp("^" + pw.replace(/[#]/g, "\\#")));
    expect(JSON.stringify(findings)).not.toContain(pw);
  });

  it.each([
    ["app.js", `const apiKey = "${token}";`],
    ["config.yml", `client_secret: ${token}`],
    [".env", `STRIPE_SECRET=${token}`],
    ["fetch.js", `fetch("https://api.example.com/data?api_key=${token}&page=2")`],
    ["ci.sh", `deploy --auth-token "${token}"`],
    [".npmrc", `_auth=${token}`],
  ])("finds a secret in %s: %s", (path, line) => {
    const findings = scan(path, line);
    expect(findings.map((f) => [f.rule, f.category])).toEqual([["generic-secret", "secret"]]);
  });

  it.each([
    ["short punctuated", "pw!9"],
    ["with symbols", "p@$$-W0rd;x"],
  ])("finds %s passwords other scanners miss", (_label, value) => {
    expect(scan(".env", `DB_PASS=${value}`).map((f) => f.category)).toEqual(["secret"]);
  });

  it.each([
    ["app.js", `const password = process.env.DB_PASSWORD;`],
    ["app.py", `password = os.environ["DB_PASSWORD"]`],
    ["app.py", `password = os.getenv("DB_PASSWORD")`],
    ["config.yml", `password: \${DB_PASSWORD}`],
    ["workflow.yml", `token: \${{ secrets.DEPLOY_TOKEN }}`],
    ["config.yml", `password: "{{ db_password }}"`],
    ["run.bat", `set PASSWORD=%DB_PASSWORD%`],
    ["deploy.sh", `export PASSWORD=$DB_PASSWORD`],
    ["i18n/en.json", `"password": "Password",`],
    ["i18n/de.json", `"password": "Passwort",`],
    ["i18n/en.json", `"forgot_password": "Forgot your password?",`],
    ["form.tsx", `<input type="password" name="password" autoComplete="current-password" />`],
    ["types.ts", `  password: string;`],
    ["openapi.yml", `        password: string`],
    ["model.py", `    password_hash = "$2b$12$" + "abc"`],
    ["llm.py", `max_tokens = 4096`],
    ["auth.ts", `const tokenUrl = "https://auth.example.com/oauth/token";`],
    ["k8s.yml", `      secretName: my-app-secret`],
    ["k8s.yml", `    secretKeyRef:`],
    ["auth.py", `token_type = "Bearer"`],
    ["auth.ts", `const token = await getToken();`],
    ["auth.ts", `headers: { Authorization: \`Bearer \${token}\` }`],
    ["app.js", `const PASSWORD_FIELD = "password";`],
    ["app.py", `password = None`],
    ["app.py", `password = ""`],
    ["app.yml", `password:`],
    ["app.js", `validate({ password: "required" })`],
    ["app.js", `const secretKey = keys.secret;`],
    ["Dockerfile", `ARG NPM_TOKEN`],
    ["ansible.yml", `ansible_password: !vault |`],
    ["app.yml", `password: ENC(AbCdEf)`],
    ["README.md", `Set the password with --password=<your-password>.`],
  ])("reports nothing for %s: %s", (path, line) => {
    expect(scan(path, line).filter((f) => f.category !== "placeholder")).toEqual([]);
  });

  it.each([
    ["config.yml", `password: changeme`],
    [".env", `API_KEY=your-api-key-here`],
    ["app.js", `const token = "<YOUR_TOKEN>";`],
    ["settings.py", `SECRET_KEY = "REPLACE_ME"`],
    ["app.py", `password = "password123"`],
    ["config.json", `"apiKey": "xxxxxxxxxxxxxxxx"`],
    ["docker-compose.yml", `      POSTGRES_PASSWORD: postgres`],
    ["app.yml", `admin_password: admin`],
    [".env", `JWT_SECRET=secret`],
  ])("reports a placeholder for %s: %s", (path, line) => {
    const findings = scan(path, line);
    expect(findings.map((f) => f.category)).toEqual(["placeholder"]);
  });

  it.each([
    ["app.js", `const secret = process.env.JWT_SECRET || "secret";`],
    ["app.ts", `const pw = process.env.DB_PASSWORD ?? "changeme";`],
    ["settings.py", `SECRET_KEY = os.environ.get("SECRET_KEY", "dev-secret-key")`],
    ["docker-compose.yml", `      POSTGRES_PASSWORD: \${POSTGRES_PASSWORD:-postgres}`],
    ["application.properties", `jwt.secret=\${JWT_SECRET:mysecretkey}`],
    ["values.yaml", `password: {{ .Values.adminPassword | default "admin123" }}`],
    ["app.py", `password = "Passw0rd!"`],
    ["app.py", `password = "pa55word"`],
  ])("reports a fallback or decorated default as a placeholder in %s: %s", (path, line) => {
    expect(scan(path, line).map((f) => f.category)).toEqual(["placeholder"]);
  });

  it.each([
    ["run.sh", `API_KEY="\${API_KEY:?missing}"`],
    ["signup.test.ts", `  ["password", "signup.html", "Password"],`],
    ["validate.test.ts", `it.each([["password-too-short", "min-length"]])`],
    ["rules.ts", `const ruleId = kind === "password" ? "generic-password" : "generic-secret";`],
    ["fixture.ts", `const TOKEN = "test-token-" + "x".repeat(8);`],
    ["run.sh", `INPUT_GITHUB-TOKEN= INPUT_HEAD=HEAD node dist/index.js`],
    ["detect.ts", `candidates.push({ key: "password", value: m.groups["value"], index: span[0] });`],
  ])("reports nothing for tables and error expansions in %s: %s", (path, line) => {
    expect(scan(path, line)).toEqual([]);
  });

  it.each([
    // Names of a key, a header or a field, held in constants (mobile SDKs, HTTP clients).
    ["Constants.java", `private static final String PARAM_API_KEY = "X-Acme-Api-Key";`],
    ["Keys.m", `static NSString *const kNewPasswordKey = @"newPassword";`],
    ["Settings.kt", `const val INSTANCE_ID_TOKEN = "appInstanceIdToken"`],
    ["Keys.swift", `static let accessTokenEnvVarKey = "ACMECloudAuthAccessToken"`],
    ["spec.json", `"resumeToken": "resume-token-1000000"`],
    // A type in a signature, another flag, a MIME type, a Windows SID, a migration, a validation rule.
    ["auth.api.md", `export function updatePassword(user: User, newPassword: string): Promise<void>;`],
    ["Dockerfile", `RUN adduser --uid 10001 --disabled-password --gecos "" app`],
    ["cli.py", `    parser.add_argument('--token', '--api-key', dest='api_key')`],
    ["mime.properties", `otp=application/vnd.oasis.opendocument.presentation-template`],
    ["sid.ps1", `$user_sid = "S-1-5-21-${fake.digits(10, "sid-a")}-${fake.digits(10, "sid-b")}-513"`],
    ["0002_token.py", `        ('authtoken', '0001_initial'),`],
    ["rules.php", `        'password' => 'required|confirmed|min:8',`],
    ["casts.php", `        'secret_array' => 'encrypted:array',`],
    ["values.yaml", `  secretNamespace: k3d-dev-cluster`],
    // Object identifiers, character encodings and algorithm names.
    ["oids.php", `        'pkcs-9-at-challengePassword' => '1.2.840.113549.1.9.7',`],
    ["ldap.md", `userPassword:2.5.13.18:=\\xx\\xx`],
    ["Codec.java", `String passwordEncoding = "UTF-8";`],
    ["jwt.ts", `const tokenEncoding = "base64url";`],
  ])("reports nothing for names, types and other programs' values in %s: %s", (path, line) => {
    expect(scan(path, line)).toEqual([]);
  });

  it.each([
    ["tanka.md", `  htpasswd_contents: 'loki:$apr1$${fake.alnum(8, "apr-salt")}$${fake.base64(22, "apr-hash")}',`],
    ["api.ts", `  RESET_PASSWORD = '/v1/accounts:resetPassword',`],
    ["kinds.ts", `  ResetPassword = 'identitytoolkit#ResetPasswordResponse',`],
    ["shards.go", `// If the map grows too large, split it into shards, identified by "prefix+index"`],
    ["forward-merge", `password = config['github']['credentials']['password']`],
    ["DbCommand.php", `            'password' => '--password='.$connection['password'],`],
    ["main.yml", `    gen_pw: "{{ lookup('password', '/dev/null chars=ascii_letters length=8') }}"`],
    ["auth.php", `        'passwords' => env('AUTH_PASSWORD_BROKER', 'users'),`],
    ["six.py", `    MovedAttribute("HTTPPasswordMgr", "urllib2", "urllib.request"),`],
    ["main.go", `	log.Println("both --remote-write-username and --remote-write-password must be provided")`],
    ["Request.swift", `private let kAndroidInstallAppKey = "androidInstallApp"`],
    ["Request.swift", `private let kCanHandleCodeInAppKey = "canHandleCodeInApp"`],
    ["TokenTest.m", `    token:@"old-v4-token"`],
    ["StorageTests.swift", `    "ios%2Fpublic%2F1mb\\?alt=media&token=[a-z0-9-]*$"`],
    ["test_sudo.py", `    assert re.match(r"""sudo -H -S -p "[sudo via ansible] password:" -u foo /bin/bash""", cmd)`],
  ])("reports nothing for hashes, paths, kinds, code and prose in %s: %s", (path, line) => {
    expect(scan(path, line)).toEqual([]);
  });

  it.each([
    ["ru.js", `const labels = { password: "пароль", token: "токен доступа" };`],
    ["zh.js", `  password: "请输入密码",`],
    ["messages.py", `password = "密码不能为空"`],
    ["ja.json", `{"password": "パスワード"}`],
    ["ko.ts", `  passwordHint: '비밀번호를 입력하세요',`],
  ])("reports nothing for a label or message in a non-Latin script in %s: %s", (path, line) => {
    expect(scan(path, line)).toEqual([]);
  });

  it.each([
    ["db.py", `conn = f"{user}:{password}@{host}"`],
    ["auth.py", `password = "{}:{}".format(user, pw)`],
    ["auth.py", `token = "{0}{1}".format(head, tail)`],
    ["client.py", `headers = {"X-Acme-Access-Token": "{token}".format(token=session.token)}`],
    ["client.py", `token = "access_token=%s&expires=%d" % (tok, ttl)`],
    ["client.go", `	secret := fmt.Sprintf("%s:%s", user, pass)`],
  ])("reports nothing for a format string filled in at run time in %s: %s", (path, line) => {
    expect(scan(path, line)).toEqual([]);
  });

  it.each([
    ["run.sh", `DB_PASSWORD=\`perl -le 'print $ENV{"spring.datasource.password"}'\``],
    ["push.go", `	cmd := \`curl -d '{"username": "'$HUB_USER'", "password": "'$HUB_PASSWORD'"}' https://hub.example/login\``],
  ])("reports nothing for a shell command's output or a variable spliced into a string in %s: %s", (path, line) => {
    expect(scan(path, line)).toEqual([]);
  });

  it.each([
    ["Prefs.kt", `private const val PREF_PUSH_TOKEN = "push_token"`],
    ["Env.kt", `const val ENV_ACME_TOKEN = "ACME_TOKEN"`],
    ["Keys.swift", `private let kIDToken = "idToken"`],
    ["Segments.kt", `const val SEGMENT_AUTH_TOKEN = "auth/token"`],
    ["conf.go", `	"JWTSecret": "jwt_secret",`],
    ["conf.go", `	"SessionSecret": "session.secret",`],
    ["auth.api.md", `export function signOut(auth: Auth): Promise<void>;`],
  ])("reports nothing for a value that spells its own name as an identifier or a type in %s: %s", (path, line) => {
    expect(scan(path, line)).toEqual([]);
  });

  it("still reads a lower-case or dashed word that repeats its name as a stand-in", () => {
    expect(scan("client.go", `	clientSecret: "secret",`).map((f) => f.category)).toEqual(["placeholder"]);
    expect(scan("run.sh", `acme --master-password="master-password"`).map((f) => f.category)).toEqual(["placeholder"]);
  });

  it.each([
    ["RedisTests.java", `this.properties.setPassword("notused");`],
    ["Client.scala", `      password = Some("ignored"),`],
    ["PoolTests.java", `dataSource.setPassword("will-be-overwritten");`],
    ["settings.ts", `  resetPassword: 'd-d-************************',`],
    ["billing.md", `api_key: sk_live_****************${fake.digits(4, "mask")}`],
  ])("reports nothing for a value that says it is unused or masked in %s: %s", (path, line) => {
    expect(scan(path, line)).toEqual([]);
  });

  it("reads a user and password pair by its password: a dummy one is a placeholder", () => {
    expect(scan("client.rb", `      'basic_auth' => "user:pass"`).map((f) => f.category)).toEqual(["placeholder"]);
    expect(scan("README.md", `  --auth "admin:password" : credentials for the server`).map((f) => f.category)).toEqual(["placeholder"]);
    expect(scan("client.rb", `      'basic_auth' => "deploy:${token}"`).map((f) => f.category)).toEqual(["secret"]);
  });

  it("still reads a token between backticks in code", () => {
    expect(scan("config.js", `const token = \`${token}\`;`).map((f) => f.category)).toEqual(["secret"]);
  });

  it("still reads a token beside a format field, and a lone named field as a stand-in", () => {
    expect(scan("client.py", `token = "${token}%s" % suffix`).map((f) => f.rule)).toEqual(["generic-secret"]);
    expect(scan("client.py", `password = "{password}"`).map((f) => f.category)).toEqual(["placeholder"]);
  });

  it("still reads a token with a stray non-Latin letter or two as a token", () => {
    expect(scan("config.js", `  password: "${pw}ж",`).map((f) => f.rule)).toEqual(["generic-password"]);
  });

  it("reads base64 of a stand-in text, and Spring's {noop} password, by what they hold", () => {
    const b64 = (text: string) => Buffer.from(text).toString("base64").replace(/=+$/, "");
    const categories = (line: string) => scan("gateway.go", line).map((f) => [f.rule, f.category]);
    expect(categories(`  ClientSecret: "${b64("example-app-secret")}",`)).toEqual([["generic-secret", "placeholder"]]);
    expect(categories(`  DummyToken = "${b64('{"error":"UNKNOWN_ERROR"}')}"`)).toEqual([["generic-secret", "placeholder"]]);
    expect(categories(`  ClientSecret: "${b64(fake.alnum(24, "b64-real"))}",`)).toEqual([["generic-secret", "secret"]]);
    expect(scan("application.yml", `      client-secret: "{noop}secret1"`).map((f) => f.category)).toEqual(["placeholder"]);
    expect(scan("application.yml", `      client-secret: "{noop}${token}"`).map((f) => f.category)).toEqual(["secret"]);
  });

  it("reads a stand-in's word before a name as a placeholder, not a token", () => {
    expect(scan("Validator.m", `options.APIKey = @"TEST_APIKey";`).map((f) => f.category)).toEqual(["placeholder"]);
    expect(scan("Validator.m", `options.APIKey = @"${token}";`).map((f) => f.category)).toEqual(["secret"]);
  });

  it("keeps a password that names itself: it is often the real default", () => {
    expect(scan("client_test.go", `    backendPass: "backend-secret",`).map((f) => f.rule)).toEqual(["generic-password"]);
    expect(scan("app.yml", `  api_token: "${token}"`).map((f) => f.category)).toEqual(["secret"]);
  });

  it.each([
    ["cache.sh", `redis-cli -h cache.internal -a '${pw}' ping`],
    ["backup.sh", `mysqldump -u root -p'${pw}' orders > dump.sql`],
    ["config.h", `#define API_KEY "${token}"`],
    ["main.tf", `variable "db_password" {\n  type    = string\n  default = "${pw}"\n}`],
    ["collection.json", `{"key": "X-API-Key", "value": "${token}"}`],
  ])("finds secrets in %s: %s", (path, text) => {
    expect(scan(path, text).map((f) => f.category)).toEqual(["secret"]);
  });

  it("reads a secret Jenkins or Maven stored wrapped in braces: the value is what the braces hold", () => {
    const blob = "AQAAABAAAAAQ" + fake.base64(44, "jenkins-blob") + "=";
    const maven = fake.base64(22, "maven-blob") + "=";
    const value = (text: string) => scan("credentials.xml", text).map((f) => [f.rule, f.category, text.slice(f.column - 1, f.endColumn! - 1)]);
    expect(value(`      <secret>{${blob}}</secret>`)).toEqual([["generic-secret", "secret", blob]]);
    expect(value(`      <privateKeyPassphrase>{${blob}}</privateKeyPassphrase>`)).toEqual([["generic-password", "secret", blob]]);
    expect(value(`  <password>{${maven}}</password>`)).toEqual([["generic-password", "secret", maven]]);
    // Jenkins reads text it cannot decrypt as the secret itself, spaces and all.
    const spaced = `${fake.lower(6, "label")} ${fake.alnum(24, "spaced-token")}`;
    expect(value(`<apiToken>{${spaced}}</apiToken>`)).toEqual([["generic-secret", "secret", spaced]]);
    // A wrapped token that says it is a stand-in is a placeholder, as it is unwrapped.
    const standIn = `${fake.lower(6, "label")} fake${fake.alnum(24, "spaced-fake")}`;
    expect(value(`<apiToken>{${standIn}}</apiToken>`)).toEqual([["generic-secret", "placeholder", standIn]]);
    // Words in braces are a template or a stand-in, not a stored secret.
    expect(value(`<secret>{db.secret}</secret>`)).toEqual([]);
    expect(value(`<secret>{This is the thing}</secret>`)).toEqual([]);
    expect(value(`<id>{${blob}}</id>`)).toEqual([]);
  });

  it("reads a note's spaced dash before a quoted value, on one line only", () => {
    const value = (path: string, text: string) => scan(path, text).map((f) => [f.rule, f.category, text.slice(f.column - 1, f.endColumn! - 1)]);
    expect(value("notes.txt", `acme token - '${token}'`)).toEqual([["generic-secret", "secret", token]]);
    expect(value("notes.md", `* db password - "${pw}"`)).toEqual([["generic-password", "secret", pw]]);
    expect(value("notes.txt", `acme token\n  - '${token}'`)).toEqual([]);
  });

  it("reads a quoted token without the spaces a paste left at its edges", () => {
    const value = (text: string) => scan("notes.txt", text).map((f) => [f.rule, f.category, text.slice(f.column - 1, f.endColumn! - 1)]);
    expect(value(`acme key = 'x' secret = ' ${token} '`)).toEqual([["generic-secret", "secret", token]]);
  });

  it("reads a token with a `?` or a JWT header that does not decode as a broken copy, not a live secret", () => {
    const categories = (text: string) => scan("app.py", text).map((f) => [f.rule, f.category]);
    // Two in twelve characters: too many to pass as a stray character or two; still no token's.
    const broken = `?${fake.alnum(10, "broken")}?`;
    expect(categories(`api_token = "${broken}"`)).toEqual([["generic-secret", "placeholder"]]);
    const header = fake.base64url(24, "jwt-header");
    const payload = "eyJ" + fake.base64url(40, "jwt-payload");
    expect(categories(`api_token = "eyJ${header}.${payload}.${fake.base64url(43, "jwt-sig")}"`)).toEqual([["generic-secret", "placeholder"]]);
  });

  it("reads a short secret punctuated as people and password tools write it as a secret, a token with one insert as a broken copy", () => {
    const categories = (text: string) => scan("app.py", text).map((f) => [f.rule, f.category]);
    const a = fake.alnum(10, "chosen-a");
    // Two marks in ten characters: chosen, not a token with a character lost.
    expect(categories(`session_secret = "${a.slice(0, 3)}^${a.slice(3, 6)}=${a.slice(6)}"`)).toEqual([["generic-secret", "secret"]]);
    expect(categories(`jwt_secret = "${a.slice(0, 4)}?${a.slice(4, 7)}+${a.slice(7)}"`)).toEqual([["generic-secret", "secret"]]);
    // A mark and a number appended, as password policies ask.
    expect(categories(`app_secret = "${fake.alnum(18, "chosen-b")}!${fake.digits(2, "chosen-c")}"`)).toEqual([["generic-secret", "secret"]]);
    // One character inserted in a long token stays a broken copy.
    const t = fake.alnum(40, "insert");
    expect(categories(`api_token = "${t.slice(0, 17)}%c^${t.slice(17)}"`)).toEqual([["generic-secret", "placeholder"]]);
    // A `;` closing a value is a delimiter.
    expect(categories(`api_token = "${t};"`)).toEqual([["generic-secret", "secret"]]);
    // `%` before a letter or a digit is a character of the value's alphabet.
    expect(categories(`api_token = "${t.slice(0, 13)}%${t.slice(13, 26)}%${t.slice(26)}"`)).toEqual([["generic-secret", "secret"]]);
  });

  it("reads the credential after an auth scheme under a token's name, and an issue key as an identifier", () => {
    const value = (text: string) => scan("config.yml", text).map((f) => [f.rule, f.category, text.slice(f.column - 1, f.endColumn! - 1)]);
    expect(value(`acme_auth_token: "Bearer ${token}"`)).toEqual([["generic-secret", "secret", token]]);
    expect(value(`acme_auth_token: "Bearer"`)).toEqual([]);
    expect(value(`  api_key: "API-1234"`)).toEqual([]);
  });

  it("classifies names", () => {
    expect(classifyName("DB_PASSWORD")).toBe("password");
    expect(classifyName("PGPASSWORD")).toBe("password");
    expect(classifyName("x-api-key")).toBe("secret");
    expect(classifyName("clientSecret")).toBe("secret");
    expect(classifyName("password_reset_url")).toBeUndefined();
    expect(classifyName("publicKey")).toBeUndefined();
    expect(classifyName("max_tokens")).toBeUndefined();
    expect(classifyName("bypass")).toBeUndefined();
  });

  it("names the thing before \"to\", not its purpose: a vault to store secrets is no secret", () => {
    expect(classifyName("keyVaultToStoreSecrets")).toBeUndefined();
    expect(classifyName("key_vault")).toBeUndefined();
    expect(classifyName("pathToToken")).toBeUndefined();
    expect(classifyName("tokenToUse")).toBe("secret");
    expect(classifyName("vault_token")).toBe("secret");
  });

  it("reads a qualified name of capitalised words (an XML type) as an identifier, not a token", () => {
    const prefix = "ns" + fake.digits(5, "qname");
    expect(scan("schema.txt", `api_token = "${prefix}:AgencyIdentificationCodeContentType"`)).toEqual([]);
    expect(scan("schema.txt", `api_token = "tns:AuthenticationTokenResponse"`)).toEqual([]);
    // A generated body after a colon stays a secret.
    expect(scan("app.txt", `api_token = "${prefix}:${fake.alnum(36, "qname-body")}"`).map((f) => f.category)).toEqual(["secret"]);
  });
});

describe("values a format rule already reports", () => {
  const token = "tok_" + fake.alnum(28, "claimed-token");
  const formatRule: Rule = {
    id: "test-format-token",
    title: "Test format token",
    provider: "Test",
    category: "secret",
    severity: "high",
    keywords: ["tok_"],
    regex: /\btok_[A-Za-z0-9]{28}\b/,
    examples: () => ({ truePositives: [], falsePositives: [] }),
  };
  const generic = rules[0] as Rule;
  const lines = [
    `api_key = "${token}"`,
    `  "client_secret": "${token}", "password": "Qz${fake.alnum(10, "claimed-pw")}#7"`,
    `auth_token: "Bearer ${token}"`,
    `export API_TOKEN=${token}`,
  ];

  it("are not judged again by the name-based rule", () => {
    const line = lines[0] as string;
    const at = line.indexOf(token);
    const context = { path: "app.py", configLike: false };
    expect(generic.find!(line, context).map((m) => m.secret)).toEqual([token]);
    expect(generic.find!(line, { ...context, claimed: (index, length) => index === at && length === token.length })).toEqual([]);
    expect(generic.find!(line, { ...context, claimed: (index) => index === at + 1 }).map((m) => m.secret)).toEqual([token]);
  });

  it("leave the engine's findings, fingerprints included, as if the name-based rule had judged them", () => {
    const asked: boolean[] = [];
    const told = new Scanner([formatRule, { ...generic, find: (text, context) => {
      asked.push(context.claimed !== undefined);
      return generic.find!(text, context);
    } }]);
    const untold = new Scanner([formatRule, { ...generic, find: (text, context) => generic.find!(text, { ...context, claimed: undefined }) }]);
    for (const path of ["app.py", ".env"]) {
      const text = lines.join("\n");
      const findings = told.scan({ path, text }).findings;
      expect(findings).toEqual(untold.scan({ path, text }).findings);
      expect(findings.filter((f) => f.rule === formatRule.id)).toHaveLength(lines.length);
    }
    expect(asked).toContain(true);
  });
});

describe("the test that ends reading on inside a quoted value", () => {
  it("says no only where no quoted pair starts at that place or after it", () => {
    // Lines of the pieces the pattern turns on, drawn by a seeded generator, tried from every place.
    const pieces = ["a", "key", "_", " ", "\t", "=", ":", "-", "==", "=>", "<-", "?", "|", "+", "!", "[]", "(", "new String(", "\"", "'", "\x60", "\\", "$", "@", "."];
    pieces.push(...pieces.slice(0, 12).map((p) => `key${p}"v"`), `k: 'v'`, ` - "v"`, `"k": "v"`, `k ||= 'v'`);
    let seed = 7;
    const next = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
      return seed % n;
    };
    const pattern = new RegExp(ASSIGN_QUOTED.source, "g");
    let ruledOut = 0;
    let pairs = 0;
    const missed: Array<[string, number]> = [];
    for (let line = 0; line < 3000; line++) {
      const text = Array.from({ length: 2 + next(14) }, () => pieces[next(pieces.length)]).join("");
      for (let from = 0; from <= text.length; from++) {
        pattern.lastIndex = from;
        const found = pattern.exec(text) !== null;
        if (found) pairs++;
        if (quotedPairMayFollow(text, from)) continue;
        ruledOut++;
        if (found) missed.push([text, from]);
      }
    }
    expect(missed).toEqual([]);
    // Both answers are given often: the lines hold pairs, and places after the last one.
    expect(ruledOut).toBeGreaterThan(10_000);
    expect(pairs).toBeGreaterThan(10_000);
  });

  it("reads on inside a string that holds pairs, and stops in one that cannot", () => {
    const value = '{"access_token":"x"}';
    expect(quotedPairMayFollow(`string: '${value}'`, 9)).toBe(true);
    expect(quotedPairMayFollow(`token: "${fake.alnum(20, "no-pair")}", next`, 8)).toBe(false);
    expect(quotedPairMayFollow(`a: "b-c"`, 4)).toBe(false);
  });
});

describe("assignment names read whole", () => {
  it("make the same matches as names that may give characters back", () => {
    const pieces = ["a", "Key", "_", "$", "@", ".", "-", " ", "\t", "=", ":", "::", "==", "=>", "<-", "?", "|", "+", "!", "[]", "(", '"', "'", "\x60", "\\", "#", "{", "export ", "ENV ", "set "];
    pieces.push(fake.alnum(79, "whole-79"), fake.alnum(81, "whole-81"), `${fake.alnum(78, "whole-78")}.-`, `k: "v"`, `k = 'v'`, `"k": "v"`, ` - "v"`, "K=v", "[", `=["v"`, `:['v'`, ` = ["v"`);
    let seed = 11;
    const next = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
      return seed % n;
    };
    const matches = (pattern: RegExp, text: string) => [...text.matchAll(pattern)].map((m) => [m.index, m[0], { ...m.groups }]);
    // Copies: the rule's own patterns keep the lastIndex of their last use.
    for (const pattern of [ASSIGN_QUOTED, ASSIGN_UNQUOTED, LIST_VALUE].map((p) => new RegExp(p.source, p.flags))) {
      const givesBack = new RegExp(pattern.source.replace(/\(\?=\(\?<key>([^()]*)\)\)\\k<key>/, "(?<key>$1)"), pattern.flags);
      expect(givesBack.source).not.toEqual(pattern.source);
      let found = 0;
      const differing: string[] = [];
      for (let line = 0; line < 4000; line++) {
        const text = Array.from({ length: 2 + next(12) }, () => pieces[next(pieces.length)]).join("");
        const expected = matches(givesBack, text);
        found += expected.length;
        if (JSON.stringify(matches(pattern, text)) !== JSON.stringify(expected)) differing.push(text);
      }
      expect(differing).toEqual([]);
      expect(found).toBeGreaterThan(500);
    }
  });
});

describe("JSON escaped inside a string", () => {
  it("reports each value at its own column of the escaped line, however many escaped quotes come before it", () => {
    const first = fake.alnum(32, "escaped-1");
    const second = fake.alnum(32, "escaped-2");
    const line = `body: "{\\"user\\":\\"ana\\",\\"access_token\\":\\"${first}\\",\\"note\\":\\"x\\",\\"refresh_token\\":\\"${second}\\"}"`;
    const found = scan("fixtures/response.yml", line).filter((f) => f.category === "secret");
    expect(found.map((f) => f.column).sort((a, b) => a - b)).toEqual([line.indexOf(first) + 1, line.indexOf(second) + 1]);
  });
});
