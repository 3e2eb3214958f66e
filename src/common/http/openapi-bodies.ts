/** The OpenAPI schema of a response that is a file (a download), for `@ApiOkResponse({ ...FILE_BODY })` with `@ApiProduces`. */
export const FILE_BODY = { schema: { type: 'string', format: 'binary' } } as const;
