/**
 * Amazon Web Services: IAM access key ids and secret keys, STS session tokens, Bedrock API keys,
 * AppSync GraphQL API keys and Marketplace Web Service auth tokens. Formats from AWS's IAM, STS, Bedrock, AppSync and Selling Partner
 * documentation (linked on each rule). The secret key and session token have no prefix: they are read
 * only as the value of a setting whose name says what it is.
 */
import type { Rule } from "../../rule.js";
import { fake, randomString } from "../../fake.js";
import { ASSIGN, SEP, UUID, ci, defineRule, inSyntaxes, withValue } from "../kit.js";
import { JENKINS_LABEL } from "./keyed.js";

/** AWS key ids are upper-case base32 after their prefix. */
const BASE32_UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/** An STS session token: long base64. */
const STS_TOKEN = "[A-Za-z0-9/+]{100,2000}={0,2}(?![A-Za-z0-9/+=])";

export const rules: Rule[] = [
  defineRule({
    id: "aws-access-key-id",
    title: "AWS access key ID",
    provider: "AWS",
    severity: "critical",
    // AKIA: long-term user key; ASIA: temporary (STS) key; ABIA: STS service bearer token; ACCA:
    // context-specific credential; A3T*: early key ids. The 16 characters after the prefix are base32
    // (A-Z, 2-7): a run with 0, 1, 8 or 9 is not a key id.
    keywords: ["akia", "asia", "abia", "acca", "a3t"],
    regex: /(?<![A-Za-z0-9])(?<secret>(?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z2-7]{16})(?![A-Za-z0-9])/,
    exampleValues: ["AKIA" + "IOSFODNN7EXAMPLE"],
    docs: "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-unique-ids",
    remediation:
      "Deactivate and delete the access key in IAM (and review CloudTrail for its use), then use roles, SSO or a secret manager instead of static keys.",
    samples: () => ["AKIA" + randomString(16, BASE32_UPPER, "aws-akia"), "ASIA" + randomString(16, BASE32_UPPER, "aws-asia")] as const,
    truePositives: ([akia, asia]) => [
      ...inSyntaxes("aws_access_key_id", akia),
      ...withValue(asia, '  "AccessKeyId": "%s",', `const creds = { accessKeyId: '%s', region: "eu-west-1" };`),
    ],
    falsePositives: ([akia, asia]) => [
      `AWS_ACCESS_KEY_ID=${akia.slice(0, 19)}`,
      `const id = "X${akia}";`,
      `const lower = "${akia.toLowerCase()}";`,
      // Not base32: 0, 1, 8 and 9 never appear in a key id.
      `AWS_SESSION_ID=${asia.slice(0, 12)}0189${asia.slice(16)}`,
      "aws_access_key_id = os.environ['AWS_ACCESS_KEY_ID']",
    ],
  }),
  defineRule({
    id: "aws-secret-access-key",
    title: "AWS secret access key",
    provider: "AWS",
    severity: "critical",
    keywords: ["aws_secret", "aws-secret", "aws.secret", "awssecret", "secret_access_key", "secretaccesskey", "secret-access-key"],
    // 40 base64 characters; only as the value of an AWS secret key setting (the format has no prefix).
    regex: new RegExp(
      `(?<![A-Za-z0-9/+])(?:${ci("aws")}${SEP}${ci("secret")}(?:${SEP}${ci("access")})?${SEP}${ci("key")}|${ci("secret")}${SEP}${ci("access")}${SEP}${ci("key")})` +
        // Values starting "YC" are Yandex Cloud's S3-compatible secrets (yandex-cloud-static-key-secret).
        `${ASSIGN}(?!YC)(?<secret>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])`,
    ),
    exampleValues: ["wJalrXUtnFEMI/K7MDENG/" + "bPxRfiCYEXAMPLEKEY", "je7MtGbClwBF/2Zp9Utk/" + "h3yCo8nvbEXAMPLEKEY"],
    docs: "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html",
    remediation:
      "Deactivate and delete the access key pair in IAM, review CloudTrail for its use, and load credentials from a role, SSO or a secret manager.",
    samples: () => [fake.base64(40, "aws-secret-1"), fake.base64(40, "aws-secret-2")] as const,
    truePositives: ([a, b]) => [
      ...inSyntaxes("aws_secret_access_key", a),
      ...withValue(b, '  secretAccessKey: "%s",', '  "SecretAccessKey": "%s",'),
    ],
    falsePositives: ([a]) => [
      "aws_secret_access_key = os.environ['AWS_SECRET_ACCESS_KEY']",
      `AWS_SECRET_ACCESS_KEY=${a.slice(0, 39)}`,
      `AWS_SECRET_ACCESS_KEY=${a}Zq`,
      "  secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY,",
    ],
  }),
  defineRule({
    id: "aws-session-token",
    title: "AWS session token",
    provider: "AWS",
    severity: "high",
    keywords: ["session_token", "sessiontoken", "session-token", "security_token", "securitytoken", "asia"],
    // With an AWS-specific name any long base64 value counts; with a generic name (sessionToken) the
    // value must start like an STS token does (base64 of its binary header).
    regex: new RegExp(
      `(?:${ci("aws")}${SEP}(?:${ci("session")}|${ci("security")})${SEP}${ci("token")}${ASSIGN}` +
        `|(?:${ci("session")}|${ci("security")})${SEP}${ci("token")}${ASSIGN}(?=FwoGZXIvYXdz|FQoGZXIvYXdz|IQoJb3JpZ2lu))` +
        `(?<secret>${STS_TOKEN})`,
    ),
    // Temporary credentials come as three (STS `Credentials`: AccessKeyId, SecretAccessKey, SessionToken),
    // and a temporary key id starts with ASIA: a long base64 value set under a `session` name in the
    // block of an ASIA key id, a few lines below it, is that key's session token (`id: ASIA…` then
    // `session: …`; the CLI's JSON, `"AccessKeyId": "ASIA…"` then `"SessionToken": "…"`; a Jenkins
    // credential's `<session>{AQAAABAAA …}` element).
    nearbyRegex: new RegExp(
      String.raw`(?<![A-Za-z0-9])ASIA[A-Z0-9]{16}(?![A-Za-z0-9])[^\n]{0,200}\n(?:[^\n]{0,300}\n){0,3}?[ \t]{0,40}["'<]?[\w.-]{0,20}?` +
        `(?:${ci("session")})${ASSIGN}(?:${JENKINS_LABEL})?(?<secret>${STS_TOKEN})`,
    ),
    // Every match holds a token's run of base64; the nearby form an ASIA key id too.
    requires: [/[A-Za-z0-9/+]{100}/],
    nearbyRequires: [/ASIA[A-Z0-9]{16}/],
    // A token runs to 2,000 characters on the lines below its key id.
    window: 4000,
    docs: "https://docs.aws.amazon.com/STS/latest/APIReference/API_Credentials.html",
    remediation:
      "Revoke the role's active sessions (IAM > Roles > Revoke sessions) and never commit temporary credentials; let the SDK fetch them at run time.",
    samples: () => ["IQoJb3JpZ2luX2Vj" + fake.base64(300, "aws-sts-1"), fake.base64(220, "aws-sts-2"), "ASIA" + randomString(16, BASE32_UPPER, "aws-sts-id"), fake.base64(40, "aws-sts-secret")] as const,
    truePositives: ([sts, other, id, secret]) => [
      ...inSyntaxes("aws_session_token", sts),
      ...withValue(sts, '  sessionToken: "%s",'),
      ...withValue(other, "aws_security_token = %s"),
      ...withValue(other, `aws credentials {\n  id: ${id}\n  secret: ${secret}\n  session: %s\n}`, `  <id>{${id}}</id>\n  <secret>{AQAAABAAA ${secret}}</secret>\n  <session>{AQAAABAAA %s}</session>`),
      ...withValue(other, `{\n  "Credentials": {\n    "AccessKeyId": "${id}",\n    "SecretAccessKey": "${secret}",\n    "SessionToken": "%s",\n    "Expiration": "2030-01-01T00:00:00Z"\n  }\n}`),
    ],
    falsePositives: ([, other, id, secret]) => [
      `  sessionToken: "${other}",`,
      // A long-term key id (AKIA) has no session; a session value far below the id is another block's.
      `credentials:\n  id: AKIA${id.slice(4)}\n  session: ${other}`,
      `credentials:\n  id: ${id}\n  a: 1\n  b: 2\n  c: 3\n  d: 4\n  session: ${other}`,
      `credentials:\n  id: ${id}\n  secret: ${secret}\n  session: ${other.slice(0, 80)}`,
      `AWS_SESSION_TOKEN=IQoJb3JpZ2luX2Vj${fake.base64(40, "short")}`,
      "  sessionToken: process.env.AWS_SESSION_TOKEN,",
    ],
  }),
  defineRule({
    id: "aws-bedrock-api-key",
    title: "Amazon Bedrock API key",
    provider: "AWS",
    severity: "high",
    keywords: ["absk", "bedrock-api-key-"],
    // Long-term keys: "ABSK" + base64("BedrockAPIKey-..."); short-term keys: "bedrock-api-key-" +
    // base64 of a presigned bedrock.amazonaws.com URL.
    regex:
      /(?<![A-Za-z0-9+/-])(?<secret>ABSKQmVkcm9ja0FQSUtleS[A-Za-z0-9+/]{20,400}={0,2}|bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29t[A-Za-z0-9+/]{20,4000}={0,2})(?![A-Za-z0-9+/=])/,
    docs: "https://docs.aws.amazon.com/bedrock/latest/userguide/api-keys.html",
    remediation: "Delete the Bedrock API key (IAM service-specific credentials) and use IAM roles or a secret manager.",
    samples: () =>
      [
        "ABSK" + Buffer.from("BedrockAPIKey-" + fake.alnum(12, "bedrock-id") + "-at-" + fake.digits(12, "acct") + ":" + fake.base64(40, "bedrock-secret")).toString("base64"),
        "bedrock-api-key-" + Buffer.from("bedrock.amazonaws.com/?Action=CallWithBearerToken&X-Amz-Credential=" + fake.alnum(60, "bedrock-url")).toString("base64"),
      ] as const,
    truePositives: ([longTerm, shortTerm]) => [
      ...inSyntaxes("aws_bearer_token_bedrock", longTerm),
      ...inSyntaxes("aws_bearer_token_bedrock", shortTerm, ["env", "json"]),
      ...withValue(shortTerm, `client = boto3.client("bedrock-runtime")  # token: '%s'`),
    ],
    falsePositives: () => ['const service = "bedrock-api-key-manager";', `AWS_BEARER_TOKEN_BEDROCK=ABSK${fake.base64(60, "bedrock-other")}`],
  }),
  defineRule({
    id: "amazon-mws-auth-token",
    title: "Amazon Marketplace Web Service auth token",
    provider: "AWS",
    severity: "high",
    keywords: ["amzn.mws."],
    regex: new RegExp(`(?<![A-Za-z0-9.])(?<secret>amzn\\.mws\\.${UUID})(?![A-Za-z0-9-])`),
    docs: "https://developer-docs.amazon.com/sp-api/docs/migrating-from-mws",
    remediation: "Revoke the developer's access in Seller Central (User permissions > Third-party developer) and store the token in a secret manager.",
    samples: () => ["amzn.mws." + fake.uuid("mws")] as const,
    truePositives: ([t]) => [...inSyntaxes("mws_auth_token", t), ...withValue(t, 'params["MWSAuthToken"] = "%s"')],
    falsePositives: ([t]) => [`const host = "amzn.mws.amazonservices.com";`, `MWS_AUTH_TOKEN=${t.slice(0, -2)}`],
  }),
  defineRule({
    id: "aws-appsync-api-key",
    title: "AWS AppSync GraphQL API key",
    provider: "AWS",
    severity: "medium",
    keywords: ["da2-"],
    // da2- then 26 lower-case letters and digits, as the AppSync console and CLI print them.
    regex: /(?<![\w-])(?<secret>da2-[a-z0-9]{26})(?![\w-])/,
    docs: "https://docs.aws.amazon.com/appsync/latest/devguide/security-authz.html#api-key-authorization",
    remediation: "Delete the API key in the AppSync console (Settings > API keys), create one with a short expiry, and prefer IAM or Cognito authorization for anything not public.",
    samples: () => ["da2-" + fake.lowerDigits(26, "appsync-1"), "da2-" + fake.lowerDigits(26, "appsync-2")] as const,
    truePositives: ([k, l]) => [...inSyntaxes("appsync_api_key", k), ...withValue(l, '"aws_appsync_apiKey": "%s",', 'curl -H "x-api-key: %s" https://example.appsync-api.us-east-1.amazonaws.com/graphql')],
    falsePositives: ([k]) => [`APPSYNC_API_KEY=da2-${fake.lowerDigits(12, "appsync-short")}`, `APPSYNC_API_KEY=${k.toUpperCase()}`, `const id = "${k}x";`],
  }),
];
