/** The id of the search message extension's only command; the manifest declares it and Teams sends it back. */
export const SEARCH_COMMAND_ID = 'searchGlossary';
/** The name of that command's only parameter, as Teams sends it back in the query. */
export const SEARCH_PARAMETER_NAME = 'searchKeywords';
