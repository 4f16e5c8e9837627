/**
 * Whether the kiosk can reach the api, for the status line and the outbox: the browser's own online flag
 * (a pulled cable) and whether the last api call was answered (the api stopped, a 5xx).
 */
export class Connection {
	browserOnline = $state(true);
	apiAnswered = $state(true);
	/** Filings waiting in the outbox. */
	queued = $state(0);

	readonly online: boolean = $derived(this.browserOnline && this.apiAnswered);

	/** Follows the browser's online and offline events; `onOnline` runs when the network comes back. */
	watch(target: Window, onOnline: () => void): () => void {
		this.browserOnline = target.navigator.onLine;
		const online = () => {
			this.browserOnline = true;
			onOnline();
		};
		const offline = () => {
			this.browserOnline = false;
		};
		target.addEventListener('online', online);
		target.addEventListener('offline', offline);
		return () => {
			target.removeEventListener('online', online);
			target.removeEventListener('offline', offline);
		};
	}
}
