/** Operations that wait (accept, recv, connect...): retried when their socket changes. */
import { SafeArray } from "@autograder/shared/primordials";
import { SocketError } from "../module/errors.ts";

export type Attempt<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: Error };

export const done = <T>(value: T): Attempt<T> => ({ ok: true, value });
export const failed = (error: Error): Attempt<never> => ({ ok: false, error });

export interface PendingOp {
  /** Who waits and for what, for the "no host can make progress" message. */
  readonly who: string;
  readonly what: string;
  /** Tries again; true when the operation completed (resolved or rejected). */
  retry(): boolean;
  fail(error: Error): void;
}

/** A list of operations waiting on one thing (a socket's receive side, an accept queue...). */
export class WaitList {
  readonly #ops: PendingOp[] = new SafeArray<PendingOp>();

  add(op: PendingOp): void {
    this.#ops.push(op);
  }

  remove(op: PendingOp): void {
    const i = this.#ops.indexOf(op);
    if (i >= 0) this.#ops.splice(i, 1);
  }

  /** Retries the waiting operations in order (the first come is served first). */
  pump(): void {
    const ops = this.#ops.slice();
    for (let i = 0; i < ops.length; i++) (ops[i] as PendingOp).retry();
  }

  failAll(error: () => SocketError): void {
    const ops = this.#ops.slice();
    for (let i = 0; i < ops.length; i++) (ops[i] as PendingOp).fail(error());
  }

  get length(): number {
    return this.#ops.length;
  }
}
