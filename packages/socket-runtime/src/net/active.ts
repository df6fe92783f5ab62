/** The network of the scenario being run: the student's `socket()` creates sockets in it. */
import { ErrorCtor } from "@autograder/shared/primordials";
import type { Network } from "./network.ts";

let active: Network | null = null;

export function activeNetwork(): Network {
  if (active === null) throw new ErrorCtor("socket: no simulated network is running (socket code runs only inside a scenario)");
  return active;
}

export function setActiveNetwork(network: Network | null): void {
  active = network;
}
