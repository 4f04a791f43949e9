// Domains where anyone can open a mailbox: holding an address there proves nothing about who runs
// the domain, so no organization may claim one for single sign-on (it would route every user of
// the provider to that organization's IdP).

const FREE_MAIL = new Set([
  "gmail.com",
  "googlemail.com",
  "outlook.com",
  "hotmail.com",
  "live.com",
  "msn.com",
  "passport.com",
  "yahoo.com",
  "ymail.com",
  "rocketmail.com",
  "icloud.com",
  "me.com",
  "mac.com",
  "proton.me",
  "protonmail.com",
  "protonmail.ch",
  "pm.me",
  "aol.com",
  "aim.com",
  "mail.com",
  "email.com",
  "zoho.com",
  "zohomail.com",
  "fastmail.com",
  "fastmail.fm",
  "hey.com",
  "tutanota.com",
  "tuta.io",
  "web.de",
  "t-online.de",
  "freenet.de",
  "mail.ru",
  "inbox.ru",
  "list.ru",
  "bk.ru",
  "qq.com",
  "163.com",
  "126.com",
  "yeah.net",
  "sina.com",
  "naver.com",
  "daum.net",
  "rediffmail.com",
  "laposte.net",
  "orange.fr",
  "free.fr",
  "libero.it",
  "seznam.cz",
  "wp.pl",
  "o2.pl",
  "interia.pl",
  "btinternet.com",
  "comcast.net",
  "verizon.net",
  "att.net",
  "sbcglobal.net",
]);

/** Providers that run the same free service under many country domains (gmx.de, yahoo.co.uk…). */
const FREE_MAIL_FAMILIES = ["gmx", "yahoo", "hotmail", "outlook", "live", "yandex", "aol"];

/** True for a free-mail domain (lower-cased), where an address proves nothing about the domain. */
export function isFreeMailDomain(domain: string): boolean {
  if (FREE_MAIL.has(domain)) return true;
  const [first, ...rest] = domain.split(".");
  // gmx.net, gmx.co.uk, yahoo.com.br: the family's name followed by a public suffix of one or two labels.
  return (
    FREE_MAIL_FAMILIES.includes(first!) && rest.length >= 1 && rest.length <= 2 && rest.every((l) => l.length <= 3)
  );
}
