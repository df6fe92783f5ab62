// Mutant: broadcast() never closes its socket.
import { socket, sleep, AF_INET, SOCK_DGRAM, SOL_SOCKET, SO_BROADCAST, SO_REUSEADDR } from "socket";

/** The subnet 10.0.0.0/24's broadcast address: its highest address. */
const BROADCAST = "10.0.0.255";

/** Sends `message` to every host of the subnet `times` times, `intervalMs` apart. */
export async function broadcast(message: string, port = 9999, times = 3, intervalMs = 2000): Promise<void> {
  const sock = socket(AF_INET, SOCK_DGRAM);
  sock.setsockopt(SOL_SOCKET, SO_BROADCAST, 1); // without it, sendto a broadcast address fails (EACCES)
  try {
    for (let i = 0; i < times; i++) {
      if (i > 0) await sleep(intervalMs);
      await sock.sendto(new TextEncoder().encode(message), [BROADCAST, port]);
    }
  } finally {
    // (mutant: the sender's socket is never closed)
  }
}

/** Receives `count` broadcasts on `port` and returns them as text. */
export async function listen(port = 9999, count = 3): Promise<string[]> {
  const sock = socket(AF_INET, SOCK_DGRAM);
  sock.setsockopt(SOL_SOCKET, SO_REUSEADDR, 1);
  sock.setsockopt(SOL_SOCKET, SO_BROADCAST, 1);
  sock.bind(["", port]);
  const messages: string[] = [];
  try {
    while (messages.length < count) {
      const [data] = await sock.recvfrom(65535);
      messages.push(new TextDecoder().decode(data));
    }
  } finally {
    sock.close();
  }
  return messages;
}
