import type { FieldRole } from '@estate-ops/domain/positions';
import { m } from '$lib/paraglide/messages';

/** A trade's name in the reader's language. */
export function roleLabel(role: FieldRole): string {
	switch (role) {
		case 'guard':
			return m.fm_role_guard();
		case 'cleaner':
			return m.fm_role_cleaner();
		case 'technician':
			return m.fm_role_technician();
	}
}

/** The one character drawn inside a person's dot (安 / 洁 / 修; G / C / T). */
export function roleGlyph(role: FieldRole): string {
	switch (role) {
		case 'guard':
			return m.fm_glyph_guard();
		case 'cleaner':
			return m.fm_glyph_cleaner();
		case 'technician':
			return m.fm_glyph_technician();
	}
}
