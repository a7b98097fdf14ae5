import { fake } from "../../../src/core/detect/fake.js";
import { makeJfrogReferenceToken, rules, validateJfrogReferenceToken } from "../../../src/core/detect/rules/providers/jfrog.js";
import { runRule } from "../../../src/core/detect/run-rule.js";

const referenceToken = rules.find((r) => r.id === "jfrog-reference-token")!;

describe("JFrog reference token structure", () => {
  it("confirms a token that decodes to reftkn:01:<expiry>:<random>", () => {
    const token = makeJfrogReferenceToken("ref-1");
    expect(token).toHaveLength(64);
    expect(validateJfrogReferenceToken(token).status).toBe("confirmed");
    expect(runRule(referenceToken, `JFROG_ACCESS_TOKEN=${token}`).map((m) => m.validation?.status)).toEqual(["confirmed"]);
  });

  it("fails a token with the prefix but a random tail, and still reports it", () => {
    const randomTail = "cmVmdGtuOjAx" + fake.alnum(52, "ref-2");
    expect(validateJfrogReferenceToken(randomTail).status).toBe("failed");
    const matches = runRule(referenceToken, `Authorization: Bearer ${randomTail}`);
    expect(matches.map((m) => [m.secret, m.validation?.status])).toEqual([[randomTail, "failed"]]);
  });
});
