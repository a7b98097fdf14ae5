// Labeled corpus for the detection benchmark, generated at run time into bench/.work/corpus/.
//
// Three labels: `secret` (real-looking credentials: random values in each provider's documented format),
// `placeholder` (dummies and weak defaults in a secret position) and `negative` (hard negatives: things
// that look like secrets to a naive scanner but are not). One small file per item, in its own folder so
// file names can be natural (.env, Dockerfile, settings.py).
//
// Formats were researched from the providers' documentation, independently of the project's rules, so
// the corpus checks the rules rather than mirrors them. No realistic secret is written literally in this
// file: every value comes from a seeded PRNG (or node:crypto for private keys) when the bench runs, and
// documented example keys are assembled by concatenation.
import crypto from "node:crypto";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { prng, randomTools, crc32, base62, WORK_DIR } from "./lib.mjs";

export const DEFAULT_SEED = 20250917;

// ---------------------------------------------------------------------------------------------------
// Names: one SCREAMING_SNAKE name per setting, rendered in each language's convention.
const words = (name) => name.toLowerCase().split(/_+/).filter(Boolean);
const snake = (name) => words(name).join("_");
const camel = (name) => words(name).map((w, i) => (i === 0 ? w : w[0].toUpperCase() + w.slice(1))).join("");
const pascal = (name) => words(name).map((w) => w[0].toUpperCase() + w.slice(1)).join("");
const dotted = (name) => {
  const w = words(name);
  return w.length > 1 ? `${w[0]}.${w.slice(1).join("-")}` : w[0];
};
/** The parameter a client constructor would take for this setting. */
const paramOf = (name) => {
  if (/PASSWORD|PASSWD|PASS\b|PWD/.test(name)) return "password";
  if (/TOKEN|PAT\b/.test(name)) return "token";
  if (/SECRET/.test(name)) return "secret";
  return "api_key";
};

const yamlScalar = (v) => (/^[A-Za-z0-9]/.test(v) && !/: | #|^(yes|no|true|false|null)$/i.test(v) ? v : JSON.stringify(v));
const xmlEscape = (v) => v.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const sq = (v) => v.replace(/\\/g, "\\\\").replace(/'/g, "\\'");

// ---------------------------------------------------------------------------------------------------
// Renderers: (pairs: [name, value][], ctx) => { file, text }. Each wraps the assignment in a few lines of
// ordinary code so items look like real files rather than one-line probes.
const RENDERERS = {
  js: (p) => ({
    file: "config.js",
    text: `"use strict";\n\nconst path = require("node:path");\n\nmodule.exports = {\n  region: "us-east-1",\n${p.map(([n, v]) => `  ${camel(n)}: "${v}",`).join("\n")}\n  cacheDir: path.join(__dirname, ".cache"),\n  timeoutMs: 5000,\n};\n`,
  }),
  "js-const": (p) => ({
    file: "client.mjs",
    text: `import { createClient } from "./http.js";\n\n${p.map(([n, v]) => `const ${camel(n)} = "${v}";`).join("\n")}\n\nexport const client = createClient({\n  baseUrl: "https://api.internal.acme.io",\n  ${p.map(([n]) => camel(n)).join(",\n  ")},\n});\n`,
  }),
  "js-call": (p) => ({
    file: "service.js",
    text: `import { Client } from "./vendor-client.js";\n\nexport function makeClient() {\n  return new Client({\n${p.map(([n, v]) => `    ${camel(paramOf(n).toUpperCase())}: "${v}",`).join("\n")}\n    retries: 3,\n  });\n}\n`,
  }),
  ts: (p) => ({
    file: "settings.ts",
    text: `export interface Settings {\n  region: string;\n  [key: string]: string;\n}\n\nexport const settings: Settings = {\n  region: "eu-west-1",\n${p.map(([n, v]) => `  ${camel(n)}: '${sq(v)}',`).join("\n")}\n};\n`,
  }),
  py: (p) => ({
    file: "settings.py",
    text: `import os\nfrom pathlib import Path\n\nBASE_DIR = Path(__file__).resolve().parent.parent\nDEBUG = False\n\n${p.map(([n, v]) => `${n} = "${v}"`).join("\n")}\n\nALLOWED_HOSTS = ["app.acme.io"]\n`,
  }),
  "py-dict": (p) => ({
    file: "config.py",
    text: `CONFIG = {\n    "region": "us-west-2",\n${p.map(([n, v]) => `    "${snake(n)}": '${sq(v)}',`).join("\n")}\n    "timeout": 30,\n}\n`,
  }),
  "py-call": (p) => ({
    file: "client.py",
    text: `from vendor_sdk import Client\n\n\ndef make_client():\n    return Client(\n${p.map(([n, v]) => `        ${paramOf(n)}="${v}",`).join("\n")}\n        timeout=10,\n    )\n`,
  }),
  go: (p) => ({
    file: "config.go",
    text: `package config\n\nimport "time"\n\nconst (\n${p.map(([n, v]) => `\t${camel(n)} = "${v}"`).join("\n")}\n)\n\nvar Timeout = 10 * time.Second\n`,
  }),
  "go-struct": (p) => ({
    file: "main.go",
    text: `package main\n\nimport "log"\n\nfunc main() {\n\tcfg := Config{\n\t\tRegion: "us-east-1",\n${p.map(([n, v]) => `\t\t${pascal(n)}: "${v}",`).join("\n")}\n\t}\n\tlog.Println(cfg.Region)\n}\n`,
  }),
  java: (p) => ({
    file: "AppConfig.java",
    text: `package com.acme.app;\n\npublic final class AppConfig {\n${p.map(([n, v]) => `    private static final String ${n} = "${v}";`).join("\n")}\n    private static final int TIMEOUT_SECONDS = 30;\n\n    private AppConfig() {}\n}\n`,
  }),
  kotlin: (p) => ({
    file: "Config.kt",
    text: `package com.acme.app\n\nobject Config {\n${p.map(([n, v]) => `    val ${camel(n)} = "${v}"`).join("\n")}\n    const val RETRIES = 3\n}\n`,
  }),
  rb: (p) => ({
    file: "vendor.rb",
    text: `# frozen_string_literal: true\n\nRails.application.configure do\n${p.map(([n, v]) => `  config.x.${snake(n)} = '${sq(v)}'`).join("\n")}\n  config.x.timeout = 15\nend\n`,
  }),
  php: (p) => ({
    file: "config.php",
    text: `<?php\n\nreturn [\n    'region' => 'eu-central-1',\n${p.map(([n, v]) => `    '${snake(n)}' => '${sq(v)}',`).join("\n")}\n];\n`,
  }),
  cs: (p) => ({
    file: "Settings.cs",
    text: `namespace Acme.App\n{\n    public static class Settings\n    {\n${p.map(([n, v]) => `        public const string ${pascal(n)} = "${v}";`).join("\n")}\n        public const int Retries = 3;\n    }\n}\n`,
  }),
  rust: (p) => ({
    file: "config.rs",
    text: `use std::time::Duration;\n\n${p.map(([n, v]) => `pub const ${n}: &str = "${v}";`).join("\n")}\npub const TIMEOUT: Duration = Duration::from_secs(10);\n`,
  }),
  yaml: (p) => ({
    file: "config.yml",
    text: `app:\n  name: orders\n  port: 8080\nintegrations:\n${p.map(([n, v]) => `  ${snake(n)}: ${yamlScalar(v)}`).join("\n")}\n  timeout: 30s\n`,
  }),
  compose: (p) => ({
    file: "docker-compose.yml",
    text: `services:\n  app:\n    image: acme/orders:1.4.2\n    ports:\n      - "8080:8080"\n    environment:\n      NODE_ENV: production\n${p.map(([n, v]) => `      ${n}: ${yamlScalar(v)}`).join("\n")}\n`,
  }),
  k8s: (p) => ({
    file: "deployment.yaml",
    text: `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: orders\nspec:\n  template:\n    spec:\n      containers:\n        - name: orders\n          image: acme/orders:1.4.2\n          env:\n${p.map(([n, v]) => `            - name: ${n}\n              value: ${JSON.stringify(v)}`).join("\n")}\n`,
  }),
  gha: (p) => ({
    file: "deploy.yml",
    text: `name: deploy\non:\n  push:\n    branches: [main]\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    env:\n${p.map(([n, v]) => `      ${n}: ${yamlScalar(v)}`).join("\n")}\n    steps:\n      - uses: actions/checkout@v4\n      - run: ./scripts/deploy.sh\n`,
  }),
  json: (p) => ({
    file: "config.json",
    text: JSON.stringify({ service: "orders", port: 8080, credentials: Object.fromEntries(p.map(([n, v]) => [camel(n), v])) }, null, 2) + "\n",
  }),
  env: (p) => ({
    file: ".env",
    text: `NODE_ENV=production\nPORT=3000\n${p.map(([n, v]) => `${n}=${v}`).join("\n")}\nLOG_LEVEL=info\n`,
  }),
  toml: (p) => ({
    file: "config.toml",
    text: `[server]\nhost = "0.0.0.0"\nport = 8080\n\n[integrations]\n${p.map(([n, v]) => `${snake(n)} = "${v}"`).join("\n")}\n`,
  }),
  ini: (p) => ({
    file: "settings.ini",
    text: `[server]\nhost = 0.0.0.0\nport = 8080\n\n[credentials]\n${p.map(([n, v]) => `${snake(n)} = ${v}`).join("\n")}\n`,
  }),
  xml: (p) => ({
    file: "app.config",
    text: `<?xml version="1.0" encoding="utf-8"?>\n<configuration>\n  <appSettings>\n    <add key="Region" value="westeurope" />\n${p.map(([n, v]) => `    <add key="${pascal(n)}" value="${xmlEscape(v)}" />`).join("\n")}\n  </appSettings>\n</configuration>\n`,
  }),
  "xml-element": (p) => ({
    file: "settings.xml",
    text: `<?xml version="1.0" encoding="UTF-8"?>\n<settings>\n  <server>\n    <id>acme-releases</id>\n${p.map(([n, v]) => `    <${camel(n)}>${xmlEscape(v)}</${camel(n)}>`).join("\n")}\n  </server>\n</settings>\n`,
  }),
  hcl: (p) => ({
    file: "terraform.tfvars",
    text: `region      = "us-east-1"\nenvironment = "production"\n${p.map(([n, v]) => `${snake(n)} = "${v}"`).join("\n")}\n`,
  }),
  "hcl-block": (p) => ({
    file: "main.tf",
    text: `terraform {\n  required_version = ">= 1.5"\n}\n\nprovider "vendor" {\n${p.map(([n, v]) => `  ${snake(n)} = "${v}"`).join("\n")}\n  region = "us-east-1"\n}\n`,
  }),
  dockerfile: (p) => ({
    file: "Dockerfile",
    text: `FROM node:20-alpine\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci --omit=dev\n${p.map(([n, v]) => `ENV ${n}=${v}`).join("\n")}\nCOPY . .\nCMD ["node", "server.js"]\n`,
  }),
  shell: (p) => ({
    file: "deploy.sh",
    text: `#!/usr/bin/env bash\nset -euo pipefail\n\n${p.map(([n, v]) => `export ${n}="${v}"`).join("\n")}\n\n./bin/migrate && ./bin/server --port 8080\n`,
  }),
  properties: (p) => ({
    file: "application.properties",
    text: `server.port=8080\nspring.application.name=orders\n${p.map(([n, v]) => `${dotted(n)}=${v}`).join("\n")}\nlogging.level.root=INFO\n`,
  }),
  markdown: (p) => ({
    file: "SETUP.md",
    text: `# Local setup\n\nSet these before running the service:\n\n\`\`\`bash\n${p.map(([n, v]) => `export ${n}=${v}`).join("\n")}\nnpm start\n\`\`\`\n`,
  }),
};

/** Renderers that suit any key/value credential. */
const GENERAL = ["env", "py", "js", "yaml", "json", "go", "java", "ts", "rb", "toml", "shell", "dockerfile", "properties", "ini", "xml", "hcl", "compose", "k8s", "js-const", "py-dict", "php", "cs", "kotlin", "rust", "gha", "go-struct", "hcl-block", "xml-element", "markdown", "js-call", "py-call"];

// ---------------------------------------------------------------------------------------------------
// Secrets: provider formats. `gen` returns the value (or, for multi-part credentials, pairs).
function githubStyle(r, prefix) {
  // GitHub's and npm's format: 30 random base62 characters, then a 6-character base62 CRC32 of them.
  const body = r.str(30, r.A.alnum);
  return prefix + body + base62(crc32(body), 6);
}

/** Bech32 (BIP-173), as age encodes its X25519 secret keys: HRP, "1", 5-bit data, 6-character checksum. */
function bech32(hrp, bytes) {
  const CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
  const GEN = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];
  const polymod = (values) => {
    let chk = 1;
    for (const v of values) {
      const top = chk >>> 25;
      chk = ((chk & 0x1ffffff) << 5) ^ v;
      for (let i = 0; i < 5; i++) if ((top >>> i) & 1) chk ^= GEN[i];
    }
    return chk >>> 0;
  };
  const data = [];
  let acc = 0;
  let bits = 0;
  for (const b of bytes) {
    acc = (acc << 8) | b;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      data.push((acc >>> bits) & 31);
    }
  }
  if (bits > 0) data.push((acc << (5 - bits)) & 31);
  const expanded = [...[...hrp].map((c) => c.charCodeAt(0) >> 5), 0, ...[...hrp].map((c) => c.charCodeAt(0) & 31)];
  const mod = polymod([...expanded, ...data, 0, 0, 0, 0, 0, 0]) ^ 1;
  const checksum = Array.from({ length: 6 }, (_, i) => (mod >>> (5 * (5 - i))) & 31);
  return hrp + "1" + [...data, ...checksum].map((d) => CHARSET[d]).join("");
}

