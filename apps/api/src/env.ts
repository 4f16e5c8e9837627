import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/**
 * The only reader of `process.env` (STYLE.md, convention 6). Parsed once at start; a bad value stops the
 * process with a message naming the variable. Every default makes `npm start` work on a fresh clone.
 */

// apps/api, whether this runs from src/ (tests) or from the bundled dist/.
const apiRoot = fileURLToPath(new URL('..', import.meta.url));

const booleanFlag = z
	.enum(['true', 'false', '1', '0', 'yes', 'no'])
	.transform((flag) => flag === 'true' || flag === '1' || flag === 'yes');

const EnvSchema = z.object({
	NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
	HOST: z.string().min(1).default('0.0.0.0'),
	PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
	LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
	DATA_DIR: z.string().min(1).default('./.data'),
	DATABASE_URL: z
		.string()
		.regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
		.optional(),
	CONSOLE_DIR: z.string().min(1).default(`${apiRoot}../console/build`),
	KIOSK_DIR: z.string().min(1).default(`${apiRoot}../kiosk/build`),
	SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(10_000),
	/** base64 of 32 bytes; when unset a key is generated once into DATA_DIR/encryption.key. */
	ENCRYPTION_KEY: z.string().min(1).optional(),
	/** Extra origins allowed to make state-changing requests (e.g. Vite dev servers), comma-separated. */
	ALLOWED_ORIGINS: z
		.string()
		.default('')
		.transform((text) =>
			text
				.split(',')
				.map((origin) => origin.trim())
				.filter(Boolean),
		),
	/** Behind a reverse proxy: take the client's address from X-Forwarded-For. */
	TRUST_PROXY: booleanFlag.default(false),
	/** Seed the demo estate into an empty database at start. */
	DEMO_SEED: booleanFlag.default(true),
	/**
	 * Start the server's clock at this instant and let it run on from there: a demo or an end-to-end run at a
	 * chosen time of day (a patrol window, the cleaners' morning). Unset: the real time.
	 */
	CLOCK_START: z.iso
		.datetime({ offset: true })
		.transform((text) => new Date(text))
		.optional(),
	/** How often the SLA watch looks for orders turning at risk or breached. */
	SLA_WATCH_INTERVAL_MS: z.coerce.number().int().min(1_000).default(15_000),
	/** When set, scraping /metrics needs `Authorization: Bearer <token>`. */
	METRICS_TOKEN: z.string().min(16).optional(),
	/** Run the living demo (src/simulator); unset: on with the demo seed, except under test. */
	SIMULATE: booleanFlag.optional(),
	/** How lively the simulated estate is: 2 files requests and finishes work twice as fast. */
	SIMULATE_SPEED: z.coerce.number().positive().max(100).default(1),
});

/** `SIMULATE` unset follows the demo seed: a fresh demo is alive, a test run or an empty estate is still. */
export type Env = Omit<z.infer<typeof EnvSchema>, 'SIMULATE'> & { readonly SIMULATE: boolean };

export function parseEnv(source: Record<string, string | undefined>): Env {
	const parsed = EnvSchema.safeParse(source);
	if (!parsed.success) {
		const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
		throw new Error(`Invalid environment:\n${lines.join('\n')}`);
	}
	return {
		...parsed.data,
		SIMULATE: parsed.data.SIMULATE ?? (parsed.data.DEMO_SEED && parsed.data.NODE_ENV !== 'test'),
	};
}

export const loadEnv = (): Env => parseEnv(process.env);
