import { vi } from "vitest";
import { currentTestUser } from "./session";

// Route handlers, pages and actions read the signed-in user through lib/auth/session; tests
// choose that user with signInAs() instead of forging next-auth cookies.
vi.mock("@/lib/auth/session", () => ({
  getSessionUser: async () => currentTestUser(),
  requireUser: async () => {
    const user = currentTestUser();
    if (!user) throw new Error("NEXT_REDIRECT /login");
    return user;
  },
}));

// Server actions call these after writes; outside a Next request they have nothing to do.
vi.mock("next/cache", () => ({
  revalidatePath: vi.fn(),
  revalidateTag: vi.fn(),
  updateTag: vi.fn(),
  refresh: vi.fn(),
}));
