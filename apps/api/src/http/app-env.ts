import type { Principal } from '../auth/principal';

/** What every handler can read from the Hono context. */
export type AppEnv = {
	Variables: {
		requestId: string;
		/** Set by the authentication middleware when the request carries a valid session or device token. */
		principal: Principal | undefined;
	};
};
