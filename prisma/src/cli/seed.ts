import { openDatabase } from "../index.ts";
import { seed } from "../seed/index.ts";
import { databaseOptionsFromEnv } from "./env.ts";

const db = await openDatabase(databaseOptionsFromEnv());
const started = performance.now();
const { inserted } = await seed(db.prisma);
console.log(`Seeded ${inserted} new rows in ${Math.round(performance.now() - started)} ms (${db.kind}).`);
await db.close();
