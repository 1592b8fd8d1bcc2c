import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

// For tests only: a stand-in for GOV.UK Notify's API on a free local port. It checks each
// request's JWT as Notify does (HS256 with the service's secret, iss the service id, iat
// within 30 seconds of its clock) and records what it was asked to send.

export interface NotifyRequest {
  path: string;
  body: Record<string, unknown>;
}

/** accept: 201; the others answer as Notify does when it refuses, is busy or is failing. */
export type NotifyMood = 'accept' | 'bad_request' | 'rate_limited' | 'failing' | 'silent';

export interface TestNotifyServer {
  url: string;
  /** A key for this server: `name-serviceId-secretKey`. */
  apiKey: string;
  received: NotifyRequest[];
  /** Requests refused because their token was wrong, with why. */
  refusedTokens: string[];
  mood: NotifyMood;
  /** The server's clock, for the token's iat. */
  now: () => Date;
  close(): Promise<void>;
}

const b64 = (text: string): Buffer => Buffer.from(text, 'base64url');

function tokenProblem(
  header: string | undefined,
  serviceId: string,
  secret: string,
  now: Date,
): string | undefined {
  const token = /^Bearer (.+)$/.exec(header ?? '')?.[1];
  if (token === undefined) return 'no bearer token';
  const [head, claims, signature] = token.split('.');
  if (head === undefined || claims === undefined || signature === undefined) return 'not a JWT';
  const expected = createHmac('sha256', secret).update(`${head}.${claims}`).digest();
  const given = b64(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'bad signature';
  const { alg } = JSON.parse(b64(head).toString()) as { alg?: string };
  if (alg !== 'HS256') return 'not HS256';
  const { iss, iat } = JSON.parse(b64(claims).toString()) as { iss?: string; iat?: number };
  if (iss !== serviceId) return 'wrong iss';
  if (typeof iat !== 'number' || Math.abs(now.getTime() / 1000 - iat) > 30) return 'iat too far';
  return undefined;
}

const ERRORS: Record<Exclude<NotifyMood, 'accept' | 'silent'>, [number, string, string]> = {
  bad_request: [400, 'ValidationError', 'phone_number Not a UK mobile number'],
  rate_limited: [429, 'RateLimitError', 'Exceeded rate limit for key type LIVE of 3000 requests'],
  failing: [500, 'Exception', 'Internal server error'],
};

function answer(res: ServerResponse, status: number, body: object): void {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}

export async function startTestNotifyServer(): Promise<TestNotifyServer> {
  const serviceId = randomUUID();
  const secret = randomUUID();
  const server: TestNotifyServer = {
    url: '',
    apiKey: `heard_test-${serviceId}-${secret}`,
    received: [],
    refusedTokens: [],
    mood: 'accept',
    now: () => new Date(),
    close: () => Promise.resolve(),
  };
  const http = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const problem = tokenProblem(req.headers.authorization, serviceId, secret, server.now());
      if (problem !== undefined) {
        server.refusedTokens.push(problem);
        answer(res, 403, {
          status_code: 403,
          errors: [{ error: 'AuthError', message: `Invalid token: ${problem}` }],
        });
        return;
      }
      if (server.mood === 'silent') return;
      if (server.mood !== 'accept') {
        const [status, error, message] = ERRORS[server.mood];
        answer(res, status, { status_code: status, errors: [{ error, message }] });
        return;
      }
      const path = req.url ?? '';
      server.received.push({
        path,
        body: JSON.parse(Buffer.concat(chunks).toString()) as Record<string, unknown>,
      });
      answer(res, 201, { id: randomUUID(), reference: null, content: {}, template: {} });
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  server.url = `http://127.0.0.1:${port}`;
  server.close = () =>
    new Promise((resolve) => {
      http.closeAllConnections();
      http.close(() => resolve());
    });
  return server;
}
