// Friendly words for the opportunities enums, in the order a person reads them.
import type { Interest, Kind, OrgType, Stage } from './api';

interface Option<T extends string> {
  value: T;
  label: string;
}

/** The main path, then the ways out. The board's columns follow this order. */
export const STAGES: Option<Stage>[] = [
  { value: 'wishlist', label: 'Wishlist' },
  { value: 'applied', label: 'Applied' },
  { value: 'screening', label: 'Screening' },
  { value: 'interviewing', label: 'Interviewing' },
  { value: 'offer', label: 'Offer' },
  { value: 'accepted', label: 'Accepted' },
  { value: 'rejected', label: 'Rejected' },
  { value: 'withdrawn', label: 'Withdrawn' },
  { value: 'ghosted', label: 'Ghosted' },
];

export const MAIN_PATH: Stage[] = ['applied', 'screening', 'interviewing', 'offer', 'accepted'];
export const CLOSED: Stage[] = ['accepted', 'rejected', 'withdrawn', 'ghosted'];

export const ORG_TYPES: Option<OrgType>[] = [
  { value: 'analytics', label: 'Analytics / data science' },
  { value: 'ai_product', label: 'AI product' },
  { value: 'big_tech', label: 'Big tech' },
  { value: 'research_lab', label: 'Research lab' },
  { value: 'university', label: 'University' },
  { value: 'open_source', label: 'Open-source org' },
  { value: 'other', label: 'Other' },
];

export const KINDS: Option<Kind>[] = [
  { value: 'job', label: 'Job' },
  { value: 'internship', label: 'Internship' },
  { value: 'research_collaboration', label: 'Research collaboration' },
  { value: 'open_source', label: 'Open source' },
  { value: 'outreach', label: 'Outreach' },
];

/** The seed's own scale, from "boring" to "exciting". */
export const INTERESTS: Option<Interest>[] = [
  { value: 'boring', label: 'Boring' },
  { value: 'meh', label: 'Meh' },
  { value: 'okay', label: 'Okay' },
  { value: 'interesting', label: 'Interesting' },
  { value: 'exciting', label: 'Exciting' },
];

export const EVENT_KINDS: Option<'interview' | 'assessment' | 'call' | 'deadline' | 'message'>[] = [
  { value: 'interview', label: 'Interview' },
  { value: 'assessment', label: 'Assessment' },
  { value: 'call', label: 'Call' },
  { value: 'deadline', label: 'Deadline' },
  { value: 'message', label: 'Message' },
];

export const RATINGS = [
  { key: 'rating_growth', label: 'Growth' },
  { key: 'rating_learning', label: 'Learning' },
  { key: 'rating_work', label: 'Work' },
  { key: 'rating_pay', label: 'Pay' },
  { key: 'rating_culture', label: 'Culture' },
] as const;

function labelOf<T extends string>(list: Option<T>[], value: T | null | undefined): string {
  if (!value) return '—';
  return list.find((x) => x.value === value)?.label ?? value;
}

export const stageLabel = (v: Stage) => labelOf(STAGES, v);
export const typeLabel = (v: OrgType) => labelOf(ORG_TYPES, v);
export const kindLabel = (v: Kind) => labelOf(KINDS, v);
export const interestLabel = (v: Interest | null | undefined) => labelOf(INTERESTS, v);
export const eventKindLabel = (v: string) => labelOf(EVENT_KINDS as Option<string>[], v);
