// `npm run db:seed`: seeds the demo organization "Acme" into the (migrated) database at
// DATABASE_URL. The demo users' password is BUMPERS_DEMO_PASSWORD, or a generated one printed below.
import { randomBytes } from "node:crypto";

if (!process.env.DATABASE_URL?.trim()) {
  console.error("DATABASE_URL is not set. `npm start` seeds the embedded database by itself.");
  process.exit(2);
}

// Imported only now: these modules read DATABASE_URL when they load.
const { env } = await import("@/lib/server/env");
const { seedDemo } = await import("../prisma/seed");
const { db, pool } = await import("@/lib/server/db");

const password = env().BUMPERS_DEMO_PASSWORD ?? `demo-${randomBytes(6).toString("hex")}`;
try {
  const result = await seedDemo({ password });
  if (result.created) {
    console.log(`Seeded the demo organization Acme. Sign in with any of these, password ${password}:`);
    for (const u of result.users) console.log(`  ${u.email.padEnd(22)} ${u.what}`);
  } else {
    console.log("The demo organization Acme already exists; nothing changed (its users keep their passwords).");
  }
} finally {
  await db.$disconnect();
  await pool.end();
}
