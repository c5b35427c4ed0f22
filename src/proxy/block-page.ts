import { REASONS } from '../policy/reasons.js';
import type { Refusal } from './responses.js';

const escape = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A short page for staff: what happened, why, and whom to ask. Never the request's content. */
export function blockPage(r: Refusal, status: number): string {
  const title = status === 403 ? 'Blocked to protect patient information' : 'The request could not be completed';
  const why = REASONS[r.reason].message;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;color:#222}
h1{font-size:1.4rem}code{background:#f2f2f2;padding:0 .3em}</style></head>
<body><h1>${title}</h1>
<p>${escape(why)}</p>
<p>Vendor: <code>${escape(r.vendor ?? 'not in the vendor inventory')}</code><br>
Reason: <code>${escape(r.reason)}</code><br>
Incident: <code>${escape(r.incident)}</code></p>
<p>phiwall stops protected health information from reaching vendors that have no Business
Associate Agreement in force. If you need this to work, contact your practice's compliance
officer or IT lead and give them the incident number above.</p>
</body></html>
`;
}
