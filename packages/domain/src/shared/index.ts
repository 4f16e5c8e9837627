export * from './ids';
export * from './result';
export * from './time';
