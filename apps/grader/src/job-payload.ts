// A job's payload came from the database, written by any process (or by hand): it is parsed
// against its queue's contract before the worker acts on it.
import { CUSTOM_RUN_QUEUE, GRADING_QUEUE, VALIDATION_QUEUE } from "@autograder/queue";
import { checkContract, ContractError, CustomRunJob, GradingJob, ValidationJob } from "@autograder/shared/contracts";

export type JobQueue = typeof GRADING_QUEUE | typeof VALIDATION_QUEUE | typeof CUSTOM_RUN_QUEUE;
export type JobPayload =
  | { queue: typeof GRADING_QUEUE; data: GradingJob }
  | { queue: typeof VALIDATION_QUEUE; data: ValidationJob }
  | { queue: typeof CUSTOM_RUN_QUEUE; data: CustomRunJob };

/** The parsed payload, or a ContractError saying which job and field are wrong. */
export function parseJobPayload(queue: JobQueue, jobId: string, data: unknown): JobPayload | ContractError {
  if (queue === CUSTOM_RUN_QUEUE) return wrap(queue, checkContract(CustomRunJob, data, `custom-run job ${jobId}`));
  return queue === GRADING_QUEUE
    ? wrap(queue, checkContract(GradingJob, data, `grading job ${jobId}`))
    : wrap(queue, checkContract(ValidationJob, data, `validation job ${jobId}`));
}

function wrap<Q extends JobQueue, T>(queue: Q, data: T | ContractError): { queue: Q; data: T } | ContractError {
  return data instanceof ContractError ? data : { queue, data };
}
