import { socket, AF_INET, SOCK_DGRAM } from "socket";

/** The course's group chat (6.6) as a UDP server; the protocol is in the statement. */
export async function main(port = 8888): Promise<void> {
  const sock = socket(AF_INET, SOCK_DGRAM);
  sock.bind(["", port]);
  for (;;) {
    const [data, addr] = await sock.recvfrom(4096);
    // TODO: L name / C name text / Q name / A text
    void data;
    void addr;
  }
}