function providerList(r) {
  const b64u = r.A.base64url;
  // STS session tokens start with the base64 of a small binary header and "origin_ec".
  const sessionTokenPrefix = Buffer.concat([Buffer.from([0x21, 0x0a, 0x09]), Buffer.from("origin_ec")]).toString("base64");
  return [
    { kind: "aws-access-key-pair", pairs: () => [["AWS_ACCESS_KEY_ID", "AKIA" + r.str(16, r.A.base32)], ["AWS_SECRET_ACCESS_KEY", r.token(40, r.A.base64)]], n: 8 },
    { kind: "aws-secret-access-key", name: "AWS_SECRET_ACCESS_KEY", gen: () => r.token(40, r.A.base64), n: 3 },
    { kind: "aws-session-credentials", pairs: () => [["AWS_ACCESS_KEY_ID", "ASIA" + r.str(16, r.A.base32)], ["AWS_SECRET_ACCESS_KEY", r.token(40, r.A.base64)], ["AWS_SESSION_TOKEN", sessionTokenPrefix + r.token(300, r.A.base64)]], n: 2 },
    { kind: "github-classic-pat", name: "GITHUB_TOKEN", gen: () => githubStyle(r, "gh" + "p_"), n: 6 },
    { kind: "github-oauth-token", name: "GH_OAUTH_TOKEN", gen: () => githubStyle(r, "gh" + "o_"), n: 3 },
    { kind: "github-user-to-server", name: "GITHUB_USER_TOKEN", gen: () => githubStyle(r, "gh" + "u_"), n: 2 },
    { kind: "github-server-to-server", name: "GITHUB_APP_TOKEN", gen: () => githubStyle(r, "gh" + "s_"), n: 2 },
    { kind: "github-refresh-token", name: "GITHUB_REFRESH_TOKEN", gen: () => githubStyle(r, "gh" + "r_"), n: 2 },
    { kind: "github-fine-grained-pat", name: "GH_PAT", gen: () => "github" + "_pat_" + r.str(22, r.A.alnum) + "_" + r.str(59, r.A.alnum), n: 5 },
    { kind: "gitlab-pat", name: "GITLAB_TOKEN", gen: () => "gl" + "pat-" + r.str(20, r.A.alnum), n: 5 },
    { kind: "gitlab-deploy-token", name: "GITLAB_DEPLOY_TOKEN", gen: () => "gl" + "dt-" + r.str(20, r.A.alnum), n: 2 },
    { kind: "gitlab-runner-token", name: "RUNNER_TOKEN", gen: () => "gl" + "rt-" + r.str(20, r.A.alnum), n: 2 },
    { kind: "gitlab-trigger-token", name: "GITLAB_TRIGGER_TOKEN", gen: () => "gl" + "ptt-" + r.str(40, r.A.hex), n: 2 },
    { kind: "bitbucket-app-password", name: "BITBUCKET_APP_PASSWORD", gen: () => "AT" + "BB" + r.str(32, r.A.alnum), n: 3 },
    { kind: "slack-bot-token", name: "SLACK_BOT_TOKEN", gen: () => "xo" + "xb-" + r.str(r.int(10, 13), r.A.digits) + "-" + r.str(r.int(10, 13), r.A.digits) + "-" + r.str(24, r.A.alnum), n: 5 },
    { kind: "slack-user-token", name: "SLACK_USER_TOKEN", gen: () => "xo" + "xp-" + r.str(r.int(10, 13), r.A.digits) + "-" + r.str(r.int(10, 13), r.A.digits) + "-" + r.str(13, r.A.digits) + "-" + r.str(32, r.A.hex), n: 3 },
    { kind: "slack-app-token", name: "SLACK_APP_TOKEN", gen: () => "xa" + "pp-1-A" + r.str(10, r.A.upperDigits) + "-" + r.str(13, r.A.digits) + "-" + r.str(64, r.A.hex), n: 2 },
    { kind: "slack-webhook", name: "SLACK_WEBHOOK_URL", gen: () => "https://hooks.slack.com/services/T" + r.str(8, r.A.upperDigits) + "/B" + r.str(10, r.A.upperDigits) + "/" + r.str(24, r.A.alnum), n: 4 },
    { kind: "discord-bot-token", name: "DISCORD_BOT_TOKEN", gen: () => Buffer.from(String(r.int(1, 9)) + r.str(17, r.A.digits)).toString("base64").replace(/=+$/, "") + "." + r.token(6, b64u) + "." + r.token(38, b64u), n: 3 },
    { kind: "discord-webhook", name: "DISCORD_WEBHOOK_URL", gen: () => "https://discord.com/api/webhooks/" + r.int(1, 9) + r.str(18, r.A.digits) + "/" + r.token(68, b64u), n: 2 },
    { kind: "telegram-bot-token", name: "TELEGRAM_BOT_TOKEN", gen: () => r.int(1, 9) + r.str(9, r.A.digits) + ":AA" + r.token(33, b64u), n: 3 },
    { kind: "twilio-api-key", pairs: () => [["TWILIO_API_KEY", "SK" + r.str(32, r.A.hex)], ["TWILIO_API_SECRET", r.str(32, r.A.alnum)]], n: 2 },
    { kind: "twilio-auth-token", pairs: () => [["TWILIO_ACCOUNT_SID", "AC" + r.str(32, r.A.hex)], ["TWILIO_AUTH_TOKEN", r.str(32, r.A.hex)]], n: 3 },
    { kind: "sendgrid-api-key", name: "SENDGRID_API_KEY", gen: () => "SG." + r.token(22, b64u) + "." + r.token(43, b64u), n: 4 },
    { kind: "mailgun-api-key", name: "MAILGUN_API_KEY", gen: () => (r.next() < 0.5 ? "key-" + r.str(32, r.A.hex) : r.str(32, r.A.hex) + "-" + r.str(8, r.A.hex) + "-" + r.str(8, r.A.hex)), n: 3 },
    { kind: "mailchimp-api-key", name: "MAILCHIMP_API_KEY", gen: () => r.str(32, r.A.hex) + "-us" + r.int(1, 21), n: 3 },
    { kind: "brevo-api-key", name: "BREVO_API_KEY", gen: () => "xkey" + "sib-" + r.str(64, r.A.hex) + "-" + r.str(16, r.A.alnum), n: 2 },
    { kind: "stripe-secret-key", name: "STRIPE_SECRET_KEY", gen: () => "sk_" + "live_" + r.str(r.pick([24, 99]), r.A.alnum), n: 5 },
    { kind: "stripe-restricted-key", name: "STRIPE_RESTRICTED_KEY", gen: () => "rk_" + "live_" + r.str(r.pick([24, 99]), r.A.alnum), n: 2 },
    { kind: "stripe-webhook-secret", name: "STRIPE_WEBHOOK_SECRET", gen: () => "wh" + "sec_" + r.str(32, r.A.alnum), n: 2 },
    { kind: "square-access-token", name: "SQUARE_ACCESS_TOKEN", gen: () => "EA" + "AA" + r.token(60, b64u), n: 3 },
    { kind: "square-oauth-secret", name: "SQUARE_APPLICATION_SECRET", gen: () => "sq0" + "csp-" + r.token(43, b64u), n: 2 },
    { kind: "braintree-access-token", name: "BRAINTREE_ACCESS_TOKEN", gen: () => "access_token$production$" + r.str(16, r.A.lowerDigits) + "$" + r.str(32, r.A.hex), n: 3 },
    { kind: "shopify-access-token", name: "SHOPIFY_ACCESS_TOKEN", gen: () => r.pick(["shp" + "at_", "shp" + "ca_", "shp" + "pa_"]) + r.str(32, r.A.hex), n: 3 },
    { kind: "shopify-shared-secret", name: "SHOPIFY_API_SECRET", gen: () => "shp" + "ss_" + r.str(32, r.A.hex), n: 2 },
    { kind: "adyen-api-key", name: "ADYEN_API_KEY", gen: () => "AQE" + r.str(1, r.A.alpha) + r.token(80, r.A.base64) + "==-" + r.token(43, r.A.base64) + "=-" + r.str(16, r.A.alnum), n: 2 },
    { kind: "openai-project-key", name: "OPENAI_API_KEY", gen: () => "sk-" + "proj-" + r.token(74, b64u) + "T3Blbk" + "FJ" + r.token(74, b64u), n: 5 },
    { kind: "openai-legacy-key", name: "OPENAI_API_KEY", gen: () => "sk-" + r.str(20, r.A.alnum) + "T3Blbk" + "FJ" + r.str(20, r.A.alnum), n: 3 },
    { kind: "openai-service-account-key", name: "OPENAI_API_KEY", gen: () => "sk-" + "svcacct-" + r.token(74, b64u) + "T3Blbk" + "FJ" + r.token(74, b64u), n: 2 },
    { kind: "anthropic-api-key", name: "ANTHROPIC_API_KEY", gen: () => "sk-" + "ant-api03-" + r.token(93, b64u) + "AA", n: 5 },
    { kind: "anthropic-admin-key", name: "ANTHROPIC_ADMIN_KEY", gen: () => "sk-" + "ant-admin01-" + r.token(93, b64u) + "AA", n: 2 },
    { kind: "huggingface-token", name: "HF_TOKEN", gen: () => "h" + "f_" + r.str(34, r.A.alpha), n: 4 },
    { kind: "cohere-api-key", name: "COHERE_API_KEY", gen: () => r.str(40, r.A.alnum), n: 3 },
    { kind: "replicate-api-token", name: "REPLICATE_API_TOKEN", gen: () => "r8" + "_" + r.str(37, r.A.alnum), n: 3 },
    { kind: "groq-api-key", name: "GROQ_API_KEY", gen: () => "gs" + "k_" + r.str(52, r.A.alnum), n: 3 },
    { kind: "npm-token", name: "NPM_TOKEN", gen: () => githubStyle(r, "np" + "m_"), n: 3, extra: [(v) => ({ file: ".npmrc", text: `registry=https://registry.npmjs.org/\n//registry.npmjs.org/:_authToken=${v}\n` })] },
    { kind: "pypi-token", name: "PYPI_TOKEN", gen: () => "pypi-" + "AgEIcHlwaS5vcmc" + r.token(150, b64u), n: 2, extra: [(v) => ({ file: ".pypirc", text: `[distutils]\nindex-servers = pypi\n\n[pypi]\nusername = __token__\npassword = ${v}\n` })] },
    { kind: "nuget-api-key", name: "NUGET_API_KEY", gen: () => "oy2" + r.str(43, r.A.lowerDigits), n: 3 },
    { kind: "rubygems-api-key", name: "GEM_HOST_API_KEY", gen: () => "ruby" + "gems_" + r.str(48, r.A.hex), n: 2, extra: [(v) => ({ file: "credentials", text: `---\n:rubygems_api_key: ${v}\n` })] },
    { kind: "dockerhub-pat", name: "DOCKERHUB_TOKEN", gen: () => "dckr" + "_pat_" + r.token(27, b64u), n: 3 },
    { kind: "atlassian-api-token", name: "JIRA_API_TOKEN", gen: () => "ATATT" + "3xFfGF0" + r.token(171, b64u) + "=" + r.str(8, r.A.hexUpper), n: 3 },
    { kind: "datadog-api-key", pairs: () => [["DD_API_KEY", r.str(32, r.A.hex)], ["DD_APP_KEY", r.str(40, r.A.hex)]], n: 4 },
    { kind: "newrelic-user-key", name: "NEW_RELIC_API_KEY", gen: () => "NR" + "AK-" + r.str(27, r.A.upperDigits), n: 3 },
    { kind: "newrelic-license-key", name: "NEW_RELIC_LICENSE_KEY", gen: () => r.str(36, r.A.hex) + "NRAL", n: 2 },
    { kind: "sentry-user-token", name: "SENTRY_AUTH_TOKEN", gen: () => "sntr" + "yu_" + r.str(64, r.A.hex), n: 2 },
    { kind: "sentry-org-token", name: "SENTRY_AUTH_TOKEN", gen: () => "sntr" + "ys_" + Buffer.from(JSON.stringify({ iat: 1700000000 + r.int(0, 5e7), url: "https://sentry.io", region_url: "https://us.sentry.io", org: "acme-" + r.str(5, r.A.lower) })).toString("base64").replace(/=+$/, "") + "_" + r.token(43, r.A.base64), n: 2 },
    { kind: "pagerduty-api-key", name: "PAGERDUTY_API_KEY", gen: () => r.pick(["u+", "y_"]) + r.token(18, b64u), n: 2 },
    { kind: "heroku-api-key", name: "HEROKU_API_KEY", gen: () => (r.next() < 0.5 ? "HRKU-AA" + r.token(58, b64u) : r.uuid()), n: 3 },
    { kind: "netlify-token", name: "NETLIFY_AUTH_TOKEN", gen: () => "nf" + "p_" + r.str(36, r.A.alnum) + r.str(4, r.A.hex), n: 2 },
    { kind: "vercel-token", name: "VERCEL_TOKEN", gen: () => r.str(24, r.A.alnum), n: 3 },
    { kind: "cloudflare-api-token", name: "CLOUDFLARE_API_TOKEN", gen: () => r.token(40, b64u), n: 3 },
    { kind: "cloudflare-global-key", pairs: () => [["CLOUDFLARE_EMAIL", "ops@acme-corp.net"], ["CLOUDFLARE_API_KEY", r.str(37, r.A.hex)]], n: 2 },
    { kind: "cloudflare-origin-ca-key", name: "CF_ORIGIN_CA_KEY", gen: () => "v1.0-" + r.str(24, r.A.hex) + "-" + r.str(146, r.A.hex), n: 1 },
    { kind: "okta-api-token", name: "OKTA_API_TOKEN", gen: () => "00" + r.token(40, b64u), n: 3 },
    { kind: "auth0-client-secret", pairs: () => [["AUTH0_CLIENT_ID", r.str(32, r.A.alnum)], ["AUTH0_CLIENT_SECRET", r.token(64, b64u)]], n: 3 },
    { kind: "databricks-token", name: "DATABRICKS_TOKEN", gen: () => "da" + "pi" + r.str(32, r.A.hex) + (r.next() < 0.5 ? "-" + r.int(2, 3) : ""), n: 3 },
    { kind: "doppler-token", name: "DOPPLER_TOKEN", gen: () => r.pick(["dp.pt.", "dp.st.prd.", "dp.sa.", "dp.ct."]) + r.str(43, r.A.alnum), n: 3 },
    { kind: "vault-token", name: "VAULT_TOKEN", gen: () => (r.next() < 0.7 ? "hv" + "s." + r.token(r.int(90, 100), b64u) : "hv" + "b." + r.token(138, b64u)), n: 3 },
    { kind: "terraform-cloud-token", name: "TFE_TOKEN", gen: () => r.str(14, r.A.alnum) + ".atlas" + "v1." + r.str(67, r.A.alnum), n: 3 },
    { kind: "pulumi-token", name: "PULUMI_ACCESS_TOKEN", gen: () => "pu" + "l-" + r.str(40, r.A.hex), n: 2 },
    { kind: "linear-api-key", name: "LINEAR_API_KEY", gen: () => "lin" + "_api_" + r.str(40, r.A.alnum), n: 2 },
    { kind: "notion-token", name: "NOTION_TOKEN", gen: () => (r.next() < 0.5 ? "nt" + "n_" + r.str(11, r.A.digits) + r.str(35, r.A.alnum) : "sec" + "ret_" + r.str(43, r.A.alnum)), n: 3 },
    { kind: "airtable-pat", name: "AIRTABLE_API_KEY", gen: () => "pat" + r.str(14, r.A.alnum) + "." + r.str(64, r.A.hex), n: 2 },
    { kind: "postman-api-key", name: "POSTMAN_API_KEY", gen: () => "PM" + "AK-" + r.str(24, r.A.hex) + "-" + r.str(34, r.A.hex), n: 2 },
    { kind: "grafana-service-account-token", name: "GRAFANA_TOKEN", gen: () => "gl" + "sa_" + r.str(32, r.A.alnum) + "_" + r.str(8, r.A.hex), n: 2 },
    { kind: "grafana-cloud-token", name: "GRAFANA_CLOUD_TOKEN", gen: () => "gl" + "c_" + Buffer.from(JSON.stringify({ o: String(r.int(100000, 999999)), n: "stack-" + r.int(100000, 999999) + "-hm-read", k: r.str(24, r.A.alnum), m: { r: "prod-us-east-0" } })).toString("base64").replace(/=+$/, ""), n: 2 },
    { kind: "gcp-api-key", name: "GOOGLE_API_KEY", gen: () => "AI" + "za" + r.token(35, b64u), n: 5 },
    { kind: "azure-client-secret", pairs: () => [["AZURE_CLIENT_ID", r.uuid()], ["AZURE_CLIENT_SECRET", r.str(3, r.A.alnum) + r.int(7, 8) + "Q~" + r.token(34, r.A.alnum + "_~.-")]], n: 4 },
    { kind: "azure-storage-key", name: "AZURE_STORAGE_KEY", gen: () => r.bytes(64).toString("base64"), n: 2 },
    { kind: "azure-storage-connection-string", name: "AZURE_STORAGE_CONNECTION_STRING", gen: () => `DefaultEndpointsProtocol=https;AccountName=acme${r.str(6, r.A.lowerDigits)};AccountKey=${r.bytes(64).toString("base64")};EndpointSuffix=core.windows.net`, n: 3 },
    { kind: "azure-sas-token", name: "AZURE_SAS_URL", gen: () => `https://acme${r.str(6, r.A.lowerDigits)}.blob.core.windows.net/exports?sv=2022-11-02&ss=b&srt=co&sp=rwdlac&se=2026-12-31T23:59:59Z&st=2025-01-01T00:00:00Z&spr=https&sig=${encodeURIComponent(r.token(43, r.A.base64) + "=")}`, n: 2 },
    { kind: "digitalocean-token", name: "DIGITALOCEAN_TOKEN", gen: () => r.pick(["do" + "p_v1_", "do" + "o_v1_"]) + r.str(64, r.A.hex), n: 3 },
    { kind: "alibaba-access-key", pairs: () => [["ALIBABA_CLOUD_ACCESS_KEY_ID", "LT" + "AI" + r.str(20, r.A.alnum)], ["ALIBABA_CLOUD_ACCESS_KEY_SECRET", r.str(30, r.A.alnum)]], n: 3 },
    { kind: "ibm-cloud-api-key", name: "IBMCLOUD_API_KEY", gen: () => r.token(44, b64u), n: 2 },
    { kind: "age-secret-key", name: "SOPS_AGE_KEY", gen: () => bech32("age-secret-key-", r.bytes(32)).toUpperCase(), n: 2 },
    { kind: "mapbox-secret-token", name: "MAPBOX_SECRET_TOKEN", gen: () => "sk." + Buffer.from(JSON.stringify({ u: "acme-" + r.str(4, r.A.lower), a: r.str(25, r.A.lowerDigits) })).toString("base64url") + "." + r.token(22, b64u), n: 2 },
    { kind: "planetscale-password", name: "PLANETSCALE_PASSWORD", gen: () => "pscale" + "_pw_" + r.token(43, b64u), n: 2 },
    { kind: "supabase-access-token", name: "SUPABASE_ACCESS_TOKEN", gen: () => "sb" + "p_" + r.str(40, r.A.hex), n: 2 },
    { kind: "firebase-cloud-messaging-key", name: "FCM_SERVER_KEY", gen: () => "AAAA" + r.str(7, r.A.alnum) + ":APA91b" + r.token(134, b64u), n: 2 },
    { kind: "facebook-access-token", name: "FACEBOOK_ACCESS_TOKEN", gen: () => "EAA" + r.str(1, r.A.upper) + r.str(150, r.A.alnum), n: 2 },
    { kind: "dropbox-token", name: "DROPBOX_ACCESS_TOKEN", gen: () => "sl." + r.token(135, b64u), n: 2 },
    { kind: "figma-token", name: "FIGMA_TOKEN", gen: () => "fi" + "gd_" + r.token(40, b64u), n: 2 },
    { kind: "dynatrace-token", name: "DT_API_TOKEN", gen: () => "dt0c01." + r.str(24, r.A.upperDigits) + "." + r.str(64, r.A.upperDigits), n: 2 },
    { kind: "contentful-pat", name: "CONTENTFUL_MANAGEMENT_TOKEN", gen: () => "CF" + "PAT-" + r.token(43, b64u), n: 2 },
    { kind: "asana-pat", name: "ASANA_TOKEN", gen: () => "2/" + r.str(16, r.A.digits) + "/" + r.str(16, r.A.digits) + ":" + r.str(32, r.A.hex), n: 2 },
    { kind: "algolia-admin-key", pairs: () => [["ALGOLIA_APP_ID", r.str(10, r.A.upperDigits)], ["ALGOLIA_ADMIN_API_KEY", r.str(32, r.A.hex)]], n: 2 },
    { kind: "prefect-api-key", name: "PREFECT_API_KEY", gen: () => "pn" + "u_" + r.str(36, r.A.alnum), n: 1 },
    { kind: "shippo-token", name: "SHIPPO_API_TOKEN", gen: () => "shippo" + "_live_" + r.str(40, r.A.hex), n: 1 },
    { kind: "easypost-api-key", name: "EASYPOST_API_KEY", gen: () => "EZ" + "AK" + r.str(54, r.A.alnum), n: 1 },
    { kind: "snyk-token", name: "SNYK_TOKEN", gen: () => r.uuid(), n: 1 },
  ];
}

