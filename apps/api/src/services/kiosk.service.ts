import type { Actor } from '@estate-ops/domain/estate';
import { phoneLast4Matches } from '@estate-ops/domain/estate';
import { err, ok, type DomainError, type Result } from '@estate-ops/domain/shared';
import type { WorkOrderLocation } from '@estate-ops/domain/work-orders';
import {
	isPaused,
	RequestCode,
	SubmitWorkOrder,
	type TimeWindow,
	type UrgencyClass,
	type WorkOrder,
	type WorkOrderCategory,
	type WorkOrderKind,
	type WorkOrderStatus,
} from '@estate-ops/domain/work-orders';
import type { z } from 'zod';
import type { Database, Executor } from '../db/database';
import { claimAttachments, findAttachmentMetas } from '../db/repositories/attachment.repository';
import { findKioskEstate } from '../db/repositories/kiosk-estate.repository';
import {
	currentResidentsOfHouseholdOf,
	currentResidentsOfRoom,
	pickerBuildings,
	pickerRooms,
	pickerUnits,
	type PickerEntry,
	type ResidentForVerification,
	type RoomPickerEntry,
} from '../db/repositories/resident.repository';
import { findRoomInEstate, isUuid, listActiveStaff } from '../db/repositories/site.repository';
import {
	findWorkOrderByCode,
	findWorkOrderByPublicToken,
	type StoredWorkOrder,
} from '../db/repositories/work-order.repository';
import { isUniqueViolation } from '../db/unique-violation';
import { decryptField, FieldDecryptionError, type EncryptionKey } from '../privacy/field-encryption';
import { centreOf, kioskEstateView, PUBLIC_PLACE_KINDS, type KioskEstateView } from './kiosk-estate-view';
import { hashPublicToken, type Submitted, type WorkOrderService } from './work-order.service';

/** Wrong tries per kiosk and room (or request code) before it is locked, and for how long. */
export const KIOSK_ATTEMPT_LIMIT = { maxFailures: 5, windowMs: 10 * 60_000, lockMs: 10 * 60_000 } as const;

/**
 * Failed identifications per key in memory, per api instance (like the sign-in address limiter): the fifth
 * wrong try within the window locks the key for `lockMs`; a right one clears it. With N instances a kiosk
 * gets up to N × 5 tries, still far from the 10,000 four-digit codes.
 */
export function createAttemptLimiter(options: {
	now: () => Date;
	maxFailures?: number;
	windowMs?: number;
	lockMs?: number;
	maxKeys?: number;
}) {
	const maxFailures = options.maxFailures ?? KIOSK_ATTEMPT_LIMIT.maxFailures;
	const windowMs = options.windowMs ?? KIOSK_ATTEMPT_LIMIT.windowMs;
	const lockMs = options.lockMs ?? KIOSK_ATTEMPT_LIMIT.lockMs;
	const maxKeys = options.maxKeys ?? 50_000;
	const entries = new Map<string, { failures: number[]; lockedUntil: number }>();
	return {
		/** 0 when `key` may try now, otherwise the milliseconds until it may. */
		retryAfterMs(key: string): number {
			const entry = entries.get(key);
			return entry ? Math.max(0, entry.lockedUntil - options.now().getTime()) : 0;
		},
		fail(key: string): void {
			const at = options.now().getTime();
			const entry = entries.get(key) ?? { failures: [], lockedUntil: 0 };
			entry.failures = entry.failures.filter((t) => t > at - windowMs);
			entry.failures.push(at);
			if (entry.failures.length >= maxFailures) {
				entry.lockedUntil = at + lockMs;
				entry.failures = [];
			}
			entries.delete(key);
			entries.set(key, entry);
			while (entries.size > maxKeys) {
				const stalest = entries.keys().next().value;
				if (stalest === undefined) break;
				entries.delete(stalest);
			}
		},
		succeed(key: string): void {
			entries.delete(key);
		},
	};
}

export type AttemptLimiter = ReturnType<typeof createAttemptLimiter>;

export type KioskServiceDeps = {
	readonly db: Database;
	readonly now: () => Date;
	readonly workOrders: Pick<WorkOrderService, 'submit' | 'execute'>;
	/** The key residents' phone numbers are sealed with (privacy/encryption-key.ts). */
	readonly encryptionKey: EncryptionKey;
	/** The associated data a resident's phone was sealed with; the same function the seed and resident admin use. */
	readonly phoneContext?: (residentId: string) => string;
	readonly limiter?: AttemptLimiter;
};

