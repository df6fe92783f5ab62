import { socket, AF_INET, SOCK_DGRAM } from "socket";

export interface StudentRecord {
  id: number;
  name: string;
  age: number;
  score: number;
}

export function packStudent(rec: StudentRecord): Uint8Array {
  // TODO: 44 bytes, little-endian: int32 id, 32 bytes of name, int32 age, float32 score
  void rec;
  return new Uint8Array(44);
}

export function unpackStudent(bytes: Uint8Array): StudentRecord {
  // TODO
  void bytes;
  return { id: 0, name: "", age: 0, score: 0 };
}

export function formatLine(rec: StudentRecord): string {
  // TODO: Python's "%d  %-10s   %d  %.1f\n"
  return `${rec.id} ${rec.name} ${rec.age} ${rec.score}\n`;
}

export async function main(port = 8888): Promise<void> {
  // TODO: a UDP server answering each record with its formatted line
  void socket(AF_INET, SOCK_DGRAM);
  void port;
}
