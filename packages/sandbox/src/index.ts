export { grade, type GradeOptions } from "./grade.ts";
export { formatReport } from "./report-text.ts";
export { platformModule, platformModuleNames, registerPlatformModule } from "./platform.ts";
