import { randomBytes } from 'node:crypto';
import { text } from 'node:stream/consumers';
import { hashPassword } from '../features/accounts/index.ts';
import { recordAudit } from '../features/audit/index.ts';
import { insertUser } from '../features/organisations/index.ts';
import { newUserSchema } from '../features/organisations/organisations.schemas.ts';
import { parseForm } from '../platform/forms.ts';
import { translator } from '../platform/i18n/i18n.ts';
import type { OptionValues } from './main.ts';
import { UsageError } from './usage-error.ts';
import { withDatabase } from './with-database.ts';

export async function run(values: OptionValues): Promise<void> {
  const platformAdmin = values['platform-admin'] === true;
  const organisation = typeof values.organisation === 'string' ? values.organisation : undefined;
  if (!platformAdmin && organisation === undefined) {
    throw new UsageError('Give --organisation NAME_OR_ID with --role, or --platform-admin.');
  }
  const password =
    values['password-stdin'] === true
      ? ((await text(process.stdin)).split('\n')[0] ?? '')
      : randomBytes(18).toString('base64url');
  // A platform administrator outside any organisation has no organisation roles to check.
  const schema =
    organisation === undefined
      ? newUserSchema.omit({ roles: true }).transform((user) => ({ ...user, roles: [] }))
      : newUserSchema;
  const parsed = parseForm(schema, {
    email: values.email,
    name: values.name,
    roles: values.role,
    password,
  });
  if (!parsed.ok) {
    const t = translator('en');
    const problems = Object.entries(parsed.errors).map(([field, key]) => `  --${field}: ${t(key)}`);
    throw new UsageError(`The user was not added:\n${problems.join('\n')}`);
  }
  const input = parsed.value;

  await withDatabase(async ({ db, clock }) => {
    let organisationId: string | null = null;
    if (organisation !== undefined) {
      const found = await db
        .selectFrom('organisations')
        .select('id')
        .where((eb) => eb.or([eb('id', '=', organisation), eb('name', '=', organisation)]))
        .executeTakeFirst();
      if (found === undefined)
        throw new UsageError(`There is no organisation called ${organisation}.`);
      organisationId = found.id;
    }
    const taken = await db
      .selectFrom('users')
      .select('id')
      .where('email', '=', input.email)
      .executeTakeFirst();
    if (taken !== undefined) throw new UsageError('A user with that email address already exists.');
    const passwordHash = await hashPassword(input.password);
    await db.transaction().execute(async (trx) => {
      const userId = await insertUser(
        trx,
        {
          organisationId,
          name: input.name,
          email: input.email,
          passwordHash,
          roles: input.roles,
          platformAdmin,
        },
        clock().toISOString(),
      );
      await recordAudit(trx, clock, {
        actorUserId: null,
        action: 'user_added',
        recordType: 'user',
        recordId: userId,
        organisationId,
        details: { via: 'cli', platformAdmin, roles: input.roles },
      });
    });
  });
  console.log(`Added ${input.email}.`);
  if (values['password-stdin'] !== true) console.log(`Password (shown once): ${password}`);
}
