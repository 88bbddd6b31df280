import type { SVGProps } from 'react';

/** A few stroke icons drawn inline (no icon font, no emoji font needed; they inherit the text colour). */
const base = { width: 28, height: 28, viewBox: '0 0 24 24', fill: 'none', stroke: 'currentColor', strokeWidth: 1.7, strokeLinecap: 'round', strokeLinejoin: 'round', 'aria-hidden': true } as const;

export const PolicyIcon = (p: SVGProps<SVGSVGElement>) => (
  <svg {...base} {...p}>
    <path d="M7 3h7l5 5v13H7z" />
    <path d="M14 3v5h5M10 13h6M10 17h4" />
  </svg>
);
export const ApplyIcon = (p: SVGProps<SVGSVGElement>) => (
  <svg {...base} {...p}>
    <rect x="6" y="2.5" width="12" height="19" rx="2.5" />
    <path d="M9.5 12.5l2 2 3.5-4" />
  </svg>
);
export const VaseIcon = (p: SVGProps<SVGSVGElement>) => (
  <svg {...base} {...p}>
    <path d="M9 3h6M10 3v3c-3 2-4.5 5-4.5 8.5S8 21 12 21s6.5-3 6.5-6.5S17 8 14 6V3" />
    <path d="M7 13c3 1.5 7 1.5 10 0" />
  </svg>
);
export const MentorIcon = (p: SVGProps<SVGSVGElement>) => (
  <svg {...base} {...p}>
    <circle cx="9" cy="7" r="3" />
    <path d="M3.5 20c0-3.5 2.5-6 5.5-6s5.5 2.5 5.5 6M16 9.5a2.5 2.5 0 1 0 0-5M17.5 14c2 .6 3 2.8 3 5" />
  </svg>
);
export const FlagIcon = (p: SVGProps<SVGSVGElement>) => (
  <svg {...base} {...p}>
    <path d="M5 21V4M5 4h11l-2 4 2 4H5" />
  </svg>
);
