// Reads "C <name>" with no space after the name as a chat line with empty text.
import { socket, AF_INET, SOCK_DGRAM, SOL_SOCKET, SO_REUSEADDR } from "socket";

type Address = [string, number];

/** The course's group chat (6.6) as a UDP server; the protocol is in the statement. */
export async function main(port = 8888): Promise<void> {
  const sock = socket(AF_INET, SOCK_DGRAM);
  sock.setsockopt(SOL_SOCKET, SO_REUSEADDR, 1);
  sock.bind(["", port]);
  const users = new Map<string, Address>();
  const send = (text: string, to: Address): Promise<number> => sock.sendto(new TextEncoder().encode(text), to);
  const toOthers = async (text: string, except: string | null): Promise<void> => {
    for (const [name, addr] of users) if (name !== except) await send(text, addr);
  };
  for (;;) {
    const [data, addr] = await sock.recvfrom(4096);
    const message = new TextDecoder().decode(data);
    const kind = message.slice(0, 2);
    const rest = message.slice(2);
    if (kind === "L ") {
      if (rest === "" || rest.includes(" ") || users.has(rest)) {
        await send("The user already exists", addr);
        continue;
      }
      await send("OK", addr);
      await toOthers(`${rest} entered the chat room`, null);
      users.set(rest, addr);
    } else if (kind === "C ") {
      const [name = "", ...words] = rest.split(" ");
      if (users.has(name)) await toOthers(`${name}: ${words.join(" ")}`, name);
    } else if (kind === "Q ") {
      const quitter = users.get(rest);
      if (quitter === undefined) continue;
      users.delete(rest);
      await toOthers(`${rest} left the chat room`, null);
      await send("EXIT", quitter);
    } else if (kind === "A ") {
      await toOthers(`Administrator: ${rest}`, null);
    }
  }
}

