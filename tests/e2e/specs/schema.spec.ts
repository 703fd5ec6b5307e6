// The design's JSON Schema is served beside the app (design.schema.json), the
// same document `envelope schema` prints, so editors can validate and complete
// `.envelope.json` files against the site's address.
import { execFileSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { CLI, requireCli } from '../helpers/report';

test('design.schema.json is served and is what envelope schema prints', async ({ request }) => {
  requireCli();
  const served = await request.get('design.schema.json');
  expect(served.ok()).toBe(true);
  const schema = await served.json();
  expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['blocks', 'links', 'zones', 'scenarios']));
  const printed = JSON.parse(execFileSync(CLI, ['schema'], { encoding: 'utf8' }));
  expect(schema).toEqual(printed);
});
