// Mutant: pads with padEnd(10), which counts UTF-16 code units: a name with an emoji gets one space too few.
import { socket, AF_INET, SOCK_DGRAM } from "socket";

export interface StudentRecord {
  id: number;
  name: string;
  age: number;
  score: number;
}

/** Python's struct format "<i32sif": little-endian, no padding. */
export const RECORD_SIZE = 44;
const NAME_BYTES = 32;

/** The longest prefix of `name` whose UTF-8 fits in 32 bytes, without cutting a character. */
function nameBytes(name: string): Uint8Array {
  const encoder = new TextEncoder();
  let length = 0;
  let cut = 0;
  for (const ch of name) {
    const size = encoder.encode(ch).length;
    if (length + size > NAME_BYTES) break;
    length += size;
    cut += ch.length;
  }
  return encoder.encode(name.slice(0, cut));
}

export function packStudent(rec: StudentRecord): Uint8Array {
  const out = new Uint8Array(RECORD_SIZE);
  const view = new DataView(out.buffer);
  view.setInt32(0, rec.id, true);
  out.set(nameBytes(rec.name), 4); // the rest of the 32 bytes stays 0 (NUL padding)
  view.setInt32(36, rec.age, true);
  view.setFloat32(40, rec.score, true);
  return out;
}

export function unpackStudent(bytes: Uint8Array): StudentRecord {
  if (bytes.length !== RECORD_SIZE) throw new RangeError(`a record is ${RECORD_SIZE} bytes, not ${bytes.length}`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const raw = bytes.subarray(4, 4 + NAME_BYTES);
  const end = raw.indexOf(0);
  return {
    id: view.getInt32(0, true),
    name: new TextDecoder().decode(end < 0 ? raw : raw.subarray(0, end)),
    age: view.getInt32(36, true),
    score: view.getFloat32(40, true),
  };
}

/** Python's "%d  %-10s   %d  %.1f\n". */
export function formatLine(rec: StudentRecord): string {
  const name = rec.name.padEnd(10);
  return `${Math.trunc(rec.id)}  ${name}   ${Math.trunc(rec.age)}  ${rec.score.toFixed(1)}\n`;
}

/** UDP server: answers each 44-byte record with its formatted line, anything else with an error line. */
export async function main(port = 8888): Promise<void> {
  const sock = socket(AF_INET, SOCK_DGRAM);
  sock.bind(["", port]);
  for (;;) {
    const [data, addr] = await sock.recvfrom(65535); // any datagram whole: its length is reported exactly
    const line = data.length === RECORD_SIZE ? formatLine(unpackStudent(data)) : `ERROR bad length ${data.length}\n`;
    await sock.sendto(new TextEncoder().encode(line), addr);
  }
}
