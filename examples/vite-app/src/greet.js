export function greet(name) {
  const n = name.trim();
  return `Hello, ${n || 'world'}!`;
}
