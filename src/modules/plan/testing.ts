import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import type { Agent, TestApp } from '../../platform/testing/app.js';
import { uniqueName } from '../../platform/testing/app.js';

/** A workbook with one sheet "plan" holding these rows (first = header), as base64. */
export async function xlsxBase64(rows: unknown[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('plan');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

export const HEADER = ['level', 'number', 'title', 'responsible', 'co_executors', 'deadlines', 'kpi_name', 'kpi_unit', 'kpi_target', 'periodicity', 'strategies'];

/** A signed-in user with these roles and regions ('national' for national scope). */
export async function agent(t: TestApp, prefix: string, roles: string[], regions: string[] = ['national']): Promise<Agent & { id: string; username: string }> {
  const u = await t.user({ username: uniqueName(prefix), roles, regions });
  return Object.assign(await t.login(u.username, u.password), { id: u.id, username: u.username });
}

/** POST and expect a status; returns the JSON body. */
export async function expectSend(a: Agent, method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body: unknown, status: number) {
  const res = await a.send(method, url, body);
  assert.equal(res.statusCode, status, `${method} ${url}: ${res.body}`);
  return res.body ? res.json() : null;
}

export async function expectGet(a: Agent, url: string, status = 200) {
  const res = await a.get(url);
  assert.equal(res.statusCode, status, `GET ${url}: ${res.body.slice(0, 300)}`);
  return res.json();
}
