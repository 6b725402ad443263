// The pagination adapters, tried on every list page. Specific families first; probing is the
// fallback used only when no adapter found the list's other pages.
import { gkmlpt } from './gkmlpt.ts';
import { hanweb } from './hanweb.ts';
import { hanwebPaged } from './hanweb-page.ts';
import { jpaas } from './jpaas.ts';
import { nextLink } from './nextlink.ts';
import { indexProbe } from './probe.ts';
import { trs } from './trs.ts';
import { trueCms } from './truecms.ts';
import type { Adapter } from './types.ts';
import { hanwebXxgk } from './xxgk.ts';

export const FAMILY_ADAPTERS: readonly Adapter[] = [trs, hanweb, hanwebPaged, hanwebXxgk, jpaas, gkmlpt, trueCms, nextLink];
export const FALLBACK_ADAPTERS: readonly Adapter[] = [indexProbe];
export type { Adapter, ListPage, PageRequest } from './types.ts';
