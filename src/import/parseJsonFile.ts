/**
 * The first step of the JSON importers: the file's text without a byte-order mark (quotes are
 * taken from this text), and its parsed value; text that is not JSON is refused with a
 * BAD_USER_INPUT naming what was expected.
 */
import { badUserInput } from '../errors.js';

export function parseJsonFile(rawText: string, expected: string): { text: string; data: unknown } {
  const text = rawText.startsWith('\uFEFF') ? rawText.slice(1) : rawText;
  try {
    return { text, data: JSON.parse(text) };
  } catch (error) {
    throw badUserInput([{ path: '(file)', message: `expected ${expected}, but got text that is not JSON (${(error as Error).message})` }]);
  }
}
