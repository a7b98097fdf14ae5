/**
 * Passwords embedded in connection strings and URLs: `scheme://user:password@host` for databases,
 * brokers, LDAP, SMTP, FTP and HTTP basic auth; `?password=` query parameters; JDBC URLs (parameters,
 * Oracle thin `user/password@`); ODBC / ADO.NET `Password=` and libpq `password=` keyword strings.
 *
 * The value reported is the password alone. Templates and references (`${DB_PASS}`, `$PASS`, `{password}`,
 * `%s`, `{{ pw }}`) and masked values (`****`) are not passwords and are skipped; dummy
 * passwords (`password`, `changeme`) still match and the engine classes them as placeholders.
 */
import { fake } from "../fake.js";
import type { MatchContext, RawMatch, Rule } from "../rule.js";
import { defineRule, lastIndexWithin, LOOK_AROUND, type RuleSpec } from "./kit.js";

/** Characters that end a URL's userinfo or cannot be part of it in code. */
const USER = String.raw`(?:<[A-Za-z_ -]{1,40}>|[^\s:@/?#'"\x60<>\\(){}\[\];]{0,128})`;
/** A password: may hold `@` (the last `@` before the host wins) and `:`, but not a path or quote; or a
 * `<password>` stand-in, which the engine reports as a placeholder. */
const PASSWORD = String.raw`(?:<[A-Za-z_ -]{1,40}>|[^\s/?#'"\x60<>\\]{1,256})`;

