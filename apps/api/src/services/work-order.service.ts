import { createHash } from 'node:crypto';
import type { Actor } from '@estate-ops/domain/estate';
import { err, ok, type DomainError, type Result } from '@estate-ops/domain/shared';
import {
	decide,
	generateRequestCode,
	maskContact,
	suggestAssignees,
	workOrderSla,
	type AssigneeSuggestion,
	type SubmitWorkOrder,
	type WorkOrder,
	type WorkOrderCommand,
	type WorkOrderEvent,
} from '@estate-ops/domain/work-orders';
import type { Database, Executor } from '../db/database';
import { recordSensitiveRead, type AuditActor } from '../db/repositories/audit.repository';
import { loadSlaContext, type SlaContext } from '../db/repositories/sla-settings.repository';
import {
	buildingExists,
	findRoomInEstate,
	isUuid,
	listActiveStaff,
} from '../db/repositories/site.repository';
import {
	appendHistory,
	findSealedContactPhone,
	findWorkOrder,
	insertWorkOrder,
	openLoadByAssignee,
	updateWorkOrder,
	type WorkOrderSlaColumns,
} from '../db/repositories/work-order.repository';

/** An event as the outbox stores it; written in the same transaction as the state that made it. */
export type OutboxEvent = {
	readonly estateId: string;
	readonly type: string;
	readonly aggregateType: string;
	readonly aggregateId: string;
	readonly payload: unknown;
	readonly at: Date;
};

export type WorkOrderServiceDeps = {
	readonly db: Database;
	readonly now: () => Date;
	readonly newId: () => string;
	readonly randomBytes: (length: number) => Uint8Array;
	readonly appendEvents: (tx: Executor, events: readonly OutboxEvent[]) => Promise<unknown>;
	/** Seals and opens the contact's clear phone number (AES-256-GCM at rest). */
	readonly contactCipher: { seal(phone: string): string; open(sealed: string): string };
};

/** Who reads a contact's clear number, for the audit log. */
export type ContactReader = {
	readonly actor: AuditActor;
	readonly ip?: string | null;
	readonly requestId: string | null;
};

/** What a submit needs besides the generated id and code. */
export type SubmitInput = Omit<SubmitWorkOrder, 'type' | 'id' | 'estateId' | 'code'>;

export type Submitted = { readonly order: WorkOrder; readonly publicToken: string } & WorkOrderSlaColumns;

type ServiceError = DomainError;

const PUBLIC_TOKEN_BYTES = 24;

export const hashPublicToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/**
 * Work-order use cases: load → the domain decides → save the state, its history and its outbox events in one
 * transaction. The optimistic version check makes two concurrent commands on one order unable to both win.
 */
