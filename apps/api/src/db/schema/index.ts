// The drizzle schema as one object, for drizzle-kit and the relational query builder.
export * from './estates';
export * from './site-plan';
export * from './residents';
export * from './staff';
export * from './work-orders';
export * from './sla';
export * from './duty';
export * from './notices';
export * from './kiosk';
export * from './positions';
export * from './patrols';
export * from './cleaning';
export * from './outbox';
export * from './socket-io';
