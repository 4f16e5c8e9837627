import {
	type FramePosition,
	GUARD_POSITIONS_EVENT,
	mergeFramePosition,
	type PositionFrame,
} from '@estate-ops/domain/positions';

/**
 * The room of an estate's position watchers: principals with `positions.read` (the control room, dispatch,
 * managers), not everyone on the estate's event stream (customer service has no business tracking guards).
 */
export const positionsRoom = (estateId: string) => `positions:${estateId}`;

/** A frame as it travels: dates as ISO 8601 strings. `PositionFrame` from the domain parses it back. */
export type PositionFrameWire = {
	readonly estateId: string;
	readonly at: string;
	readonly positions: readonly (Omit<FramePosition, 'at'> & { readonly at: string })[];
};

/** Sends one frame to a room on every instance (`io.to(room).emit(...)`, which the adapter carries). */
export type EmitFrame = (room: string, event: typeof GUARD_POSITIONS_EVENT, frame: PositionFrameWire) => void;

export type PositionFramesDeps = {
	readonly emit: EmitFrame;
	readonly now: () => Date;
	/** Frames per estate at most every `intervalMs`; 250 ms (four a second) by default. */
	readonly intervalMs?: number;
};

export type PositionFrames = {
	/** Notes a person's new position or state; it goes out in the estate's next frame. */
	push(estateId: string, position: FramePosition): void;
	/** Sends what is pending now (tests, shutdown). */
	flush(): void;
	close(): void;
};

const DEFAULT_INTERVAL_MS = 250;

const toWire = (frame: PositionFrame): PositionFrameWire => ({
	estateId: frame.estateId,
	at: frame.at.toISOString(),
	positions: frame.positions.map((position) => ({ ...position, at: position.at.toISOString() })),
});

/**
 * Coalesced `guard.positions` frames (DESIGN.md: a few frames a second per estate, not an event per fix).
 * Positions wait at most `intervalMs` in a per-estate map that keeps only the latest state of each person
 * (`mergeFramePosition`, the same rule the browsers apply), so a phone reporting every second and one
 * flushing a queue of a hundred fixes both cost one entry in the next frame. An estate where nobody moved
 * gets no frame; the timer runs only while something is pending.
 *
 * Several instances: each sends the frames of the reports it took in, through the Socket.IO adapter
 * (`io.to(room)`), which with PostgreSQL carries them to the sockets of every instance; on PGlite there is
 * one instance and the in-memory adapter. A frame has no seq and is not replayed: a console that missed one
 * is put right by the next, or by `GET /api/v1/positions` after a reconnect.
 */
export function createPositionFrames(deps: PositionFramesDeps): PositionFrames {
	const intervalMs = deps.intervalMs ?? DEFAULT_INTERVAL_MS;
	const pending = new Map<string, Map<string, FramePosition>>();
	let timer: NodeJS.Timeout | undefined;
	let closed = false;

	const flush = (): void => {
		clearTimeout(timer);
		timer = undefined;
		const at = deps.now();
		const estates = [...pending.entries()];
		pending.clear();
		for (const [estateId, people] of estates) {
			deps.emit(
				positionsRoom(estateId),
				GUARD_POSITIONS_EVENT,
				toWire({ estateId, at, positions: [...people.values()] }),
			);
		}
	};

	return {
		push(estateId, position) {
			if (closed) return;
			let people = pending.get(estateId);
			if (!people) {
				people = new Map();
				pending.set(estateId, people);
			}
			people.set(position.personId, mergeFramePosition(people.get(position.personId), position));
			if (!timer) {
				timer = setTimeout(flush, intervalMs);
				timer.unref();
			}
		},
		flush,
		close() {
			closed = true;
			clearTimeout(timer);
			timer = undefined;
			pending.clear();
		},
	};
}
