import type { Rule } from '../../types';
import { sectionWords } from '../../text';
import { hasPlaceholder } from '../common/util';

// A heading with nothing under it is a part of the answer the candidate has not prepared yet.
export const emptySection: Rule = {
  name: 'empty-section',
  description: 'A STAR or Reflection section has no prose.',
  group: 'structure',
  defaultSeverity: 'warning',
  wholeStory: true,
  messages: {
    empty: 'The {section} section is empty; write what you will say here.',
  },
  check(story, context) {
    for (const section of story.sections) {
      if (!section.kind) continue;
      if (sectionWords(story, section.body) > 0) continue;
      // A snippet's placeholder ("<!-- What you now do differently -->") is a section being written, not a forgotten one.
      if (hasPlaceholder(context.text, section.body)) continue;
      const span = section.nameSpan.end > section.nameSpan.start ? section.nameSpan : section.heading;
      context.report({ messageId: 'empty', data: { section: section.name }, start: span.start, end: span.end });
    }
  },
};
