// The sprint pages' icons: an item's state on the board, edit, download, add.
import type { ComponentChildren } from 'preact';
import { Icon } from '../ui/icons';
import type { ItemState } from './itemState';

const Svg = ({ children }: { children: ComponentChildren }) => (
  <Icon size={18} strokeWidth={2.25} class="sp-icon">
    {children}
  </Icon>
);

export function StateIcon({ state }: { state: ItemState }) {
  switch (state) {
    case 'met':
      return <Svg><circle cx="12" cy="12" r="10" /><path d="m7.5 12.5 3 3 6-6.5" /></Svg>;
    case 'on-track':
      return <Svg><path d="M4 17 10 11l4 4 6-7" /><path d="M15 8h5v5" /></Svg>;
    case 'tight':
      return <Svg><path d="M10.3 3.9 2.2 18a2 2 0 0 0 1.7 3h16.2a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0z" /><path d="M12 9v4M12 17h.01" /></Svg>;
    case 'out-of-reach':
    case 'missed':
      return <Svg><circle cx="12" cy="12" r="10" /><path d="m15 9-6 6M9 9l6 6" /></Svg>;
  }
}

export function PencilIcon() {
  return <Svg><path d="M12 20h9" /><path d="M16.5 3.5a2.1 2.1 0 1 1 3 3L7 19l-4 1 1-4Z" /></Svg>;
}

export function DownloadIcon() {
  return <Svg><path d="M12 3v12M7 10l5 5 5-5M5 21h14" /></Svg>;
}

export function PlusIcon() {
  return <Svg><path d="M12 5v14M5 12h14" /></Svg>;
}
