import type { TOrgAccess } from "./access";

// Who did something, for audit rows. Its own module (no runtime imports) so that code also run
// outside Next, such as the demo seed, can name an actor without loading the request guards.

export type TActor = { userId: string; label: string };

export const actorOf = (access: Pick<TOrgAccess, "user">): TActor => ({
  userId: access.user.id,
  label: access.user.email,
});
