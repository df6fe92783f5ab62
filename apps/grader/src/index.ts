export { startSupervisor, type Supervisor, type SupervisorOptions } from "./supervisor.ts";
export { gradeSubmission, writeResult, writeFailure } from "./grade-submission.ts";
