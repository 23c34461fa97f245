// Second, blind labels of the held-out sets (session 8, helpers label8a / label8b): the same texts labelled again
// by someone who saw neither the first labels nor any output of the project's code, following the written rules
// every labeller used. They measure the labels, not the code: how far two careful readers of the same rules agree.
// The first labels stay the project's figures; nothing is relabelled from these.
import { readFileSync } from 'fs';
import { join } from 'path';
import { labelsOf, type RealSnippet } from './load';

interface SecondSnippetLabels {
  about: string;
  /** Original snippet id → the second labeller's expected field (`40164,~42001@wecom`, `-` for none). */
  labels: Record<string, { expected: string; why?: string }>;
}

interface SecondQueryLabels {
  about: string;
  /** One per query, keyed by its text (as the query files' splits are). */
  queries: { q: string; accept: string[]; note?: string }[];
}

const DIR = join(__dirname, 'second-labels');

/** The snippets with their second labels in place of the first (same ids, texts and sources). */
export function withSecondLabels(snippets: RealSnippet[], file: string, dir = DIR): RealSnippet[] {
  const data = JSON.parse(readFileSync(join(dir, file), 'utf8')) as SecondSnippetLabels;
  return snippets.map((s) => {
    const second = data.labels[s.id];
    if (!second) throw new Error(`${file} has no second label for ${s.id}`);
    return { ...s, ...labelsOf(second.expected) };
  });
}

/** Query text → the second labeller's accept list. */
export function secondAccepts(file: string, dir = DIR): Map<string, string[]> {
  const data = JSON.parse(readFileSync(join(dir, file), 'utf8')) as SecondQueryLabels;
  return new Map(data.queries.map((q) => [q.q, q.accept]));
}
