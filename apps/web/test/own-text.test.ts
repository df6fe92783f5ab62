// The code editor's rule for its `value` prop: its own text coming back late is not pushed into
// the model (that reset the cursor and scrambled fast typing); an outside change is.
import { describe, expect, it } from "vitest";
import { OwnText } from "../src/editor/own-text.ts";

describe("OwnText", () => {
  it("a late echo of an earlier keystroke is not an outside change", () => {
    let now = 0;
    const own = new OwnText(() => now);
    own.emitted("a");
    own.emitted("ab");
    own.emitted("abc");
    now = 50;
    // The parent re-rendered with "ab" while the model already holds "abc".
    expect(own.isOutside("ab", "abc")).toBe(false);
    expect(own.isOutside("abc", "abc")).toBe(false);
  });

  it("a text the editor never held (load, reset) is an outside change", () => {
    const own = new OwnText(() => 0);
    own.emitted("abc");
    expect(own.isOutside("starter", "abc")).toBe(true);
  });

  it("an old text of the editor's, long after it was typed, is an outside change (load from history)", () => {
    let now = 0;
    const own = new OwnText(() => now);
    own.emitted("v1");
    now = 1_000;
    own.emitted("v2");
    now = 10_000;
    expect(own.isOutside("v1", "v2")).toBe(true);
  });

  it("remembers a bounded number of texts", () => {
    const own = new OwnText(() => 0);
    for (let i = 0; i < 200; i++) own.emitted(`t${i}`);
    expect(own.isOutside("t199", "x")).toBe(false);
    expect(own.isOutside("t0", "x")).toBe(true);
  });
});
