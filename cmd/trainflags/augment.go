package main

import (
	"fmt"
	"os"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/faqbot/faqbot/bot"
	"github.com/faqbot/faqbot/internal/textclass"
)

// A phrase that reports a red flag is put into a message: reported now (the flag's tier), alone or with
// when it began; or in a context that makes it no red flag (none): a hypothetical, a past illness, a
// question about signs, someone else's story. Both are then put in the same frames (a greeting, a
// trailing question), so that only the context tells them apart, never the frame.
type templates struct{ now, not, frames []string }

var augmentTemplates = map[string]templates{
	"en": {
		now:    []string{"%s", "%s since yesterday", "%s after the injection", "since the session %s"},
		not:    []string{"what if %s", "years ago %s", "is it serious if %s", "my friend said %s"},
		frames: []string{"%s", "hi, %s. what should i do?", "%s. also where do i park?", "good morning, %s. can i still come on monday?"},
	},
	"ar": {
		now:    []string{"%s", "%s من امبارح", "%s بعد الحقنة", "من بعد الجلسة %s"},
		not:    []string{"ماذا لو %s", "قبل سنين %s", "هل هو خطير إذا %s", "صاحبتي قالت %s"},
		frames: []string{"%s", "مرحبا، %s. شو لازم أعمل؟", "%s. وين أركن السيارة؟", "صباح الخير، %s. ممكن آجي يوم الاثنين؟"},
	},
	"arabizi": {
		now:    []string{"%s", "%s mn embare7", "%s ba3d el 7o2na", "mn ba3d el jalsa %s"},
		not:    []string{"law %s", "mn snin %s", "hal hiya khatira eza %s", "sa7bti 2alet %s"},
		frames: []string{"%s", "marhaba, %s. shu a3mel?", "%s. wen arkon el sayara?", "saba7 el 5eir, %s. momken eji yom el etnen?"},
	},
}

// augment makes training examples from the blind lexicons: each phrase in every template of its
// language.
func augment(tr *bot.Triage) ([]textclass.Example, error) {
	var out []textclass.Example
	for _, lang := range []string{"en", "ar", "arabizi"} {
		path := "testdata/triage/lexicon/" + lang + ".yaml"
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, err
		}
		var lex map[string][]string
		if err := yaml.Unmarshal(data, &lex); err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		flags := make([]string, 0, len(lex))
		for f := range lex {
			flags = append(flags, f)
		}
		slices.Sort(flags)
		for _, f := range flags {
			k := slices.Index(bot.TriageClasses, string(tr.TierOf(f)))
			if k <= 0 {
				return nil, fmt.Errorf("%s: %s is not a red flag of the rules", path, f)
			}
			for i, p := range lex[f] {
				p = strings.TrimSpace(p)
				t := augmentTemplates[lang]
				frame := t.frames[(i/len(t.not))%len(t.frames)]
				now := fmt.Sprintf(t.now[i%len(t.now)], p)
				not := fmt.Sprintf(t.not[i%len(t.not)], p)
				out = append(out, textclass.Example{Text: fmt.Sprintf(frame, now), Class: k})
				out = append(out, textclass.Example{Text: fmt.Sprintf(frame, not), Class: 0})
			}
		}
	}
	return out, nil
}
