// Prisma CLI configuration. The URL is only needed by `prisma migrate *`, which
// requires Prisma's native engine; the platform applies migrations itself.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/autograder" },
});
