import { socket } from "socket";

/** 4-byte big-endian length, then the payload. */
export function encodeFrame(payload: Uint8Array): Uint8Array {
  // TODO
  return payload;
}

/** Collects bytes as they arrive and hands out every complete frame, in order. */
export class FrameDecoder {
  push(chunk: Uint8Array): Uint8Array[] {
    // TODO: keep what is not a complete frame yet for the next push
    return [chunk];
  }
}

/** Answers every frame with a frame holding the payload's bytes reversed. */
export async function main(port = 9000): Promise<void> {
  // TODO
  void socket;
  void port;
}
