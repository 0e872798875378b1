export const da = {} as const;

export const en = {} as const satisfies Record<keyof typeof da, string>;