// ---------------------------------------------------------------------------------------------------
// Secrets that need more than a key/value renderer: private keys, JWTs, connection strings, headers,
// generic passwords.
const wrap = (b64, width) => b64.match(new RegExp(`.{1,${width}}`, "g")).join("\n");

function opensshEd25519(comment) {
  const { privateKey } = crypto.generateKeyPairSync("ed25519");
  const jwk = privateKey.export({ format: "jwk" });
  const seed = Buffer.from(jwk.d, "base64url");
  const pub = Buffer.from(jwk.x, "base64url");
  const u32 = (n) => {
    const b = Buffer.alloc(4);
    b.writeUInt32BE(n);
    return b;
  };
  const sshString = (b) => Buffer.concat([u32(b.length), b]);
  const keyType = Buffer.from("ssh-ed25519");
  const pubBlob = Buffer.concat([sshString(keyType), sshString(pub)]);
  const check = crypto.randomBytes(4);
  let priv = Buffer.concat([check, check, sshString(keyType), sshString(pub), sshString(Buffer.concat([seed, pub])), sshString(Buffer.from(comment))]);
  const pad = [];
  for (let i = 1; (priv.length + pad.length) % 8 !== 0; i++) pad.push(i);
  priv = Buffer.concat([priv, Buffer.from(pad)]);
  const body = Buffer.concat([Buffer.from("openssh-key-v1\0"), sshString(Buffer.from("none")), sshString(Buffer.from("none")), sshString(Buffer.alloc(0)), u32(1), sshString(pubBlob), sshString(priv)]);
  return `-----BEGIN OPENSSH PRIVATE KEY-----\n${wrap(body.toString("base64"), 70)}\n-----END OPENSSH PRIVATE KEY-----\n`;
}

function crc24(buf) {
  let crc = 0xb704ce;
  for (const byte of buf) {
    crc ^= byte << 16;
    for (let i = 0; i < 8; i++) {
      crc <<= 1;
      if (crc & 0x1000000) crc ^= 0x1864cfb;
    }
  }
  return crc & 0xffffff;
}

function pgpPrivateKey(r) {
  // An armored secret-key packet (old-format tag 5, two-byte length) with random key material.
  const material = r.bytes(900);
  const packet = Buffer.concat([Buffer.from([0x95, (material.length >> 8) & 0xff, material.length & 0xff, 0x04]), material]);
  const crc = Buffer.alloc(3);
  crc.writeUIntBE(crc24(packet), 0, 3);
  return `-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n${wrap(packet.toString("base64"), 64)}\n=${crc.toString("base64")}\n-----END PGP PRIVATE KEY BLOCK-----\n`;
}

function privateKeys(r) {
  const rsa = () => crypto.generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey;
  const ec = () => crypto.generateKeyPairSync("ec", { namedCurve: r.pick(["prime256v1", "secp384r1"]) }).privateKey;
  const pem = {
    rsaPkcs1: () => rsa().export({ type: "pkcs1", format: "pem" }),
    rsaPkcs8: () => rsa().export({ type: "pkcs8", format: "pem" }),
    ecSec1: () => ec().export({ type: "sec1", format: "pem" }),
    ecPkcs8: () => ec().export({ type: "pkcs8", format: "pem" }),
    dsa: () => crypto.generateKeyPairSync("dsa", { modulusLength: 2048, divisorLength: 256 }).privateKey.export({ type: "pkcs8", format: "pem" }),
    ed25519Pkcs8: () => crypto.generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }),
    encrypted: () => rsa().export({ type: "pkcs8", format: "pem", cipher: "aes-256-cbc", passphrase: r.str(20, r.A.alnum) }),
    openssh: () => opensshEd25519("deploy@ci-runner-" + r.int(1, 40)),
    pgp: () => pgpPrivateKey(r),
  };
  const items = [];
  const add = (kind, syntax, file, text) => items.push({ label: "secret", kind, syntax, file, text });
  // Bare key files.
  add("private-key-rsa-pkcs1", "pem", "id_rsa", pem.rsaPkcs1());
  add("private-key-rsa-pkcs1", "pem", "server.key", pem.rsaPkcs1());
  add("private-key-rsa-pkcs8", "pem", "key.pem", pem.rsaPkcs8());
  add("private-key-ec", "pem", "tls.key", pem.ecSec1());
  add("private-key-ec", "pem", "signing-key.pem", pem.ecPkcs8());
  add("private-key-dsa", "pem", "dsa.key", pem.dsa());
  add("private-key-ed25519", "pem", "ed25519.pem", pem.ed25519Pkcs8());
  add("private-key-openssh", "pem", "id_ed25519", pem.openssh());
  add("private-key-openssh", "pem", "deploy_key", pem.openssh());
  add("private-key-encrypted", "pem", "encrypted.pem", pem.encrypted());
  add("private-key-pgp", "asc", "signing-key.asc", pem.pgp());
  add("private-key-pgp", "asc", "release-private.asc", pem.pgp());
  add("oci-api-signing-key", "pem", "oci_api_key.pem", pem.rsaPkcs8() + "OCI_API_KEY\n");
  // Keys embedded in code and config.
  const k1 = pem.rsaPkcs8();
  add("private-key-in-json", "json", "credentials.json", JSON.stringify({ issuer: "orders-service", private_key: k1, key_id: r.str(16, r.A.hex) }, null, 2) + "\n"); // claude-guard:allow (benchmark data, not a credential)
  const k2 = pem.ecSec1();
  add("private-key-in-yaml", "yaml", "values.yaml", `tls:\n  enabled: true\n  key: |\n${k2.trim().split("\n").map((l) => "    " + l).join("\n")}\n`); // claude-guard:allow (benchmark data, not a credential)
  const k3 = pem.rsaPkcs1();
  add("private-key-in-python", "py", "signer.py", `import jwt\n\nPRIVATE_KEY = """${k3}"""\n\n\ndef sign(claims):\n    return jwt.encode(claims, PRIVATE_KEY, algorithm="RS256")\n`);
  const k4 = pem.rsaPkcs8();
  add("private-key-in-env", "env", ".env", `APP_ENV=production\nJWT_PRIVATE_KEY="${k4.trim().replace(/\n/g, "\\n")}"\n`);
  const k5 = pem.openssh();
  add("private-key-in-js", "js", "deploy.js", `const { Client } = require("ssh2");\n\nconst privateKey = \`${k5}\`;\n\nnew Client().connect({ host: "10.0.4.12", username: "deploy", privateKey });\n`);
  const k6 = pem.rsaPkcs1();
  add("private-key-in-terraform", "hcl", "main.tf", `resource "tls_self_signed_cert" "ca" {\n  private_key_pem = <<EOT\n${k6}EOT\n  validity_period_hours = 8760\n}\n`);
  const k7 = pem.ecPkcs8();
  add("private-key-in-go", "go", "keys.go", `package keys\n\nconst signingKey = \`${k7}\`\n`);
  // GCP service account files: the key is PKCS#8 with escaped newlines.
  for (let i = 0; i < 4; i++) {
    const project = "acme-" + r.str(6, r.A.lower) + "-" + r.int(100000, 999999);
    const sa = {
      type: "service_account",
      project_id: project,
      private_key_id: r.str(40, r.A.hex),
      private_key: pem.rsaPkcs8(),
      client_email: `deployer@${project}.iam.gserviceaccount.com`,
      client_id: r.int(1, 9) + r.str(20, r.A.digits),
      auth_uri: "https://accounts.google.com/o/oauth2/auth",
      token_uri: "https://oauth2.googleapis.com/token",
      auth_provider_x509_cert_url: "https://www.googleapis.com/oauth2/v1/certs",
      client_x509_cert_url: `https://www.googleapis.com/robot/v1/metadata/x509/deployer%40${project}.iam.gserviceaccount.com`,
    };
    add("gcp-service-account", "json", i % 2 ? "service-account.json" : `${project}.json`, JSON.stringify(sa, null, 2) + "\n");
  }
  return items;
}

