/**
 * A small UTF-8 TextEncoder/TextDecoder for realms that lack them (a bare V8 isolate has no
 * web APIs). Only UTF-8; `decode(bytes, { stream: true })` keeps an incomplete character for
 * the next call, invalid sequences become U+FFFD (or throw a TypeError with `fatal: true`).
 */

import {
  ArrayBufferIsView,
  ArrayBufferPrototypeGetByteLength,
  copyBytes,
  isUint8Array,
  ObjectDefineProperty,
  ObjectPrototypeHasOwnProperty,
  RangeErrorCtor,
  ReflectApply,
  SafeArray,
  StringCtor,
  StringFromCodePoint,
  StringPrototypeCharCodeAt,
  StringPrototypeSlice,
  StringPrototypeToLowerCase,
  StringPrototypeTrim,
  TypedArrayPrototypeGetBuffer,
  TypedArrayPrototypeGetByteLength,
  TypedArrayPrototypeGetByteOffset,
  TypedArrayPrototypeGetLength,
  TypedArrayPrototypeGetSymbolToStringTag,
  TypedArrayPrototypeSet,
  TypeErrorCtor,
  Uint8ArrayCtor,
} from "@autograder/shared/primordials";

// Runs in the student's isolate and is what workloads decode with: every built-in is captured.

const REPLACEMENT = 0xfffd;

export function utf8Encode(text: string): Uint8Array {
  const out = new SafeArray<number>();
  for (let i = 0; i < text.length; i++) {
    let code = StringPrototypeCharCodeAt(text, i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const low = StringPrototypeCharCodeAt(text, i + 1);
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
  const bytes = new Uint8ArrayCtor(out.length);
  TypedArrayPrototypeSet(bytes, out);
  return bytes;
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
  const codes = new SafeArray<number>();
  let text = "";
  const flush = (): void => {
    // Arguments by index (CreateListFromArrayLike), not spread: no iterator protocol.
    text += ReflectApply(StringFromCodePoint, undefined, codes) as string;
    codes.length = 0;
  };
  const bad = (): void => {
    if (fatal) throw new TypeErrorCtor("The encoded data was not valid for encoding utf-8");
    codes.push(REPLACEMENT);
  };
  let i = 0;
  const length = TypedArrayPrototypeGetLength(bytes);
  while (i < length) {
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
      for (; j < need && i + j < length; j++) {
        const b = bytes[i + j] as number;
        if (j === 1 ? !validSecond(lead, b) : b < 0x80 || b > 0xbf) break;
        code = (code << 6) | (b & 63);
      }
      if (j === need) {
        codes.push(code);
        i += need;
      } else if (i + j === length && stream) {
        flush();
        return { text, rest: copyBytes(bytes, i) };
      } else {
        bad();
        i += j;
      }
    }
    if (codes.length >= 4096) flush();
  }
  flush();
  return { text, rest: new Uint8ArrayCtor(0) };
}

function isArrayBuffer(value: unknown): value is ArrayBuffer {
  try {
    ArrayBufferPrototypeGetByteLength(value as ArrayBuffer);
    return true;
  } catch {
    return false;
  }
}

/** The bytes of a Uint8Array, an ArrayBuffer or any typed array view (by internal slots). */
export function toBytes(input: unknown): Uint8Array {
  if (input === undefined) return new Uint8ArrayCtor(0);
  if (isUint8Array(input)) return input;
  if (isArrayBuffer(input)) return new Uint8ArrayCtor(input);
  if (ArrayBufferIsView(input)) {
    const view = input as ArrayBufferView;
    if (TypedArrayPrototypeGetSymbolToStringTag(view) !== undefined) {
      return new Uint8ArrayCtor(TypedArrayPrototypeGetBuffer(view) as ArrayBuffer, TypedArrayPrototypeGetByteOffset(view), TypedArrayPrototypeGetByteLength(view));
    }
    const dv = input as DataView;
    return new Uint8ArrayCtor(dv.buffer as ArrayBuffer, dv.byteOffset, dv.byteLength);
  }
  throw new TypeErrorCtor("TextDecoder.decode: expected a Uint8Array, an ArrayBuffer or a typed array view");
}

function ownOption(options: unknown, key: string): unknown {
  if (typeof options !== "object" || options === null || !ObjectPrototypeHasOwnProperty(options, key)) return undefined;
  return (options as Record<string, unknown>)[key];
}

export class Utf8TextEncoder {
  readonly encoding = "utf-8";
  encode(input = ""): Uint8Array {
    return utf8Encode(StringCtor(input));
  }
}

export class Utf8TextDecoder {
  readonly encoding = "utf-8";
  readonly fatal: boolean;
  readonly ignoreBOM: boolean;
  #pending: Uint8Array = new Uint8ArrayCtor(0);
  #started = false;

  constructor(label = "utf-8", options: { fatal?: boolean; ignoreBOM?: boolean } = {}) {
    const normalized = StringPrototypeToLowerCase(StringPrototypeTrim(StringCtor(label)));
    if (normalized !== "utf-8" && normalized !== "utf8" && normalized !== "unicode-1-1-utf-8") {
      throw new RangeErrorCtor(`TextDecoder: only utf-8 is supported here, not "${StringCtor(label)}"`);
    }
    this.fatal = ownOption(options, "fatal") === true;
    this.ignoreBOM = ownOption(options, "ignoreBOM") === true;
  }

  decode(input?: unknown, options: { stream?: boolean } = {}): string {
    const chunk = toBytes(input);
    const pending = this.#pending;
    const pendingLength = TypedArrayPrototypeGetLength(pending);
    const bytes = new Uint8ArrayCtor(pendingLength + TypedArrayPrototypeGetLength(chunk));
    TypedArrayPrototypeSet(bytes, pending, 0);
    TypedArrayPrototypeSet(bytes, chunk, pendingLength);
    const stream = ownOption(options, "stream") === true;
    const decoded = utf8Decode(bytes, stream, this.fatal);
    const text = decoded.text;
    this.#pending = decoded.rest;
    let out = text;
    if (!this.#started && !this.ignoreBOM && StringPrototypeCharCodeAt(out, 0) === 0xfeff) out = StringPrototypeSlice(out, 1);
    this.#started = stream && (this.#started || out.length > 0 || text.length > 0);
    return out;
  }
}

/** Installs the polyfill on `target` (globalThis) where TextEncoder/TextDecoder are missing. */
export function installUtf8Polyfill(target: Record<string, unknown> = globalThis as unknown as Record<string, unknown>): void {
  if (typeof target.TextEncoder !== "function") {
    ObjectDefineProperty(target, "TextEncoder", { value: Utf8TextEncoder, writable: true, configurable: true });
  }
  if (typeof target.TextDecoder !== "function") {
    ObjectDefineProperty(target, "TextDecoder", { value: Utf8TextDecoder, writable: true, configurable: true });
  }
}
