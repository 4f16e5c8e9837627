/** A photo taken on the phone for an order, shown as a thumbnail while it is sent and after. */
export type TakenPhoto = {
	/** An object URL of the photo, for the thumbnail; revoked when the card goes. */
	readonly url: string;
	readonly state: 'uploading' | 'stored' | 'failed';
};
