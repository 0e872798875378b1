export * from './busyRegistry';
export * from './storageAlerts';
export * from './storageStatus';
export * from './updateState';
export * from './registerServiceWorker';
export * from './noteInProgress';
export * from './formatBytes';
export * from './startPwa';
