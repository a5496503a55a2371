export { main, program } from './main.js';
export { execute, type CommandContext, type CommandResult } from './context.js';
