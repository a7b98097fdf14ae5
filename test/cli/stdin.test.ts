/** readBounded: stdin read whole up to the bound, and an endless stream refused at it. */
import { describe, expect, it } from "@jest/globals";
import { readBounded } from "../../src/cli/stdin.js";

describe("readBounded", () => {
  it("returns everything a finite stream gives, strings and buffers alike", async () => {
    async function* finite() {
      yield "abc";
      yield Buffer.from("déf");
    }
    expect((await readBounded(finite(), 100)).toString("utf8")).toBe("abcdéf");
  });

  it("stops an endless stream past the bound with a sentence, having read no more than a chunk past it", async () => {
    let pulled = 0;
    async function* endless() {
      for (;;) {
        pulled++;
        yield Buffer.alloc(1024, 0x79);
      }
    }
    await expect(readBounded(endless(), 10 * 1024)).rejects.toThrow(/^stdin holds more than 10 KB, the most claude-guard reads of one file/);
    expect(pulled).toBe(11);
  });
});
