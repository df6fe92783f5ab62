export { startSupervisor, type Supervisor, type SupervisorOptions } from "./supervisor.ts";
export { gradeSubmission, writeFailure } from "./grade-submission.ts";
export { runRegradeJob } from "./regrade-job.ts";
export { validateVersion } from "./validate-version.ts";
