import { expect, it } from "@jest/globals";
import { assertAllMocksUsed, githubApi, sentRequests, setUpHttpMock, tearDownHttpMock } from "./http-mock.js";

it("fails a test on an unused mock and on a request nothing mocked, and records what was sent", async () => {
  setUpHttpMock();
  githubApi().post("/used").reply(200, {});
  githubApi().get("/unused").reply(200, {});
  await fetch("https://api.github.com/used", { method: "POST", body: '{"a":1}' });
  await fetch("https://api.github.com/nomock").catch(() => undefined);
  expect(sentRequests()).toEqual([{ method: "POST", path: "/used", body: '{"a":1}' }]);
  expect(() => assertAllMocksUsed()).toThrow(/mock never called: GET https:\/\/api.github.com:443\/unused[\s\S]*request without a mock: GET .*nomock/);
  tearDownHttpMock();
});
