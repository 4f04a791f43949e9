import http from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { SMTPServer, type SMTPServerSession } from "smtp-server";
import { inboxPage, messagePage, notFoundPage } from "./fake-smtp-inbox";
import { mailJson, parseMail, type TFakeMail } from "./fake-smtp-mail";

export type { TFakeMail, TFakeMailAttachment } from "./fake-smtp-mail";

// A local mail server for tests, e2e and the demo (`npm start` can point SMTP_URL at it): a real
// SMTP server (smtp-server, no STARTTLS) that parses every message with mailparser and keeps it,
// and a small HTTP inbox beside it to read them.
//
//   SMTP  smtp://127.0.0.1:<smtpPort>     AUTH optional unless `auth` is given; SIZE limit
//   GET   /                               the inbox, newest first
//   GET   /messages/<id>                  one mail: its HTML (sandboxed), text part, headers
//   GET   /messages/<id>/cid/<cid>        an inline image (or any attachment) by Content-ID
//   GET   /api/messages                   every mail as JSON, newest first (?to= filters)
//   GET   /api/messages/<id>              one mail as JSON
//   POST  /api/fail                       {"code":"450"|"550"|"535","count":N}: refuse the next N
//   POST  /api/reset                      forget every mail and queued failure

export type TFakeSmtpFailure = "450" | "550" | "535";

export type TFakeSmtpOptions = {
  /** 0 (the default) takes a free port. */
  smtpPort?: number;
  httpPort?: number;
  host?: string;
  /** Require this login; without it any login (or none) is accepted. */
  auth?: { user: string; password: string };
  /** Largest message accepted, in bytes (default 10 MB); larger ones get 552. */
  sizeLimit?: number;
};

export type TFakeSmtp = {
  smtpPort: number;
  httpPort: number;
  /** An SMTP_URL for this server, with the login when one is required. */
  smtpUrl: string;
  /** The inbox's address. */
  inboxUrl: string;
  messages: (filter?: { to?: string }) => TFakeMail[];
  message: (id: string) => TFakeMail | undefined;
  /** Resolves with the first mail (newest first) that matches, waiting for it up to `timeoutMs`. */
  waitForMessage: (match: (mail: TFakeMail) => boolean, timeoutMs?: number) => Promise<TFakeMail>;
  /** Refuse the next `count` attempts: 450 and 550 at RCPT TO, 535 at AUTH (or MAIL FROM without AUTH). */
  failNext: (code: TFakeSmtpFailure, count?: number) => void;
  reset: () => void;
  close: () => Promise<void>;
};

const REPLIES: Record<TFakeSmtpFailure, string> = {
  "450": "4.2.1 Mailbox busy, try again later",
  "550": "5.1.1 No such user here",
  "535": "5.7.8 Authentication credentials invalid",
};

function smtpError(code: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode: code });
}

