/** What a resident can do at the lobby kiosk, in the order the start screen offers it. */
export const services = ['repair', 'complaint', 'suggestion', 'booking', 'follow-up'] as const;
export type Service = (typeof services)[number];

export const isService = (value: string): value is Service => (services as readonly string[]).includes(value);
