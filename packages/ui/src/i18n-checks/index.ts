export * from './catalogue-checks';
