// Mutant: the server never closes a connection, even after the client closed its side.
import { socket, SOL_SOCKET, SO_REUSEADDR, type Socket } from "socket";

/** Frames longer than this are refused. */
export const MAX_FRAME = 1024 * 1024;

/** 4-byte big-endian length, then the payload. */
export function encodeFrame(payload: Uint8Array): Uint8Array {
  const frame = new Uint8Array(4 + payload.length);
  new DataView(frame.buffer).setUint32(0, payload.length, false);
  frame.set(payload, 4);
  return frame;
}

/** Collects bytes as they arrive and hands out every complete frame, in order. */
export class FrameDecoder {
  private buffer = new Uint8Array(0);

  push(chunk: Uint8Array): Uint8Array[] {
    const joined = new Uint8Array(this.buffer.length + chunk.length);
    joined.set(this.buffer, 0);
    joined.set(chunk, this.buffer.length);
    const frames: Uint8Array[] = [];
    let offset = 0;
    while (joined.length - offset >= 4) {
      const length = new DataView(joined.buffer, offset, 4).getUint32(0, false);
      if (length > MAX_FRAME) throw new RangeError(`frame of ${length} bytes: more than ${MAX_FRAME}`);
      if (joined.length - offset - 4 < length) break; // the rest of this frame is still on its way
      frames.push(joined.slice(offset + 4, offset + 4 + length));
      offset += 4 + length;
    }
    this.buffer = joined.slice(offset);
    return frames;
  }
}

async function serve(conn: Socket): Promise<void> {
  const decoder = new FrameDecoder();
  try {
    for (;;) {
      const chunk = await conn.recv(4096);
      if (chunk.length === 0) break;
      for (const frame of decoder.push(chunk)) await conn.sendall(encodeFrame(frame.slice().reverse()));
    }
  } catch {
    // a broken frame or a vanished client ends this connection only
  }
}

/** Answers every frame with a frame holding the payload's bytes reversed. */
export async function main(port = 9000): Promise<void> {
  const server = socket();
  server.setsockopt(SOL_SOCKET, SO_REUSEADDR, 1);
  server.bind(["", port]);
  server.listen(5);
  for (;;) {
    const [conn] = await server.accept();
    void serve(conn);
  }
}
