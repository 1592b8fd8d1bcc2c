import { type AddressInfo, createServer } from 'node:net';
import { SMTPServer, type SMTPServerError } from 'smtp-server';

/** For tests only: a real SMTP server on a free local port, that keeps what it is sent. */

export interface ReceivedMail {
  to: string[];
  messageId: string | undefined;
  subject: string | undefined;
  autoSubmitted: string | undefined;
  text: string;
}

/**
 * accept: take every message. silent: never say hello. answerLate: take the message but keep
 * the reply until the client has given up and gone, as a server does when it is slow.
 */
export type ServerMood = 'accept' | 'silent' | 'answerLate';

export interface TestSmtpServer {
  url: string;
  received: ReceivedMail[];
  mood: ServerMood;
  /** Recipients refused with this reply code and words, e.g. 550 for an unknown user. */
  refuse: Map<string, { code: number; words: string }>;
  close(): Promise<void>;
}

function header(head: string, name: string): string | undefined {
  const unfolded = head.replace(/\r\n[ \t]+/g, ' ');
  const line = unfolded.split('\r\n').find((l) => l.toLowerCase().startsWith(`${name}:`));
  return line?.slice(name.length + 1).trim();
}

function decodeQuotedPrintable(body: string): string {
  const bytes = body
    .replace(/=\r\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

function parse(raw: string, to: string[]): ReceivedMail {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split);
  const body = raw.slice(split + 4);
  const qp = header(head, 'content-transfer-encoding') === 'quoted-printable';
  return {
    to,
    messageId: header(head, 'message-id'),
    subject: header(head, 'subject'),
    autoSubmitted: header(head, 'auto-submitted'),
    text: (qp ? decodeQuotedPrintable(body) : body).replace(/\r\n/g, '\n'),
  };
}

export async function startTestSmtpServer(): Promise<TestSmtpServer> {
  const leaving = new Map<string, () => void>();
  const state: Pick<TestSmtpServer, 'received' | 'mood' | 'refuse'> = {
    received: [],
    mood: 'accept',
    refuse: new Map(),
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    closeTimeout: 100,
    onConnect(session, callback) {
      if (state.mood === 'silent') leaving.set(session.id, () => callback());
      else callback();
    },
    onRcptTo(address, _session, callback) {
      const refusal = state.refuse.get(address.address);
      if (refusal === undefined) return callback();
      const error: SMTPServerError = new Error(refusal.words);
      error.responseCode = refusal.code;
      callback(error);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const to = session.envelope.rcptTo.map((r) => r.address);
        state.received.push(parse(Buffer.concat(chunks).toString('latin1'), to));
        if (state.mood === 'answerLate') leaving.set(session.id, () => callback());
        else callback();
      });
    },
    onClose(session) {
      leaving.get(session.id)?.();
      leaving.delete(session.id);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return Object.assign(state, {
    url: `smtp://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}

/** An address where nothing listens: connecting is refused, as when the mail server is down. */
export async function refusingSmtpUrl(): Promise<string> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return `smtp://127.0.0.1:${port}`;
}
