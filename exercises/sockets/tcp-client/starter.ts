import { socket } from "socket";

/** Connects, sends `message` (UTF-8), reads until the server closes, returns the reply as text. */
export async function request(host: string, port: number, message: string): Promise<string> {
  const sock = socket();
  // TODO: connect to [host, port], send the message, read until the server closes.
  void sock;
  void host;
  void port;
  void message;
  return "";
}
