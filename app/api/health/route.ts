import { NextResponse } from "next/server";
import { checkDatabase } from "@/lib/server/health";

export const dynamic = "force-dynamic";

/** Liveness and readiness: 200 when the database answers, 503 otherwise. Public. */
export async function GET() {
  const database = await checkDatabase();
  return NextResponse.json(
    { status: database.ok ? "ok" : "unavailable", database },
    { status: database.ok ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
