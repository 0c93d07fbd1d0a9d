// Saves what a URL answers (node's own fetch: no curl needed); exits 1 unless it answers 2xx.
// usage: node fetch.mjs URL [FILE]
import { writeFileSync } from 'node:fs';
const [url, file] = process.argv.slice(2);
try {
  const response = await fetch(url);
  if (!response.ok) process.exit(1);
  const body = Buffer.from(await response.arrayBuffer());
  if (file) writeFileSync(file, body);
} catch {
  process.exit(1);
}
