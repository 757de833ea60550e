import { TaskModuleResponse, TurnContext } from 'botbuilder';
import { BriefingReadingDependencies, readBriefingPage } from '../../../dialogs/briefings/briefingReading';
import { READ_BRIEFING_VERB } from '../../../dialogs/briefings/createBriefingCard';

/** Answers a Teams dialog (task module) request, or undefined when the request is not one of this bot's. */
export type TaskModuleHandler = (context: TurnContext, data: Record<string, unknown>) => Promise<TaskModuleResponse | undefined>;

/**
 * "Read the full briefing" in Teams: task/fetch opens a dialog with the first page of the full text;
 * "Next page" and "Previous page" inside it come back as task/submit and turn the page.
 */
export function briefingTaskModules(deps: BriefingReadingDependencies): TaskModuleHandler {
  return async (context, data) => {
    if (data.verb !== READ_BRIEFING_VERB) return undefined;
    const reading = await readBriefingPage(deps, context, data);
    if (!reading.ok) return { task: { type: 'message', value: reading.text } };
    return {
      task: { type: 'continue', value: { title: reading.briefing.title.slice(0, 80), width: 'large', height: 'large', card: reading.page.card.attachment } },
    };
  };
}
