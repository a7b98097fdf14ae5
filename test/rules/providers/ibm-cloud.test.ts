import { rules } from "../../../src/core/detect/rules/providers/ibm-cloud.js";
import { rules as awsRules } from "../../../src/core/detect/rules/providers/aws.js";
import { fake } from "../../../src/core/detect/fake.js";
import { ruleFinder } from "./find-rule.js";

const ibm = ruleFinder(rules);
const aws = ruleFinder(awsRules);

describe("IBM Cloud rules", () => {
  it("tells the AWS and IBM HMAC secrets apart by length and alphabet", () => {
    const hmac = fake.hex(48, "hmac");
    expect(ibm.secretsIn("ibm-cos-hmac-secret", `secret_access_key = ${hmac}`)).toEqual([hmac]);
    expect(aws.secretsIn("aws-secret-access-key", `secret_access_key = ${hmac}`)).toEqual([]);
  });
});
