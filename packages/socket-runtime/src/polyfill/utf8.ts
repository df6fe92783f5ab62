/**
 * A small UTF-8 TextEncoder/TextDecoder for realms that lack them (a bare V8 isolate has no
 * web APIs). Only UTF-8; `decode(bytes, { stream: true })` keeps an incomplete character for
 * the next call, invalid sequences become U+FFFD (or throw a TypeError with `fatal: true`).
 */

const REPLACEMENT = 0xfffd;

export function utf8Encode(text: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
        i++;
      } else code = REPLACEMENT;
    } else if (code >= 0xd800 && code <= 0xdfff) code = REPLACEMENT;
    if (code < 0x80) out.push(code);
    else if (code < 0x800) out.push(0xc0 | (code >> 6), 0x80 | (code & 63));
    else if (code < 0x10000) out.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
    else out.push(0xf0 | (code >> 18), 0x80 | ((code >> 12) & 63), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
  }
  return Uint8Array.from(out);
}

/** Length of the sequence a lead byte starts, or 0 if it cannot start one. */
function sequenceLength(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/** Whether `byte` may follow `lead` at position 1 (the tighter ranges exclude overlongs and surrogates). */
function validSecond(lead: number, byte: number): boolean {
  if (lead === 0xe0) return byte >= 0xa0 && byte <= 0xbf;
  if (lead === 0xed) return byte >= 0x80 && byte <= 0x9f;
  if (lead === 0xf0) return byte >= 0x90 && byte <= 0xbf;
  if (lead === 0xf4) return byte >= 0x80 && byte <= 0x8f;
  return byte >= 0x80 && byte <= 0xbf;
}

export interface Utf8DecodeResult {
  readonly text: string;
  /** Bytes of an incomplete trailing character (only when `stream`). */
  readonly rest: Uint8Array;
}

export function utf8Decode(bytes: Uint8Array, stream: boolean, fatal: boolean): Utf8DecodeResult {
  const codes: number[] = [];
  let text = "";
  const flush = (): void => {
    text += String.fromCodePoint(...codes);
    codes.length = 0;
  };
  const bad = (): void => {
    if (fatal) throw new TypeError("The encoded data was not valid for encoding utf-8");
    codes.push(REPLACEMENT);
  };
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] as number;
    const need = sequenceLength(lead);
    if (need === 1) {
      codes.push(lead);
      i++;
    } else if (need === 0) {
      bad();
      i++;
    } else {
      let code = lead & (need === 2 ? 0x1f : need === 3 ? 0x0f : 0x07);
      let j = 1;
      for (; j < need && i + j < bytes.length; j++) {
        const b = bytes[i + j] as number;
        if (j === 1 ? !validSecond(lead, b) : b < 0x80 || b > 0xbf) break;
        code = (code << 6) | (b & 63);
      }
      if (j === need) {
        codes.push(code);
        i += need;
      } else if (i + j === bytes.length && stream) {
        flush();
        return { text, rest: bytes.slice(i) };
      } else {
        bad();
        i += j;
      }
    }
    if (codes.length >= 4096) flush();
  }
  flush();
  return { text, rest: new Uint8Array(0) };
}

function toBytes(input: unknown): Uint8Array {
  if (input === undefined) return new Uint8Array(0);
  if (input instanceof Uint8Array) return input;
  if (input instanceof ArrayBuffer) return new Uint8Array(input);
  if (ArrayBuffer.isView(input)) return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  throw new TypeError("TextDecoder.decode: expected a Uint8Array, an ArrayBuffer or a typed array view");
}

export class Utf8TextEncoder {
  readonly encoding = "utf-8";
  encode(input = ""): Uint8Array {
    return utf8Encode(String(input));
  }
}

export class Utf8TextDecoder {
  readonly encoding = "utf-8";
  readonly fatal: boolean;
  readonly ignoreBOM: boolean;
  private pending: Uint8Array = new Uint8Array(0);
  private started = false;

  constructor(label = "utf-8", options: { fatal?: boolean; ignoreBOM?: boolean } = {}) {
    const normalized = String(label).trim().toLowerCase();
    if (normalized !== "utf-8" && normalized !== "utf8" && normalized !== "unicode-1-1-utf-8") {
      throw new RangeError(`TextDecoder: only utf-8 is supported here, not "${label}"`);
    }
    this.fatal = options.fatal === true;
    this.ignoreBOM = options.ignoreBOM === true;
  }

  decode(input?: unknown, options: { stream?: boolean } = {}): string {
    const chunk = toBytes(input);
    const bytes = new Uint8Array(this.pending.length + chunk.length);
    bytes.set(this.pending, 0);
    bytes.set(chunk, this.pending.length);
    const stream = options.stream === true;
    const { text, rest } = utf8Decode(bytes, stream, this.fatal);
    this.pending = rest;
    let out = text;
    if (!this.started && !this.ignoreBOM && out.charCodeAt(0) === 0xfeff) out = out.slice(1);
    this.started = stream && (this.started || out.length > 0 || text.length > 0);
    return out;
  }
}

/** Installs the polyfill on `target` (globalThis) where TextEncoder/TextDecoder are missing. */
export function installUtf8Polyfill(target: Record<string, unknown> = globalThis as unknown as Record<string, unknown>): void {
  if (typeof target.TextEncoder !== "function") {
    Object.defineProperty(target, "TextEncoder", { value: Utf8TextEncoder, writable: true, configurable: true });
  }
  if (typeof target.TextDecoder !== "function") {
    Object.defineProperty(target, "TextDecoder", { value: Utf8TextDecoder, writable: true, configurable: true });
  }
}
