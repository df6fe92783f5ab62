import { describe, expect, it } from "vitest";
import { Utf8TextDecoder, Utf8TextEncoder, installUtf8Polyfill } from "../src/index.ts";

const samples = ["", "hello", "héllo wörld", "日本語", "😀 ✓ €", "a\u0000b", "\u{10ffff}"];

describe("the UTF-8 polyfill", () => {
  it.each(samples)("encodes %j like the platform", (s) => {
    expect(Array.from(new Utf8TextEncoder().encode(s))).toEqual(Array.from(new TextEncoder().encode(s)));
  });

  it("decodes a stream cut inside characters", () => {
    const bytes = new TextEncoder().encode("é😀€x");
    for (let cut = 0; cut <= bytes.length; cut++) {
      const d = new Utf8TextDecoder();
      expect(d.decode(bytes.subarray(0, cut), { stream: true }) + d.decode(bytes.subarray(cut))).toBe("é😀€x");
    }
  });

  it("replaces invalid bytes like the platform, or throws when fatal", () => {
    const bad = Uint8Array.from([0x61, 0xff, 0xc3, 0x28, 0xe2, 0x82, 0x62, 0xed, 0xa0, 0x80]);
    expect(new Utf8TextDecoder().decode(bad)).toBe(new TextDecoder().decode(bad));
    expect(() => new Utf8TextDecoder("utf-8", { fatal: true }).decode(bad)).toThrow(TypeError);
    expect(new Utf8TextDecoder().decode(Uint8Array.from([0xef, 0xbb, 0xbf, 0x41]))).toBe("A");
  });

  it("installs itself only where TextEncoder/TextDecoder are missing", () => {
    const bare: Record<string, unknown> = {};
    installUtf8Polyfill(bare);
    expect(bare.TextDecoder).toBe(Utf8TextDecoder);
    const full: Record<string, unknown> = { TextEncoder, TextDecoder };
    installUtf8Polyfill(full);
    expect(full.TextDecoder).toBe(TextDecoder);
  });
});
