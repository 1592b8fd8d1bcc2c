import { randomBytes } from 'node:crypto';
import { z } from 'zod';

/** Where Heard keeps its data when nothing else is configured. */
export const DEFAULT_SQLITE_FILE = './data/heard.sqlite';

export type DatabaseConfig =
  { dialect: 'sqlite'; filename: string } | { dialect: 'postgres'; connectionString: string };

/** Where email goes. Absent when SMTP_URL is not set: messages then wait in the outbox. */
export interface MailConfig {
  smtpUrl: string;
  from: string;
}

/**
 * GOV.UK Notify, when NOTIFY_API_KEY is set: email (and texts, with an SMS template) then go
 * through Notify's API instead of SMTP. The key is `name-serviceId-secretKey`.
 */
export interface NotifyConfig {
  apiKey: string;
  emailTemplateId: string;
  /** Without it texts wait for staff, as when Notify is not set up. */
  smsTemplateId?: string;
  baseUrl: string;
}

/**
 * An OpenAI-compatible helper service for themes, when THEMES_PROVIDER_URL is set: its
 * embeddings help compare voices, its chat model names and sums up themes. Voice text is sent
 * to it, so only an administrator who chose that sets it.
 */
export interface ThemesProviderConfig {
  /** Up to the version, e.g. https://api.openai.com/v1; no slash at the end. */
  baseUrl: string;
  /** Sent as `Authorization: Bearer`; none for a local server that needs none. */
  apiKey?: string;
  chatModel?: string;
  embeddingModel?: string;
  /** How long one request may take before Heard carries on without the service. */
  timeoutMs: number;
}

export const DEFAULT_MAIL_FROM = 'Heard <no-reply@heard.invalid>';

export interface Config {
  environment: 'development' | 'test' | 'production';
  host: string;
  port: number;
  database: DatabaseConfig;
  demo: boolean;
  sessionSecret: string;
  secureCookies: boolean;
  trustProxy: boolean;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Heard's address as people reach it, for links in email. */
  publicUrl: string;
  mail?: MailConfig;
  notify?: NotifyConfig;
  /** Posts a minute one address may make on the public voting pages; a load test raises it. */
  publicPostLimit?: number;
  themesProvider?: ThemesProviderConfig;
}

const flag = z.enum(['0', '1', 'true', 'false']).transform((v) => v === '1' || v === 'true');

/** The helper service for themes; `heard analyse themes` reads these alone. */
const themesProviderSchema = z.object({
  THEMES_PROVIDER_URL: z
    .url({ protocol: /^https?$/, error: 'THEMES_PROVIDER_URL must be an http(s) address' })
    .optional(),
  THEMES_PROVIDER_KEY: z.string().min(1).optional(),
  THEMES_PROVIDER_CHAT_MODEL: z.string().min(1).optional(),
  THEMES_PROVIDER_EMBEDDING_MODEL: z.string().min(1).optional(),
  THEMES_PROVIDER_TIMEOUT: z
    .string()
    .regex(/^[1-9]\d*$/, 'THEMES_PROVIDER_TIMEOUT must be a whole number of seconds above 0')
    .transform(Number)
    .pipe(z.number().max(600, 'THEMES_PROVIDER_TIMEOUT must be 600 seconds or less'))
    .default(30),
});

const environmentSchema = themesProviderSchema.extend({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().min(1).default('localhost'),
  PORT: z
    .string()
    .regex(/^\d+$/, 'PORT must be a whole number')
    .transform(Number)
    .pipe(z.number().max(65535, 'PORT must be 65535 or less'))
    .default(3000),
  DATABASE_URL: z.string().min(1).optional(),
  HEARD_DEMO: flag.optional(),
  SESSION_SECRET: z.string().min(32, 'SESSION_SECRET must be at least 32 characters').optional(),
  SECURE_COOKIES: flag.optional(),
  TRUST_PROXY: flag.default(false),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: 'PUBLIC_URL must be an http(s) address' })
    .optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/./, 'SMTP_URL must start with smtp:// or smtps://')
    .optional(),
  PUBLIC_POST_LIMIT: z
    .string()
    .regex(/^[1-9]\d*$/, 'PUBLIC_POST_LIMIT must be a whole number above 0')
    .transform(Number)
    .optional(),
  MAIL_FROM: z
    .string()
    .regex(/@[^@\s>]+>?$/, 'MAIL_FROM must end with an email address')
    .default(DEFAULT_MAIL_FROM),
  NOTIFY_API_KEY: z
    .string()
    .regex(/^.+-[0-9a-f-]{36}-[0-9a-f-]{36}$/, 'NOTIFY_API_KEY must be name-serviceId-secretKey')
    .optional(),
  NOTIFY_EMAIL_TEMPLATE_ID: z.uuid('NOTIFY_EMAIL_TEMPLATE_ID must be a template id').optional(),
  NOTIFY_SMS_TEMPLATE_ID: z.uuid('NOTIFY_SMS_TEMPLATE_ID must be a template id').optional(),
  NOTIFY_BASE_URL: z
    .url({ protocol: /^https?$/, error: 'NOTIFY_BASE_URL must be an http(s) address' })
    .default('https://api.notifications.service.gov.uk'),
});

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const cannotStart = (problem: string): ConfigError =>
  new ConfigError(`Heard cannot start. Fix these settings:\n  ${problem}`);