export function startFakeSmtp(options: TFakeSmtpOptions = {}): Promise<TFakeSmtp> {
  const host = options.host ?? "127.0.0.1";
  let mails: TFakeMail[] = [];
  let nextId = 1;
  const failures: TFakeSmtpFailure[] = [];
  const waiters = new Set<() => void>();

  const takeFailure = (codes: TFakeSmtpFailure[]): Error | null => {
    const head = failures[0];
    if (!head || !codes.includes(head)) return null;
    failures.shift();
    return smtpError(Number(head), REPLIES[head]);
  };

  async function store(raw: Buffer, session: SMTPServerSession): Promise<TFakeMail> {
    const mail = await parseMail(raw, {
      id: String(nextId++),
      envelope: {
        from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
        to: session.envelope.rcptTo.map((r) => r.address),
      },
      user: typeof session.user === "string" ? session.user : null,
    });
    mails.push(mail);
    for (const wake of waiters) wake();
    return mail;
  }

  const smtp = new SMTPServer({
    banner: "Bumpers fake SMTP",
    disabledCommands: ["STARTTLS"],
    authOptional: !options.auth,
    allowInsecureAuth: true,
    size: options.sizeLimit ?? 10 * 1024 * 1024,
    logger: false,
    // On close, sessions still open get this long before they are cut.
    closeTimeout: 500,
    onAuth(auth, _session, callback) {
      const failure = takeFailure(["535"]);
      if (failure) return callback(failure);
      const wanted = options.auth;
      if (wanted && (auth.username !== wanted.user || auth.password !== wanted.password)) {
        return callback(smtpError(535, REPLIES["535"]));
      }
      callback(null, { user: auth.username });
    },
    onMailFrom(_address, session, callback) {
      callback(session.user ? null : takeFailure(["535"]));
    },
    onRcptTo(_address, _session, callback) {
      callback(takeFailure(["450", "550"]));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        if (stream.sizeExceeded) return callback(smtpError(552, "5.3.4 Message exceeds the size limit"));
        store(Buffer.concat(chunks), session).then(
          (mail) => callback(null, `Message queued as ${mail.id}`),
          (err: Error) => callback(smtpError(451, `4.3.0 Could not read the message: ${err.message}`)),
        );
      });
    },
  });
  // A client that hangs up mid-session is not the fake's problem.
  smtp.on("error", () => {});

  const newestFirst = (filter: { to?: string } = {}) =>
    mails
      .filter((m) => !filter.to || m.envelope.to.includes(filter.to) || m.to.includes(filter.to))
      .slice()
      .reverse();

  const reset = () => {
    mails = [];
    failures.length = 0;
  };

  const sockets = new Set<Socket>();
  const web = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://fake");
    const origin = `http://${req.headers.host ?? `${host}:${(web.address() as AddressInfo).port}`}`;
    const send = (status: number, type: string, body: string | Buffer, headers: http.OutgoingHttpHeaders = {}) => {
      res.writeHead(status, { "content-type": type, "x-content-type-options": "nosniff", ...headers });
      res.end(body);
    };
    const json = (status: number, body: unknown) => send(status, "application/json", JSON.stringify(body));
    const page = (status: number, html: string) =>
      send(status, "text/html; charset=utf-8", html, {
        // The mail's HTML runs in a sandboxed srcdoc frame; only images of this inbox may load.
        "content-security-policy": `default-src 'none'; img-src 'self' ${origin} data:; style-src 'unsafe-inline'; frame-src 'self'; base-uri 'none'; form-action 'none'`,
      });
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (body += chunk));
    req.on("end", () => {
      const parts = url.pathname.split("/").filter(Boolean).map(decodeURIComponent);
      if (req.method === "GET" && parts.length === 0) return page(200, inboxPage(newestFirst()));
      if (req.method === "GET" && parts[0] === "messages") {
        const mail = mails.find((m) => m.id === parts[1]);
        if (!mail) return page(404, notFoundPage());
        if (parts.length === 2) return page(200, messagePage(mail, origin));
        if (parts.length === 4 && parts[2] === "cid") {
          const index = parts[3].startsWith("#") ? Number(parts[3].slice(1)) : -1;
          const attachment = mail.attachments.find((a, i) => a.cid === parts[3] || i === index);
          if (attachment) return send(200, attachment.contentType, attachment.content);
        }
        return page(404, notFoundPage());
      }
      if (req.method === "GET" && url.pathname === "/api/messages") {
        return json(200, { messages: newestFirst({ to: url.searchParams.get("to") ?? undefined }).map(mailJson) });
      }
      if (req.method === "GET" && parts[0] === "api" && parts[1] === "messages" && parts.length === 3) {
        const mail = mails.find((m) => m.id === parts[2]);
        return mail ? json(200, mailJson(mail)) : json(404, { message: "No such message." });
      }
      if (req.method === "POST" && url.pathname === "/api/fail") {
        try {
          const { code, count } = JSON.parse(body || "{}") as { code?: string; count?: number };
          if (code !== "450" && code !== "550" && code !== "535") throw new Error();
          for (let i = 0; i < (count ?? 1); i++) failures.push(code);
          return json(200, { queued: failures.length });
        } catch {
          return json(400, { message: 'Body: {"code":"450"|"550"|"535","count":N}' });
        }
      }
      if (req.method === "POST" && url.pathname === "/api/reset") {
        reset();
        return json(200, { reset: true });
      }
      json(404, { message: "Not found. GET /, /messages/<id>, /api/messages; POST /api/fail, /api/reset." });
    });
  });
  web.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });

  const listen = (server: { listen: (port: number, host: string, cb: () => void) => unknown }, port: number) =>
    new Promise<void>((resolve, reject) => {
      const emitter = server as unknown as NodeJS.EventEmitter;
      emitter.once("error", reject);
      server.listen(port, host, () => {
        emitter.off("error", reject);
        resolve();
      });
    });

  return (async () => {
    await listen(smtp.server, options.smtpPort ?? 0);
    await listen(web, options.httpPort ?? 0);
    const smtpPort = (smtp.server.address() as AddressInfo).port;
    const httpPort = (web.address() as AddressInfo).port;
    const login = options.auth
      ? `${encodeURIComponent(options.auth.user)}:${encodeURIComponent(options.auth.password)}@`
      : "";
    return {
      smtpPort,
      httpPort,
      smtpUrl: `smtp://${login}${host}:${smtpPort}`,
      inboxUrl: `http://${host}:${httpPort}/`,
      messages: newestFirst,
      message: (id) => mails.find((m) => m.id === id),
      waitForMessage: (match, timeoutMs = 10_000) =>
        new Promise<TFakeMail>((resolve, reject) => {
          const check = () => {
            const found = newestFirst().find(match);
            if (!found) return false;
            waiters.delete(check);
            clearTimeout(timer);
            resolve(found);
            return true;
          };
          const timer = setTimeout(() => {
            waiters.delete(check);
            reject(new Error(`No matching mail arrived within ${timeoutMs} ms.`));
          }, timeoutMs);
          if (!check()) waiters.add(check);
        }),
      failNext: (code, count = 1) => {
        for (let i = 0; i < count; i++) failures.push(code);
      },
      reset,
      close: () =>
        new Promise<void>((done) => {
          for (const socket of sockets) socket.destroy();
          web.close(() => smtp.close(() => done()));
        }),
    };
  })();
}
