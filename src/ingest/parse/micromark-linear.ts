// Ingest stage "parse: micromark fix" (pure; patches a library once, at import): micromark calls `EditMap.consume` each
// time a list item or block quote closes, and `consume` copies the WHOLE event list every time, so parsing grows with
// the square of a document's size (measured: 2,000 nested list items 4.5 s, 8,000 items 74 s). This version leaves
// the untouched prefix of the list in place and rebuilds only the edited tail, with exactly the same resulting events.
import { EditMap } from 'micromark-util-edit-map';

type Events = Parameters<EditMap['consume']>[0];
type Change = [number, number, Events];

/** The same edits as upstream `consume`, in time proportional to the edited tail instead of the whole list. */
function consumeTail(this: EditMap, events: Events): undefined {
  const map = (this as unknown as { map: Change[] }).map;
  if (map.length === 0) return;
  map.sort((a, b) => a[0] - b[0]);
  const tail: Events[] = [];
  for (let i = map.length - 1; i >= 0; i--) {
    const change = map[i];
    if (!change) continue;
    tail.push(events.slice(change[0] + change[1]), change[2]);
    events.length = change[0];
  }
  for (let i = tail.length - 1; i >= 0; i--) for (const event of tail[i] ?? []) events.push(event);
  map.length = 0;
  (this as unknown as { index: Map<number, Change> }).index.clear();
}

/** The upstream implementation, kept for the test that compares both on real documents. */
export const upstreamConsume = EditMap.prototype.consume;

EditMap.prototype.consume = consumeTail;

/** Whether the linear `consume` is the one micromark uses (a micromark upgrade could bring its own EditMap copy). */
export function linearConsumeInstalled(): boolean {
  return EditMap.prototype.consume === consumeTail;
}
