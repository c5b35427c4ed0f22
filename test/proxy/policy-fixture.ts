import { ALL_TERMS } from '../helpers/proxy.js';

/** Vendors for one row each of the decision table; every name resolves to 127.0.0.1 through dns.hosts. */
export const VENDORS = `
vendors:
  - id: ehr
    hosts: [ehr.example]
    classification: business-associate
    baa: { status: executed, effective: 2020-01-01, terms: ${ALL_TERMS} }
  - id: billing
    hosts: [billing.example]
    classification: business-associate
    baa: { status: executed, effective: 2020-01-01, terms: ${ALL_TERMS} }
  - id: storage
    subcontractor_of: billing
    hosts: [storage.example]
    classification: business-associate
    baa: { status: executed, effective: 2020-01-01, terms: ${ALL_TERMS} }
  - id: orphan
    subcontractor_of: it-msp
    hosts: [orphan.example]
    classification: business-associate
    baa: { status: executed, effective: 2020-01-01, terms: ${ALL_TERMS} }
  - id: it-msp
    hosts: [relay.itmsp.example]
    classification: business-associate
    baa: { status: refused }
  - id: answering
    hosts: [answering.example]
    classification: business-associate
    baa: { status: pending }
  - id: old-forms
    hosts: [forms.example]
    classification: business-associate
    baa: { status: terminated, effective: 2019-01-01 }
  - id: lapsed
    hosts: [lapsed.example]
    classification: business-associate
    baa: { status: executed, effective: 2019-01-01, expires: 2020-12-31, terms: ${ALL_TERMS} }
  - id: future
    hosts: [future.example]
    classification: business-associate
    baa: { status: executed, effective: 2099-01-01, terms: ${ALL_TERMS} }
  - id: template
    hosts: [template.example]
    classification: business-associate
    baa: { status: executed, effective: 2020-01-01, terms: [permitted-uses, safeguards] }
  - id: scribe
    hosts: [scribe.example]
    classification: business-associate
    on_baa_gap: block-phi
    baa: { status: executed, effective: 2020-01-01, terms: [permitted-uses] }
  - id: pixel
    hosts: [pixel.example]
    classification: not-business-associate
  - id: transit
    hosts: [transit.example]
    classification: conduit
    data_flows: transport only
  - id: newtool
    hosts: [newtool.example]
    classification: pending
`;

const NAMES = ['ehr', 'billing', 'storage', 'orphan', 'relay.itmsp', 'answering', 'forms', 'lapsed', 'future', 'template', 'scribe', 'pixel', 'transit', 'newtool', 'unknown'];

export function settings(extra = ''): string {
  return `dns:\n  hosts:\n${NAMES.map((n) => `    ${n}.example: 127.0.0.1\n`).join('')}${extra}`;
}
