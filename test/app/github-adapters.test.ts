import { describe, expect, it } from "@jest/globals";
import { AppSettingsError, readSettings } from "../../src/app/server.js";
import { WorkQueue } from "../../src/app/work-queue.js";
import { externalIdFor, parseExternalId } from "../../src/github/check-runs.js";
import { describeApiError, nextLink } from "../../src/github/client.js";
import { addedLinesByContent, addedLinesFromPatch } from "../../src/github/commit-files.js";
import { decodeContent } from "../../src/github/contents.js";
import { testPrivateKey } from "./harness.js";
import { linesOf } from "../../src/core/added-lines.js";

describe("REST patches (hunks without git headers)", () => {
  it("numbers added lines in the new file through context, deletions and several hunks", () => {
    const parsed = addedLinesFromPatch("src/a b.ts", "@@ -1,3 +1,3 @@\n ctx\n-old\n+new\n ctx2\n@@ -20 +20,2 @@\n+twenty\n+twenty-one\n\\ No newline at end of file", "abc");
    expect(parsed.files).toEqual([{ path: "src/a b.ts", text: ["new", "twenty", "twenty-one"].join("\n"), lineNumbers: [2, 20, 21] }]);
  });

  it("keeps a line that looks like a header when the hunk says it is content", () => {
    const parsed = addedLinesFromPatch("x", "@@ -0,0 +1,2 @@\n+++ b/not-a-header\n+diff --git a/x b/x", "abc");
    expect(linesOf(parsed.files[0] ?? { text: "", lineNumbers: [] })).toEqual(["++ b/not-a-header", "diff --git a/x b/x"]);
  });
});

describe("added lines from two texts (GitHub sent no patch)", () => {
  it("reports lines of the new text that the old one lacks, with new-file line numbers", () => {
    expect(addedLinesByContent("f", "a\nb\nc\n", "a\nx\nb\nc\ny\n")).toEqual({ path: "f", text: ["x", "y"].join("\n"), lineNumbers: [2, 5] });
  });
  it("takes every line of a new file, and a duplicated line once more than before", () => {
    expect(linesOf(addedLinesByContent("f", undefined, "a\r\nb\r\n"))).toEqual(["a", "b"]);
    expect(addedLinesByContent("f", "k\n", "k\nk\n")).toMatchObject({ text: ["k"].join("\n"), lineNumbers: [2] });
  });
});

describe("contents API answers", () => {
  it("reads raw text, base64 JSON, and tells binary, too large and directories apart", () => {
    expect(decodeContent("hello\n", 100)).toEqual({ status: "ok", text: "hello\n", bytes: 6 });
    expect(decodeContent({ type: "file", encoding: "base64", content: Buffer.from("yo").toString("base64") }, 100)).toMatchObject({ status: "ok", text: "yo" });
    expect(decodeContent(new Uint8Array([80, 0, 1]).buffer, 100)).toMatchObject({ status: "binary" });
    expect(decodeContent("x".repeat(101), 100)).toMatchObject({ status: "too-large" });
    expect(decodeContent({ type: "file", encoding: "none", content: "", size: 5_000_000 }, 100)).toMatchObject({ status: "too-large", bytes: 5_000_000 });
    expect(decodeContent([{ name: "a" }], 100)).toEqual({ status: "not-a-file" });
  });
});

describe("small protocol helpers", () => {
  it("round-trips the delivery id kept in a check run's external_id", () => {
    expect(parseExternalId(externalIdFor("d-1", "done"))).toEqual({ deliveryId: "d-1", outcome: "done" });
    expect(parseExternalId(externalIdFor("d-1", "retry"))).toEqual({ deliveryId: "d-1", outcome: "retry" });
    expect(parseExternalId("something-else")).toEqual({});
  });
  it("finds the next page in a Link header", () => {
    expect(nextLink('<https://x/a?page=2>; rel="next", <https://x/a?page=9>; rel="last"')).toBe("https://x/a?page=2");
    expect(nextLink('<https://x/a?page=9>; rel="last"')).toBeUndefined();
  });
  it("describes an API error without its body or headers", () => {
    const error = Object.assign(new Error("Server Error\n<html>secret page</html>"), {
      status: 500,
      request: { method: "GET", url: "https://api.github.com/repos/a/b/commits/1?page=2", headers: { authorization: "token abc" } },
    });
    const text = describeApiError(error);
    expect(text).toBe("GitHub API error HTTP 500 on GET https://api.github.com/repos/a/b/commits/1: Server Error");
  });
});

describe("server settings", () => {
  const base = { APP_ID: "123", PRIVATE_KEY: "", WEBHOOK_SECRET: "test-webhook-secret" };
  it("refuses to start without a webhook secret, naming every problem", () => {
    expect(() => readSettings({ ...base, PRIVATE_KEY: testPrivateKey(), WEBHOOK_SECRET: "" })).toThrow(/WEBHOOK_SECRET must be set/);
    expect(() => readSettings({})).toThrow(AppSettingsError);
    expect(() => readSettings({})).toThrow(/APP_ID[\s\S]*PRIVATE_KEY[\s\S]*WEBHOOK_SECRET/);
  });
  it("reads GitHub Enterprise Server's host and protocol into the API base URL", () => {
    const settings = readSettings({ ...base, PRIVATE_KEY: testPrivateKey().replace(/\n/g, "\\n"), GHE_HOST: "ghe.example.com", GHE_PROTOCOL: "http", PORT: "8080" });
    expect(settings).toMatchObject({ baseUrl: "http://ghe.example.com/api/v3", port: 8080, host: "0.0.0.0", appId: 123 });
    expect(settings.privateKey).toContain("\n");
  });
});

describe("work queue", () => {
  const silentLog = { error() {}, info() {} };
  it("runs jobs of one head SHA one after the other and drops a delivery it already handled", async () => {
    const queue = new WorkQueue("background", silentLog);
    const order: string[] = [];
    const job = (name: string, ms: number) => async () => {
      order.push(`start ${name}`);
      await new Promise((r) => setTimeout(r, ms));
      order.push(`end ${name}`);
      return "done" as const;
    };
    await queue.submit("repo@sha", "d1", job("a", 30));
    await queue.submit("repo@sha", "d2", job("b", 1));
    await queue.submit("repo@sha", "d1", job("again", 1));
    await queue.idle();
    await queue.submit("repo@sha", "d1", job("later", 1));
    await queue.idle();
    expect(order).toEqual(["start a", "end a", "start b", "end b"]);
  });

  it("lets a failed job's delivery be retried", async () => {
    const queue = new WorkQueue("inline", silentLog);
    let runs = 0;
    const failing = async () => {
      runs++;
      return "failed" as const;
    };
    await queue.submit("k", "d", failing);
    await queue.submit("k", "d", failing);
    expect(runs).toBe(2);
  });
});
