/** A new glossary entry as a content owner's CMS would send it to the content admin API. */
export function kinshipEntry(overrides: Record<string, unknown> = {}) {
  return {
    id: 'kinship-carer-allowance',
    title: 'Kinship carer allowance',
    kind: 'glossary',
    acronyms: [],
    aliases: ['kinship allowance'],
    questions: ['money for grandparents raising a grandchild'],
    tags: ['family support'],
    summary: 'A weekly allowance some councils pay to relatives who bring up a child who cannot live with their parents.',
    source: 'Test council family support policy',
    authority: 'national',
    owner: 'Family Support Team',
    review_by: '2027-12-31',
    status: 'current',
    related: [],
    body: 'Ask the family support team how the allowance is assessed in your council.',
    ...overrides,
  };
}
