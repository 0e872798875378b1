export * from './versions';
export * from './errors';
export * from './sync';
export * from './auth';
export * from './audit';
export * from './team';
export * from './admin';
export * from './rescue';