function jwts(r) {
  const b64 = (o) => Buffer.from(JSON.stringify(o)).toString("base64url");
  const make = () => {
    const header = { alg: "HS256", typ: "JWT" };
    const now = 1735000000 + r.int(0, 3e7);
    const payload = r.pick([
      { sub: r.uuid(), role: "service_role", iss: "supabase", iat: now, exp: now + 3153600000 },
      { sub: String(r.int(1000, 99999)), name: "orders-worker", scope: "orders:write", iat: now, exp: now + 31536000 },
      { iss: "https://auth.acme.io/", aud: "api", sub: "svc|" + r.str(24, r.A.hex), iat: now, exp: now + 86400 * 365 },
    ]);
    const unsigned = `${b64(header)}.${b64(payload)}`;
    const sig = crypto.createHmac("sha256", r.bytes(32)).update(unsigned).digest("base64url");
    return `${unsigned}.${sig}`;
  };
  const items = [];
  const add = (syntax, file, text) => items.push({ label: "secret", kind: "jwt", syntax, file, text });
  add("js", "api.js", `export const api = axios.create({\n  baseURL: "https://api.acme.io",\n  headers: { Authorization: "Bearer ${make()}" },\n});\n`);
  add("env", ".env", `SUPABASE_URL=https://${r.str(20, r.A.lower)}.supabase.co\nSUPABASE_SERVICE_ROLE_KEY=${make()}\n`);
  add("py", "client.py", `import requests\n\nTOKEN = "${make()}"\n\nresp = requests.get("https://api.acme.io/v1/orders", headers={"Authorization": f"Bearer {TOKEN}"})\n`);
  add("http", "orders.http", `GET https://api.acme.io/v1/orders\nAuthorization: Bearer ${make()}\nAccept: application/json\n`);
  add("yaml", "config.yml", `api:\n  url: https://api.acme.io\n  token: ${make()}\n`);
  add("curl", "call.sh", `curl -sS https://api.acme.io/v1/me \\\n  -H 'Authorization: Bearer ${make()}'\n`);
  add("json", "auth.json", JSON.stringify({ accessToken: make(), tokenType: "Bearer" }, null, 2) + "\n");
  add("ts", "session.ts", `const jwt = '${make()}';\nlocalStorage.setItem("session", jwt);\n`);
  add("go", "client.go", `package client\n\nconst serviceJWT = "${make()}"\n`);
  add("java", "Auth.java", `class Auth {\n  static final String BEARER = "${make()}";\n}\n`);
  return items;
}

// Passwords as people and tools make them: random, punctuated, short, long, Django-style.
function realPassword(r, { urlSafe = false } = {}) {
  const punct = urlSafe ? "!*-_.~" : "!%&*+-.=?@^_~";
  const style = r.int(0, 5);
  if (style === 0) return r.str(r.int(16, 28), r.A.alnum);
  if (style === 1) return r.str(1, r.A.upper) + r.str(r.int(5, 8), r.A.lowerDigits) + r.str(1, punct) + r.str(r.int(2, 4), r.A.alnum);
  if (style === 2) {
    // short and punctuated: 8 to 10 characters, at least two punctuation marks
    let s = r.str(r.int(6, 8), r.A.alnum);
    for (let i = 0; i < 2; i++) {
      const at = r.int(1, s.length - 1);
      s = s.slice(0, at) + r.str(1, punct) + s.slice(at);
    }
    return s;
  }
  if (style === 3) return r.str(r.int(10, 14), r.A.alnum + punct);
  if (style === 4) return r.token(r.int(24, 44), r.A.base64url);
  return r.str(r.int(12, 20), r.A.alnum) + r.str(1, punct) + r.int(10, 99);
}

function connectionStrings(r) {
  const user = () => r.pick(["app", "orders_svc", "deploy", "reporting", "api_user", "svc-billing", "etl"]);
  const host = (kind) =>
    ({
      pg: r.pick([`orders-prod.c${r.str(10, r.A.lowerDigits)}.us-east-1.rds.amazonaws.com`, `db-${r.int(1, 9)}.internal.acme-corp.net`, `10.0.${r.int(1, 40)}.${r.int(2, 250)}`]),
      mongo: `cluster0.${r.str(5, r.A.lowerDigits)}.mongodb.net`,
      redis: `redis-${r.int(10000, 19999)}.c${r.int(1, 300)}.us-east-1-2.ec2.cloud.redislabs.com`,
      mq: `rabbit.internal.acme-corp.net`,
      sql: `acme-${r.str(5, r.A.lower)}.database.windows.net`,
    })[kind];
  const pw = (o) => realPassword(r, o);
  const items = [];
  const add = (kind, syntax, file, text) => items.push({ label: "secret", kind, syntax, file, text });
  const U = (v) => encodeURIComponent(v);
  const templates = [
    () => ["conn-postgres", "env", ".env", `DATABASE_URL=postgres://${user()}:${U(pw({ urlSafe: true }))}@${host("pg")}:5432/orders\n`],
    () => ["conn-postgres", "py", "settings.py", `SQLALCHEMY_DATABASE_URI = "postgresql+psycopg2://${user()}:${U(pw())}@${host("pg")}/orders"\n`],
    () => ["conn-postgres", "yaml", "config.yml", `database:\n  url: postgresql://${user()}:${U(pw({ urlSafe: true }))}@${host("pg")}:5432/app?sslmode=require\n`],
    () => ["conn-postgres-keyvalue", "go", "db.go", `package db\n\nconst dsn = "host=${host("pg")} port=5432 user=${user()} password=${pw({ urlSafe: true })} dbname=orders sslmode=require"\n`],
    () => ["conn-mysql", "js", "db.js", `const pool = mysql.createPool("mysql://${user()}:${U(pw({ urlSafe: true }))}@${host("pg")}:3306/shop");\n`],
    () => ["conn-mariadb", "env", ".env", `DB_URL=mariadb://${user()}:${U(pw({ urlSafe: true }))}@${host("pg")}:3306/wiki\n`],
    () => ["conn-mongodb", "env", ".env", `MONGODB_URI=mongodb+srv://${user()}:${U(pw({ urlSafe: true }))}@${host("mongo")}/orders?retryWrites=true&w=majority\n`],
    () => ["conn-mongodb", "ts", "db.ts", `await mongoose.connect('mongodb://${user()}:${U(pw())}@${host("pg")}:27017/orders?authSource=admin');\n`],
    () => ["conn-redis", "py", "cache.py", `import redis\n\ncache = redis.Redis.from_url("redis://default:${U(pw({ urlSafe: true }))}@${host("redis")}:6379/0")\n`],
    () => ["conn-redis", "yaml", "application.yml", `spring:\n  data:\n    redis:\n      url: rediss://:${U(pw({ urlSafe: true }))}@${host("redis")}:6380\n`],
    () => ["conn-amqp", "env", ".env", `AMQP_URL=amqps://${user()}:${U(pw({ urlSafe: true }))}@${host("mq")}:5671/prod\n`],
    () => ["conn-mssql", "json", "appsettings.json", JSON.stringify({ ConnectionStrings: { Default: `Server=tcp:${host("sql")},1433;Initial Catalog=orders;User ID=${user()};Password=${pw()};Encrypt=True;` } }, null, 2) + "\n"],
    () => ["conn-mssql", "env", ".env", `MSSQL_URL=sqlserver://${user()}:${U(pw({ urlSafe: true }))}@${host("sql")}:1433?database=orders\n`],
    () => ["conn-jdbc", "properties", "application.properties", `spring.datasource.url=jdbc:postgresql://${host("pg")}:5432/orders?user=${user()}&password=${U(pw({ urlSafe: true }))}\n`],
    () => ["conn-jdbc", "java", "Db.java", `class Db {\n  static final String URL = "jdbc:mysql://${host("pg")}:3306/shop?user=${user()}&password=${U(pw({ urlSafe: true }))}";\n}\n`],
    () => ["conn-odbc", "py", "warehouse.py", `import pyodbc\n\nconn = pyodbc.connect("Driver={ODBC Driver 18 for SQL Server};Server=${host("sql")};Database=dw;Uid=${user()};Pwd=${pw()};")\n`],
    () => ["conn-ldap", "yaml", "ldap.yml", `ldap:\n  url: ldaps://cn=svc-bind,ou=services,dc=acme,dc=corp:${U(pw({ urlSafe: true }))}@ldap.acme-corp.net:636\n`],
    () => ["conn-smtp", "env", ".env", `SMTP_URL=smtp://postmaster%40mg.acme-corp.net:${U(pw({ urlSafe: true }))}@smtp.mailgun.org:587\n`],
    () => ["conn-ftp", "shell", "upload.sh", `#!/bin/sh\ncurl -T build.zip "ftp://releases:${U(pw({ urlSafe: true }))}@ftp.acme-corp.net/incoming/"\n`],
    () => ["url-basic-auth", "js", "registry.js", `const registry = "https://ci-bot:${U(pw({ urlSafe: true }))}@registry.acme-corp.net/repository/npm/";\n`],
  ];
  for (let i = 0; i < 44; i++) {
    const [kind, syntax, file, text] = templates[i % templates.length]();
    add(kind, syntax, file, text);
  }
  return items;
}

function authHeaders(r) {
  const items = [];
  const add = (kind, syntax, file, text) => items.push({ label: "secret", kind, syntax, file, text });
  const bearer = () => r.token(r.int(32, 48), r.A.base64url);
  const basic = () => Buffer.from(r.pick(["deploy", "ci", "admin-bot", "svc-orders"]) + ":" + realPassword(r)).toString("base64");
  for (let i = 0; i < 3; i++) {
    add("auth-header-bearer", "curl", "call.sh", `curl -X POST https://api.acme-corp.net/v2/jobs \\\n  -H "Authorization: Bearer ${bearer()}" \\\n  -d '{"name":"nightly"}'\n`);
    add("auth-header-bearer", "js", "fetch.js", `const res = await fetch("https://api.acme-corp.net/v2/jobs", {\n  headers: { "Authorization": "Bearer ${bearer()}" },\n});\n`);
    add("auth-header-basic", "curl", "health.sh", `curl -fsS -H 'Authorization: Basic ${basic()}' https://grafana.acme-corp.net/api/health\n`);
    add("auth-header-basic", "http", "admin.http", `GET https://jenkins.acme-corp.net/api/json\nAuthorization: Basic ${basic()}\n`);
    add("auth-header-bearer", "py", "sync.py", `HEADERS = {\n    "Authorization": "Bearer ${bearer()}",\n    "Content-Type": "application/json",\n}\n`);
  }
  add("auth-header-basic", "nginx", "proxy.conf", `location /upstream/ {\n    proxy_pass https://backend.internal;\n    proxy_set_header Authorization "Basic ${basic()}";\n}\n`);
  add("curl-user-password", "curl", "backup.sh", `curl -u backup:${realPassword(r, { urlSafe: true })} https://nexus.acme-corp.net/service/rest/v1/assets\n`); // claude-guard:allow (benchmark data, not a credential)
  return items;
}

function genericSecrets(r) {
  const names = ["DB_PASSWORD", "PASSWORD", "ADMIN_PASSWORD", "SMTP_PASSWORD", "REDIS_PASSWORD", "CLIENT_SECRET", "API_SECRET", "APP_SECRET", "JWT_SECRET", "SECRET_KEY", "ENCRYPTION_KEY", "AUTH_TOKEN", "ACCESS_TOKEN", "API_KEY", "PASSWD", "MASTER_PASSWORD", "KEYSTORE_PASSWORD", "WEBHOOK_SECRET", "SIGNING_SECRET", "SESSION_SECRET", "DB_PASS", "MYSQL_ROOT_PASSWORD", "POSTGRES_PASSWORD", "LDAP_BIND_PASSWORD"]; // claude-guard:allow (benchmark data, not a credential)
  const value = (name) => {
    const s = r.int(0, 9);
    if (/KEY|TOKEN|SECRET/.test(name) && s < 3) return r.pick([r.str(32, r.A.hex), r.str(64, r.A.hex), r.token(r.int(32, 48), r.A.base64url), r.token(43, r.A.base64) + "="]);
    if (name === "SECRET_KEY" && s < 5) return r.str(50, "abcdefghijklmnopqrstuvwxyz0123456789!@%^&*(-_=+)");
    return realPassword(r);
  };
  const items = [];
  for (let i = 0; i < 56; i++) {
    const name = names[i % names.length];
    const syntax = GENERAL[(i * 7) % GENERAL.length];
    const v = value(name);
    const { file, text } = RENDERERS[syntax]([[name, v]]);
    items.push({ label: "secret", kind: "generic-" + (/PASS|PWD/.test(name) ? "password" : /TOKEN/.test(name) ? "token" : "secret"), syntax, file, text }); // claude-guard:allow (benchmark data, not a credential)
  }
  // Command-line flags and tool configs, where a password is an argument rather than an assignment.
  const cli = [
    () => ["generic-cli-flag", "shell", "restore.sh", `mysql -h db.internal.acme-corp.net -u backup --password='${realPassword(r)}' orders < dump.sql\n`],
    () => ["generic-cli-flag", "shell", "login.sh", `echo building\ndocker login registry.acme-corp.net -u ci-bot -p '${realPassword(r)}'\n`],
    () => ["generic-cli-flag", "shell", "az.sh", `az login --service-principal -u ${r.uuid()} --password '${r.str(3, r.A.alnum)}8Q~${r.token(34, r.A.alnum)}' --tenant ${r.uuid()}\n`],
    () => ["generic-cli-flag", "yaml", "job.yml", `steps:\n  - run: ./gradlew publish --no-daemon -PsigningPassword=${realPassword(r)} -PossrhPassword=${realPassword(r)}\n`],
    () => ["generic-cli-flag", "shell", "keystore.sh", `keytool -genkeypair -alias release -keystore release.jks -storepass ${realPassword(r)} -keypass ${realPassword(r)}\n`],
    () => ["generic-netrc", "netrc", ".netrc", `machine api.acme-corp.net\n  login deploy\n  password ${realPassword(r)}\n`],
    () => ["generic-pgpass", "pgpass", ".pgpass", `db.internal.acme-corp.net:5432:orders:app:${realPassword(r)}\n`], // claude-guard:allow (benchmark data, not a credential)
    () => ["generic-htpasswd-plain", "json", "users.json", JSON.stringify({ users: [{ name: "grafana-admin", password: realPassword(r) }] }, null, 2) + "\n"], // claude-guard:allow (benchmark data, not a credential)
    () => ["generic-password", "ruby", "database.yml", `production:\n  adapter: postgresql\n  database: orders\n  username: orders\n  password: ${yamlScalar(realPassword(r))}\n  host: db.internal.acme-corp.net\n`], // claude-guard:allow (benchmark data, not a credential)
    () => ["generic-password", "xml", "settings.xml", `<settings>\n  <servers>\n    <server>\n      <id>releases</id>\n      <username>deployment</username>\n      <password>${xmlEscape(realPassword(r))}</password>\n    </server>\n  </servers>\n</settings>\n`],
  ];
  for (let i = 0; i < 12; i++) {
    const [kind, syntax, file, text] = cli[i % cli.length]();
    items.push({ label: "secret", kind, syntax, file, text });
  }
  return items;
}

