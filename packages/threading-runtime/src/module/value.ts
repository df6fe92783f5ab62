import { activeScheduler } from "../scheduler/active.ts";
import { formatValue } from "./format.ts";

/**
 * A shared memory cell. Reading and writing are separate steps: another thread can run between
 * a `get` and the `set` that follows it (the lost update of the course).
 */
export class Value<T = number> {
  // True private fields: a student's code cannot read or write the cell except through get/set.
  #value: T;
  #label: string | undefined;

  constructor(initial: T, name?: string) {
    this.#value = initial;
    this.#label = name;
  }

  get name(): string {
    this.#label ??= activeScheduler().nextName("Value");
    return this.#label;
  }

  async get(): Promise<T> {
    const entry = await activeScheduler().point("get", this.name);
    const value = this.#value;
    entry.detail = `${this.name} -> ${formatValue(value)}`;
    return value;
  }

  async set(value: T): Promise<void> {
    await activeScheduler().point("set", `${this.name} <- ${formatValue(value)}`);
    this.#value = value;
  }
}
