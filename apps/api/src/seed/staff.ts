import { randomBytes } from 'node:crypto';
import type { Department, Skill, StaffRole } from '@estate-ops/domain/estate';
import { maskPhone, Staff } from '@estate-ops/domain/estate';
import type { Executor } from '../db/database';
import { staff } from '../db/schema/index';
import { chineseName, mobileNumber } from './people';
import type { Dice } from './random';
import type { SeededBuilding } from './site-plan';

/** The one password of every demo login; it meets the staff password policy. */
export const DEMO_PASSWORD = 'Demo-2026!estate';

export type SeededStaff = {
	readonly id: string;
	readonly username: string;
	readonly displayName: string;
	readonly department: Department;
	readonly roles: readonly StaffRole[];
	readonly skills: readonly Skill[];
	readonly buildingIds: readonly string[];
	/** Whether this is a demo login (signs in with {@link DEMO_PASSWORD}). */
	readonly demoLogin: boolean;
};

export type DemoLogin = {
	readonly username: string;
	readonly password: string;
	readonly roles: readonly StaffRole[];
};

type Post = {
	readonly role: StaffRole;
	readonly department: Department;
	/** The username prefix: the first member signs in as `prefix`, the second as `prefix2` when it is a login. */
	readonly prefix: string;
	readonly logins: number;
	/** Skills of each member, in order; the roster has as many members as this list. */
	readonly members: readonly (readonly Skill[])[];
	/** Buildings each member covers, by tower number; none means the whole estate. */
	readonly areas?: (index: number, towers: readonly SeededBuilding[], clubhouse: SeededBuilding) => string[];
};

const times = <T>(count: number, item: T): T[] => Array.from({ length: count }, () => item);

const TOWERS_WEST = ['1', '2', '5', '6', '9', '10'];
const TOWERS_EAST = ['3', '4', '7', '8', '11', '12'];

const byNumbers = (towers: readonly SeededBuilding[], numbers: readonly string[]): string[] =>
	towers.filter((tower) => numbers.includes(tower.number)).map((tower) => tower.id);

/**
 * The roster of 御景华庭 (about sixty people): a manager and an administrator, the control room (监控中心),
 * customer service (客服), dispatchers, technicians of every trade (工程部), guards (秩序维护), cleaners
 * (保洁), quality supervisors (品质督导), finance and a storekeeper.
 */
const ROSTER: readonly Post[] = [
	{ role: 'admin', department: 'management', prefix: 'admin', logins: 1, members: [[]] },
	{ role: 'manager', department: 'management', prefix: 'manager', logins: 1, members: [[]] },
	{
		role: 'control_room',
		department: 'security',
		prefix: 'control',
		logins: 2,
		members: times(3, ['security']),
	},
	{
		role: 'customer_service',
		department: 'customer_service',
		prefix: 'service',
		logins: 2,
		members: times(4, []),
	},
	{ role: 'dispatcher', department: 'engineering', prefix: 'dispatch', logins: 1, members: [[], []] },
	{
		role: 'technician',
		department: 'engineering',
		prefix: 'tech',
		logins: 2,
		members: [
			['plumbing', 'electrical'],
			['plumbing', 'electrical'],
			['plumbing'],
			['electrical', 'hvac'],
			['carpentry', 'doors_locks'],
			['doors_locks', 'public_facilities'],
			['appliances', 'hvac'],
			['lift', 'public_facilities'],
			['lift'],
			['electrical', 'public_facilities'],
			['plumbing', 'public_facilities'],
			['hvac', 'appliances', 'carpentry'],
			['greening'],
			['greening'],
		],
		// The plumbers and electricians split the towers; the other trades cover the whole estate.
		areas: (index, towers) =>
			index === 2 || index === 3
				? byNumbers(towers, TOWERS_WEST)
				: index === 10 || index === 9
					? byNumbers(towers, TOWERS_EAST)
					: [],
	},
	{ role: 'guard', department: 'security', prefix: 'guard', logins: 2, members: times(16, ['security']) },
	{
		role: 'cleaner',
		department: 'cleaning',
		prefix: 'cleaner',
		logins: 2,
		members: times(14, ['cleaning']),
		// Two towers each; the last two look after the clubhouse and the grounds.
		areas: (index, towers, clubhouse) =>
			index < 12
				? byNumbers(towers, [String(2 * Math.floor(index / 2) + 1), String(2 * Math.floor(index / 2) + 2)])
				: [clubhouse.id],
	},
	{ role: 'supervisor', department: 'quality', prefix: 'supervisor', logins: 1, members: [[], []] },
	{ role: 'finance', department: 'finance', prefix: 'finance', logins: 1, members: [[], []] },
	{ role: 'storekeeper', department: 'engineering', prefix: 'store', logins: 1, members: [[]] },
];