/** Real-world places credentials end up that are not `NAME = "value"`: split key/value records, SQL, CLI tools, framework conventions. */
function contextSecrets(r) {
  const pw = () => realPassword(r);
  const hex = (n) => r.str(n, r.A.hex);
  const basic = (u, p) => Buffer.from(`${u}:${p}`).toString("base64");
  const T = [
    () => ["split-name-value", "task-definition.json", JSON.stringify({ containerDefinitions: [{ name: "orders", environment: [{ name: "NODE_ENV", value: "production" }, { name: "DB_PASSWORD", value: pw() }] }] }, null, 2) + "\n"],
    () => ["split-name-value", "postman_collection.json", JSON.stringify({ item: [{ request: { header: [{ key: "X-API-Key", value: hex(32), type: "text" }], url: "https://api.acme-corp.net/v1/orders" } }] }, null, 2) + "\n"],
    () => ["map-put", "Config.java", `Properties props = new Properties();\nprops.setProperty("user", "orders");\nprops.setProperty("password", "${pw()}");\n`],
    () => ["map-put", "client.py", `session.headers.update({"X-Api-Key": "${hex(40)}"})\n`],
    () => ["c-define", "config.h", `#define API_HOST "api.acme-corp.net"\n#define API_KEY "${r.str(32, r.A.alnum)}"\n`],
    () => ["objc-constant", "Keys.m", `NSString *const kAPIKey = @"${r.str(40, r.A.alnum)}";\n`],
    () => ["swift-let", "Secrets.swift", `enum Secrets {\n    static let apiKey = "${r.str(32, r.A.alnum)}"\n}\n`],
    () => ["sql-create-user", "001_users.sql", `CREATE USER reporting WITH PASSWORD '${pw()}';\nGRANT SELECT ON ALL TABLES IN SCHEMA public TO reporting;\n`],
    () => ["sql-identified-by", "grants.sql", `CREATE USER 'app'@'%' IDENTIFIED BY '${pw()}';\nGRANT ALL ON shop.* TO 'app'@'%';\n`],
    () => ["ansible-password", "inventory.yml", `all:\n  hosts:\n    web1:\n      ansible_host: 10.0.2.15\n      ansible_user: deploy\n      ansible_password: ${yamlScalar(pw())}\n`], // claude-guard:allow (benchmark data, not a credential)
    () => ["k8s-secret-data", "secret.yaml", `apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ntype: Opaque\ndata:\n  password: ${Buffer.from(pw()).toString("base64")}\n`],
    () => ["k8s-secret-stringdata", "secret.yaml", `apiVersion: v1\nkind: Secret\nmetadata:\n  name: api\nstringData:\n  API_TOKEN: ${r.token(40, r.A.base64url)}\n`],
    () => ["docker-config-auth", "config.json", JSON.stringify({ auths: { "registry.acme-corp.net": { auth: basic("ci-bot", pw()) } } }, null, 2) + "\n"],
    () => ["npmrc-auth", ".npmrc", `registry=https://nexus.acme-corp.net/repository/npm/\n_auth=${basic("deploy", pw())}\nalways-auth=true\n`],
    () => ["git-credentials", ".git-credentials", `https://deploy-bot:${r.token(40, r.A.alnum)}@git.acme-corp.net\n`], // claude-guard:allow (benchmark data, not a credential)
    () => ["aws-credentials-file", "credentials", `[default]\naws_access_key_id = ${"AKIA" + r.str(16, r.A.base32)}\naws_secret_access_key = ${r.token(40, r.A.base64)}\n`],
    () => ["wordpress-config", "wp-config.php", `<?php\ndefine( 'DB_NAME', 'wordpress' );\ndefine( 'DB_USER', 'wp' );\ndefine( 'DB_PASSWORD', '${pw()}' );\ndefine( 'AUTH_KEY', '${r.str(64, r.A.alnum + "!@%^&*()-_=+[]{}|;:,.<>?~")}' );\n`],
    () => ["rails-secret-key-base", "secrets.yml", `production:\n  secret_key_base: ${hex(128)}\n`],
    () => ["laravel-app-key", ".env", `APP_NAME=Shop\nAPP_ENV=production\nAPP_KEY=base64:${r.bytes(32).toString("base64")}\nDB_PASSWORD=${pw()}\n`],
    () => ["flask-secret-key", "app.py", `app = Flask(__name__)\napp.secret_key = "${r.token(32, r.A.base64url)}"\n`],
    () => ["flask-secret-key", "app.py", `app.config["SECRET_KEY"] = '${hex(48)}'\n`],
    () => ["spring-jwt-secret", "application.yml", `jwt:\n  secret: ${r.token(64, r.A.base64)}\n  expiration: 86400\n`],
    () => ["cli-password-arg", "backup.sh", `PGPASSWORD='${pw()}' pg_dump -h db.internal.acme-corp.net -U backup orders > orders.sql\n`], // claude-guard:allow (benchmark data, not a credential)
    () => ["cli-password-arg", "sync.sh", `sshpass -p '${pw()}' rsync -az ./build deploy@10.0.3.21:/srv/app\n`], // claude-guard:allow (benchmark data, not a credential)
    () => ["cli-password-arg", "flush.sh", `redis-cli -h cache.internal.acme-corp.net -a '${pw()}' FLUSHDB\n`], // claude-guard:allow (benchmark data, not a credential)
    () => ["cli-password-arg", "secret.sh", `kubectl create secret generic db --from-literal=username=app --from-literal=password='${pw()}'\n`], // claude-guard:allow (benchmark data, not a credential)
    () => ["cli-password-arg", "run.sh", `docker run -d -e POSTGRES_PASSWORD='${pw()}' -p 5432:5432 postgres:16\n`], // claude-guard:allow (benchmark data, not a credential)
    () => ["cli-password-arg", "mysql.sh", `mysqldump -u root -p'${pw()}' --all-databases > all.sql\n`], // claude-guard:allow (benchmark data, not a credential)
    () => ["api-key-in-url", "fetch.py", `resp = requests.get("https://api.acme-weather.io/v2/forecast?city=Berlin&api_key=${hex(32)}")\n`],
    () => ["api-key-in-url", "maps.js", `const url = \`https://api.acme-maps.io/geocode?address=\${q}&access_token=${r.token(40, r.A.base64url)}\`;\n`],
    () => ["custom-header", "client.go", `req.Header.Set("X-API-Key", "${hex(40)}")\nreq.Header.Set("Accept", "application/json")\n`],
    () => ["custom-header", "api.http", `POST https://api.acme-corp.net/v1/events\nX-Auth-Token: ${r.token(36, r.A.alnum)}\nContent-Type: application/json\n`],
    () => ["github-token-header", "release.sh", `curl -H "Authorization: token ${githubStyle(r, "gh" + "p_")}" https://api.github.com/repos/acme/orders/releases\n`],
    () => ["sdk-assignment", "chat.py", `import openai\n\nopenai.api_key = "${"sk-" + "proj-" + r.token(74, r.A.base64url) + "T3Blbk" + "FJ" + r.token(74, r.A.base64url)}"\n`],
    () => ["jupyter-cell", "analysis.ipynb", JSON.stringify({ cells: [{ cell_type: "code", source: ["import anthropic\n", `client = anthropic.Anthropic(api_key="${"sk-" + "ant-api03-" + r.token(93, r.A.base64url) + "AA"}")\n`] }], nbformat: 4, nbformat_minor: 5 }, null, 1) + "\n"],
    () => ["terraform-variable-default", "variables.tf", `variable "db_password" {\n  type      = string\n  sensitive = true\n  default   = "${pw()}"\n}\n`],
    () => ["gha-with-password", "publish.yml", `      - uses: docker/login-action@v3\n        with:\n          registry: registry.acme-corp.net\n          username: ci-bot\n          password: ${yamlScalar(pw())}\n`], // claude-guard:allow (benchmark data, not a credential)
    () => ["heroku-config-set", "setup.sh", `heroku config:set STRIPE_WEBHOOK_SECRET=${"wh" + "sec_" + r.str(32, r.A.alnum)} -a acme-orders\n`],
    () => ["ini-mixed-case", "my.cnf", `[client]\nuser=backup\npassword=${pw()}\nhost=db.internal.acme-corp.net\n`],
    () => ["yaml-nested", "values.yaml", `postgresql:\n  auth:\n    username: orders\n    password: ${yamlScalar(pw())}\n    database: orders\n`],
  ];
  return T.map((f) => {
    const [kind, file, text] = f();
    return { label: "secret", kind, syntax: path.extname(file).slice(1) || file, file, text };
  });
}

function secretItems(r) {
  const items = [];
  let offset = 0;
  for (const p of providerList(r)) {
    for (let i = 0; i < p.n; i++) {
      const syntax = GENERAL[(offset++ * 5 + i) % GENERAL.length];
      const pairs = p.pairs ? p.pairs() : [[p.name, p.gen()]];
      const { file, text } = RENDERERS[syntax](pairs);
      items.push({ label: "secret", kind: p.kind, syntax, file, text });
    }
    for (const extra of p.extra ?? []) {
      const { file, text } = extra(p.gen());
      items.push({ label: "secret", kind: p.kind, syntax: "native", file, text });
    }
  }
  items.push(...privateKeys(r), ...jwts(r), ...connectionStrings(r), ...authHeaders(r), ...genericSecrets(r), ...contextSecrets(r));
  return items;
}

