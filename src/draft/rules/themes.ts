/**
 * A policy theme the graph already knows, named in a sentence with one of these verbs before it
 * ("thoroughly study and implement Xi Jinping's Thought on Diplomacy"), is a theme the meeting
 * addressed. Only known themes are proposed: a new theme is an editor's decision.
 */
export const THEME_CUES =
  /\b(?:stud(?:y|ied)|implement(?:ed|ing)?|emphasi[sz](?:e|ed)|stress(?:ed)?|uphold|upheld|support(?:ed)?|align(?:ed)?|deepen(?:ed)?|promot(?:e|ed)|advanc(?:e|ed)|pursu(?:e|ed)|focus(?:ed)? on|serv(?:e|ed)|expand(?:ed)?|build|strengthen(?:ed)?|carry out|carried out|follow(?:ed)?|learn(?:ed)?|solidify|boost|protect|ensure|prepar(?:e|ed|ing) for|engage in|marks)\b/gi;

/** How far before the theme's name a cue may stand (characters, within the sentence). */
export const CUE_DISTANCE = 120;
