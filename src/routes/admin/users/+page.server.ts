import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { ROLES } from '$lib/domain/auth/user';
import { UserError } from '$lib/domain/errors';
import { createT } from '$lib/i18n';
import { generatePassword } from '$lib/server/auth/passwords';
import { clientAddress } from '$lib/server/auth/request';
import {
	addUser,
	listUsers,
	requireUser,
	setDisabled,
	setPassword,
	updateUser,
	type Actor
} from '$lib/server/auth/users';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({ users: await listUsers(locals.db) });

const list = z
	.string()
	.catch('')
	.transform((value) =>
		value
			.split(',')
			.map((item) => item.trim())
			.filter(Boolean)
	);

const form = z.object({
	name: z.string().trim().catch(''),
	role: z.enum(ROLES).catch('viewer'),
	regions: list,
	models: list
});

type Event = Parameters<Actions[string]>[0];
/** What the page shows after an action: a message, or a password shown this once. */
type Outcome = { message?: string; name?: string; password?: string };

/**
 * Reads the form, names the acting admin, and turns a user's mistake into a message on the page;
 * changing one's own role or disabling oneself is refused so that an admin does not lock themselves
 * out (users.ts refuses, here as on the CLI, to leave the company without an active admin).
 */
async function change(
	event: Event,
	run: (input: z.output<typeof form>, actor: Actor) => Promise<Outcome>,
	self = false
) {
	const { locals } = event;
	const input = form.parse(Object.fromEntries(await event.request.formData()));
	const actor = { name: locals.user?.name ?? 'web', origin: clientAddress(event.getClientAddress) };
	if (self && input.name === locals.user?.name)
		return fail(400, { message: createT(locals.locale)('auth.users.self') });
	try {
		return await run(input, actor);
	} catch (e) {
		if (e instanceof UserError) return fail(400, { message: e.in(locals.locale) });
		throw e;
	}
}

export const actions: Actions = {
	add: (event) =>
		change(event, async (input, actor) => {
			const password = generatePassword();
			await addUser(
				event.locals.db,
				{
					name: input.name,
					role: input.role,
					scope: { regions: input.regions, models: input.models },
					password
				},
				actor
			);
			return { name: input.name, password };
		}),
	update: (event) =>
		change(
			event,
			async (input, actor) => {
				const user = await requireUser(event.locals.db, input.name);
				await updateUser(
					event.locals.db,
					user,
					{ role: input.role, scope: { regions: input.regions, models: input.models } },
					actor
				);
				return { message: createT(event.locals.locale)('auth.users.saved') };
			},
			true
		),
	disable: (event) =>
		change(
			event,
			async (input, actor) => {
				const user = await requireUser(event.locals.db, input.name);
				await setDisabled(event.locals.db, user, user.disabledAt === null, actor);
				return { message: createT(event.locals.locale)('auth.users.saved') };
			},
			true
		),
	reset: (event) =>
		change(event, async (input, actor) => {
			const password = generatePassword();
			await setPassword(
				event.locals.db,
				await requireUser(event.locals.db, input.name),
				password,
				actor,
				'user.reset'
			);
			return { name: input.name, password };
		})
};