// ---------------------------------------------------------------------------------------------------
// Placeholders: dummies and weak defaults in a secret position.
function placeholderItems() {
  const values = {
    "weak-default": ["changeme", "change_me", "CHANGEME", "password", "password123", "Password1", "passw0rd", "admin", "admin123", "root", "secret", "test", "test123", "123456", "12345678", "qwerty", "letmein", "default", "pass", "mypassword", "supersecret", "s3cr3t", "secret123", "toor"], // claude-guard:allow (benchmark data, not a credential)
    "template-marker": ["your-api-key-here", "your_api_key", "YOUR_API_KEY", "<YOUR_TOKEN>", "<your-secret>", "<password>", "[YOUR_KEY]", "{your_token}", "xxxxxxxx", "XXXXXXXXXXXXXXXXXXXXXXXX", "REPLACE_ME", "REPLACEME", "replace-with-your-key", "TODO", "TBD", "FIXME", "insert-your-key-here", "put-your-token-here", "enter_your_password", "my-secret-key", "your-secret-here", "dummy", "dummy-secret", "fake-token", "not-a-real-key", "example", "sample-key", "foobar", "<INSERT_API_KEY>", "YOUR_PASSWORD_HERE"], // claude-guard:allow (benchmark data, not a credential)
    "prefixed-dummy": [
      "sk-" + "your-openai-key-here",
      "sk-" + "proj-your-project-key",
      "sk-" + "ant-api03-your-key-here",
      "gh" + "p_" + "your_github_token_here",
      "gh" + "p_" + "X".repeat(36),
      "xo" + "xb-" + "your-bot-token",
      "xo" + "xb-" + "xxxxxxxxxxxx-xxxxxxxxxxxx-xxxxxxxxxxxxxxxxxxxxxxxx",
      "AKIA" + "XXXXXXXXXXXXXXXX",
      "AKIA" + "YOURACCESSKEYID0",
      "sk_" + "live_" + "your_stripe_secret_key",
      "sk_" + "test_" + "xxxxxxxxxxxxxxxxxxxxxxxx",
      "gl" + "pat-" + "xxxxxxxxxxxxxxxxxxxx",
      "h" + "f_" + "your_hugging_face_token",
      "SG." + "your_sendgrid_api_key",
      "AI" + "za" + "YOUR_GOOGLE_API_KEY_HERE",
    ],
  };
  const names = ["DB_PASSWORD", "API_KEY", "SECRET_KEY", "AUTH_TOKEN", "CLIENT_SECRET", "ADMIN_PASSWORD", "JWT_SECRET", "ACCESS_TOKEN", "PASSWORD", "SMTP_PASSWORD", "APP_SECRET", "REDIS_PASSWORD"]; // claude-guard:allow (benchmark data, not a credential)
  const prefixedNames = ["OPENAI_API_KEY", "OPENAI_API_KEY", "ANTHROPIC_API_KEY", "GITHUB_TOKEN", "GITHUB_TOKEN", "SLACK_BOT_TOKEN", "SLACK_BOT_TOKEN", "AWS_ACCESS_KEY_ID", "AWS_ACCESS_KEY_ID", "STRIPE_SECRET_KEY", "STRIPE_SECRET_KEY", "GITLAB_TOKEN", "HF_TOKEN", "SENDGRID_API_KEY", "GOOGLE_API_KEY"]; // claude-guard:allow (benchmark data, not a credential)
  const items = [];
  let n = 0;
  const emit = (kind, pairs, syntax) => {
    const { file, text } = RENDERERS[syntax](pairs);
    // Templates often live in .env.example; keep some there, as in real repositories.
    const f = file === ".env" && n % 2 === 0 ? ".env.example" : file;
    items.push({ label: "placeholder", kind, syntax, file: f, text });
    n++;
  };
  values["weak-default"].forEach((v, i) => emit("weak-default", [[names[i % names.length], v]], GENERAL[(i * 3) % GENERAL.length]));
  values["weak-default"].slice(0, 12).forEach((v, i) => emit("weak-default", [[names[(i + 5) % names.length], v]], GENERAL[(i * 3 + 11) % GENERAL.length]));
  values["template-marker"].forEach((v, i) => emit("template-marker", [[names[(i + 3) % names.length], v]], GENERAL[(i * 5 + 1) % GENERAL.length]));
  values["template-marker"].slice(0, 12).forEach((v, i) => emit("template-marker", [[names[(i + 7) % names.length], v]], GENERAL[(i * 5 + 13) % GENERAL.length]));
  values["prefixed-dummy"].forEach((v, i) => emit("prefixed-dummy", [[prefixedNames[i], v]], GENERAL[(i * 7 + 2) % GENERAL.length]));
  // Providers' documented example keys, built by concatenation.
  const awsId = "AKIA" + "IOSFODNN7" + "EXAMPLE";
  const awsSecret = "wJalrX" + "UtnFEMI/" + "K7MDENG/" + "bPxRfiCY" + "EXAMPLEKEY";
  const azurite = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/" + "KBHBeksoGMGw==";
  const stripeDoc = "sk_" + "test_" + "4eC39HqLyjWDarjtT1zdp7dc";
  const mssqlDoc = "yourStrong(!)" + "Password";
  ["env", "py", "yaml", "json", "shell", "toml", "ini", "hcl"].forEach((s) => emit("doc-example-aws", [["AWS_ACCESS_KEY_ID", awsId], ["AWS_SECRET_ACCESS_KEY", awsSecret]], s));
  ["js", "go"].forEach((s) => emit("doc-example-aws", [["AWS_SECRET_ACCESS_KEY", awsSecret]], s));
  ["env", "json", "cs"].forEach((s) => emit("doc-example-azurite", [["AZURE_STORAGE_CONNECTION_STRING", `DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${azurite};BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;`]], s));
  ["js", "py", "rb"].forEach((s) => emit("doc-example-stripe", [["STRIPE_SECRET_KEY", stripeDoc]], s));
  ["compose", "env"].forEach((s) => emit("doc-example-mssql", [["MSSQL_SA_PASSWORD", mssqlDoc]], s));
  // Connection strings with default credentials on a local host.
  // Scheme and credentials are joined at run time so that no scanner run over this repository flags
  // the source file itself.
  const conns = [
    ["postgres", "user:password@localhost:5432/mydb"],
    ["postgres", "postgres:postgres@localhost:5432/app_dev"],
    ["postgresql", "admin:admin@127.0.0.1/test"],
    ["mysql", "root:root@localhost:3306/app"],
    ["mysql", "root:password@localhost/app_development"],
    ["mongodb", "admin:admin@localhost:27017/?authSource=admin"],
    ["mongodb+srv", "<username>:<password>@cluster0.mongodb.net/mydb"],
    ["redis", ":changeme@localhost:6379/0"],
    ["amqp", "guest:guest@localhost:5672/"],
    ["jdbc:mysql", "localhost:3306/app?user=root&password=secret"], // claude-guard:allow (benchmark data, not a credential)
    ["", "Server=localhost;Database=app;User Id=sa;Password=Your_password123;"], // claude-guard:allow (benchmark data, not a credential)
    ["postgres", "USER:PASSWORD@HOST:5432/DBNAME"],
    ["mongodb", "username:password@localhost:27017/db"],
    ["redis", "default:password@localhost:6379"],
  ].map(([scheme, rest]) => (scheme ? `${scheme}://${rest}` : rest));
  // Weak defaults hidden in a fallback: the variable is read from the environment, but a dummy is used
  // when it is missing, which is how a dummy ends up in production.
  const fallbacks = [
    ["fallback-default", "config.js", `const jwtSecret = process.env.JWT_SECRET || "secret";\n`],
    ["fallback-default", "auth.ts", `const sessionSecret = process.env.SESSION_SECRET ?? "changeme";\n`],
    ["fallback-default", "settings.py", `SECRET_KEY = os.environ.get("SECRET_KEY", "dev-secret-key")\n`],
    ["fallback-default", "db.py", `password = os.getenv("DB_PASSWORD", "password")\n`], // claude-guard:allow (benchmark data, not a credential)
    ["fallback-default", "docker-compose.yml", `services:\n  db:\n    environment:\n      POSTGRES_PASSWORD: \${POSTGRES_PASSWORD:-postgres}\n`],
    ["fallback-default", "entrypoint.sh", `#!/bin/sh\nADMIN_PASSWORD="\${ADMIN_PASSWORD:-admin}"\n`],
    ["fallback-default", "config.go", `secret := getenv("API_SECRET", "changeme")\n`], // claude-guard:allow (benchmark data, not a credential)
    ["fallback-default", "application.yml", `app:\n  jwt-secret: \${JWT_SECRET:mysecretkey}\n`],
    ["fallback-default", "config.rb", `config.secret = ENV.fetch("API_SECRET", "test123")\n`], // claude-guard:allow (benchmark data, not a credential)
    ["fallback-default", "values.yaml", `auth:\n  adminPassword: {{ .Values.adminPassword | default "admin123" | quote }}\n`],
  ];
  for (const [kind, file, text] of fallbacks) items.push({ label: "placeholder", kind, syntax: path.extname(file).slice(1) || file, file, text });
  const moreWeak = ["P@ssw0rd", "Passw0rd!", "abc123", "12345", "welcome1", "hunter2", "guest", "demo", "temp123", "pa55word", "my_secret", "secretkey"]; // claude-guard:allow (benchmark data, not a credential)
  moreWeak.forEach((v, i) => emit("weak-default", [[names[(i + 2) % names.length], v]], GENERAL[(i * 5 + 4) % GENERAL.length]));
  const moreMarkers = ["sk-" + "x".repeat(48), "<your-password>", "YOUR_SECRET_HERE", "API_KEY_GOES_HERE", "put_your_key_here", "<redacted>"]; // claude-guard:allow (benchmark data, not a credential)
  moreMarkers.forEach((v, i) => emit("template-marker", [[names[(i + 9) % names.length], v]], GENERAL[(i * 7 + 6) % GENERAL.length]));
  conns.forEach((c, i) => emit("conn-default", [["DATABASE_URL", c]], ["env", "yaml", "py", "js", "properties", "json", "compose"][i % 7]));
  return items;
}

