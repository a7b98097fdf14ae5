/**
 * Azure Cache for Redis (and Azure Managed Redis) access keys, in the StackExchange.Redis connection
 * string the portal hands out: `<name>.redis.cache.windows.net:6380,password=<key>,ssl=True,...`. An
 * access key is 32 random bytes in base64 (44 characters). Format from Microsoft's documentation.
 */
import type { Rule } from "../../rule.js";
import { fake } from "../../fake.js";
import { defineRule, inSyntaxes, withValue } from "../kit.js";

/** A Redis host of Azure's, its port, and the options before `password=` (`ssl=True,` ...). */
const AZURE_REDIS_HOST = String.raw`[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,30})?\.redis\.(?:cache\.windows\.net|azure\.net)(?::[0-9]{2,5})?,(?:[A-Za-z]{2,24}=[^,\s"']{0,40},){0,6}?`;

export const rules: Rule[] = [
  defineRule({
    id: "azure-cache-for-redis-access-key",
    title: "Azure Cache for Redis access key",
    provider: "Azure",
    severity: "critical",
    keywords: ["redis.cache.windows.net", "redis.azure.net"],
    regex: new RegExp(`(?<![\\w.-])${AZURE_REDIS_HOST}password=(?<secret>[A-Za-z0-9+/]{42,44}={0,2})(?![A-Za-z0-9+/=])`, "i"),
    docs: "https://learn.microsoft.com/azure/azure-cache-for-redis/cache-configure#access-keys",
    remediation: "Regenerate the access key in the Azure portal (the cache's Authentication > Access keys), switch clients to the other key or to Microsoft Entra authentication, and keep the connection string in Key Vault.",
    samples: () => [`${fake.base64(43, "azredis")}=`] as const,
    truePositives: ([k]) => [
      ...inSyntaxes("redis_connection", `contoso.redis.cache.windows.net:6380,password=${k},ssl=True,abortConnect=False`).map(([line]) => [line, k] as const),
      ...withValue(k, '"Redis": "acme-cache.redis.cache.windows.net:6380,ssl=True,password=%s,abortConnect=False"'),
      ...withValue(k, "REDIS=acme.westeurope.redis.azure.net:10000,password=%s,ssl=True"),
    ],
    falsePositives: ([k]) => [
      `REDIS=localhost:6379,password=${k}`,
      `REDIS=contoso.redis.cache.windows.net:6380,password=${k.slice(0, 20)},ssl=True`,
      "REDIS=contoso.redis.cache.windows.net:6380,ssl=True,abortConnect=False",
    ],
  }),
];
