// The widget's one script: /widget/v1/safeguarding.js. It defines the two elements once, however often it is loaded.
import { SafeguardingGuidance } from './guidance.js';
import { SafeguardingSignposting } from './signposting.js';

for (const [name, element] of [['safeguarding-signposting', SafeguardingSignposting], ['safeguarding-guidance', SafeguardingGuidance]] as const) {
  if (!customElements.get(name)) {
    customElements.define(name, element);
  }
}
