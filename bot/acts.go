package bot

import (
	"cmp"
	"slices"
	"strings"

	"github.com/faqbot/faqbot/internal/textnorm"
	"github.com/faqbot/faqbot/knowledge"
)

// Reasons a no_match answer gives (Answer.Reason): a conversation act (knowledge.ActNames), or why the
// knowledge has no answer.
const (
	ReasonOutOfScope = "out_of_scope" // the knowledge does not cover it, or recognises it as outside it
	ReasonUnsure     = "unsure"       // plausible topics, none sure enough: offered as buttons
	ReasonEmpty      = "empty"        // nothing to read
)

// acts recognises conversation acts in a message ("hi", "thanks 👍", "can I talk to a nurse?"). A
// handoff phrase anywhere makes the message a handoff; any other act counts only when the message holds
// nothing but acts and filler words, so that "hi, can I drive home after?" is searched.
type acts struct {
	langs  []*actLang // the knowledge's languages, in order
	filler map[string]bool
	// latin are the words of Arabic acts written in Latin letters ("marhaba", "mashy", "akalem"), with
	// the language they are: an act read in a Latin message holding one is answered in that language.
	latin map[string]string
}

type actLang struct {
	lang    string
	byFirst map[string][]actPhrase // phrases by their first word, longest first
	symbols map[string]string      // phrases with no words ("👍") -> act
	replies map[string]string      // act -> reply
}

type actPhrase struct {
	act   string
	words []string
}

// newActs reads the acts of bank over the embedded defaults: the bank's phrases add to them, its replies
// replace them. Filler words are the bank's stopwords in every language.
func newActs(bank *knowledge.Bank) (*acts, error) {
	defaults, err := knowledge.DefaultActs()
	if err != nil {
		return nil, err
	}
	a := &acts{filler: map[string]bool{}, latin: map[string]string{}}
	for _, lex := range bank.Lexicons {
		for _, w := range lex.Stopwords {
			for _, f := range textnorm.Words(textnorm.Normalize(w)) {
				a.filler[f] = true
			}
		}
	}
	for _, lang := range knowledge.Languages() {
		al := &actLang{lang: lang, byFirst: map[string][]actPhrase{}, symbols: map[string]string{}, replies: map[string]string{}}
		for _, name := range knowledge.ActNames() {
			def, own := defaults[lang][name], bank.Acts[lang][name]
			al.replies[name] = cmp.Or(own.Reply, def.Reply)
			for _, p := range slices.Concat(def.Phrases, own.Phrases) {
				if words := textnorm.Words(textnorm.Normalize(p)); len(words) > 0 {
					al.byFirst[words[0]] = append(al.byFirst[words[0]], actPhrase{act: name, words: words})
					if lang != knowledge.English && textnorm.Detect(p) == knowledge.English {
						for _, w := range words {
							a.latin[w] = lang
						}
					}
				} else if s := strings.TrimSpace(p); s != "" {
					al.symbols[s] = name
				}
			}
		}
		for _, ps := range al.byFirst {
			slices.SortStableFunc(ps, func(x, y actPhrase) int { return len(y.words) - len(x.words) })
		}
		a.langs = append(a.langs, al)
	}
	for _, al := range a.langs { // "bye" and "help" are in the Arabic acts too, but they are English
		if al.lang == knowledge.English {
			for _, ps := range al.byFirst {
				for _, p := range ps {
					for _, w := range p.words {
						delete(a.latin, w)
					}
				}
			}
		}
	}
	return a, nil
}

// match returns the act a message is (words as textnorm.Words of its normalised text, raw as written),
// the language to reply in and the reply: lang's phrases are tried first, then the other languages'
// ("shukran" is Arabic written in Latin letters).
func (a *acts) match(words []string, raw, lang string) (act, replyLang, reply string, ok bool) {
	raw = strings.TrimSpace(raw)
	for _, first := range []bool{true, false} {
		for _, al := range a.langs {
			if (al.lang == lang) != first {
				continue
			}
			if act, ok := al.read(words, raw, a.filler); ok {
				return act, al.lang, al.replies[act], true
			}
		}
	}
	return "", "", "", false
}

// read finds the act of a message in one language's phrases.
func (al *actLang) read(words []string, raw string, filler map[string]bool) (string, bool) {
	if len(words) == 0 {
		act, ok := al.symbols[raw]
		return act, ok
	}
	found := map[string]int{} // act -> 1 + the word its first phrase starts at
	content := false
	for i := 0; i < len(words); {
		p, ok := al.phraseAt(words, i)
		switch {
		case ok:
			if found[p.act] == 0 {
				found[p.act] = i + 1
			}
			i += len(p.words)
		default:
			content = content || !filler[words[i]]
			i++
		}
	}
	if h := found[knowledge.ActHandoff]; h > 0 {
		if id := found[knowledge.ActIdentity]; id > 0 && id < h {
			return knowledge.ActIdentity, true // "am I talking to a real person?" asks who answers
		}
		return knowledge.ActHandoff, true
	}
	if content {
		return "", false
	}
	for _, name := range knowledge.ActNames() {
		if found[name] > 0 {
			return name, true
		}
	}
	return "", false
}

// latinLang is the language of the first word of a Latin message that Arabic acts use in Latin letters,
// or "".
func (a *acts) latinLang(words []string) string {
	for _, w := range words {
		if l := a.latin[w]; l != "" {
			return l
		}
	}
	return ""
}

// reply is act's reply in lang.
func (a *acts) reply(lang, act string) string {
	for _, al := range a.langs {
		if al.lang == lang {
			return al.replies[act]
		}
	}
	return ""
}

func (al *actLang) phraseAt(words []string, i int) (actPhrase, bool) {
	for _, p := range al.byFirst[words[i]] {
		if i+len(p.words) <= len(words) && slices.Equal(words[i:i+len(p.words)], p.words) {
			return p, true
		}
	}
	return actPhrase{}, false
}

// act answers a conversation act: status no_match with the act as its reason, in the act's language;
// a greeting or a request for help offers the topics, a handoff and the question "are you a bot?" the
// clinic's contact.
func (e *Engine) act(a Answer, act, lang, reply string) Answer {
	a.Lang, a.Disclaimer = lang, e.messages[lang].Disclaimer
	a.Status, a.Reason, a.Reply = NoMatch, act, reply
	switch act {
	case knowledge.ActHandoff, knowledge.ActIdentity:
		a.Reply = e.withContact(reply, lang)
	case knowledge.ActGreeting, knowledge.ActHelp:
		a.Suggestions = e.suggestions(nil, lang)
	}
	return a
}
