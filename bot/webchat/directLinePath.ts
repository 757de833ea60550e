/** Where the built-in Direct Line answers; the page gives Web Chat this as its `domain`. */
export const DIRECT_LINE_PATH = '/v3/directline';
