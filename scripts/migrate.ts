import { migrate } from "@/lib/server/migrations";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set. `npm start` migrates the embedded database by itself.");
  process.exit(2);
}
const applied = await migrate(url, { log: (line) => console.log(line) });
console.log(applied.length ? `Applied ${applied.length} migration(s).` : "Database is up to date.");
