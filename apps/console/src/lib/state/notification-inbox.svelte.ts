import type { ApiResult } from '$lib/api/http';
import { Notification } from '$lib/api/notifications';
import type { NotificationList } from '$lib/api/notifications';

type InboxDeps = {
	readonly api: {
		list(): Promise<ApiResult<NotificationList>>;
		markRead(id: string): Promise<ApiResult<Notification>>;
		markAllRead(upTo: Date): Promise<ApiResult<{ unread: number }>>;
	};
	/** Opens the person's notification stream; returns the function that closes it. */
	readonly openStream: (handlers: {
		onNotification: (raw: unknown) => void;
		onConnect: () => void;
	}) => () => void;
	readonly now: () => Date;
};

const MAX_SHOWN = 30;

/**
 * My notifications (the bell): loaded from the api on every (re)connect, so nothing delivered while away is
 * missed, and prepended as the server delivers them to my room. Only delivered notifications ever reach here:
 * ones queued for the start of my shift stay on the server until then.
 */
export class NotificationInbox {
	items: readonly Notification[] = $state.raw([]);
	unread = $state(0);
	loaded = $state(false);

	readonly #deps: InboxDeps;

	constructor(deps: InboxDeps) {
		this.#deps = deps;
	}

	/** Connects; returns the function that stops (an `$effect` cleanup). */
	start(): () => void {
		return this.#deps.openStream({
			onConnect: () => void this.load(),
			onNotification: (raw) => this.receive(raw),
		});
	}

	async load(): Promise<void> {
		const result = await this.#deps.api.list();
		if (!result.ok) return;
		this.items = result.value.items;
		this.unread = result.value.unread;
		this.loaded = true;
	}

	/** A notification from the stream; one already held (a reload raced the socket) is not counted twice. */
	receive(raw: unknown): void {
		const parsed = Notification.safeParse(raw);
		if (!parsed.success || this.items.some((item) => item.id === parsed.data.id)) return;
		this.items = [parsed.data, ...this.items].slice(0, MAX_SHOWN);
		if (parsed.data.readAt === null) this.unread += 1;
	}

	async markRead(id: string): Promise<void> {
		const held = this.items.find((item) => item.id === id);
		if (!held || held.readAt !== null) return;
		const result = await this.#deps.api.markRead(id);
		if (!result.ok) return;
		this.items = this.items.map((item) => (item.id === id ? result.value : item));
		this.unread = Math.max(0, this.unread - 1);
	}

	/** Marks read what is on screen now; anything delivered after this moment stays unread. */
	async markAllRead(): Promise<void> {
		const upTo = this.#deps.now();
		const result = await this.#deps.api.markAllRead(upTo);
		if (!result.ok) return;
		const readAt = upTo.toISOString();
		this.items = this.items.map((item) =>
			item.readAt === null && (item.deliveredAt ?? '') <= readAt ? { ...item, readAt } : item,
		);
		this.unread = result.value.unread;
	}
}
