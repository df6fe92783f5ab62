-- Regrade as a queue job with a summary of grade changes: the version a run grades against,
-- how many submissions its job has queued, and one row per submission with its score before
-- (recorded when the run starts) and after.
ALTER TABLE "RegradeRun" ADD COLUMN "exerciseVersionId" UUID;
ALTER TABLE "RegradeRun" ADD COLUMN "enqueued" INTEGER NOT NULL DEFAULT 0;

CREATE TABLE "RegradeItem" (
    "runId" UUID NOT NULL,
    "submissionId" UUID NOT NULL,
    "before" DOUBLE PRECISION,
    "after" DOUBLE PRECISION,
    "resetAt" TIMESTAMP(3),
    "skipped" BOOLEAN NOT NULL DEFAULT false,
    "queued" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "RegradeItem_pkey" PRIMARY KEY ("runId","submissionId")
);

CREATE INDEX "RegradeItem_submissionId_idx" ON "RegradeItem"("submissionId");

ALTER TABLE "RegradeItem" ADD CONSTRAINT "RegradeItem_runId_fkey" FOREIGN KEY ("runId") REFERENCES "RegradeRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "RegradeItem" ADD CONSTRAINT "RegradeItem_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "Submission"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Validation as a job with progress: checks done of checks planned (reference, starter, mutants).
ALTER TABLE "ExerciseVersion" ADD COLUMN "validationDone" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "ExerciseVersion" ADD COLUMN "validationTotal" INTEGER NOT NULL DEFAULT 0;
