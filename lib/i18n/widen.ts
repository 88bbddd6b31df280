/** The dictionary shape with every string literal widened to string (the English file must match it). */
export type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
