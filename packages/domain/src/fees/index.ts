export * from './fee-rates';
export * from './money';
export * from './monthly-bill';
export * from './payments';
