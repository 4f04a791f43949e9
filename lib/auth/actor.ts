// Who did something, for audit rows. Its own module (no runtime imports) so that code also run
// outside Next, such as the demo seed, can name an actor without loading the request guards.

export type TActor = { userId: string; label: string };

/** Takes any access (org or team) by its user, so this module needs nothing from the guards. */
export const actorOf = (access: { user: { id: string; email: string } }): TActor => ({
  userId: access.user.id,
  label: access.user.email,
});
