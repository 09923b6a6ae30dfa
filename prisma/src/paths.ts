import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));

export const schemaPath = `${root}schema.prisma`;
export const migrationsDir = `${root}migrations`;
export const dataDir = `${root}data`;
