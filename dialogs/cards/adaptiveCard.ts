import { Attachment, CardFactory } from 'botbuilder';

/** The Adaptive Card elements this bot uses, typed so a misspelt property fails to compile. */
export interface TextBlock {
  type: 'TextBlock';
  text: string;
  wrap?: boolean;
  size?: 'small' | 'default' | 'medium' | 'large' | 'extraLarge';
  weight?: 'lighter' | 'default' | 'bolder';
  color?: 'default' | 'dark' | 'light' | 'accent' | 'good' | 'warning' | 'attention';
  isSubtle?: boolean;
  spacing?: 'none' | 'small' | 'default' | 'medium' | 'large';
  style?: 'default' | 'heading';
  id?: string;
}

export interface Fact {
  title: string;
  value: string;
}

export interface FactSet {
  type: 'FactSet';
  facts: Fact[];
}

export interface Container {
  type: 'Container';
  items: CardElement[];
  style?: 'default' | 'emphasis' | 'good' | 'attention' | 'warning' | 'accent';
  bleed?: boolean;
  spacing?: TextBlock['spacing'];
}

export interface ActionSet {
  type: 'ActionSet';
  actions: CardAction[];
  spacing?: TextBlock['spacing'];
}

export interface InputText {
  type: 'Input.Text';
  id: string;
  label?: string;
  placeholder?: string;
  value?: string;
  isMultiline?: boolean;
  maxLength?: number;
  isRequired?: boolean;
  errorMessage?: string;
  style?: 'text' | 'email' | 'tel' | 'url';
}

export interface InputChoiceSet {
  type: 'Input.ChoiceSet';
  id: string;
  label?: string;
  choices: { title: string; value: string }[];
  value?: string;
  style?: 'compact' | 'expanded' | 'filtered';
  isMultiSelect?: boolean;
  isRequired?: boolean;
  errorMessage?: string;
  placeholder?: string;
}

export interface InputDate {
  type: 'Input.Date';
  id: string;
  label?: string;
  value?: string;
  isRequired?: boolean;
  errorMessage?: string;
}

export interface InputTime {
  type: 'Input.Time';
  id: string;
  label?: string;
  value?: string;
  isRequired?: boolean;
  errorMessage?: string;
}

export interface InputToggle {
  type: 'Input.Toggle';
  id: string;
  title: string;
  label?: string;
  value?: 'true' | 'false';
  valueOn?: string;
  valueOff?: string;
}

export interface InputNumber {
  type: 'Input.Number';
  id: string;
  label?: string;
  min?: number;
  max?: number;
  value?: number;
  isRequired?: boolean;
  errorMessage?: string;
}

export type CardInput = InputText | InputChoiceSet | InputDate | InputTime | InputToggle | InputNumber;
export type CardElement = TextBlock | FactSet | Container | ActionSet | CardInput;

/** Data every action of this bot carries, so a submission says what it is for. */
export interface ActionData {
  verb: string;
  [key: string]: unknown;
}

export interface ExecuteAction {
  type: 'Action.Execute';
  title: string;
  verb: string;
  data: ActionData;
  style?: 'default' | 'positive' | 'destructive';
  associatedInputs?: 'auto' | 'none';
}

export interface SubmitAction {
  type: 'Action.Submit';
  title: string;
  data: ActionData | { msteams: { type: 'imBack'; value: string } } | string;
  style?: 'default' | 'positive' | 'destructive';
  associatedInputs?: 'auto' | 'none';
}

export interface OpenUrlAction {
  type: 'Action.OpenUrl';
  title: string;
  url: string;
}

export interface ShowCardAction {
  type: 'Action.ShowCard';
  title: string;
  card: AdaptiveCard;
}

export type CardAction = ExecuteAction | SubmitAction | OpenUrlAction | ShowCardAction;

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema?: string;
  version: '1.5';
  body: CardElement[];
  actions?: CardAction[];
  fallbackText?: string;
  speak?: string;
  refresh?: { action: ExecuteAction; userIds?: string[] };
  msteams?: { width?: 'Full' };
}

/** How buttons that call the bot back are sent: Universal Actions in Teams, submits elsewhere. */
export type ActionStyle = 'execute' | 'submit';

/** Teams takes Universal Actions; Web Chat and other channels take plain submits. */
export function actionStyleFor(channelId: string | undefined): ActionStyle {
  return channelId === 'msteams' ? 'execute' : 'submit';
}

/** A button that calls the bot back with a verb and its data. */
export function botAction(
  style: ActionStyle,
  title: string,
  verb: string,
  data: Record<string, unknown> = {},
  extra: { style?: ExecuteAction['style']; associatedInputs?: 'auto' | 'none' } = {},
): CardAction {
  const payload: ActionData = { ...data, verb };
  return style === 'execute' ? { type: 'Action.Execute', title, verb, data: payload, ...extra } : { type: 'Action.Submit', title, data: payload, ...extra };
}

/** A button that sends its title as if the user had typed it, in Teams and in Web Chat alike. */
export function typedAction(style: ActionStyle, title: string, text: string = title): SubmitAction {
  return style === 'execute'
    ? { type: 'Action.Submit', title, data: { msteams: { type: 'imBack', value: text } } }
    : { type: 'Action.Submit', title, data: text };
}

/** Builds an Adaptive Card 1.5 with a plain-text fallback for clients that cannot render it. */
export function adaptiveCard(body: CardElement[], fallbackText: string, actions?: CardAction[]): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    ...(actions && actions.length ? { actions } : {}),
    fallbackText,
  };
}

/** A card ready to send: the attachment and the same message as plain text. */
export interface BuiltCard {
  attachment: Attachment;
  text: string;
  card: AdaptiveCard;
}

/** Wraps a card as a Bot Framework attachment, keeping its text fallback beside it. */
export function built(card: AdaptiveCard): BuiltCard {
  return { attachment: CardFactory.adaptiveCard(card), text: card.fallbackText ?? '', card };
}

/** A wrapped paragraph. */
export function paragraph(text: string, extra: Partial<TextBlock> = {}): TextBlock {
  return { type: 'TextBlock', text, wrap: true, ...extra };
}

/** A card heading. */
export function heading(text: string): TextBlock {
  return { type: 'TextBlock', text, wrap: true, size: 'medium', weight: 'bolder', style: 'heading' };
}
