// What every page body in this folder is given by its route (src/pages): the language of
// the request and the data the page's loader returned, plus what a page needs besides.
import type { Locale } from '#src/i18n/locale.ts';

export interface PageBodyProps<Data> {
  locale: Locale;
  data: Data;
}
