import { InvokeResponse } from 'botbuilder';

/** What the person sees when Teams asks for something this bot does not offer. */
export const DECLINED_INVOKE_TEXT = "This app doesn't offer that here. Message the assistant in a chat instead.";

/**
 * A well-formed answer to an invoke the bot does not handle, shaped as Teams expects for its kind
 * (a dialog message, an empty link preview, a compose-extension message), so Teams shows a short
 * message instead of an error from an empty 501.
 */
export function declinedInvoke(name: string | undefined): InvokeResponse {
  const invokeName = name ?? '';
  if (invokeName.startsWith('task/') || invokeName === 'composeExtension/fetchTask' || invokeName === 'composeExtension/submitAction') {
    return { status: 200, body: { task: { type: 'message', value: DECLINED_INVOKE_TEXT } } };
  }
  if (invokeName === 'composeExtension/queryLink' || invokeName === 'composeExtension/anonymousQueryLink') {
    // Link unfurling: no preview for this link, which Teams shows as a plain link.
    return { status: 200, body: { composeExtension: { type: 'result', attachmentLayout: 'list', attachments: [] } } };
  }
  if (invokeName.startsWith('composeExtension/')) {
    return { status: 200, body: { composeExtension: { type: 'message', text: DECLINED_INVOKE_TEXT } } };
  }
  if (invokeName.startsWith('config/')) {
    return { status: 200, body: { config: { type: 'message', value: DECLINED_INVOKE_TEXT } } };
  }
  return { status: 501, body: { code: 'NotImplemented', message: DECLINED_INVOKE_TEXT } };
}
