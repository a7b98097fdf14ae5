import { rules } from "../../../src/core/detect/rules/providers/azure.js";
import { runRule } from "../../../src/core/detect/run-rule.js";
import { fake } from "../../../src/core/detect/fake.js";
import { ruleFinder } from "./find-rule.js";

const { byId, secretsIn } = ruleFinder(rules);

describe("Azure rules", () => {
  it("classifies the Azurite and Cosmos DB emulator keys as placeholders", () => {
    const azurite = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2" + "UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    const [m] = runRule(byId("azure-storage-account-key"), `AccountName=devstoreaccount1;AccountKey=${azurite};`);
    expect(m?.category).toBe("placeholder");
    const emulator = "C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuV" + "TqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==";
    const [c] = runRule(byId("azure-cosmosdb-key"), `COSMOS_KEY=${emulator}`);
    expect(c?.category).toBe("placeholder");
  });

  it("leaves Cosmos DB identifiable keys to the Cosmos rule even after AccountKey=", () => {
    const cosmos = fake.base64(76, "c") + "ACDb" + fake.base64(5, "d") + "A==";
    const line = `AccountEndpoint=https://acme.documents.azure.com:443/;AccountKey=${cosmos};`;
    expect(secretsIn("azure-storage-account-key", line)).toEqual([]);
    expect(secretsIn("azure-cosmosdb-key", line)).toEqual([cosmos]);
  });

  it("does not read SharedAccessKeyName as a key", () => {
    const key = fake.base64(43, "sb") + "=";
    expect(secretsIn("azure-shared-access-key", `SharedAccessKeyName=${key};`)).toEqual([]);
    expect(secretsIn("azure-shared-access-key", `SharedAccessKeyName=x;SharedAccessKey=${key}`)).toEqual([key]);
  });

  it("needs the signed version before the signature of a SAS", () => {
    const sig = fake.base64(43, "sig") + "=";
    expect(secretsIn("azure-sas-token", `?sr=b&sig=${sig}&sv=2022-11-02`)).toEqual([]);
    expect(secretsIn("azure-sas-token", `?sv=2022-11-02&sr=b&sig=${sig}`)).toEqual([sig]);
  });
});
