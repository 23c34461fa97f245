// walk7: the scan page given what OCR read from a screenshot of wxerr's own 40125 detail page (verbatim, see
// test/core/own-page.test.ts) shows that one code; the extractor alone showed 40013, named in the page's note.
import { readFileSync } from 'fs';
import { join } from 'path';
import { fire, installWx, loader, textOf } from '../helpers/simulate';

const renderScan = loader('pages/scan/index');
const OCR = readFileSync(join(__dirname, '..', 'core', 'fixtures', 'ocr-detail-40125-dark.txt'), 'utf8');

test('the OCR text of wxerr’s 40125 page scans to one row, 40125', async () => {
  installWx();
  const comp = renderScan();
  await fire(comp, '.paste', 'input', { value: OCR });
  await fire(comp, '.scan-text', 'tap');
  const rows = comp.querySelectorAll('.row');
  expect(rows).toHaveLength(1);
  expect(textOf(rows[0])).toMatch(/^40125/);
});
