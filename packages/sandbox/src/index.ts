export { grade, type GradeOptions } from "./grade.ts";
export { formatReport } from "./report-text.ts";
export { platformModule, platformModuleNames, registerPlatformModule } from "./platform.ts";
export { describeExercise, type ExerciseDescription } from "./describe.ts";
export { validateExercise, type ValidationResult, type ValidationCheck } from "./validate.ts";
export { measureAuthorQuality, qualityNotMeasured, AUTHOR_QUALITY_SAMPLE } from "./quality/author-quality.ts";
export { customRun, type CustomRunRequest } from "./custom-run.ts";
export { setCatastrophicErrorHandler, type CatastrophicErrorHandler } from "./isolates.ts";
export { catastrophicError } from "./isolates.ts";