// ---------------------------------------------------------------------------------------------------
// Hard negatives: references, templates, hashes, identifiers and UI text that a naive scanner flags.
function negativeItems(r) {
  const items = [];
  const add = (kind, file, text) => items.push({ label: "negative", kind, syntax: path.extname(file).slice(1) || file, file, text });
  const vars = ["DB_PASSWORD", "API_KEY", "STRIPE_SECRET_KEY", "GITHUB_TOKEN", "JWT_SECRET", "AWS_SECRET_ACCESS_KEY", "OPENAI_API_KEY", "SLACK_BOT_TOKEN", "CLIENT_SECRET", "REDIS_PASSWORD"]; // claude-guard:allow (benchmark data, not a credential)
  const v = (i) => vars[i % vars.length];

  // Environment and secret-store references, in every language and config format.
  const refs = [
    (n) => ["env-ref-js", "config.js", `module.exports = {\n  ${camel(n)}: process.env.${n},\n  port: Number(process.env.PORT ?? 3000),\n};\n`],
    (n) => ["env-ref-ts", "env.ts", `export const ${camel(n)}: string = process.env["${n}"] ?? "";\nif (!${camel(n)}) throw new Error("${n} is not set");\n`],
    (n) => ["env-ref-js-destructure", "server.mjs", `const { ${n}, NODE_ENV } = process.env;\nconst ${camel(n)} = ${n};\n`],
    (n) => ["env-ref-python", "settings.py", `import os\n\n${n} = os.environ["${n}"]\nDEBUG = os.environ.get("DEBUG") == "1"\n`],
    (n) => ["env-ref-python-getenv", "app.py", `import os\n\n${snake(n)} = os.getenv("${n}", "")\n`],
    (n) => ["env-ref-go", "config.go", `package config\n\nimport "os"\n\nvar ${camel(n)} = os.Getenv("${n}")\n`],
    (n) => ["env-ref-java", "Config.java", `class Config {\n  static final String ${n} = System.getenv("${n}");\n}\n`],
    (n) => ["env-ref-ruby", "config.rb", `${n} = ENV.fetch("${n}")\n${snake(n)} = ENV["${n}"]\n`],
    (n) => ["env-ref-php", "config.php", `<?php\n$${camel(n)} = getenv('${n}');\n$${camel(n)}Alt = $_ENV['${n}'] ?? null;\n`],
    (n) => ["env-ref-csharp", "Program.cs", `var ${camel(n)} = Environment.GetEnvironmentVariable("${n}");\n`],
    (n) => ["env-ref-rust", "main.rs", `let ${snake(n)} = std::env::var("${n}").expect("${n} must be set");\n`],
    (n) => ["env-ref-shell", "run.sh", `#!/bin/sh\n${n}="\${${n}:?missing}"\ncurl -H "Authorization: Bearer \${${n}}" https://api.acme-corp.net/v1/ping\n`],
    (n) => ["env-ref-shell-dollar", "deploy.sh", `#!/bin/bash\nexport ${n}="$${n}"\n./deploy --${words(n).join("-")} "$${n}"\n`],
    (n) => ["env-ref-compose", "docker-compose.yml", `services:\n  app:\n    environment:\n      ${n}: \${${n}}\n      ${n}_FALLBACK: \${${n}:-}\n`],
    (n) => ["gha-secrets-ref", "ci.yml", `jobs:\n  build:\n    runs-on: ubuntu-latest\n    env:\n      ${n}: \${{ secrets.${n} }}\n    steps:\n      - run: npm test\n`],
    (n) => ["helm-template", "secret.yaml", `apiVersion: v1\nkind: Secret\nmetadata:\n  name: app\nstringData:\n  ${snake(n)}: {{ .Values.${camel(n)} | quote }}\n`],
    (n) => ["jinja-template", "config.j2", `[credentials]\n${snake(n)} = {{ ${snake(n)} }}\npassword = {{ vault_db_password }}\n`],
    (n) => ["windows-env-ref", "deploy.bat", `@echo off\nset ${n}=%${n}%\ntool.exe --password %DB_PASSWORD% --token %${n}%\n`],
    (n) => ["powershell-env-ref", "deploy.ps1", `$${camel(n)} = $env:${n}\nInvoke-RestMethod -Uri $url -Headers @{ Authorization = "Bearer $${camel(n)}" }\n`],
    (n) => ["terraform-var-ref", "main.tf", `resource "aws_db_instance" "main" {\n  username = "app"\n  password = var.${snake(n)}\n}\n`],
    (n) => ["k8s-secret-ref", "deployment.yaml", `env:\n  - name: ${n}\n    valueFrom:\n      secretKeyRef:\n        name: app-secrets\n        key: ${snake(n)}\n`],
    (n) => ["spring-placeholder", "application.yml", `spring:\n  datasource:\n    password: \${${n}}\n    username: \${DB_USER:app}\n`],
    (n) => ["keyvault-ref", "appsettings.json", JSON.stringify({ [pascal(n)]: `@Microsoft.KeyVault(SecretUri=https://acme-kv.vault.azure.net/secrets/${pascal(n)}/)` }, null, 2) + "\n"],
    (n) => ["ssm-ref", "template.yml", `Resources:\n  Db:\n    Properties:\n      MasterUserPassword: '{{resolve:secretsmanager:prod/${snake(n)}:SecretString:password}}'\n`],
    (n) => ["1password-ref", ".env.tpl", `${n}=op://Engineering/${pascal(n)}/credential\n`],
    (n) => ["docker-secret-file", "docker-compose.prod.yml", `services:\n  db:\n    environment:\n      ${n}_FILE: /run/secrets/${snake(n)}\n    secrets:\n      - ${snake(n)}\n`],
    (n) => ["erb-env-ref", "database.yml", `production:\n  password: <%= ENV['${n}'] %>\n  username: <%= ENV.fetch('DB_USER') %>\n`],
    (n) => ["python-fstring-conn", "db.py", `url = f"postgresql://{user}:{password}@{host}:5432/{name}"\n${snake(n)} = settings.${snake(n)}\n`],
    (n) => ["env-conn-template", ".env.template", `DATABASE_URL=postgres://\${DB_USER}:\${DB_PASSWORD}@\${DB_HOST}:5432/app\n${n}=\n`],
    (n) => ["env-empty-values", ".env.example", `# copy to .env and fill in\n${n}=\nDB_PASSWORD=\nPORT=3000\n`],
  ];
  for (let i = 0; i < refs.length * 2; i++) {
    const [kind, file, text] = refs[i % refs.length](v(i));
    add(kind, file, text);
  }
  // More runtimes, CI systems and infrastructure tools: each has its own way to say "read it elsewhere".
  const moreRefs = [
    (n) => ["env-ref-deno", "main.ts", `const ${camel(n)} = Deno.env.get("${n}");\n`],
    (n) => ["env-ref-vite", "api.ts", `const ${camel(n)} = import.meta.env.VITE_${n};\n`],
    (n) => ["env-ref-bun", "index.ts", `const ${camel(n)} = Bun.env.${n} ?? "";\n`],
    (n) => ["env-ref-kotlin", "Env.kt", `val ${camel(n)}: String = System.getenv("${n}") ?: error("missing ${n}")\n`],
    (n) => ["env-ref-elixir", "runtime.exs", `config :orders, ${snake(n)}: System.fetch_env!("${n}")\n`],
    (n) => ["env-ref-dart", "env.dart", `final ${camel(n)} = Platform.environment['${n}'];\n`],
    (n) => ["env-ref-swift", "Env.swift", `let ${camel(n)} = ProcessInfo.processInfo.environment["${n}"]\n`],
    (n) => ["env-ref-lua", "init.lua", `local ${snake(n)} = os.getenv("${n}")\n`],
    (n) => ["env-ref-perl", "deploy.pl", `my $${snake(n)} = $ENV{${n}};\n`],
    (n) => ["env-ref-r", "setup.R", `${snake(n)} <- Sys.getenv("${n}")\n`],
    (n) => ["env-ref-scala", "Config.scala", `val ${camel(n)} = sys.env("${n}")\n`],
    (n) => ["makefile-ref", "Makefile", `deploy:\n\t./deploy --token $(${n}) --password "$$DB_PASSWORD"\n`],
    (n) => ["gitlab-ci-ref", ".gitlab-ci.yml", `deploy:\n  script:\n    - echo "$${n}" | docker login -u gitlab-ci-token --password-stdin $CI_REGISTRY\n    - curl --header "JOB-TOKEN: $CI_JOB_TOKEN" "$CI_API_V4_URL/projects"\n`],
    (n) => ["azure-pipelines-ref", "azure-pipelines.yml", `steps:\n  - script: ./deploy.sh\n    env:\n      ${n}: $(${n})\n`],
    (n) => ["jenkins-credentials-ref", "Jenkinsfile", `pipeline {\n  environment {\n    ${n} = credentials('${words(n).join("-")}')\n  }\n}\n`],
    (n) => ["terraform-data-ref", "db.tf", `locals {\n  ${snake(n)} = jsondecode(data.aws_secretsmanager_secret_version.db.secret_string)["password"]\n}\n`],
    (n) => ["pulumi-config-ref", "index.ts", `const config = new pulumi.Config();\nconst ${camel(n)} = config.requireSecret("${camel(n)}");\n`],
    (n) => ["cdk-secret-ref", "stack.ts", `const ${camel(n)} = SecretValue.secretsManager("prod/${snake(n)}");\n`],
    (n) => ["serverless-ssm-ref", "serverless.yml", `provider:\n  environment:\n    ${n}: \${ssm:/orders/prod/${snake(n)}}\n`],
    (n) => ["external-secret-ref", "externalsecret.yaml", `apiVersion: external-secrets.io/v1beta1\nkind: ExternalSecret\nspec:\n  data:\n    - secretKey: ${snake(n)}\n      remoteRef:\n        key: prod/orders\n        property: ${snake(n)}\n`],
    (n) => ["mustache-template", "config.mustache", `${snake(n)} = "{{${snake(n)}}}"\npassword = "{{password}}"\n`],
    (n) => ["go-template", "config.tmpl", `${snake(n)}: {{ .${pascal(n)} }}\npassword: {{ .Values.db.password | b64enc }}\n`],
    (n) => ["ansible-lookup", "vars.yml", `${snake(n)}: "{{ lookup('env', '${n}') }}"\ndb_password: "{{ vault_db_password }}"\n`],
    (n) => ["docker-build-secret", "build.sh", `docker build --secret id=${snake(n)},env=${n} --build-arg ${n} -t acme/orders .\n`],
    (n) => ["gha-with-secret", "release.yml", `      - uses: actions/setup-node@v4\n        with:\n          registry-url: https://registry.npmjs.org\n      - run: npm publish\n        env:\n          NODE_AUTH_TOKEN: \${{ secrets.${n} }}\n          GITHUB_TOKEN: \${{ github.token }}\n`],
    (n) => ["systemd-envfile", "orders.service", `[Service]\nEnvironmentFile=/etc/orders/${snake(n)}.env\nLoadCredential=${snake(n)}:/etc/credstore/${snake(n)}\n`],
    (n) => ["argo-parameter", "workflow.yaml", `args: ["--token", "{{workflow.parameters.${camel(n)}}}", "--password", "{{inputs.parameters.password}}"]\n`],
  ];
  moreRefs.forEach((f, i) => {
    const [kind, file, text] = f(v(i + 3));
    add(kind, file, text);
  });

  // Function calls, declarations, types.
  const code = [
    ["function-call", "auth.ts", `const token = await getToken();\nconst password = await promptPassword("Password: ");\nconst apiKey = config.get("apiKey");\n`], // claude-guard:allow (benchmark data, not a credential)
    ["function-call", "vault.py", `secret = vault_client.secrets.kv.read_secret_version(path="orders/db")["data"]["data"]["password"]\ntoken = get_token(scope="orders")\n`],
    ["function-call", "login.py", `import getpass\n\npassword = getpass.getpass("Password: ")\ntoken = session.fetch_token(token_url, client_secret=client_secret)\n`],
    ["function-call", "Secrets.java", `String password = secretsManager.getSecretValue(request).getSecretString();\nString token = tokenProvider.getAccessToken();\n`],
    ["function-call", "auth.go", `token, err := auth.NewTokenSource(ctx).Token()\npassword := os.Getenv("PGPASSWORD")\nsecret := ssm.MustGetParameter("/orders/jwt_secret")\n`],
    ["function-call", "hash.js", `const passwordHash = await bcrypt.hash(password, 12);\nconst secret = crypto.randomBytes(32).toString("hex");\n`],
    ["function-call", "keys.rb", `secret_key = Rails.application.credentials.secret_key_base\napi_token = Credentials.fetch(:api_token)\n`],
    ["type-declaration", "types.ts", `export interface Credentials {\n  username: string;\n  password: string;\n  apiKey?: string;\n  accessToken: string | null;\n}\n`],
    ["type-declaration", "models.py", `from dataclasses import dataclass\n\n\n@dataclass\nclass Login:\n    username: str\n    password: str\n    token: str | None = None\n`],
    ["type-declaration", "user.go", "package model\n\ntype User struct {\n\tEmail    string `json:\"email\"`\n\tPassword string `json:\"password\" db:\"password_hash\"`\n\tAPIToken string `json:\"api_token,omitempty\"`\n}\n"],
    ["type-declaration", "User.java", `public class User {\n    private String password;\n    private String secretAnswer;\n    public void setPassword(String password) { this.password = password; }\n}\n`],
    ["type-declaration", "config.rs", `pub struct Config {\n    pub api_key: Option<String>,\n    pub client_secret: SecretString,\n}\n`],
    ["type-declaration", "schema.graphql", `type Mutation {\n  login(email: String!, password: String!): AuthPayload\n  resetPassword(token: String!, newPassword: String!): Boolean\n}\n`],
    ["type-declaration", "openapi.yml", `components:\n  securitySchemes:\n    bearerAuth:\n      type: http\n      scheme: bearer\n      bearerFormat: JWT\n    apiKey:\n      type: apiKey\n      in: header\n      name: X-API-Key\n`],
    ["null-values", "defaults.py", `PASSWORD = None\nAPI_KEY = ""\nSECRET_KEY = os.environ.get("SECRET_KEY")\n`],
    ["null-values", "defaults.js", `let password = null;\nlet token = undefined;\nconst secret = "";\n`],
    ["settings-not-secrets", "auth.py", `PASSWORD_MIN_LENGTH = 12\nTOKEN_TTL_SECONDS = 3600\nAUTH_PASSWORD_VALIDATORS = [\n    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},\n]\nPASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher"]\n`],
    ["settings-not-secrets", "oauth.js", `const params = new URLSearchParams({ grant_type: "password", token_type: "Bearer" });\nconst tokenEndpoint = "https://auth.acme-corp.net/oauth/token";\n`],
    ["settings-not-secrets", "secrets.tf", `resource "aws_secretsmanager_secret" "db" {\n  name = "prod/orders/db_password"\n  recovery_window_in_days = 7\n}\n`],
    ["settings-not-secrets", "header.ts", `export const API_KEY_HEADER = "X-API-Key";\nexport const PASSWORD_FIELD = "password";\nexport const TOKEN_STORAGE_KEY = "auth_token";\n`],
    ["regex-policy", "validate.js", `const PASSWORD_REGEX = /^(?=.*[A-Z])(?=.*[a-z])(?=.*\\d)(?=.*[^\\w\\s]).{12,}$/;\nconst TOKEN_PATTERN = /^[A-Za-z0-9_-]{20,}$/;\n`],
    ["auth-header-ref", "client.js", "const headers = { Authorization: `Bearer ${accessToken}` };\n"],
    ["auth-header-ref", "call.sh", `curl -H "Authorization: Bearer $(gcloud auth print-access-token)" https://run.googleapis.com/v2/projects\ncurl -u "$NEXUS_USER:$NEXUS_PASSWORD" https://nexus.acme-corp.net/\n`],
    ["conn-no-password", "database.yml", `development:\n  url: postgres://localhost:5432/app_dev\ncache:\n  url: redis://redis:6379/0\nreplica: jdbc:postgresql://db-replica:5432/orders\n`], // claude-guard:allow (benchmark data, not a credential)
    ["ml-tokens", "train.py", `tokenizer = AutoTokenizer.from_pretrained("bert-base-uncased")\nmax_tokens = 1024\ntoken_count = len(tokenizer.encode(text))\n`],
    ["word-lookalikes", "layout.css", `.keyboard-shortcuts { display: grid; }\n.secretary-desk { margin: 0; }\n.token-list { color: #333; }\n`],
    ["react-keys", "List.jsx", `export const List = ({ items }) => (\n  <ul>{items.map((item) => <li key={item.id}>{item.label}</li>)}</ul>\n);\n`],
    ["password-comparison", "signup.js", `if (password !== confirmPassword) {\n  throw new Error("Passwords do not match");\n}\n`], // claude-guard:allow (benchmark data, not a credential)
    ["hash-of-password", "users.sql", `-- the password column stores argon2id hashes\nSELECT id FROM users WHERE password_hash = crypt($1, password_hash);\n`],
    ["key-names-only", "jwks-config.json", JSON.stringify({ keyId: "orders-signing-2025", algorithm: "RS256", publicKeyUrl: "https://auth.acme-corp.net/.well-known/jwks.json" }, null, 2) + "\n"],
    ["secret-in-name-only", "routes.rb", `post "/password_resets", to: "password_resets#create"\nget "/api_keys/:id", to: "api_keys#show"\n`],
    ["cli-help", "cli.py", `parser.add_argument("--password", help="database password (default: read from $PGPASSWORD)")\nparser.add_argument("--token", default=None, help="API token")\n`],
    ["k8s-secret-name-only", "pod.yaml", `volumes:\n  - name: tls\n    secret:\n      secretName: orders-tls\n`],
    ["jwt-config", "jwt.py", `JWT_ALGORITHM = "HS256"\nJWT_ACCESS_TOKEN_EXPIRES = timedelta(minutes=15)\nJWT_SECRET_KEY = os.environ["JWT_SECRET_KEY"]\n`],
    ["oauth-urls", "openid.json", JSON.stringify({ issuer: "https://auth.acme-corp.net", authorization_endpoint: "https://auth.acme-corp.net/authorize", token_endpoint: "https://auth.acme-corp.net/oauth/token", jwks_uri: "https://auth.acme-corp.net/.well-known/jwks.json" }, null, 2) + "\n"],
    ["test-fixture-random", "conftest.py", `@pytest.fixture\ndef api_key(monkeypatch):\n    key = os.urandom(16).hex()\n    monkeypatch.setenv("API_KEY", key)\n    return key\n`],
    ["tuple-table", "fields.js", `// [field, template, label]\nexport const FIELDS = [\n  ["password", "signup.html", "Password"],\n  ["api-token", "settings.html", "API token"],\n  ["client-secret", "oauth.html", "Client secret"],\n];\n`], // claude-guard:allow (benchmark data, not a credential)
    ["test-table", "validate.test.js", `it.each([\n  ["password-too-short", "min-length"],\n  ["token-expired", "expiry"],\n])("%s is reported as %s", (code, rule) => {\n  expect(explain(code).rule).toBe(rule);\n});\n`], // claude-guard:allow (benchmark data, not a credential)
    ["split-name-valuefrom", "task-definition.json", JSON.stringify({ containerDefinitions: [{ name: "orders", secrets: [{ name: "DB_PASSWORD", valueFrom: "arn:aws:ssm:us-east-1:123456789012:parameter/orders/db_password" }] }] }, null, 2) + "\n"],
    ["git-lfs-pointer", "model.bin", `version https://git-lfs.github.com/spec/v1\noid sha256:${r.str(64, r.A.hex)}\nsize 48213\n`],
    ["csrf-template", "layout.html", `<meta name="csrf-token" content="{{ csrf_token() }}">\n<script nonce="{{ request.csp_nonce }}">window.token = "{{ token }}";</script>\n`],
    ["hashed-filenames", "manifest.json", JSON.stringify({ "main.js": `main.${r.str(16, r.A.hex)}.js`, "vendor.js": `vendor.${r.str(20, r.A.hex)}.js`, "styles.css": `styles.${r.str(16, r.A.hex)}.css` }, null, 2) + "\n"],
    ["base64-of-text", "encode.test.js", `expect(encode("hello world")).toBe("${Buffer.from("hello world").toString("base64")}");\nexpect(encode("user:name")).toBe("${Buffer.from("user:name").toString("base64")}");\n`],
    ["password-hash-fixture", "users.json", JSON.stringify([{ email: "alice@acme-corp.net", password_hash: "$argon2id$v=19$m=65536,t=3,p=4$" + r.token(22, r.A.base64) + "$" + r.token(43, r.A.base64) }], null, 2) + "\n"],
    ["url-without-credentials", ".gitmodules", `[submodule "vendor/lib"]\n\tpath = vendor/lib\n\turl = https://github.com/acme/lib.git\n`], // claude-guard:allow (benchmark data, not a credential)
    ["error-messages", "errors.go", `var (\n\tErrInvalidToken    = errors.New("invalid token")\n\tErrPasswordTooWeak = errors.New("password too weak")\n\tErrSecretNotFound  = errors.New("secret not found")\n)\n`],
    ["enum-values", "TokenType.java", `public enum TokenType {\n    ACCESS_TOKEN,\n    REFRESH_TOKEN,\n    API_KEY,\n    PASSWORD_RESET\n}\n`],
    ["log-format", "logging.py", `logger.info("rotated api key for %s (key id %s)", account, key_id)\nlogger.warning("password reset requested for user_id=%d", user_id)\n`],
    ["secret-manager-call", "secrets.js", `const { SecretString } = await sm.send(new GetSecretValueCommand({ SecretId: "prod/orders/db" }));\nconst { password } = JSON.parse(SecretString);\n`],
    ["openssl-command", "gen-key.sh", `openssl genrsa -out private.pem 4096\nopenssl rsa -in private.pem -pubout -out public.pem\nssh-keygen -t ed25519 -f ./deploy_key -N ""\n`],
    ["hash-values", "checksums.json", JSON.stringify({ "orders-1.4.2.tgz": { sha512: r.str(128, r.A.hex), sha1: r.str(40, r.A.hex) } }, null, 2) + "\n"],
    ["hash-values", "package.json", JSON.stringify({ name: "orders", version: "1.4.2", dist: { shasum: r.str(40, r.A.hex), tarball: "https://registry.npmjs.org/orders/-/orders-1.4.2.tgz" } }, null, 2) + "\n"],
  ];
  for (const [kind, file, text] of code) add(kind, file, text);

  // Hashes, digests, identifiers.
  const hex = (n) => r.str(n, r.A.hex);
  const b64 = (n) => r.token(n, r.A.base64);
  add("sha256-checksums", "SHA256SUMS", `${hex(64)}  claude-guard-linux-x64.tar.gz\n${hex(64)}  claude-guard-darwin-arm64.tar.gz\n`);
  add("sha1-git-shas", "CHANGELOG.md", `## 1.4.2\n\n- fix retry on 429 (${hex(40)})\n- bump dependencies (${hex(7)})\n- merge pull request #418 (commit ${hex(40)})\n`);
  add("git-sha-in-code", "version.go", `package version\n\nconst Commit = "${hex(40)}"\nconst BuildDate = "2025-03-02T10:11:12Z"\n`);
  add("md5-etag", "cache.py", `ETAG = "${hex(32)}"\nexpected_md5 = "${hex(32)}"\n`);
  add("docker-digest", "Dockerfile", `FROM node:20-alpine@sha256:${hex(64)}\nRUN npm ci\n`);
  add("docker-digest", "kustomization.yaml", `images:\n  - name: acme/orders\n    digest: sha256:${hex(64)}\n`);
  add("go-sum", "go.sum", `github.com/acme/lib v1.2.3 h1:${b64(43)}=\ngithub.com/acme/lib v1.2.3/go.mod h1:${b64(43)}=\n`);
  add("cargo-lock", "Cargo.lock", `[[package]]\nname = "serde"\nversion = "1.0.200"\nsource = "registry+https://github.com/rust-lang/crates.io-index"\nchecksum = "${hex(64)}"\n`);
  add("lockfile-integrity", "package-lock.json", JSON.stringify({ name: "app", lockfileVersion: 3, packages: { "node_modules/left-pad": { version: "1.3.0", resolved: "https://registry.npmjs.org/left-pad/-/left-pad-1.3.0.tgz", integrity: "sha512-" + b64(86) + "==" } } }, null, 2) + "\n");
  add("lockfile-integrity", "yarn.lock", `left-pad@^1.3.0:\n  version "1.3.0"\n  resolved "https://registry.yarnpkg.com/left-pad/-/left-pad-1.3.0.tgz#${hex(40)}"\n  integrity sha512-${b64(86)}==\n`);
  add("lockfile-integrity", "pnpm-lock.yaml", `packages:\n  /left-pad@1.3.0:\n    resolution: {integrity: sha512-${b64(86)}==}\n`);
  add("sri-integrity", "index.html", `<script src="https://cdn.jsdelivr.net/npm/alpinejs@3.13.0/dist/cdn.min.js" integrity="sha384-${b64(64)}" crossorigin="anonymous"></script>\n`);
  add("integrity-in-json", "importmap.json", JSON.stringify({ imports: { lit: "https://cdn.jsdelivr.net/npm/lit@3/+esm" }, integrity: { "https://cdn.jsdelivr.net/npm/lit@3/+esm": "sha384-" + b64(64) } }, null, 2) + "\n");
  add("uuid-ids", "fixtures.json", JSON.stringify({ tenantId: r.uuid(), clientId: r.uuid(), requestId: r.uuid(), orderIds: [r.uuid(), r.uuid()] }, null, 2) + "\n");
  add("uuid-ids", "constants.py", `NAMESPACE_ORDERS = uuid.UUID("${r.uuid()}")\nDEFAULT_TENANT_ID = "${r.uuid()}"\n`);
  add("uuid-ids", "appsettings.json", JSON.stringify({ AzureAd: { Instance: "https://login.microsoftonline.com/", TenantId: r.uuid(), ClientId: r.uuid() } }, null, 2) + "\n");
  add("uuid-ids", "migration.sql", `INSERT INTO plans (id, name) VALUES ('${r.uuid()}', 'pro'), ('${r.uuid()}', 'team');\n`);
  add("uuid-ids", "project.csproj", `<Project Sdk="Microsoft.NET.Sdk">\n  <PropertyGroup>\n    <ProjectGuid>{${r.uuid().toUpperCase()}}</ProjectGuid>\n    <UserSecretsId>${r.uuid()}</UserSecretsId>\n  </PropertyGroup>\n</Project>\n`);
  add("public-ids", "analytics.js", `gtag("config", "G-${r.str(10, r.A.upperDigits)}");\nconst SENTRY_RELEASE = "orders@1.4.2";\nconst STRIPE_PRICE_ID = "price_${r.str(24, r.A.alnum)}";\n`);

  // Base64 images, minified code, source maps, CSS colours.
  const pngHeader = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
  const img = () => Buffer.concat([pngHeader, r.bytes(r.int(300, 900))]).toString("base64");
  add("base64-image", "logo.css", `.logo {\n  background-image: url("data:image/png;base64,${img()}");\n}\n`);
  add("base64-image", "icon.html", `<img alt="logo" src="data:image/png;base64,${img()}">\n`);
  add("base64-image", "icons.js", `export const ICON_CHECK = "data:image/png;base64,${img()}";\n`);
  add("base64-image", "README.md", `# Orders\n\n![badge](data:image/png;base64,${img()})\n`);
  add("base64-font", "fonts.css", `@font-face {\n  font-family: "Inter";\n  src: url(data:font/woff2;base64,${r.bytes(1200).toString("base64")}) format("woff2");\n}\n`);
  const ident = () => r.str(1, r.A.alpha) + r.str(r.int(0, 2), r.A.alnum);
  const minified = () => {
    let s = "!function(e,t){";
    for (let i = 0; i < 120; i++) s += `var ${ident()}=${ident()}.${ident()}(${ident()},${r.int(0, 999)}),${ident()}="${r.str(r.int(2, 10), r.A.alnum)}";if(${ident()}&&${ident()})return ${ident()}(${ident()});`;
    return s + "}(this,function(){});\n";
  };
  add("minified-js", "vendor.min.js", minified());
  add("minified-js", "bundle.js", minified());
  add("minified-js", "chunk-4f2a.js", minified());
  const vlq = () => Array.from({ length: 400 }, () => r.str(r.int(4, 8), r.A.alpha)).join(",");
  add("source-map", "app.js.map", JSON.stringify({ version: 3, file: "app.js", sources: ["src/app.ts"], names: ["token", "password"], mappings: vlq() }) + "\n"); // claude-guard:allow (benchmark data, not a credential)
  add("css-colors", "theme.css", `:root {\n${Array.from({ length: 12 }, (_, i) => `  --color-${i}: #${hex(6)};`).join("\n")}\n}\n`);
  add("css-colors", "tokens.json", JSON.stringify({ color: { primary: "#" + hex(6), secondary: "#" + hex(6), accent: "#" + hex(8) }, spacing: { sm: "4px" } }, null, 2) + "\n");
  add("css-colors", "palette.scss", `$primary: #${hex(6)};\n$secondary: #${hex(6)};\n$token-border: #${hex(3)};\n`);

  // UI text: i18n strings, form labels, field names, test names.
  const ui = [
    ["i18n-strings", "en.json", JSON.stringify({ login: { password: "Password", forgot_password: "Forgot password?", token_expired: "Your session token has expired", api_key_label: "API key" } }, null, 2) + "\n"],
    ["i18n-strings", "de.yml", `de:\n  password: "Passwort"\n  password_confirmation: "Passwort bestätigen"\n  secret_question: "Sicherheitsfrage"\n`],
    ["i18n-strings", "fr.json", JSON.stringify({ password: "Mot de passe", newPassword: "Nouveau mot de passe", token: "Jeton d'accès" }, null, 2) + "\n"],
    ["i18n-strings", "messages.properties", `login.password=Password\nlogin.password.invalid=The password you entered is incorrect\napi.token.revoked=This API token was revoked\n`],
    ["i18n-strings", "strings.xml", `<resources>\n    <string name="password">Password</string>\n    <string name="password_hint">Enter your password</string>\n    <string name="secret_key_title">Secret key</string>\n</resources>\n`],
    ["i18n-strings", "messages.ts", `export const messages = {\n  password: "Password",\n  passwordTooShort: "Password must be at least 12 characters",\n  apiKey: "API Key",\n};\n`],
    ["form-labels", "login.html", `<form method="post">\n  <label for="password">Password</label>\n  <input type="password" id="password" name="password" placeholder="Password" autocomplete="current-password">\n</form>\n`],
    ["form-labels", "Login.vue", `<template>\n  <input v-model="password" type="password" :placeholder="$t('password')" />\n  <input v-model="apiToken" name="api_token" />\n</template>\n`],
    ["form-labels", "LoginForm.tsx", `<TextField label="Password" type="password" name="password" value={password} onChange={(e) => setPassword(e.target.value)} />\n`],
    ["field-names", "forms.py", `class SignupForm(forms.Form):\n    password_field = forms.CharField(widget=forms.PasswordInput)\n    password_confirm = forms.CharField(widget=forms.PasswordInput)\n`],
    ["field-names", "user_serializer.rb", `class UserSerializer\n  attributes :id, :email\n  attribute :password_digest, if: -> { false }\n  PASSWORD_FIELD = :password\nend\n`],
    ["field-names", "migration.rb", `add_column :users, :password_reset_token, :string\nadd_column :users, :encrypted_password, :string, null: false, default: ""\n`],
    ["field-names", "schema.sql", `CREATE TABLE users (\n  id uuid PRIMARY KEY,\n  password_hash text NOT NULL,\n  api_token_digest text\n);\n`],
    ["test-names", "auth.test.ts", `describe("password reset", () => {\n  it("rejects an expired token", async () => {\n    await expect(reset("expired")).rejects.toThrow("token expired");\n  });\n});\n`],
    ["test-names", "test_auth.py", `def test_password_reset_token_expires():\n    assert not is_valid(expired_token)\n\n\ndef test_api_key_rotation_revokes_old_key():\n    assert rotate(key_id) != key_id\n`],
    ["test-names", "auth_test.go", `func TestPasswordIsHashed(t *testing.T) {\n\tu := NewUser("a@b.c", password)\n\tif u.Password == password {\n\t\tt.Fatal("password stored in clear")\n\t}\n}\n`],
    ["docs-prose", "SECURITY.md", `# Security\n\nNever commit a password, token or API key. Store secrets in the vault and read them\nfrom the environment (for example \`process.env.API_KEY\`). Rotate any leaked key at once.\n`],
    ["docs-prose", "docs.md", `Set the \`GITHUB_TOKEN\` secret in the repository settings, then reference it as\n\`\${{ secrets.GITHUB_TOKEN }}\` in the workflow. The token needs \`contents: read\`.\n`],
  ];
  for (const [kind, file, text] of ui) add(kind, file, text);

  // Public material: public keys, certificates, known_hosts.
  const pub = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 }).publicKey;
  add("public-key", "public.pem", pub.export({ type: "spki", format: "pem" }));
  add("public-key", "id_rsa.pub", `ssh-rsa ${Buffer.concat([Buffer.from([0, 0, 0, 7]), Buffer.from("ssh-rsa"), r.bytes(270)]).toString("base64")} deploy@ci\n`);
  add("public-key", "authorized_keys", `ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${r.token(43, r.A.base64)} alice@laptop\n`);
  add("public-key", "known_hosts", `github.com ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${r.token(43, r.A.base64)}\n`);
  add("certificate", "ca.crt", `-----BEGIN CERTIFICATE-----\n${wrap(r.bytes(900).toString("base64"), 64)}\n-----END CERTIFICATE-----\n`);
  add("encrypted-blob", "secrets.yml", `db_password: !vault |\n  $ANSIBLE_VAULT;1.1;AES256\n${Array.from({ length: 5 }, () => "  " + hex(80)).join("\n")}\n`);

  // Data that merely looks random.
  add("random-looking-data", "seed.json", JSON.stringify({ nonce: r.int(1, 1e9), salt_length: 16, checksum: hex(40), build: "2025.03." + r.int(1, 28) }, null, 2) + "\n");
  add("random-looking-data", "test_vectors.txt", Array.from({ length: 6 }, () => `${hex(32)} ${hex(32)}`).join("\n") + "\n");
  add("random-looking-data", "wasm.js", `const bytes = Uint8Array.from(atob("${r.bytes(600).toString("base64")}"), (c) => c.charCodeAt(0));\n`);
  add("version-strings", "versions.txt", `node 20.18.1\ntypescript 5.9.3\nopenssl 3.0.13+quic\n`);
  return items;
}

