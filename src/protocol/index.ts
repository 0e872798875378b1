export * from './versions';
export * from './errors';
export * from './sync';
export * from './auth';
