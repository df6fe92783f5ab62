// A job's payload came from the database, written by any process (or by hand): it is parsed
// against its queue's contract before the worker acts on it.
import { CUSTOM_RUN_QUEUE, GRADING_QUEUE, REGRADE_QUEUE, VALIDATION_QUEUE } from "@autograder/queue";
import { checkContract, ContractError, CustomRunJob, GradingJob, RegradeJob, ValidationJob } from "@autograder/shared/contracts";

export type JobQueue = typeof GRADING_QUEUE | typeof VALIDATION_QUEUE | typeof REGRADE_QUEUE | typeof CUSTOM_RUN_QUEUE;
export type JobPayload =
  | { queue: typeof GRADING_QUEUE; data: GradingJob }
  | { queue: typeof VALIDATION_QUEUE; data: ValidationJob }
  | { queue: typeof REGRADE_QUEUE; data: RegradeJob }
  | { queue: typeof CUSTOM_RUN_QUEUE; data: CustomRunJob };

/** The parsed payload, or a ContractError saying which job and field are wrong. */
export function parseJobPayload(queue: JobQueue, jobId: string, data: unknown): JobPayload | ContractError {
  switch (queue) {
    case GRADING_QUEUE:
      return wrap(queue, checkContract(GradingJob, data, `grading job ${jobId}`));
    case VALIDATION_QUEUE:
      return wrap(queue, checkContract(ValidationJob, data, `validation job ${jobId}`));
    case REGRADE_QUEUE:
      return wrap(queue, checkContract(RegradeJob, data, `regrade job ${jobId}`));
    case CUSTOM_RUN_QUEUE:
      return wrap(queue, checkContract(CustomRunJob, data, `custom-run job ${jobId}`));
  }
}

function wrap<Q extends JobQueue, T>(queue: Q, data: T | ContractError): { queue: Q; data: T } | ContractError {
  return data instanceof ContractError ? data : { queue, data };
}
