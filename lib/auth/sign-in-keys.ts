// Rate-limit keys of failed sign-ins (lib/auth/sign-in-throttle.ts), shared with the unlock link
// (lib/auth/sign-in-unlock.ts) that clears an account's windows.

/** Every (account, address) window of an account starts with this. */
export const accountAddressKeyPrefix = (email: string) => `signin:email-ip:${email}|`;
export const accountAddressKey = (email: string, clientIp: string | null) =>
  `${accountAddressKeyPrefix(email)}${clientIp ?? "unknown"}`;
export const addressKey = (clientIp: string) => `signin:ip:${clientIp}`;
export const accountKey = (email: string) => `signin:email:${email}`;
