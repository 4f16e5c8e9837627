export * from './duty-shift';
export * from './duty-periods';
export * from './order-department';
export * from './alert-notifications';