/** The helper service's settings, checked together; undefined when none is set. */
function themesProviderOf(
  e: z.infer<typeof themesProviderSchema>,
): ThemesProviderConfig | undefined {
  const { THEMES_PROVIDER_URL: url, THEMES_PROVIDER_KEY: apiKey } = e;
  const { THEMES_PROVIDER_CHAT_MODEL: chatModel, THEMES_PROVIDER_EMBEDDING_MODEL: embeddingModel } =
    e;
  if (url === undefined) {
    if (apiKey !== undefined || chatModel !== undefined || embeddingModel !== undefined)
      throw cannotStart(
        'THEMES_PROVIDER_URL: required when another THEMES_PROVIDER_ setting is set',
      );
    return undefined;
  }
  if (chatModel === undefined && embeddingModel === undefined)
    throw cannotStart(
      'THEMES_PROVIDER_CHAT_MODEL or THEMES_PROVIDER_EMBEDDING_MODEL: at least one is required when THEMES_PROVIDER_URL is set',
    );
  return {
    baseUrl: url.replace(/\/+$/, ''),
    ...(apiKey === undefined ? {} : { apiKey }),
    ...(chatModel === undefined ? {} : { chatModel }),
    ...(embeddingModel === undefined ? {} : { embeddingModel }),
    timeoutMs: e.THEMES_PROVIDER_TIMEOUT * 1000,
  };
}

/** The helper service for themes alone, for commands that need no other setting. */
export function loadThemesProvider(
  env: NodeJS.ProcessEnv = process.env,
): ThemesProviderConfig | undefined {
  const parsed = themesProviderSchema.safeParse(env);
  if (!parsed.success)
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('\n'),
    );
  return themesProviderOf(parsed.data);
}

function parseDatabaseUrl(url: string | undefined): DatabaseConfig {
  if (url === undefined) return { dialect: 'sqlite', filename: DEFAULT_SQLITE_FILE };
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    return { dialect: 'postgres', connectionString: url };
  }
  if (url.startsWith('sqlite:')) {
    const filename = url.slice('sqlite:'.length);
    if (filename === '')
      throw new ConfigError(
        'DATABASE_URL=sqlite: needs a file name, e.g. sqlite:./data/heard.sqlite',
      );
    return { dialect: 'sqlite', filename };
  }
  throw new ConfigError('DATABASE_URL must start with postgres://, postgresql:// or sqlite:');
}

/** Reads and checks the environment once, at start. Fails fast with every problem listed. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.')}: ${issue.message}`,
    );
    throw new ConfigError(`Heard cannot start. Fix these settings:\n  ${problems.join('\n  ')}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  const database = parseDatabaseUrl(e.DATABASE_URL);
  if (production && e.SESSION_SECRET === undefined) {
    throw new ConfigError(
      'Heard cannot start. Fix these settings:\n  SESSION_SECRET: required when NODE_ENV=production',
    );
  }
  if (e.NOTIFY_API_KEY !== undefined && e.NOTIFY_EMAIL_TEMPLATE_ID === undefined) {
    throw new ConfigError(
      'Heard cannot start. Fix these settings:\n  NOTIFY_EMAIL_TEMPLATE_ID: required when NOTIFY_API_KEY is set',
    );
  }
  const themesProvider = themesProviderOf(e);
  // Links in email must lead to where people really reach Heard, not to a guess.
  const sends = e.SMTP_URL !== undefined || e.NOTIFY_API_KEY !== undefined;
  if (production && sends && e.PUBLIC_URL === undefined) {
    throw new ConfigError(
      'Heard cannot start. Fix these settings:\n  PUBLIC_URL: required when SMTP_URL or NOTIFY_API_KEY is set and NODE_ENV=production',
    );
  }
  return {
    environment: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    database,
    // Demo accounts with published passwords must never reach a production deployment.
    demo: !production && (e.HEARD_DEMO ?? database.dialect === 'sqlite'),
    // Without a configured secret each start makes its own: fine for one process on a laptop,
    // which is why production must set one shared by every process.
    sessionSecret: e.SESSION_SECRET ?? randomBytes(32).toString('hex'),
    secureCookies: e.SECURE_COOKIES ?? production,
    trustProxy: e.TRUST_PROXY,
    logLevel: e.LOG_LEVEL,
    publicUrl: (e.PUBLIC_URL ?? `http://${e.HOST}:${e.PORT}`).replace(/\/+$/, ''),
    ...(e.SMTP_URL === undefined ? {} : { mail: { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM } }),
    ...(e.NOTIFY_API_KEY === undefined || e.NOTIFY_EMAIL_TEMPLATE_ID === undefined
      ? {}
      : {
          notify: {
            apiKey: e.NOTIFY_API_KEY,
            emailTemplateId: e.NOTIFY_EMAIL_TEMPLATE_ID,
            ...(e.NOTIFY_SMS_TEMPLATE_ID === undefined
              ? {}
              : { smsTemplateId: e.NOTIFY_SMS_TEMPLATE_ID }),
            baseUrl: e.NOTIFY_BASE_URL.replace(/\/+$/, ''),
          },
        }),
    ...(e.PUBLIC_POST_LIMIT === undefined ? {} : { publicPostLimit: e.PUBLIC_POST_LIMIT }),
    ...(themesProvider === undefined ? {} : { themesProvider }),
  };
}
