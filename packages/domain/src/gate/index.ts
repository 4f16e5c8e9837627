export * from './overstay';
export * from './parcel';
export * from './pass-code';
export * from './vehicle-permit';
export * from './vehicle-plate';
export * from './visit';
export * from './visitor-document';