/** A kiosk filing: the household is identified by room and the last four digits of a resident's phone. */
export type KioskFiling = {
	readonly roomId: string;
	readonly phoneLast4: string;
	readonly kind: WorkOrderKind;
	readonly category: WorkOrderCategory;
	readonly description: string;
	/** A public place of the estate (GET /kiosk/estate) when the problem is not in the home. */
	readonly publicPlaceId?: string | undefined;
	readonly desiredWindow?: TimeWindow | null;
	readonly areaM2?: number | null;
	/** Ids of photos this kiosk uploaded beforehand (`POST /kiosk/photos`). */
	readonly attachments?: readonly string[] | undefined;
	/**
	 * The status-link token the kiosk chose itself, so that a receipt printed offline already carries the QR
	 * code of `/status/<token>`; the api generates one when absent.
	 */
	readonly publicToken?: string | undefined;
};

/** A client-chosen status token: 26 characters of lower-case base32, 130 bits, as unguessable as ours. */
export const CLIENT_PUBLIC_TOKEN = /^[a-z2-7]{26}$/;

/** The unique index that keeps two orders from sharing a status link (db/schema/work-orders.ts). */
const PUBLIC_TOKEN_INDEX = 'work_orders_public_token_key';

/** What the resident takes away from the kiosk: the follow-up code and the QR link, no personal data. */
export type KioskReceipt = {
	readonly code: string;
	readonly publicToken: string;
	readonly statusUrl: string;
	readonly urgency: UrgencyClass;
	readonly emergency: boolean;
};

export type ProgressStep = 'accept' | 'assign' | 'contact' | 'arrive' | 'resolve' | 'feedback' | 'close';

/** A request's progress in plain data: no name, phone, room or description. */
export type PublicProgress = {
	readonly code: string;
	readonly kind: WorkOrderKind;
	readonly category: WorkOrderCategory;
	readonly urgency: UrgencyClass;
	readonly status: WorkOrderStatus;
	readonly paused: boolean;
	readonly reopenCount: number;
	readonly steps: {
		readonly submittedAt: Date;
		readonly acceptedAt: Date | null;
		readonly assignedAt: Date | null;
		readonly contactedAt: Date | null;
		readonly arrivedAt: Date | null;
		readonly resolvedAt: Date | null;
		readonly feedbackAt: Date | null;
		readonly closedAt: Date | null;
		readonly cancelledAt: Date | null;
	};
	/** What happens next and the deadline it is promised by (null once the request is finished). */
	readonly next: { readonly step: ProgressStep; readonly dueBy: Date | null } | null;
};

/** The kiosk's view for the household that identified itself: progress, the technician's name, what it may do. */
export type KioskProgress = PublicProgress & {
	readonly technician: { readonly name: string } | null;
	readonly expectedBy: Date | null;
	readonly canRate: boolean;
	readonly canReopen: boolean;
};

function nextStep(order: WorkOrder): ProgressStep | null {
	switch (order.status) {
		case 'submitted':
			return 'accept';
		case 'accepted':
			return 'assign';
		case 'assigned':
			return order.contactedAt === null ? 'contact' : 'arrive';
		case 'on_site':
			return 'resolve';
		case 'resolved':
			return 'feedback';
		case 'feedback':
			return 'close';
		case 'closed':
		case 'cancelled':
			return null;
	}
}

export function publicProgressOf(stored: StoredWorkOrder): PublicProgress {
	const { order } = stored;
	const step = nextStep(order);
	return {
		code: order.code,
		kind: order.kind,
		category: order.category,
		urgency: order.urgency,
		status: order.status,
		paused: isPaused(order),
		reopenCount: order.reopenCount,
		steps: {
			submittedAt: order.submittedAt,
			acceptedAt: order.acceptedAt,
			assignedAt: order.assignedAt,
			contactedAt: order.contactedAt,
			arrivedAt: order.arrivedAt,
			resolvedAt: order.resolvedAt,
			feedbackAt: order.feedbackAt,
			closedAt: order.closedAt,
			cancelledAt: order.cancelledAt,
		},
		next: step === null ? null : { step, dueBy: stored.nextDueAt },
	};
}

const REOPENABLE: readonly WorkOrderStatus[] = ['resolved', 'feedback', 'closed'];

const verificationFailed = (path: string) =>
	err(
		'KIOSK.VERIFICATION_FAILED',
		'The room and the last four digits of the phone number do not match a resident of that room.',
		{
			path: [path],
		},
	);

const codeNotMatched = () =>
	err(
		'KIOSK.VERIFICATION_FAILED',
		'No request of your household has this code with these four digits: check both and try again.',
		{
			path: ['phoneLast4'],
		},
	);

