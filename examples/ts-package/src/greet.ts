export interface Greeting {
  name: string;
  punctuation?: '!' | '.';
}

export function greet(g: Greeting): string {
  const name = g.name.trim() || 'world';
  return `Hello, ${name}${g.punctuation ?? '!'}`;
}