/** Hosts reserved for documentation (RFC 2606, RFC 6761) and words that stand for a host in usage text. */
const EXAMPLE_HOST = /^(?:(?:[\w-]+\.)*example(?:\.(?:com|org|net))?|(?:[\w-]+\.)+(?:test|invalid|example)|x{3,}[\w.-]*)(?=$|[:/?#,\s])/i;
/** This machine (RFC 6761's `localhost`, loopback addresses): in documentation and comments, a local
 * development setup to copy, not a deployed one. */
const LOCAL_HOST = /^(?:(?:[\w-]+\.)*localhost|127(?:\.\d{1,3}){3}|0\.0\.0\.0|\[::1?\])(?=$|[:/?#,\s])/i;
const DOCUMENTATION = /\.(?:md|mdx|markdown|rst|adoc|asciidoc|txt|textile|org)$/i;
/**
 * The match sits after a comment marker on its line (`// …`, `# …`, ` * …`, `<!-- …`, `-- …`), read at
 * most LOOK_AROUND characters back.
 */
function inComment(text: string, index: number): boolean {
  const newline = lastIndexWithin(text, "\n", index - 1);
  const lineStart = newline === -1 ? Math.max(0, index - LOOK_AROUND) : newline + 1;
  return /^\s*(?:\/\/|#|\*|\/\*|<!--|--|;|%|rem\s)|\s(?:\/\/|#)\s/i.test(text.slice(lineStart, index));
}
/** Usage text names the host with a word (`user:pass@host:port`); an upper-case `HOST` is a template
 * to fill in, which the engine reports as a placeholder. */
const HOST_WORD = /^(?:host|hostname|your-host|your_host|server)(?=$|[:/?#,\s])/;

/** True when a value is a reference, a template or a mask rather than a literal password. */
export function isTemplateOrReference(value: string): boolean {
  if (value.length === 0) return true;
  if (value.startsWith("$")) return true; // $PASS, ${PASS}, $(cat file), $1
  if (/\$\{|\{\{|\}\}|#\{|%\{|%\(|<%|@@|\$\(/.test(value)) return true;
  if (/^(?:%[sdvqr]|%\([A-Za-z_]{1,40}\)[sdr]|\{[A-Za-z_0-9.:]{0,60}\}|\[[A-Za-z_ .-]{1,60}\])$/.test(value)) return true;
  if (/^[*•·…]+$/.test(value) || value.includes("***")) return true; // masked, or elided in docs
  if (value.length < 3) return true; // `user:p@host` in docs and tests: no real password is that short
  if (/^(?:process\.env|os\.environ|env)\b/.test(value)) return true;
  return false;
}

/** A URI rule: the kit's form, with the URI's schemes and whether its query may carry the password. */
interface UriRuleSpec extends Omit<RuleSpec<readonly []>, "severity" | "find"> {
  /** Regex alternation of schemes, lower case. */
  schemes: string;
  /** Also read `?password=` / `&password=` query parameters. */
  queryPassword: boolean;
}

function uriFinder(spec: UriRuleSpec): (text: string, context?: MatchContext) => RawMatch[] {
  // The look-behind keeps `notpostgres://` out while letting `jdbc:postgresql://` and `git+https://` in.
  const scheme = String.raw`(?<![A-Za-z0-9.-])(?<scheme>${spec.schemes})(?:\+[a-z0-9]{1,20}){0,2}://`;
  const userinfo = new RegExp(String.raw`${scheme}(?<user>${USER}):(?<secret>${PASSWORD})@(?<host>[^\s/?#'"\x60<>\\]{0,255})`, "gid");
  const query = spec.queryPassword
    ? new RegExp(String.raw`${scheme}[^\s'"\x60<>]{0,400}?[?&;](?:password|pass|pwd)=(?<secret>[^\s&#;'"\x60<>]{1,256})`, "gid")
    : undefined;
  return (text, context) => {
    const out: RawMatch[] = [];
    for (const re of query ? [userinfo, query] : [userinfo]) {
      re.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = re.exec(text)) !== null) {
        const secret = m.groups?.["secret"] ?? "";
        const index = m.indices?.groups?.["secret"]?.[0] ?? m.index;
        const user = m.groups?.["user"] ?? "";
        const host = m.groups?.["host"] ?? "";
        if (isTemplateOrReference(secret)) continue;
        // Documentation: an example host (RFC 2606 / 6761) or a host that is itself a stand-in.
        // A user filled in at run time (`%s:pass@`) makes the whole URL a template.
        if (EXAMPLE_HOST.test(host) || HOST_WORD.test(host) || /^[%{$]/.test(user)) continue;
        // `http://host.example:8080@other`: a host and port, not credentials.
        if (user.includes(".") && /^\d{1,5}$/.test(secret)) continue;
        if (LOCAL_HOST.test(host) && ((context && DOCUMENTATION.test(context.path)) || inComment(text, m.index))) {
          out.push({ secret, index, category: "placeholder", severity: "medium", message: `${spec.title}: a password for a server on this machine, in documentation or a comment: an example setup. Use a generated password in real deployments and keep it out of the docs.` });
          continue;
        }
        out.push({ secret, index, message: `${spec.title}: the password of ${user ? `user "${user.slice(0, 40)}"` : "the connection"} is written in the URL.` });
      }
    }
    return out.sort((a, b) => a.index - b.index);
  };
}

function uriRule(spec: UriRuleSpec): Rule {
  const { schemes: _schemes, queryPassword: _queryPassword, ...rule } = spec;
  return defineRule({ ...rule, severity: "high", find: uriFinder(spec) });
}

const DB_REMEDIATION =
  "Change the database user's password, then build the connection string at run time from an environment variable or a secret store.";

/** A password that looks like a real one (random, mixed characters). */
const pw = (seed: string, n = 20) => fake.alnum(n, seed);

/** False positives every URI rule shares, for scheme `s`. */
function sharedFalsePositives(s: string): string[] {
  return [
    `DATABASE_URL=${s}://app:\${DB_PASSWORD}@db.internal:5432/app`,
    `url = f"${s}://{user}:{password}@{host}/{name}"`,
    `conn = "${s}://%s:%s@%s" % (user, password, host)`,
    `${s}://app@db.internal/app`,
    `${s}://app:@db.internal/app`,
    `${s}://admin:****@db.internal/app`,
    `export URL="${s}://$USER:$PASS@db.internal/app"`,
  ];
}

const postgres = uriRule({
  id: "postgres-connection-string",
  title: "PostgreSQL connection string with a password",
  provider: "PostgreSQL",
  schemes: "postgres(?:ql)?|postgis|cockroachdb|timescaledb",
  keywords: ["postgres", "postgis", "cockroachdb", "timescaledb"],
  docs: "https://www.postgresql.org/docs/current/libpq-connect.html#LIBPQ-CONNSTRING-URIS",
  remediation: DB_REMEDIATION,
  queryPassword: true,
  samples: () => [] as const,
  truePositives: () => [
      [`DATABASE_URL=postgres://app:${pw("pg1")}@db.prod.internal:5432/app`, pw("pg1")],
      [`engine = create_engine("postgresql+psycopg2://svc_reports:${pw("pg2")}@10.0.3.7/reports")`, pw("pg2")],
      [`  url: "postgresql://db.internal:5432/app?user=app&password=${pw("pg3")}&sslmode=require"`, pw("pg3")],
      [`const url = \`postgresql://:${pw("pg4")}@db.internal/app\`;`, pw("pg4")],
  ],
  falsePositives: () => [...sharedFalsePositives("postgres"), "see https://www.postgresql.org/docs/current/libpq-connect.html"],
});

const mysql = uriRule({
  id: "mysql-connection-string",
  title: "MySQL / MariaDB connection string with a password",
  provider: "MySQL",
  schemes: "mysql|mysqlx|mariadb",
  keywords: ["mysql", "mariadb"],
  docs: "https://dev.mysql.com/doc/refman/8.0/en/connecting-using-uri-or-key-value-pairs.html",
  remediation: DB_REMEDIATION,
  queryPassword: true,
  samples: () => [] as const,
  truePositives: () => [
      [`spring.datasource.url=jdbc:mysql://root:${pw("my1")}@mysql.internal:3306/shop`, pw("my1")],
      [`DATABASE_URL="mysql://shop:${pw("my2")}@10.0.3.12/shop"`, pw("my2")],
      [`  - MARIADB_URL=mariadb://app:${pw("my3")}@mariadb:3306/app`, pw("my3")],
  ],
  falsePositives: () => [...sharedFalsePositives("mysql"), "mysql -u root -p shop"],
});

const mongodb = uriRule({
  id: "mongodb-connection-string",
  title: "MongoDB connection string with a password",
  provider: "MongoDB",
  schemes: "mongodb(?:\\+srv)?",
  keywords: ["mongodb"],
  docs: "https://www.mongodb.com/docs/manual/reference/connection-string/",
  remediation: "Change the database user's password in MongoDB (Atlas: Database Access), then load the URI from a secret store.",
  queryPassword: false,
  samples: () => [] as const,
  truePositives: () => [
      [`MONGO_URI=mongodb+srv://api:${pw("mg1")}@cluster0.ab1cd.mongodb.net/prod?retryWrites=true&w=majority`, pw("mg1")],
      [`client = MongoClient("mongodb://admin:${pw("mg2")}@mongo-0:27017,mongo-1:27017/?replicaSet=rs0")`, pw("mg2")],
  ],
  falsePositives: () => sharedFalsePositives("mongodb"),
});

const redis = uriRule({
  id: "redis-connection-string",
  title: "Redis connection string with a password",
  provider: "Redis",
  schemes: "rediss?|valkey",
  keywords: ["redis", "valkey"],
  docs: "https://www.iana.org/assignments/uri-schemes/prov/redis",
  remediation: "Change the Redis password (requirepass or the ACL user), then load the URL from a secret store.",
  queryPassword: true,
  samples: () => [] as const,
  truePositives: () => [
      [`REDIS_URL=redis://:${pw("rd1")}@redis.internal:6379/0`, pw("rd1")],
      [`cache: { url: 'rediss://default:${pw("rd2")}@eu1-redis.upstash.io:6379' },`, pw("rd2")],
  ],
  falsePositives: () => [...sharedFalsePositives("redis"), "REDIS_URL=redis://localhost:6379/0"],
});

const amqp = uriRule({
  id: "amqp-connection-string",
  title: "AMQP (RabbitMQ) connection string with a password",
  provider: "RabbitMQ",
  schemes: "amqps?",
  keywords: ["amqp"],
  docs: "https://www.rabbitmq.com/docs/uri-spec",
  remediation: "Change the broker user's password (rabbitmqctl change_password), then load the URL from a secret store.",
  queryPassword: false,
  samples: () => [] as const,
  truePositives: () => [
      [`CELERY_BROKER_URL=amqp://worker:${pw("aq1")}@rabbitmq:5672/prod`, pw("aq1")],
      [`conn = await amqplib.connect("amqps://svc:${pw("aq2")}@b-1234.mq.eu-west-1.amazonaws.com:5671");`, pw("aq2")],
  ],
  falsePositives: () => [...sharedFalsePositives("amqp"), "amqp://guest@localhost"],
});

const sqlserver = uriRule({
  id: "sqlserver-connection-string",
  title: "SQL Server connection URL with a password",
  provider: "SQL Server",
  schemes: "mssql|sqlserver",
  keywords: ["mssql", "sqlserver"],
  docs: "https://github.com/microsoft/go-mssqldb#connection-parameters-and-dsn",
  remediation: DB_REMEDIATION,
  queryPassword: true,
  samples: () => [] as const,
  truePositives: () => [
      [`DB_URL=sqlserver://sa:${pw("ms1")}@sql.internal:1433?database=orders`, pw("ms1")],
      [`engine = create_engine("mssql+pyodbc://report:${pw("ms2")}@dsn_reports")`, pw("ms2")],
      [`MSSQL_URL=mssql://sql.internal:1433/orders?user=sa&password=${pw("ms3")}`, pw("ms3")],
  ],
  falsePositives: () => sharedFalsePositives("sqlserver"),
});

const otherDatabases = uriRule({
  id: "database-connection-string",
  title: "Database connection URL with a password",
  provider: "Databases",
  schemes:
    "neo4j(?:\\+s|\\+ssc)?|bolt(?:\\+s|\\+ssc)?|clickhouse|couchbases?|cassandra|nats|memcached|influxdb|oracle|snowflake|trino|presto|db2|vertica|couchdb|arangodb|rethinkdb|elasticsearch|opensearch|kafka|mqtts?|cratedb|sybase|hana",
  keywords: [
    "neo4j", "bolt", "clickhouse", "couchbase", "cassandra", "nats", "memcached", "influxdb", "oracle", "snowflake",
    "trino", "presto", "db2", "vertica", "couchdb", "arangodb", "rethinkdb", "elasticsearch", "opensearch", "kafka",
    "mqtt", "cratedb", "sybase", "hana",
  ],
  docs: "https://www.rfc-editor.org/rfc/rfc3986#section-3.2.1",
  remediation: DB_REMEDIATION,
  queryPassword: true,
  samples: () => [] as const,
  truePositives: () => [
      [`NEO4J_URI=neo4j+s://neo4j:${pw("db1")}@abcd1234.databases.neo4j.io`, pw("db1")],
      [`CLICKHOUSE_URL="clickhouse://default:${pw("db2")}@ch.internal:9000/events"`, pw("db2")],
      [`MQTT_URL=mqtts://device:${pw("db3")}@broker.internal:8883`, pw("db3")],
  ],
  falsePositives: () => [...sharedFalsePositives("neo4j"), "neo4j://localhost:7687"],
});

const ldap = uriRule({
  id: "ldap-url-password",
  title: "LDAP URL with a bind password",
  provider: "LDAP",
  schemes: "ldaps?",
  keywords: ["ldap"],
  docs: "https://www.rfc-editor.org/rfc/rfc4516",
  remediation: "Change the bind account's password in the directory, then load it from a secret store.",
  queryPassword: false,
  samples: () => [] as const,
  truePositives: () => [
      [`LDAP_URL=ldaps://svc-bind:${pw("ld1")}@ldap.corp.internal:636`, pw("ld1")],
      [`auth.ldap.url = "ldap://cn=admin:${pw("ld2")}@10.1.1.5:389"`, pw("ld2")],
  ],
  falsePositives: () => [...sharedFalsePositives("ldap"), "ldap://ldap.corp.internal/dc=corp,dc=internal?uid?sub"],
});

const smtp = uriRule({
  id: "smtp-url-password",
  title: "SMTP URL with a password",
  provider: "SMTP",
  schemes: "smtps?|submission",
  keywords: ["smtp", "submission"],
  docs: "https://www.iana.org/assignments/uri-schemes/uri-schemes.xhtml",
  remediation: "Change the mail account's password (or revoke the app password / SMTP credential at the provider), then load it from a secret store.",
  queryPassword: false,
  samples: () => [] as const,
  truePositives: () => [
      [`EMAIL_URL=smtp://noreply%40acme.io:${pw("sm1")}@smtp.gmail.com:587`, pw("sm1")],
      [`MAILER_DSN=smtps://apikey:${pw("sm2", 40)}@smtp.sendgrid.net:465`, pw("sm2", 40)],
  ],
  falsePositives: () => [...sharedFalsePositives("smtp"), "MAILER_DSN=smtp://localhost:1025"],
});

const ftp = uriRule({
  id: "ftp-url-password",
  title: "FTP / SFTP URL with a password",
  provider: "FTP",
  schemes: "s?ftps?",
  keywords: ["ftp"],
  docs: "https://www.rfc-editor.org/rfc/rfc1738#section-3.2",
  remediation: "Change the account's password on the server (prefer key-based SFTP), then load credentials from a secret store.",
  queryPassword: false,
  samples: () => [] as const,
  truePositives: () => [
      [`curl -T backup.tgz ftp://backup:${pw("ft1")}@ftp.acme.io/incoming/`, pw("ft1")],
      [`DEPLOY_TARGET=sftp://deploy:${pw("ft2")}@files.acme.io:22/var/www`, pw("ft2")],
  ],
  falsePositives: () => [...sharedFalsePositives("ftp"), "ftp://ftp.gnu.org/gnu/"],
});

const httpBasic = uriRule({
  id: "http-basic-auth-url",
  title: "Credentials in an HTTP(S) URL",
  provider: "HTTP",
  schemes: "https?|wss?",
  keywords: ["http://", "https://", "ws://", "wss://"],
  docs: "https://www.rfc-editor.org/rfc/rfc3986#section-3.2.1",
  remediation: "Revoke or change the credential in the URL (a password or a token), then pass it in a header from a secret store; URLs end up in logs.",
  queryPassword: false,
  samples: () => [] as const,
  truePositives: () => [
      [`git clone https://x-access-token:${pw("ht1", 36)}@github.com/acme/infra.git`, pw("ht1", 36)],
      [`PIP_INDEX_URL=https://deploy:${pw("ht2")}@pypi.acme.io/simple`, pw("ht2")],
      [`proxy = "http://proxyuser:${pw("ht3")}@proxy.corp:3128"`, pw("ht3")],
  ],
  falsePositives: () => [
      ...sharedFalsePositives("https"),
      "https://github.com/acme/repo@v1.2.3",
      "http://www.example.com:80@evil.test/",
      "See https://en.wikipedia.org/wiki/URL:Basic_access",
  ],
});

/** Any other scheme (`nats-route://`, `firebird://`, `ssh://`, usql's `pg://`): a password in the
 * userinfo is one whatever the service. Specific rules above keep the values they also match. */
const anyScheme = uriRule({
  id: "url-credentials",
  title: "Credentials in a URL",
  provider: "URL",
  schemes: "[a-z][a-z0-9.-]{1,30}",
  keywords: ["://"],
  docs: "https://www.rfc-editor.org/rfc/rfc3986#section-3.2.1",
  remediation: "Change the password in the URL at the service, then build the URL at run time from a secret store; URLs end up in logs.",
  queryPassword: false,
  priority: 1,
  samples: () => [] as const,
  truePositives: () => [
      [`routeFlag := "nats-route://ruser:${pw("any1")}@10.0.4.7:7246"`, pw("any1")],
      [`DB="firebird://booktest:${pw("any2")}@db.internal/booktest"`, pw("any2")],
      [`  - ssh://deploy:${pw("any3")}@build.acme.io:22`, pw("any3")],
  ],
  falsePositives: () => [
      ...sharedFalsePositives("nats-route"),
      `// https://tobi:${pw("any4")}@example.com/login`,
      "$ usql oracle://user:pass@host:port/sid",
      `url := fmt.Sprintf("nats://%s:pass@%s:%d", user, host, port)`,
  ],
});

/** `jdbc:oracle:thin:user/password@host:1521/service` (and `oci`). */
const ORACLE_THIN = /jdbc:oracle:(?:thin|oci8?):(?<user>[A-Za-z0-9_$#.]{1,64})\/(?<secret>[^\s@/'"\x60<>\\]{1,128})@/dgi;
/** JDBC parameters: `jdbc:<driver>:...;password=...` or `?password=` / `&password=`, any driver. */
const JDBC_PARAM = /jdbc:[a-z0-9]{2,20}:[^\s'"\x60<>]{0,400}?[?&;:](?:password|pwd)=(?<secret>[^\s&;'"\x60<>]{1,256})/dgi;

function findJdbc(text: string): RawMatch[] {
  const out: RawMatch[] = [];
  for (const re of [ORACLE_THIN, JDBC_PARAM]) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      const secret = m.groups?.["secret"] ?? "";
      if (isTemplateOrReference(secret)) continue;
      out.push({ secret, index: m.indices?.groups?.["secret"]?.[0] ?? m.index, message: "JDBC URL with a password: the database password is written in the URL." });
    }
  }
  return out.sort((a, b) => a.index - b.index);
}

const jdbc = defineRule({
  id: "jdbc-connection-string",
  title: "JDBC URL with a password",
  provider: "JDBC",
  category: "secret",
  severity: "high",
  keywords: ["jdbc:"],
  find: findJdbc,
  docs: "https://docs.oracle.com/en/java/javase/21/docs/api/java.sql/java/sql/DriverManager.html",
  remediation: DB_REMEDIATION,
  samples: () => [] as const,
  truePositives: () => [
      [`jdbc.url=jdbc:oracle:thin:scott/${pw("jd1")}@db.internal:1521/ORCLPDB1`, pw("jd1")],
      [`String url = "jdbc:db2://db2.internal:50000/SAMPLE:user=db2inst1;password=${pw("jd2")};";`, pw("jd2")],
      [`url: jdbc:h2:tcp://localhost/~/test;USER=sa;PASSWORD=${pw("jd3")}`, pw("jd3")],
      [`jdbc:sqlserver://sql.internal:1433;databaseName=orders;user=sa;password=${pw("jd4")};encrypt=true`, pw("jd4")],
  ],
  falsePositives: () => [
      "jdbc.url=jdbc:oracle:thin:scott/${DB_PASSWORD}@db.internal:1521/ORCLPDB1",
      "url: jdbc:postgresql://db.internal:5432/app?user=app&password=${DB_PASSWORD}",
      "jdbc:sqlserver://sql.internal:1433;databaseName=orders;integratedSecurity=true",
  ],
});

// --- ODBC / ADO.NET and libpq keyword strings ----------------------------------------------------------------

/** `Password=` / `Pwd=` at the start of a `key=value;` segment. */
const ODBC_PASSWORD = /(?<=^|[;"'\x60]|;\s{1,4})\s{0,4}(?:password|pwd)\s{0,3}=\s{0,3}(?<value>\{[^}\n]{1,256}\}|'[^'\n]{1,256}'|"[^"\n]{1,256}"|[^;'"\x60\n]{1,256}?)\s{0,4}(?=;|["'\x60]|$)/dgi;
/** The other keys of such a string: without one of them, `password=x;` is not a connection string. */
const ODBC_CONTEXT = /(?:^|[;"'\x60\s])(?:server|data source|datasource|address|addr|network address|dsn|driver|provider|initial catalog|database|uid|user id|userid|host)\s{0,3}=/i;
/** libpq keyword/value strings: `host=db user=app password=secret dbname=app`. */
const LIBPQ_PASSWORD = /(?<=^|[\s"'\x60])password\s{0,3}=\s{0,3}(?<value>'[^'\n]{1,256}'|[^\s'"\x60;]{1,256})(?=$|[\s"'\x60])/dgi;
const LIBPQ_CONTEXT = /(?:^|[\s"'\x60])(?:host|hostaddr|dbname|sslmode)\s{0,3}=/i;

function unquote(value: string): { value: string; offset: number } {
  const first = value[0];
  if ((first === "'" || first === '"') && value.endsWith(first) && value.length >= 2) return { value: value.slice(1, -1), offset: 1 };
  if (first === "{" && value.endsWith("}")) {
    const inner = value.slice(1, -1);
    // `{password}` is a format placeholder; `{p@ss;word}` is ODBC's quoting of a value holding `;`.
    if (/^[A-Za-z_][\w.]{0,60}$/.test(inner) || /^\d{1,2}$/.test(inner)) return { value: value, offset: 0 };
    return { value: inner, offset: 1 };
  }
  return { value, offset: 0 };
}

function findKeywordConnectionStrings(text: string): RawMatch[] {
  const out: RawMatch[] = [];
  const odbc = text.includes(";") && ODBC_CONTEXT.test(text);
  const libpq = LIBPQ_CONTEXT.test(text);
  const seen = new Set<number>();
  for (const [re, enabled, kind] of [
    [ODBC_PASSWORD, odbc, "ODBC / ADO.NET"],
    [LIBPQ_PASSWORD, libpq, "libpq"],
  ] as const) {
    if (!enabled) continue;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      const raw = (m.groups?.["value"] ?? "").trimEnd();
      const start = m.indices?.groups?.["value"]?.[0] ?? m.index;
      const { value, offset } = unquote(raw);
      if (isTemplateOrReference(value.trim())) continue;
      if (seen.has(start + offset)) continue;
      seen.add(start + offset);
      out.push({ secret: value, index: start + offset, message: `${kind} connection string with a password: the database password is written in the string.` });
    }
  }
  return out.sort((a, b) => a.index - b.index);
}

const keywordStrings = defineRule({
  id: "odbc-connection-string",
  title: "Connection string with a password (ODBC, ADO.NET, libpq)",
  provider: "Databases",
  category: "secret",
  severity: "high",
  keywords: ["password", "pwd"],
  find: findKeywordConnectionStrings,
  docs: "https://learn.microsoft.com/en-us/dotnet/framework/data/adonet/connection-string-syntax",
  remediation: DB_REMEDIATION,
  samples: () => [] as const,
  truePositives: () => [
      [`"DefaultConnection": "Server=tcp:acme.database.windows.net,1433;Initial Catalog=orders;User ID=app;Password=${pw("od1")};Encrypt=True;"`, pw("od1")],
      [`conn = pyodbc.connect("DRIVER={ODBC Driver 18 for SQL Server};SERVER=sql01;DATABASE=hr;UID=hr_app;PWD=${pw("od2")}")`, pw("od2")],
      [`psql "host=db.internal port=5432 dbname=app user=app password=${pw("od3")} sslmode=require"`, pw("od3")],
      [`Data Source=ora01;User Id=scott;Password={${pw("od4", 12)};x};`, `${pw("od4", 12)};x`],
  ],
  falsePositives: () => [
      '"DefaultConnection": "Server=tcp:acme.database.windows.net;Database=orders;User ID=app;Password=${DB_PASSWORD};"',
      'var cs = $"Server={server};Database={db};User Id={user};Password={password};";',
      'conn_str = "DRIVER={ODBC Driver 18};SERVER=%s;UID=%s;PWD=%s" % (host, user, pwd)',
      '"Server=sql01;Database=hr;Trusted_Connection=True;"',
      `password=${pw("od5")}`,
  ],
});

export const rules: Rule[] = [
  postgres,
  mysql,
  mongodb,
  redis,
  amqp,
  sqlserver,
  otherDatabases,
  ldap,
  smtp,
  ftp,
  httpBasic,
  anyScheme,
  jdbc,
  keywordStrings,
];
