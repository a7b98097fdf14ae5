import { rules } from "../../src/core/detect/rules/providers/encoded.js";
import { decodedJwt } from "../../src/core/detect/rules/providers/encoded.js";
import { runRule } from "../../src/core/detect/run-rule.js";
import type { Rule } from "../../src/core/detect/rule.js";
import { exampleJwt, fake } from "../../src/core/detect/fake.js";

function byId(id: string): Rule {
  const rule = rules.find((r) => r.id === id);
  if (!rule) throw new Error(`no rule ${id}`);
  return rule;
}
const secretsIn = (id: string, text: string, path = "k8s/secret.yaml") => runRule(byId(id), text, { path, configLike: true }).map((m) => m.secret);
const b64 = (text: string) => Buffer.from(text).toString("base64");

describe("base64-encoded JWTs", () => {
  const jwt = exampleJwt({ sub: fake.uuid("enc-sub"), exp: 4_102_444_800 }, "enc-jwt");

  it("finds a JWT encoded in standard or URL-safe base64, padded or not", () => {
    const std = b64(jwt);
    expect(secretsIn("jwt-base64", `token: ${std}`)).toEqual([std]);
    const url = Buffer.from(jwt).toString("base64url");
    expect(secretsIn("jwt-base64", `TOKEN=${url}`)).toEqual([url]);
    expect(decodedJwt(url)).toBe(jwt);
  });

  it("ignores base64 that starts like one but does not decode to a JWT with a JSON header", () => {
    expect(secretsIn("jwt-base64", `blob: ${b64("eyJub3QganNvbg." + fake.alnum(40, "enc-x"))}`)).toEqual([]);
    expect(secretsIn("jwt-base64", `blob: ZXlK${fake.alnum(80, "enc-y")}`)).toEqual([]);
  });
});

describe("Kubernetes Secret manifests", () => {
  const password = b64(fake.alnum(16, "k8s-pw"));
  const user = b64("admin-" + fake.lower(8, "k8s-user"));

  it("reports each data value of a kind: Secret, whether kind comes before or after data", () => {
    const after = `apiVersion: v1\ndata:\n  password: ${password}\n  username: ${user}\nkind: Secret\nmetadata:\n  name: db\n`;
    expect(secretsIn("kubernetes-secret-data", after)).toEqual([password, user]);
    const before = `apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ndata:\n  # base64 of the password\n  password: "${password}"\n`;
    expect(secretsIn("kubernetes-secret-data", before)).toEqual([password]);
  });

  it("reads block scalars and stops at the end of the data block", () => {
    const text = `apiVersion: v1\nkind: Secret\ndata:\n  .dockercfg: |\n    ${password}\nmetadata:\n  name: ${fake.alnum(18, "k8s-name")}1\n`;
    expect(secretsIn("kubernetes-secret-data", text)).toEqual([password]);
  });

  it("ignores other kinds, templates, empty and short values, and other documents of the file", () => {
    expect(secretsIn("kubernetes-secret-data", `apiVersion: v1\nkind: ConfigMap\ndata:\n  config: ${password}\n`)).toEqual([]);
    expect(secretsIn("kubernetes-secret-data", `apiVersion: external-secrets.io/v1beta1\nkind: ExternalSecret\ndata:\n  key: ${password}\n`)).toEqual([]);
    expect(secretsIn("kubernetes-secret-data", `apiVersion: v1\nkind: Secret\ndata:\n  a: {{ .Values.a }}\n  b: ""\n  c: YmFyCg==\n`)).toEqual([]);
    const two = `apiVersion: v1\nkind: ConfigMap\ndata:\n  x: ${user}\n---\napiVersion: v1\nkind: Secret\ndata:\n  y: ${password}\n`;
    expect(secretsIn("kubernetes-secret-data", two)).toEqual([password]);
  });
});
