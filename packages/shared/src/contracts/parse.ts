// Data that crossed a process boundary (a queue job, a stored JSON column, a CLI's stdout, the
// environment) is parsed against its contract before use, never cast.
import type { Static, TSchema } from "typebox";
import { Value } from "typebox/value";

/** A value that does not match its contract; the message is one line naming what and where. */
export class ContractError extends Error {
  override name = "ContractError";
}

/** The value typed by its schema, or a ContractError such as `grading job: /submissionId: must be string`. */
export function parseContract<T extends TSchema>(schema: T, value: unknown, what: string): Static<T> {
  if (Value.Check(schema, value)) return value;
  const first = Value.Errors(schema, value)[0];
  throw new ContractError(`${what}: ${first ? `${first.instancePath || "/"} ${first.message}` : "does not match its schema"}`);
}

/** Like parseContract, with the ContractError returned as a value instead of thrown. */
export function checkContract<T extends TSchema>(schema: T, value: unknown, what: string): Static<T> | ContractError {
  try {
    return parseContract(schema, value, what);
  } catch (error) {
    if (error instanceof ContractError) return error;
    throw error;
  }
}

/** Like parseContract for JSON text: invalid JSON is a ContractError too. */
export function parseJsonContract<T extends TSchema>(schema: T, text: string, what: string): Static<T> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ContractError(`${what}: not valid JSON`);
  }
  return parseContract(schema, value, what);
}
