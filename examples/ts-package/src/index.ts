export { greet, type Greeting } from './greet.js';
export { greetingFile } from './list.js';
