import { rules } from "../../../src/core/detect/rules/providers/discord.js";
import { fake } from "../../../src/core/detect/fake.js";
import { ruleFinder } from "./find-rule.js";

const { secretsIn } = ruleFinder(rules);

describe("Discord rules", () => {
  it("needs context for a Discord bot token", () => {
    const token = "MT" + fake.base64url(24, 9) + "." + fake.base64url(6, 10) + "." + fake.base64url(38, 11);
    expect(secretsIn("discord-bot-token", `const x = "${token}";`)).toEqual([]);
    expect(secretsIn("discord-bot-token", `DISCORD_BOT_TOKEN="${token}"`)).toEqual([token]);
    expect(secretsIn("discord-bot-token", `await client.login('${token}');`)).toEqual([token]);
  });
});
