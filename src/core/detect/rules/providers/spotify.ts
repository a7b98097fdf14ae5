/**
 * Spotify credentials: client secret.
 * Values without a prefix of their own are matched only next to the provider's name in the setting's name.
 * Formats from the provider's documentation: https://developer.spotify.com/documentation/web-api/concepts/apps
 */
import type { Rule } from "../../rule.js";
import { contextRegex, defineRule, inSyntaxes, withValue } from "../kit.js";
import { fake } from "../../fake.js";

export const rules: Rule[] = [
  defineRule({
    id: "spotify-client-secret",
    title: "Spotify client secret",
    provider: "Spotify",
    severity: "high",
    keywords: ["spotify", "spotipy"],
    regex: contextRegex("spotify|spotipy", String.raw`client[_.-]?secret|secret`, "[a-f0-9]{32}"),
    docs: "https://developer.spotify.com/documentation/web-api/concepts/apps",
    remediation: "Rotate the client secret in the Spotify Developer Dashboard and keep its replacement in a secret manager.",
    samples: () => [fake.hex(32, "spotify-1")] as const,
    truePositives: ([t]) => [...inSyntaxes("spotify_client_secret", t), ...withValue(t, "SPOTIPY_CLIENT_SECRET='%s'")],
    falsePositives: () => ["SPOTIFY_CLIENT_ID=" + fake.hex(32, "spotify-fp"), "SPOTIFY_CLIENT_SECRET=${SPOTIFY_CLIENT_SECRET}"],
  }),
];
