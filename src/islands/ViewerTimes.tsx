// A leaf island on pages full of times: every time is written in Europe/Amsterdam with
// CET/CEST, and a visitor elsewhere may switch them to their own zone and back. Without
// JavaScript the server-rendered sentence says which zone the times are in.
import { useEffect, useState } from 'preact/hooks';
import { SLA_TIME_ZONE as AMSTERDAM } from '#src/domain/vocabulary.ts';
import { INTL_LOCALE, type Locale } from '#src/i18n/locale.ts';

interface Props {
  locale: Locale;
  /** Server-rendered: which zone the page's times are in. */
  note: string;
  /** "Show times in {zone}" / "Show Dutch time". */
  toViewer: string;
  toAmsterdam: string;
}

export default function ViewerTimes({ locale, note, toViewer, toAmsterdam }: Props) {
  const [zone, setZone] = useState<string | null>(null);
  const [local, setLocal] = useState(false);

  useEffect(() => {
    const viewer = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (viewer && viewer !== AMSTERDAM) setZone(viewer);
  }, []);

  useEffect(() => {
    if (!zone) return;
    const format = new Intl.DateTimeFormat(INTL_LOCALE[locale], {
      timeZone: local ? zone : AMSTERDAM,
      dateStyle: 'long',
      timeStyle: 'short',
    });
    for (const time of document.querySelectorAll<HTMLTimeElement>('main time[datetime]')) {
      time.dataset.amsterdam ??= time.textContent ?? '';
      time.textContent = local ? `${format.format(new Date(time.dateTime))} (${zone})` : time.dataset.amsterdam;
    }
  }, [zone, local, locale]);

  return (
    <p class="muted">
      {note}
      {zone && (
        <>
          {' '}
          <button type="button" aria-pressed={local} onClick={() => setLocal(!local)}>
            {local ? toAmsterdam : toViewer.replace('{zone}', zone)}
          </button>
        </>
      )}
    </p>
  );
}
