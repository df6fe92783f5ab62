import { socket, sleep, AF_INET, SOCK_DGRAM } from "socket";

/** Sends `message` to every host of the subnet `times` times, `intervalMs` apart. */
export async function broadcast(message: string, port = 9999, times = 3, intervalMs = 2000): Promise<void> {
  const sock = socket(AF_INET, SOCK_DGRAM);
  // TODO: allow broadcasts, send to the subnet's broadcast address, wait between sends.
  void sleep;
  void [message, port, times, intervalMs];
  sock.close();
}

/** Receives `count` broadcasts on `port` and returns them as text. */
export async function listen(port = 9999, count = 3): Promise<string[]> {
  // TODO
  void [port, count];
  return [];
}
