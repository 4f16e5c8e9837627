import { describe, expect, it } from 'vitest';
import { parseEnv } from './env';

describe('parseEnv', () => {
	it('gives defaults that let `npm start` run with nothing set', () => {
		const env = parseEnv({});
		expect(env).toMatchObject({ PORT: 3000, HOST: '0.0.0.0', DATA_DIR: './.data', LOG_LEVEL: 'info' });
		expect(env.DATABASE_URL).toBeUndefined();
		expect(env.CONSOLE_DIR).toMatch(/apps\/api\/\.\.\/console\/build$/);
		expect(env.KIOSK_DIR).toMatch(/apps\/api\/\.\.\/kiosk\/build$/);
	});

	it('coerces numbers from strings', () => {
		expect(parseEnv({ PORT: '8080' }).PORT).toBe(8080);
	});

	it.each([
		[{}, true],
		[{ NODE_ENV: 'production' }, true],
		[{ NODE_ENV: 'test' }, false],
		[{ DEMO_SEED: 'false' }, false],
		[{ NODE_ENV: 'test', SIMULATE: 'true' }, true],
		[{ SIMULATE: 'no' }, false],
	])('runs the living demo with the demo seed except under test, unless SIMULATE says (%j)', (source, on) => {
		expect(parseEnv(source).SIMULATE).toBe(on);
	});

	it('runs the simulator at speed 1 unless SIMULATE_SPEED says otherwise', () => {
		expect(parseEnv({}).SIMULATE_SPEED).toBe(1);
		expect(parseEnv({ SIMULATE_SPEED: '2.5' }).SIMULATE_SPEED).toBe(2.5);
	});

	it('starts the clock where CLOCK_START says, with its offset, and leaves it real when unset', () => {
		expect(parseEnv({ CLOCK_START: '2026-11-23T10:20:00+08:00' }).CLOCK_START?.toISOString()).toBe(
			'2026-11-23T02:20:00.000Z',
		);
		expect(parseEnv({}).CLOCK_START).toBeUndefined();
	});

	it.each([
		[{ CLOCK_START: '2026-11-23 10:20' }, 'CLOCK_START'],
		[{ SIMULATE: 'maybe' }, 'SIMULATE'],
		[{ SIMULATE_SPEED: '0' }, 'SIMULATE_SPEED'],
		[{ PORT: 'eighty' }, 'PORT'],
		[{ PORT: '70000' }, 'PORT'],
		[{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL: must be a postgres:// URL'],
		[{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
	])('rejects %j naming the variable', (source, message) => {
		expect(() => parseEnv(source)).toThrow(message);
	});
});
