import { useEffect } from 'preact/hooks';

export const APP_NAME = 'Kaizen';

export function useTitle(title: string | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} · ${APP_NAME}` : APP_NAME;
  }, [title]);
}
