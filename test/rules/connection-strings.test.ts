import { isTemplateOrReference, rules } from "../../src/core/detect/rules/connection-strings.js";
import { builtinRules } from "../../src/core/detect/index.js";
import { Scanner } from "../../src/core/detect/engine.js";
import { runRule } from "../../src/core/detect/run-rule.js";
import { fake } from "../../src/core/detect/fake.js";
import type { RawMatch, Rule } from "../../src/core/detect/rule.js";

function byId(id: string): Rule {
  const rule = rules.find((r) => r.id === id);
  if (!rule) throw new Error(`no rule ${id}`);
  return rule;
}

function run(rule: Rule, text: string): RawMatch[] {
  const matches = runRule(rule, text, { path: "x.txt", configLike: false });
  for (const m of matches) expect(text.slice(m.index, m.index + m.secret.length)).toBe(m.secret);
  return matches;
}

/** Secrets every rule of the file finds in `text`. */
function secretsIn(text: string): string[] {
  return rules.flatMap((rule) => run(rule, text).map((m) => m.secret));
}

const PW = fake.alnum(20, "conn-test");

describe("connection string rules: contract", () => {
  it("have kebab-case ids, lower-case keywords, docs and remediation", () => {
    for (const rule of rules) {
      expect(rule.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)+$/);
      expect(rule.provider).not.toBe("generic");
      for (const k of rule.keywords) expect(k).toBe(k.toLowerCase());
      expect(rule.docs).toMatch(/^https:\/\//);
      expect(rule.remediation?.length ?? 0).toBeGreaterThan(20);
    }
  });

  describe.each(rules.map((r) => [r.id, r] as const))("%s examples", (_id, rule) => {
    const examples = rule.examples();
    it.each(examples.truePositives.map(([line]) => line).map((l, i) => [i, l]))("finds true positive #%s", (_i, line) => {
      const matches = run(rule, line);
      expect(matches.length).toBeGreaterThan(0);
      // The value is the password alone: never the scheme, the user or the host.
      for (const m of matches) expect(m.secret).not.toMatch(/:\/\/|@[a-z0-9-]+\./);
    });
    it.each(examples.falsePositives.map((l, i) => [i, l]))("ignores false positive #%s", (_i, line) => {
      expect(run(rule, line)).toEqual([]);
    });
  });
});

describe("URIs with userinfo: the password is the value", () => {
  it.each([
    ["postgres-connection-string", `postgres://app:${PW}@db.internal:5432/app`],
    ["postgres-connection-string", `postgresql+asyncpg://app:${PW}@db/app`],
    ["mysql-connection-string", `jdbc:mysql://root:${PW}@mysql:3306/shop`],
    ["mysql-connection-string", `mariadb://app:${PW}@maria/app`],
    ["mongodb-connection-string", `mongodb+srv://api:${PW}@cluster0.abcde.mongodb.net/db`],
    ["redis-connection-string", `rediss://:${PW}@cache:6380/1`],
    ["amqp-connection-string", `amqps://svc:${PW}@mq:5671/vhost`],
    ["sqlserver-connection-string", `sqlserver://sa:${PW}@sql:1433?database=x`],
    ["ldap-url-password", `ldaps://binder:${PW}@ldap.corp:636`],
    ["smtp-url-password", `smtp://mailer:${PW}@smtp.acme.io:587`],
    ["ftp-url-password", `sftp://deploy:${PW}@files.acme.io/www`],
    ["http-basic-auth-url", `https://ci-bot:${PW}@git.acme.io/org/repo.git`],
    ["http-basic-auth-url", `git+https://ci-bot:${PW}@git.acme.io/org/repo.git`],
  ])("%s in %s", (id, url) => {
    for (const text of [url, `"${url}"`, `'${url}',`, `URL=${url}`, `(\`${url}\`)`]) {
      const matches = run(byId(id), text);
      expect(matches.map((m) => m.secret)).toEqual([PW]);
    }
  });

  it("takes the last @ before the host, so a raw @ in the password is kept", () => {
    expect(run(byId("postgres-connection-string"), "postgres://app:p@ss" + PW + "@db/app").map((m) => m.secret)).toEqual(["p@ss" + PW]);
  });

  it("reads ?password= query parameters of database URLs, not of web URLs", () => {
    expect(run(byId("postgres-connection-string"), `postgresql://db/app?user=app&password=${PW}&sslmode=require`).map((m) => m.secret)).toEqual([PW]);
    expect(run(byId("http-basic-auth-url"), `https://acme.io/login?password=${PW}`)).toEqual([]);
  });

  it("names the user in the message but never the password", () => {
    const [m] = run(byId("mongodb-connection-string"), `mongodb://reporting:${PW}@mongo/db`);
    expect(m?.message).toMatch(/user "reporting"/);
    expect(m?.message).not.toContain(PW);
  });
});

describe("stand-ins in angle brackets", () => {
  it("are matched, so that the engine reports them as placeholders", () => {
    const scanner = new Scanner(rules);
    const findings = scanner.scan({ path: "docker-compose.yml", text: "DATABASE_URL: mongodb+srv://<username>:<password>@cluster0.mongodb.net/mydb" }).findings;
    expect(findings.map((f) => [f.rule, f.category])).toEqual([["mongodb-connection-string", "placeholder"]]);
  });
});

