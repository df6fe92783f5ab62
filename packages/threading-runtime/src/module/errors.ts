import { ErrorCtor, ObjectDefineProperty } from "@autograder/shared/primordials";

// `name` is defined on each instance (not assigned): assigning would fail once the realm's
// Error.prototype is frozen, and a class field would be one more writable property.
function named(error: Error, name: string): void {
  ObjectDefineProperty(error, "name", { value: name, writable: true, enumerable: false, configurable: true });
}

/** Raised by misuse of a primitive (Python's RuntimeError), e.g. releasing an unlocked lock. */
export class RuntimeError extends ErrorCtor {
  constructor(message?: string) {
    super(message);
    named(this, "RuntimeError");
  }
}

/** Raised by `Queue.put` when the queue is full and the caller does not (or no longer) wait. */
export class Full extends ErrorCtor {
  constructor(message = "queue is full") {
    super(message);
    named(this, "Full");
  }
}

/** Raised by `Queue.get` when the queue is empty and the caller does not (or no longer) wait. */
export class Empty extends ErrorCtor {
  constructor(message = "queue is empty") {
    super(message);
    named(this, "Empty");
  }
}
