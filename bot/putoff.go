package bot

import (
	"context"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/faqbot/faqbot/internal/textnorm"
	"github.com/faqbot/faqbot/knowledge"
)

// A message may name a question it puts off before the one it asks ("before I ask about smoking, how
// should I prepare?", "قبل ما اسألك عن الدوام، الابرة بتوجع؟", "abel ma es2al 3an l talj, l 7o2ne
// bteja3?") or after it ("I wanted to ask about the follow-up too but first how soon will I see
// results"). The topic put off is no part of the question asked: searched with it, its words outweigh it.
// The message is answered without it, and the topic put off beside the answer (Also) when its own search
// is sure of an entry. The frames are the languages' words, not the knowledge's.
var (
	// putOffBefore open the frame: "before", قبل and Arabizi's spellings of it.
	putOffBefore = stringSet("before", "b4", "bfr", "befor", "قبل", "abel", "2abel", "2abl", "abl", "9bel", "9bl", "gabl", "qabl", "kabl", "2bl")
	// putOffAsk ask, within a few words of putOffBefore ("before I get to my question about").
	putOffAsk = stringSet("ask", "asking", "question", "questions",
		"اسال", "اسالك", "اساله", "نسال", "نسالك", "نسول", "نسولك", "اسالكم", "سوال", "سوالي", "اسالكو",
		"es2al", "as2al", "es2alak", "as2alak", "es2lak", "as2lak", "ns2al", "nes2al", "nsewlek", "nsewel", "nsaksik", "nse2lek", "so2al")
	// putOffAbout end the frame: what follows is the topic put off ("before I ask whether…").
	putOffAbout = stringSet("about", "abt", "abut", "on", "regarding", "re", "whether", "if", "اذا", "لو", "عن", "علي", "ع", "بخصوص", "حول", "3an", "3la", "3ala", "3al", "3n")
	// putOffAlso end a topic named to be asked after the question: "… about the follow-up too but first".
	putOffAlso = stringSet("too", "also", "aswell")
)

// putOffReach is how many words may stand between putOffBefore and putOffAsk ("before I get to my
// question about"), and most words a topic put off runs to.
const (
	putOffReach = 5
	putOffMost  = 6
)

func stringSet(words ...string) map[string]bool {
	set := make(map[string]bool, len(words))
	for _, w := range words {
		set[w] = true
	}
	return set
}

// putOff splits a message into the question it asks and the topic it puts off, when it names one: rest
// is the message without the frame and the topic, later the topic's words as written. A message of more
// than maxPartsWords words is read as one.
func putOff(text string, c cues) (rest, later string, ok bool) {
	fields := strings.Fields(text)
	if len(fields) > maxPartsWords || !mayPutOff(textnorm.Normalize(text)) {
		return "", "", false // a story or a flood is read as one, as its questions are; most messages name no frame
	}
	keys := make([]string, len(fields))
	for i, f := range fields {
		if w := textnorm.Words(textnorm.Normalize(f)); len(w) == 1 {
			keys[i] = withoutApostrophes(w[0])
		}
	}
	for i := range fields {
		from, to, start, ok := putOffFrame(keys, i)
		if !ok {
			continue
		}
		end, after := putOffTopic(fields, keys, to, c, start)
		if end == to {
			continue
		}
		if !start {
			from = 0 // "I wanted to ask about X too but first …": the question is what follows
		}
		rest = strings.Join(append(append([]string{}, fields[:from]...), fields[after:]...), " ")
		if len(strings.Fields(rest)) < 2 {
			return "", "", false
		}
		return rest, strings.TrimRightFunc(strings.Join(fields[to:end], " "), isTopicEnd), true
	}
	return "", "", false
}

// mayPutOff reports whether a normalised message holds a word that opens a frame, as a part of its
// text: most do not, and are not read word by word.
func mayPutOff(norm string) bool {
	for _, set := range []map[string]bool{putOffBefore, putOffAsk} {
		for w := range set {
			if strings.Contains(norm, w) {
				return true
			}
		}
	}
	return false
}

// putOffFrame reads a frame opening at word i: "before … ask … about" (start: the topic comes first) or
// "ask … about" alone (the topic is asked after, if "too but first" follows it). It returns where the
// frame starts and where the topic starts.
func putOffFrame(keys []string, i int) (from, to int, start, ok bool) {
	before := putOffBefore[keys[i]]
	if !before && !putOffAsk[keys[i]] {
		return 0, 0, false, false
	}
	ask := i
	if before {
		for ask = i + 1; ask < len(keys) && ask <= i+putOffReach && !putOffAsk[keys[ask]]; ask++ {
		}
		if ask >= len(keys) || ask > i+putOffReach {
			return 0, 0, false, false
		}
	}
	for about := ask + 1; about < len(keys) && about <= ask+2; about++ {
		if putOffAbout[keys[about]] {
			return i, about + 1, before, true
		}
	}
	return 0, 0, false, false
}

// putOffTopic reads the topic put off, from word to: before the question, up to a clause's end (a
// comma, a colon) or a question's first word; after it, up to "too but first". It runs to at most
// putOffMost words. It returns where the topic ends and where the question goes on; end == to when there
// is none.
func putOffTopic(fields, keys []string, to int, c cues, before bool) (end, after int) {
	for end = to; end < len(fields) && end-to < putOffMost; end++ {
		if !before {
			if putOffAlso[keys[end]] && end > to && end+2 < len(keys) && keys[end+1] == "but" && keys[end+2] == "first" {
				return end, end + 3
			}
			continue
		}
		if end > to && (c.opens(keys[end]) || keys[end] == "يا") {
			return end, end
		}
		if r, _ := utf8.DecodeLastRuneInString(fields[end]); isTopicEnd(r) {
			return end + 1, end + 1
		}
	}
	return to, to
}

// isTopicEnd reports whether a rune ends a topic put off: a clause's punctuation.
func isTopicEnd(r rune) bool {
	return r == ',' || r == '،' || r == ':' || r == ';' || r == '-' || r == '—' || unicode.Is(unicode.Dash, r)
}

// withPutOff adds to an answered message the answer of the topic it put off, when that topic's own
// search is sure of an FAQ entry other than the answer's.
func (e *Engine) withPutOff(ctx context.Context, a Answer, m asked, later string) (Answer, error) {
	if m.arabizi {
		later = e.arabicParts(m, []string{later})[0]
	}
	best, ok, cands, err := e.best(ctx, later, a.Lang, true)
	if err != nil {
		return a, err
	}
	if p := e.plausible(cands); !ok && len(p) == 1 {
		best, ok = p[0], true // a topic named in a word or two ("3la l5edma", about work) finds one entry plausible
	}
	if !ok || best.Kind != knowledge.FAQ || a.Gives(best.ID) {
		return a, nil
	}
	return e.withAlso(a, best), nil
}