/**
 * Small files with provider credentials and placeholders (no private keys: they are slow to make), for
 * sprinkling into the throughput input so that the scanners have something to report there too.
 */
export function snippetItems(seed, count) {
  const r = randomTools(prng(seed));
  const items = [];
  const providers = providerList(r);
  for (let i = 0; items.length < count; i++) {
    const p = providers[i % providers.length];
    const pairs = p.pairs ? p.pairs() : [[p.name, p.gen()]];
    items.push(RENDERERS[GENERAL[(i * 3) % GENERAL.length]](pairs));
  }
  return items;
}

// ---------------------------------------------------------------------------------------------------
export function generateCorpus(outDir = path.join(WORK_DIR, "corpus"), seed = DEFAULT_SEED) {
  const r = randomTools(prng(seed));
  const items = [...secretItems(r), ...placeholderItems(), ...negativeItems(r)];
  // Shuffle so an item's folder number says nothing about its label.
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(r.next() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  rmSync(outDir, { recursive: true, force: true });
  const manifest = { seed, generatedAt: new Date().toISOString(), items: [] };
  items.forEach((item, i) => {
    const rel = path.posix.join("items", `i${String(i + 1).padStart(4, "0")}`, item.file);
    mkdirSync(path.join(outDir, path.dirname(rel)), { recursive: true });
    writeFileSync(path.join(outDir, rel), item.text);
    manifest.items.push({ path: rel, label: item.label, kind: item.kind, syntax: item.syntax });
  });
  const counts = { secret: 0, placeholder: 0, negative: 0 };
  for (const it of manifest.items) counts[it.label]++;
  manifest.counts = counts;
  writeFileSync(path.join(outDir, "manifest.json"), JSON.stringify(manifest, null, 2) + "\n");
  return manifest;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const out = process.argv[2] ? path.resolve(process.argv[2]) : undefined;
  const m = generateCorpus(out);
  console.log(`corpus: ${m.items.length} items (${m.counts.secret} secret, ${m.counts.placeholder} placeholder, ${m.counts.negative} negative)`);
}
