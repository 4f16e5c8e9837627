export * from './approval';
export * from './purchase-plan';
export * from './requisition';
export * from './stock-ledger';