const DEPARTMENT_OF_GREENING: Department = 'landscaping';

function usernameOf(post: Post, index: number): string {
	if (index === 0) return post.prefix;
	if (index < post.logins) return `${post.prefix}${index + 1}`;
	return `${post.prefix}${String(index + 1).padStart(2, '0')}`;
}

/**
 * Staff accounts of every role. Demo logins get their own argon2 hash of {@link DEMO_PASSWORD} and need no
 * password change; everyone else shares one hash of a random password nobody knows (an administrator resets
 * it), so that seeding does not spend seconds hashing.
 */
export async function seedStaff(
	db: Executor,
	dice: Dice,
	input: {
		readonly estateId: string;
		readonly towers: readonly SeededBuilding[];
		readonly clubhouse: SeededBuilding;
		readonly now: Date;
		readonly hashPassword: (plain: string) => Promise<string>;
	},
): Promise<{ staff: SeededStaff[]; logins: DemoLogin[] }> {
	const phones = new Set<string>();
	const members: (SeededStaff & { phone: string })[] = ROSTER.flatMap((post) =>
		post.members.map((skills, index) => {
			const greening = skills.includes('greening');
			return {
				id: dice.uuid(),
				username: usernameOf(post, index),
				displayName: chineseName(
					dice,
					post.role === 'cleaner' || post.role === 'customer_service'
						? dice.weighted([
								['female', 4],
								['male', 1],
							])
						: dice.weighted([
								['male', 3],
								['female', 1],
							]),
				),
				department: greening ? DEPARTMENT_OF_GREENING : post.department,
				roles: [post.role],
				skills,
				buildingIds: post.areas?.(index, input.towers, input.clubhouse) ?? [],
				demoLogin: index < post.logins,
				phone: mobileNumber(dice, phones),
			};
		}),
	);
	for (const member of members) {
		Staff.parse({
			id: member.id,
			estateIds: [input.estateId],
			name: member.displayName,
			phone: member.phone,
			roles: member.roles,
			skills: member.skills,
			department: member.department,
			buildingIds: member.buildingIds,
		});
	}

	const logins = members.filter((member) => member.demoLogin);
	const [loginHashes, sharedHash] = await Promise.all([
		Promise.all(logins.map(() => input.hashPassword(DEMO_PASSWORD))),
		input.hashPassword(randomBytes(24).toString('base64url')),
	]);
	const hashOf = new Map(logins.map((member, i) => [member.id, loginHashes[i] ?? sharedHash]));

	await db.insert(staff).values(
		members.map((member) => ({
			id: member.id,
			estateId: input.estateId,
			username: member.username,
			displayName: member.displayName,
			department: member.department,
			roles: [...member.roles],
			skills: [...member.skills],
			buildingIds: [...member.buildingIds],
			phoneMasked: maskPhone(member.phone),
			passwordHash: hashOf.get(member.id) ?? sharedHash,
			mustChangePassword: !member.demoLogin,
			passwordChangedAt: member.demoLogin ? input.now : null,
			createdAt: input.now,
		})),
	);

	return {
		staff: members.map(({ phone: _phone, ...member }) => member),
		logins: logins.map((member) => ({
			username: member.username,
			password: DEMO_PASSWORD,
			roles: member.roles,
		})),
	};
}
