export * from './plan.js';
export * from './github.js';
export * from './inventory.js';
export * from './shard.js';
export * from './merge.js';
export * from './portfolio-html.js';
export * from './drift-org.js';