describe("references, templates and masks are not passwords", () => {
  // Built by concatenation so that secret scanners run over this repository do not stop at them.
  const PG = "postgres" + "://user:";
  it.each([
    PG + "${DB_PASS}@db/app",
    PG + "$PASS@db/app",
    PG + "{password}@db/app",
    PG + "%s@db/app",
    PG + "%(password)s@db/app",
    PG + "@db/app",
    "postgres://user@db/app",
    PG + "****@db/app",
    PG + "{{ db_password }}@db/app",
    PG + "{{db_password}}@db/app",
    PG + "#{password}@db/app",
    PG + "$(cat /run/secrets/pw)@db/app",
    '"postgres://" + user + ":" + password + "@" + host',
    "`postgres://${user}:${password}@${host}/app`",
    "postgres://db.internal:5432/app",
  ])("%s", (text) => {
    expect(secretsIn(text)).toEqual([]);
  });

  it("leaves a scheme that only ends like a known one to the any-scheme rule", () => {
    const text = "mypostgres://user:" + PW + "@db/app";
    const byRule = rules.flatMap((rule) => run(rule, text).map(() => rule.id));
    expect(byRule).toEqual(["url-credentials"]);
  });

  it("isTemplateOrReference tells references from literals", () => {
    for (const v of ["${X}", "$X", "{x}", "{0}", "%s", "%v", "{{x}}", "****", "•••", "process.env.PW", "[password]"]) {
      expect(isTemplateOrReference(v)).toBe(true);
    }
    for (const v of [PW, "p@ss", "pa$$word", "100%secure", "password"]) expect(isTemplateOrReference(v)).toBe(false);
  });
});

describe("dummy passwords still match, and the engine classes them as placeholders", () => {
  const scanner = new Scanner(builtinRules);
  it.each(["password", "changeme", "secret", "pass"])("user:%s@localhost", (dummy) => {
    const text = `DATABASE_URL=postgres://user:${dummy}@localhost:5432/app`;
    expect(run(byId("postgres-connection-string"), text).map((m) => m.secret)).toEqual([dummy]);
    const findings = scanner.scan({ path: ".env", text }).findings.filter((f) => f.rule === "postgres-connection-string");
    expect(findings.map((f) => f.category)).toEqual(["placeholder"]);
  });

  it("a random password is a secret, high, with a redacted preview", () => {
    const text = `DATABASE_URL=postgres://app:${PW}@db.prod.internal:5432/app`;
    const [finding] = scanner.scan({ path: ".env", text }).findings;
    expect(finding).toMatchObject({ rule: "postgres-connection-string", category: "secret", severity: "high" });
    expect(finding?.redacted).not.toContain(PW);
    expect(finding?.column).toBe(text.indexOf(PW) + 1);
  });
});

describe("JDBC", () => {
  const jdbc = byId("jdbc-connection-string");
  it.each([
    [`jdbc:oracle:thin:scott/${PW}@db:1521/ORCL`],
    [`jdbc:oracle:oci:scott/${PW}@db`],
    [`jdbc:postgresql://db:5432/app?user=app&password=${PW}&ssl=true`],
    [`jdbc:sqlserver://sql:1433;databaseName=x;user=sa;password=${PW};encrypt=true`],
    [`jdbc:mysql://db:3306/shop?user=root&password=${PW}`],
    [`jdbc:h2:mem:test;USER=sa;PASSWORD=${PW}`],
  ])("%s", (text) => {
    expect(run(jdbc, text).map((m) => m.secret)).toEqual([PW]);
  });

  it("skips references", () => {
    expect(run(jdbc, "jdbc:postgresql://db/app?password=${DB_PASSWORD}")).toEqual([]);
    expect(run(jdbc, "jdbc:oracle:thin:scott/${PW}@db")).toEqual([]);
  });
});

describe("ODBC, ADO.NET and libpq keyword strings", () => {
  const rule = byId("odbc-connection-string");
  it.each([
    [`Server=tcp:acme.database.windows.net,1433;Initial Catalog=x;User ID=app;Password=${PW};`, PW],
    [`Data Source=sql01;Initial Catalog=hr;User Id=hr;Password = ${PW} ;`, PW],
    [`DRIVER={ODBC Driver 18 for SQL Server};SERVER=sql01;UID=hr;PWD=${PW}`, PW],
    [`Server=sql01;Database=hr;Uid=hr;Pwd={${PW};x};`, `${PW};x`],
    [`Server=sql01;Database=hr;Uid=hr;Password='${PW}';`, PW],
    [`host=db.internal port=5432 dbname=app user=app password=${PW}`, PW],
    [`psql "host=db dbname=app password='${PW}'"`, PW],
  ])("%s", (text, expected) => {
    expect(run(rule, text).map((m) => m.secret)).toEqual([expected]);
  });

  it.each([
    "Server=sql01;Database=hr;Password=${DB_PASSWORD};",
    "Server={0};Database={1};User Id={2};Password={3};",
    "Server=sql01;Database=hr;Password={password};",
    "Server=sql01;Database=hr;Password=;",
    "Server=sql01;Database=hr;Integrated Security=SSPI;",
    `password=${PW}`,
    `reset_password=${PW}; next=1`,
    `connect(password=${PW})`,
    "Server=sql01;Database=hr;Password=%s;",
  ])("ignores %s", (text) => {
    expect(run(rule, text)).toEqual([]);
  });
});

describe("adversarial lines stay fast", () => {
  it.each([
    ["a:", "a:".repeat(50_000)],
    ["://", "://".repeat(33_000)],
    ["postgres://a:", "postgres://a:".repeat(8_000)],
    ["@", "postgres://u:" + "@".repeat(100_000)],
    ["jdbc", "jdbc:x:".repeat(15_000)],
    ["password=;", "Server=x;" + "password=a".repeat(10_000)],
  ])("%s", (_name, line) => {
    const started = performance.now();
    for (const rule of rules) runRule(rule, line);
    expect(performance.now() - started).toBeLessThan(1500);
  });
});