export function createWorkOrderService(deps: WorkOrderServiceDeps) {
	const { db, now } = deps;

	function slaColumns(order: WorkOrder, context: SlaContext, at: Date): WorkOrderSlaColumns {
		const sla = workOrderSla(order, context.rules, context.calendar, at);
		return { nextDueAt: sla.next?.dueAt ?? null, slaState: sla.state };
	}

	async function requireSlaContext(estateId: string): Promise<SlaContext> {
		const context = await loadSlaContext(db, estateId);
		if (!context)
			throw new Error(`estate ${estateId} has no row: principals are only issued for existing estates`);
		return context;
	}

	function outboxOf(order: WorkOrder, events: readonly WorkOrderEvent[]): OutboxEvent[] {
		return events.map((event) => ({
			estateId: order.estateId,
			type: event.type,
			aggregateType: 'workOrder',
			aggregateId: order.id,
			payload: event,
			at: event.at,
		}));
	}

	async function checkLocation(
		estateId: string,
		input: SubmitInput,
	): Promise<Result<SubmitInput, ServiceError>> {
		const location = input.location;
		if (location.kind === 'room') {
			const room = await findRoomInEstate(db, estateId, location.roomId);
			if (!room)
				return err('ROOM.NOT_FOUND', 'No such room in this estate.', { path: ['location', 'roomId'] });
			// The room decides its building, whatever the client said.
			return ok({
				...input,
				location: { ...location, buildingId: room.buildingId as typeof location.buildingId },
			});
		}
		if (location.buildingId && !(await buildingExists(db, estateId, location.buildingId))) {
			return err('BUILDING.NOT_FOUND', 'No such building in this estate.', {
				path: ['location', 'buildingId'],
			});
		}
		return ok(input);
	}

	async function checkAssignee(
		estateId: string,
		command: WorkOrderCommand,
	): Promise<Result<null, ServiceError>> {
		const assigneeId =
			command.type === 'assign' || command.type === 'reassign'
				? command.assigneeId
				: command.type === 'reopen'
					? command.assigneeId
					: null;
		if (assigneeId === null) return ok(null);
		const staff = isUuid(assigneeId) ? await listActiveStaff(db, estateId) : [];
		if (!staff.some((member) => member.id === assigneeId)) {
			return err('STAFF.NOT_FOUND', 'No active staff member with this id in this estate.', {
				path: ['assigneeId'],
			});
		}
		return ok(null);
	}

	return {
		/**
		 * Files a new order. `beforeCommit` runs inside the transaction with what will be acknowledged (the
		 * idempotency record is written there, so it exists exactly when the order does).
		 */
		async submit(
			estateId: string,
			actor: Actor,
			input: SubmitInput,
			requestId: string | null,
			beforeCommit?: (tx: Executor, submitted: Submitted) => Promise<void>,
			/** A status-link token the client chose (the kiosk shows its QR before it is online); checked by the caller. */
			options: { readonly publicToken?: string } = {},
		): Promise<Result<Submitted, ServiceError>> {
			const located = await checkLocation(estateId, input);
			if (!located.ok) return located;
			const context = await requireSlaContext(estateId);
			const at = now();
			const publicToken =
				options.publicToken ?? Buffer.from(deps.randomBytes(PUBLIC_TOKEN_BYTES)).toString('base64url');
			const decision = decide(
				null,
				{
					type: 'submit',
					...located.value,
					id: deps.newId() as SubmitWorkOrder['id'],
					estateId: estateId as SubmitWorkOrder['estateId'],
					code: generateRequestCode(deps.randomBytes),
				},
				{ now: at, actor },
			);
			if (!decision.ok) return decision;
			// The clear callback number is kept only sealed; the order, its history and its events carry it masked.
			const { state, events, clearPhone } = maskContact(decision.value.state, decision.value.events);
			const sla = slaColumns(state, context, at);
			const submitted: Submitted = { order: state, publicToken, ...sla };
			await db.transaction(async (tx) => {
				await insertWorkOrder(
					tx,
					state,
					sla,
					hashPublicToken(publicToken),
					clearPhone === null ? null : deps.contactCipher.seal(clearPhone),
				);
				await appendHistory(tx, state, events, requestId);
				await deps.appendEvents(tx, outboxOf(state, events));
				await beforeCommit?.(tx, submitted);
			});
			return ok(submitted);
		},

		async execute(
			estateId: string,
			id: string,
			actor: Actor,
			command: Exclude<WorkOrderCommand, SubmitWorkOrder>,
			options: { expectedVersion?: number; requestId: string | null },
		): Promise<Result<WorkOrder, ServiceError>> {
			if (!isUuid(id)) return err('WORK_ORDER.NOT_FOUND', 'No such work order.');
			const stored = await findWorkOrder(db, estateId, id);
			if (!stored) return err('WORK_ORDER.NOT_FOUND', 'No such work order.');
			const current = stored.order;
			if (options.expectedVersion !== undefined && options.expectedVersion !== current.version) {
				return err(
					'WORK_ORDER.VERSION_CONFLICT',
					'The order has changed since you loaded it: reload and try again.',
					{
						details: { expectedVersion: options.expectedVersion, currentVersion: current.version },
					},
				);
			}
			const assignee = await checkAssignee(estateId, command);
			if (!assignee.ok) return assignee;
			const at = now();
			const decision = decide(current, command, { now: at, actor });
			if (!decision.ok) return decision;
			const { state, events } = decision.value;
			const context = await requireSlaContext(estateId);
			const sla = slaColumns(state, context, at);
			const written = await db.transaction(async (tx) => {
				if (!(await updateWorkOrder(tx, state, sla, current.version))) return false;
				await appendHistory(tx, state, events, options.requestId);
				await deps.appendEvents(tx, outboxOf(state, events));
				return true;
			});
			if (!written) {
				return err(
					'WORK_ORDER.VERSION_CONFLICT',
					'Someone else changed the order at the same moment: reload and try again.',
					{
						details: { expectedVersion: current.version },
					},
				);
			}
			return ok(state);
		},

		async suggestions(
			estateId: string,
			id: string,
		): Promise<Result<readonly AssigneeSuggestion[], ServiceError>> {
			if (!isUuid(id)) return err('WORK_ORDER.NOT_FOUND', 'No such work order.');
			const stored = await findWorkOrder(db, estateId, id);
			if (!stored) return err('WORK_ORDER.NOT_FOUND', 'No such work order.');
			const [staff, load] = await Promise.all([
				listActiveStaff(db, estateId),
				openLoadByAssignee(db, estateId),
			]);
			return ok(suggestAssignees(stored.order, staff, load));
		},

		/** The contact's clear number, read and audited in one transaction. */
		async readContactPhone(
			estateId: string,
			id: string,
			reader: ContactReader,
		): Promise<Result<{ readonly phone: string | null }, ServiceError>> {
			if (!isUuid(id)) return err('WORK_ORDER.NOT_FOUND', 'No such work order.');
			return db.transaction(async (tx) => {
				const found = await findSealedContactPhone(tx, estateId, id);
				if (!found) return err('WORK_ORDER.NOT_FOUND', 'No such work order.');
				if (found.sealed === null) return ok({ phone: null });
				const phone = deps.contactCipher.open(found.sealed);
				await recordSensitiveRead(tx, {
					estateId,
					actor: reader.actor,
					subjectType: 'workOrder',
					subjectId: id,
					fields: ['contact.phone'],
					ip: reader.ip ?? null,
					requestId: reader.requestId,
					at: now(),
				});
				return ok({ phone });
			});
		},

		/** Every SLA clock of an order as of now, for the order card. */
		async clocks(order: WorkOrder) {
			const context = await requireSlaContext(order.estateId);
			return workOrderSla(order, context.rules, context.calendar, now());
		},
	};
}

export type WorkOrderService = ReturnType<typeof createWorkOrderService>;
