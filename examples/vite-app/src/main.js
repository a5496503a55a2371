import './style.css';
import { greet } from './greet.js';

const app = document.querySelector('#app');
const input = document.createElement('input');
const out = document.createElement('p');
input.placeholder = 'your name';
input.addEventListener('input', () => (out.textContent = greet(input.value)));
out.textContent = greet('');
app.append(input, out);
