/**
 * Industry matters: customers expect different things of a bank and of a hotel, and each industry carries its own
 * stereotypes. Benchmarks compare clients of the same industry, so this is a closed list rather than free text.
 */
export const INDUSTRIES = [
  'BANKING_FINANCE',
  'CONTACT_CENTRE',
  'EDUCATION',
  'GOVERNMENT',
  'HEALTHCARE',
  'HOSPITALITY',
  'INSURANCE',
  'PROFESSIONAL_SERVICES',
  'RETAIL',
  'TECHNOLOGY',
  'TELECOMMUNICATIONS',
  'TRAVEL_TRANSPORT',
  'UTILITIES',
  'OTHER',
] as const;
export type Industry = (typeof INDUSTRIES)[number];

export const INDUSTRY_LABELS: Record<Industry, string> = {
  BANKING_FINANCE: 'Banking and finance',
  CONTACT_CENTRE: 'Contact centres',
  EDUCATION: 'Education',
  GOVERNMENT: 'Government and public sector',
  HEALTHCARE: 'Healthcare',
  HOSPITALITY: 'Hospitality',
  INSURANCE: 'Insurance',
  PROFESSIONAL_SERVICES: 'Professional services',
  RETAIL: 'Retail',
  TECHNOLOGY: 'Technology',
  TELECOMMUNICATIONS: 'Telecommunications',
  TRAVEL_TRANSPORT: 'Travel and transport',
  UTILITIES: 'Utilities',
  OTHER: 'Other',
};

/** Head-count bands; enough to compare like with like without asking for exact numbers. */
export const CLIENT_SIZES = ['MICRO', 'SMALL', 'MEDIUM', 'LARGE', 'ENTERPRISE'] as const;
export type ClientSize = (typeof CLIENT_SIZES)[number];

export const CLIENT_SIZE_LABELS: Record<ClientSize, string> = {
  MICRO: '1–9 people',
  SMALL: '10–49 people',
  MEDIUM: '50–249 people',
  LARGE: '250–999 people',
  ENTERPRISE: '1,000 people or more',
};

export const CLIENT_STATUSES = ['PROSPECT', 'ACTIVE', 'ARCHIVED'] as const;
export type ClientStatus = (typeof CLIENT_STATUSES)[number];
