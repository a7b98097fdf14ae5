/** honourRateLimits: a long read-only run waits out GitHub's rate limits instead of failing, and says so. */
import { describe, expect, it } from "@jest/globals";
import { Octokit } from "@octokit/rest";
import { honourRateLimits, type GitHubClient } from "../../src/github/client.js";

const NOW = 1_800_000_000_000;

function client(answers: Array<{ status: number; headers?: Record<string, string>; body?: unknown }>) {
  const sent: string[] = [];
  const fetch = async (url: string) => {
    sent.push(url);
    const answer = answers.shift() ?? { status: 200 };
    return new Response(JSON.stringify(answer.body ?? {}), { status: answer.status, headers: { "content-type": "application/json", ...answer.headers } });
  };
  const octokit = new Octokit({ auth: "test", baseUrl: "http://fake.invalid", request: { fetch }, log: { debug() {}, info() {}, warn() {}, error() {} } });
  const waits: Array<[number, string]> = [];
  const slept: number[] = [];
  let now = NOW;
  honourRateLimits(octokit as unknown as GitHubClient, {
    onWait: (ms, why) => waits.push([ms, why]),
    sleep: async (ms) => {
      slept.push(ms);
      now += ms;
    },
    now: () => now,
  });
  return { octokit, sent, waits, slept };
}

describe("honourRateLimits", () => {
  it("sends a rate-limited request again after the reset GitHub names, and says it waits", async () => {
    const reset = String(NOW / 1000 + 30);
    const { octokit, sent, waits, slept } = client([{ status: 403, headers: { "x-ratelimit-remaining": "0", "x-ratelimit-reset": reset }, body: { message: "API rate limit exceeded" } }, { status: 200 }]);
    const answer = await octokit.request("GET /rate_limit");
    expect(answer.status).toBe(200);
    expect(sent).toHaveLength(2);
    expect(slept).toEqual([31_000]);
    expect(waits[0]?.[1]).toMatch(/rate limit reached \(HTTP 403\)/);
  });

  it("honours retry-after on a secondary limit (429)", async () => {
    const { octokit, sent, slept } = client([{ status: 429, headers: { "retry-after": "7" }, body: { message: "secondary rate limit" } }, { status: 200 }]);
    await octokit.request("GET /rate_limit");
    expect([sent.length, slept]).toEqual([2, [7_000]]);
  });

  it("waits before the next request when an answer used the window's last request", async () => {
    const { octokit, sent, slept, waits } = client([{ status: 200, headers: { "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(NOW / 1000 + 60) } }, { status: 200 }]);
    await octokit.request("GET /rate_limit");
    expect(slept).toEqual([]);
    await octokit.request("GET /rate_limit");
    expect([sent.length, slept, waits[0]?.[1]]).toEqual([2, [61_000], "the rate limit's window is used up"]);
  });

  it("does not retry other errors", async () => {
    const { octokit, sent } = client([{ status: 404, body: { message: "Not Found" } }]);
    await expect(octokit.request("GET /rate_limit")).rejects.toMatchObject({ status: 404 });
    expect(sent).toHaveLength(1);
  });
});
