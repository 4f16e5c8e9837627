import { describe, expect, it } from 'vitest';
import { swStrategy } from './sw-strategy';

const scope = {
	origin: 'http://localhost:3000',
	base: '/kiosk',
	assets: new Set(['/kiosk/_app/immutable/entry/start.abc.js', '/kiosk/favicon.svg', '/kiosk/']),
};
const get = (path: string, mode = 'cors') => ({ method: 'GET', url: `http://localhost:3000${path}`, mode });

describe('swStrategy', () => {
	it.each([
		['a built file', get('/kiosk/_app/immutable/entry/start.abc.js'), 'cache'],
		['a static file', get('/kiosk/favicon.svg'), 'cache'],
		['the start page', get('/kiosk/', 'navigate'), 'shell'],
		['a page of the app', get('/kiosk/request/repair', 'navigate'), 'shell'],
		['the app without its slash', get('/kiosk', 'navigate'), 'shell'],
		['the api', get('/api/v1/kiosk/notices'), 'network'],
		['a page of the console', get('/work-orders', 'navigate'), 'network'],
		['the status page behind the QR code', get('/status/abc', 'navigate'), 'network'],
		['a file of another version', get('/kiosk/_app/immutable/entry/start.old.js'), 'network'],
		['a filing', { ...get('/api/v1/kiosk/work-orders'), method: 'POST' }, 'network'],
		['another origin', { method: 'GET', url: 'https://example.com/kiosk/', mode: 'navigate' }, 'network'],
	])('answers %s from %s', (_, request, strategy) => {
		expect(swStrategy(request, scope)).toBe(strategy);
	});
});
