import type { Locale } from '@/lib/i18n';
import { craftGroupLabel, craftLabel, craftsByGroup } from './labels';

/** The 工种 <optgroup>s of a craft <select>, grouped and labelled in the user's language. */
export function CraftOptions({ locale }: { locale: Locale }) {
  return (
    <>
      {craftsByGroup().map(({ group, crafts }) => (
        <optgroup key={group} label={craftGroupLabel(group, locale)}>
          {crafts.map((c) => (
            <option key={c.code} value={c.code}>
              {craftLabel(c.code, locale)}
            </option>
          ))}
        </optgroup>
      ))}
    </>
  );
}