/** Claiming a photo failed because another filing took it first; the transaction rolls back. */
class AttachmentTakenError extends Error {
	override readonly name = 'AttachmentTakenError';
}

const publicTokenTaken = () =>
	err(
		'KIOSK.PUBLIC_TOKEN_TAKEN',
		'Another request already has this status link: choose a new publicToken and file again.',
		{ path: ['publicToken'] },
	);

/** Which constraint a unique violation broke (PGlite says `constraint`, postgres.js `constraint_name`). */
function violatedConstraint(error: unknown): string | null {
	for (let current: unknown = error, depth = 0; current && depth < 5; depth++) {
		if (typeof current === 'object') {
			const named = current as { constraint?: unknown; constraint_name?: unknown; cause?: unknown };
			if (typeof named.constraint === 'string') return named.constraint;
			if (typeof named.constraint_name === 'string') return named.constraint_name;
			current = named.cause;
		} else return null;
	}
	return null;
}

/**
 * The lobby kiosk's use cases: notices are in the notice service; here a household identifies itself by room
 * and the last four digits of a resident's phone, files requests, follows them by code and rates them. A
 * kiosk never learns a resident's name or phone: digits are compared here and only yes or no goes back.
 */
export function createKioskService(deps: KioskServiceDeps) {
	const { db, now } = deps;
	const limiter = deps.limiter ?? createAttemptLimiter({ now });
	const phoneContext = deps.phoneContext ?? (() => '');

	function phoneOf(resident: ResidentForVerification): string | null {
		try {
			return decryptField(resident.phoneEncrypted, deps.encryptionKey, phoneContext(resident.id));
		} catch (error) {
			// A value sealed with another key or context cannot identify anyone.
			if (error instanceof FieldDecryptionError) return null;
			throw error;
		}
	}

	function match(residents: readonly ResidentForVerification[], last4: string) {
		for (const resident of residents) {
			const phone = phoneOf(resident);
			if (phone !== null && phoneLast4Matches(phone, last4)) return { resident, phone };
		}
		return null;
	}

	function locked(key: string): DomainError | null {
		const waitMs = limiter.retryAfterMs(key);
		if (waitMs === 0) return null;
		const retryAfterSeconds = Math.ceil(waitMs / 1000);
		return {
			code: 'KIOSK.TOO_MANY_ATTEMPTS',
			message: `Too many wrong tries: try again in ${Math.ceil(retryAfterSeconds / 60)} minutes, or ask at the front desk.`,
			details: { retryAfterSeconds },
		};
	}

	type Verified = { resident: ResidentForVerification; phone: string; buildingId: string };

	async function identify(
		estateId: string,
		deviceId: string,
		roomId: string,
		last4: string,
	): Promise<Result<Verified, DomainError>> {
		const room = await findRoomInEstate(db, estateId, roomId);
		if (!room) return err('ROOM.NOT_FOUND', 'No such room in this estate.', { path: ['roomId'] });
		const key = `${deviceId}|room|${roomId}`;
		const lock = locked(key);
		if (lock) return { ok: false, error: lock };
		const found = match(await currentResidentsOfRoom(db, estateId, roomId, now()), last4);
		if (!found) {
			limiter.fail(key);
			return verificationFailed('phoneLast4');
		}
		limiter.succeed(key);
		return ok({ ...found, buildingId: room.buildingId });
	}

	/** The order with this code, if the four digits are a current resident's of its household. */
	async function identifyByCode(
		estateId: string,
		deviceId: string,
		code: string,
		last4: string,
	): Promise<Result<{ stored: StoredWorkOrder; actor: Actor }, DomainError>> {
		const normalised = code.trim().toUpperCase();
		const key = `${deviceId}|code|${normalised}`;
		const lock = locked(key);
		if (lock) return { ok: false, error: lock };
		const stored = RequestCode.safeParse(normalised).success
			? await findWorkOrderByCode(db, estateId, normalised)
			: null;
		const order = stored?.order;
		const residents = !order
			? []
			: order.residentId !== null
				? await currentResidentsOfHouseholdOf(db, estateId, order.residentId, now())
				: order.location.kind === 'room'
					? await currentResidentsOfRoom(db, estateId, order.location.roomId, now())
					: [];
		const found = stored ? match(residents, last4) : null;
		if (!stored || !found) {
			limiter.fail(key);
			return codeNotMatched();
		}
		limiter.succeed(key);
		// The filer acts as themselves; another member of the household acts through the kiosk.
		const actor: Actor =
			found.resident.id === stored.order.residentId
				? {
						kind: 'resident',
						residentId: found.resident.id as Extract<Actor, { kind: 'resident' }>['residentId'],
					}
				: { kind: 'kiosk', deviceId };
		return ok({ stored, actor });
	}

	async function kioskProgressOf(stored: StoredWorkOrder): Promise<KioskProgress> {
		const { order } = stored;
		const technician =
			order.assigneeId === null
				? null
				: ((await listActiveStaff(db, order.estateId)).find((member) => member.id === order.assigneeId) ??
					null);
		const working = order.status === 'assigned' || order.status === 'on_site';
		return {
			...publicProgressOf(stored),
			technician: technician && working ? { name: technician.name } : null,
			expectedBy: working ? stored.nextDueAt : null,
			canRate: order.status === 'resolved' && !isPaused(order),
			canReopen: REOPENABLE.includes(order.status),
		};
	}

	async function progress(estateId: string, code: string): Promise<Result<KioskProgress, DomainError>> {
		const stored = await findWorkOrderByCode(db, estateId, code);
		return stored ? ok(await kioskProgressOf(stored)) : err('WORK_ORDER.NOT_FOUND', 'No such work order.');
	}

	/** The estate as the kiosk shows it: name, emergency line, buildings, public places, outline. */
	async function estateView(estateId: string): Promise<KioskEstateView | null> {
		const record = await findKioskEstate(db, estateId, PUBLIC_PLACE_KINDS);
		return record ? kioskEstateView(record) : null;
	}

	return {
		estate: estateView,

		rooms: {
			buildings: (estateId: string): Promise<PickerEntry[]> => pickerBuildings(db, estateId),
			units: (estateId: string, buildingId: string): Promise<PickerEntry[]> =>
				isUuid(buildingId) ? pickerUnits(db, estateId, buildingId) : Promise.resolve([]),
			rooms: (estateId: string, buildingId: string, unitId: string): Promise<RoomPickerEntry[]> =>
				isUuid(buildingId) && isUuid(unitId)
					? pickerRooms(db, estateId, buildingId, unitId)
					: Promise.resolve([]),
		},

		/** Whether a current resident of the room has a phone ending in these digits; nothing else is told. */
		async verify(
			estateId: string,
			deviceId: string,
			roomId: string,
			last4: string,
		): Promise<Result<{ verified: boolean }, DomainError>> {
			const identified = await identify(estateId, deviceId, roomId, last4);
			if (identified.ok) return ok({ verified: true });
			return identified.error.code === 'KIOSK.VERIFICATION_FAILED' ? ok({ verified: false }) : identified;
		},

		/**
		 * Files a request for the identified household through the work-order service: channel kiosk, the
		 * resident as actor and contact, the room as location, the kiosk's uploaded photos as attachments.
		 * Nothing is written unless the household is identified.
		 */
		async file(
			estateId: string,
			deviceId: string,
			filing: KioskFiling,
			requestId: string | null,
			beforeCommit?: (tx: Executor, receipt: KioskReceipt) => Promise<void>,
		): Promise<Result<KioskReceipt, DomainError>> {
			const { publicToken } = filing;
			if (publicToken !== undefined && !CLIENT_PUBLIC_TOKEN.test(publicToken)) {
				return err(
					'KIOSK.PUBLIC_TOKEN_INVALID',
					'A publicToken is exactly 26 characters of lower-case base32 (a–z, 2–7): 130 random bits.',
					{ path: ['publicToken'] },
				);
			}
			const identified = await identify(estateId, deviceId, filing.roomId, filing.phoneLast4);
			if (!identified.ok) return identified;
			// Never hand one status link to two requests: the first one keeps it.
			if (publicToken !== undefined && (await findWorkOrderByPublicToken(db, hashPublicToken(publicToken))))
				return publicTokenTaken();
			const { resident, phone, buildingId } = identified.value;
			let location: z.input<typeof WorkOrderLocation> = { kind: 'room', roomId: filing.roomId, buildingId };
			if (filing.publicPlaceId !== undefined) {
				const estate = await estateView(estateId);
				const place = estate?.publicPlaces.find((candidate) => candidate.id === filing.publicPlaceId);
				if (!place)
					return err('KIOSK.PLACE_NOT_FOUND', 'No such public place in this estate.', {
						path: ['publicPlaceId'],
					});
				location = {
					kind: 'point',
					position: centreOf(place.polygon),
					description: place.name,
					buildingId: null,
					zoneId: null,
				};
			}

			const photoIds = [...new Set(filing.attachments ?? [])];
			const photos = await findAttachmentMetas(db, estateId, photoIds.filter(isUuid));
			for (const [index, id] of photoIds.entries()) {
				const photo = photos.find((p) => p.id === id);
				const ours =
					photo &&
					photo.workOrderId === null &&
					photo.uploadedBy.kind === 'kiosk' &&
					photo.uploadedBy.deviceId === deviceId;
				if (!ours) {
					return err(
						'ATTACHMENT.NOT_FOUND',
						'This photo was not uploaded at this kiosk, or is already on a request.',
						{
							path: ['attachments', index],
						},
					);
				}
			}

			const input = SubmitWorkOrder.omit({ type: true, id: true, estateId: true, code: true }).safeParse({
				kind: filing.kind,
				category: filing.category,
				channel: 'kiosk',
				description: filing.description,
				location,
				residentId: resident.id,
				contact: { name: resident.name, phone },
				desiredWindow: filing.desiredWindow ?? null,
				areaM2: filing.areaM2 ?? null,
				reportedAt: null,
				attachments: photoIds.map((id) => ({
					id,
					content: { kind: 'photo', storageKey: id, caption: null },
				})),
			});
			if (!input.success) {
				const issue = input.error.issues[0];
				return err('KIOSK.INVALID_FILING', issue?.message ?? 'The request is not valid.', {
					path: issue?.path.map(String) ?? [],
				});
			}
			const receiptOf = (submitted: Submitted): KioskReceipt => ({
				code: submitted.order.code,
				publicToken: submitted.publicToken,
				statusUrl: `/status/${submitted.publicToken}`,
				urgency: submitted.order.urgency,
				emergency: submitted.order.urgency === 'urgent',
			});
			try {
				const submitted = await deps.workOrders.submit(
					estateId,
					{ kind: 'resident', residentId: resident.id as Extract<Actor, { kind: 'resident' }>['residentId'] },
					input.data,
					requestId,
					async (tx, result) => {
						if ((await claimAttachments(tx, estateId, photoIds, result.order.id)) !== photoIds.length)
							throw new AttachmentTakenError();
						await beforeCommit?.(tx, receiptOf(result));
					},
					publicToken === undefined ? {} : { publicToken },
				);
				return submitted.ok ? ok(receiptOf(submitted.value)) : submitted;
			} catch (error) {
				// Another filing took the same token between the check and the insert.
				if (isUniqueViolation(error) && violatedConstraint(error) === PUBLIC_TOKEN_INDEX)
					return publicTokenTaken();
				if (error instanceof AttachmentTakenError) {
					return err('ATTACHMENT.NOT_FOUND', 'A photo was filed with another request at the same moment.', {
						path: ['attachments'],
					});
				}
				throw error;
			}
		},

		/** A request's progress for the household it belongs to. */
		async lookup(
			estateId: string,
			deviceId: string,
			code: string,
			last4: string,
		): Promise<Result<KioskProgress, DomainError>> {
			const identified = await identifyByCode(estateId, deviceId, code, last4);
			if (!identified.ok) return identified;
			return ok(await kioskProgressOf(identified.value.stored));
		},

		/** The satisfaction survey at the kiosk; a dissatisfied resident sends the work back (the domain reopens it). */
		async feedback(
			estateId: string,
			deviceId: string,
			code: string,
			input: {
				phoneLast4: string;
				ratings: { speed: number; result: number; attitude: number };
				comment: string | null;
				satisfied: boolean;
			},
			requestId: string | null,
		): Promise<Result<KioskProgress, DomainError>> {
			const identified = await identifyByCode(estateId, deviceId, code, input.phoneLast4);
			if (!identified.ok) return identified;
			const { stored, actor } = identified.value;
			const result = await deps.workOrders.execute(
				estateId,
				stored.order.id,
				actor,
				{
					type: 'recordFeedback',
					method: 'kiosk',
					ratings: input.ratings,
					comment: input.comment,
					satisfied: input.satisfied,
				},
				{ expectedVersion: stored.order.version, requestId },
			);
			if (!result.ok) return result;
			return progress(estateId, stored.order.code);
		},

		/** The resident asks for the work to be done again (返工). */
		async reopen(
			estateId: string,
			deviceId: string,
			code: string,
			input: { phoneLast4: string; reason: string },
			requestId: string | null,
		): Promise<Result<KioskProgress, DomainError>> {
			const identified = await identifyByCode(estateId, deviceId, code, input.phoneLast4);
			if (!identified.ok) return identified;
			const { stored, actor } = identified.value;
			const result = await deps.workOrders.execute(
				estateId,
				stored.order.id,
				actor,
				{ type: 'reopen', reason: input.reason, assigneeId: null },
				{ expectedVersion: stored.order.version, requestId },
			);
			if (!result.ok) return result;
			return progress(estateId, stored.order.code);
		},
	};
}

export type KioskService = ReturnType<typeof createKioskService>;
