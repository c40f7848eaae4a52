// Package bot owns the answer engine: it reads a patient's question, triages red-flag symptoms, searches
// the knowledge, decides whether the best match is confident enough, and composes the reply with a
// disclaimer in the patient's language. Platform adapters live below it and call Engine.Answer.
package bot

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"time"

	"github.com/faqbot/faqbot/internal/textnorm"
	"github.com/faqbot/faqbot/internal/topicclass"
	"github.com/faqbot/faqbot/knowledge"
)

// Defaults for Options left zero.
const (
	// DefaultThreshold is the blended confidence from which a question is answered: below 0.65 the
	// answers of the blind sets had been right about half the time, and a wrong answer to a health
	// question costs more than "did you mean"; from 0.65 to 0.675, 86% (session 20, the classifier a
	// mean of three: over thirty sets 10 fewer wrong answers, 16 fewer right ones, 9 more right in one
	// tap, the topic offered first in a "did you mean").
	DefaultThreshold = 0.675
	DefaultTop       = 3
	maxTop           = 20
	// searchDepth is how many candidates are scored before the best curated answer is picked.
	searchDepth = 8
	// guideMargin is how much more confident a guide section must be than the threshold to be quoted.
	guideMargin = 0.1
	// maxQuestionBytes bounds the text one question is read from: four times Telegram's 4,096-character
	// limit in Arabic's two-byte letters. No platform sends more; the bound makes the cost of one question
	// finite whatever an adapter lets through.
	maxQuestionBytes = 16 << 10
)

// ErrInvalid marks a question the engine cannot take as given (for example an unsupported language).
var ErrInvalid = errors.New("invalid question")

// Searcher finds knowledge entries for a question in one language. index.Index implements it.
type Searcher interface {
	Search(ctx context.Context, q knowledge.Query) (knowledge.SearchResult, error)
}

// Options configure an Engine. Zero values take the defaults.
type Options struct {
	Threshold float64                  // minimum confidence to answer, in [0,1]
	Messages  map[string]Messages      // per language; missing languages keep the defaults
	Clinic    map[string]ClinicDetails // per language: the clinic's details, worded by ContactCard as the Contact
	Model     *Model                   // confidence model; nil means DefaultModel
	// Topics is the bank's learned topic classifier (topicclass.Train), whose reading joins the search's
	// evidence through Blend; nil answers from the search alone.
	Topics  *topicclass.Classifier
	Blend   *Blend   // nil means DefaultBlend
	Metrics *Metrics // where decisions are counted; nil counts nothing
	Gate    *Gate    // bounds the questions searched at once; nil admits everything
	// Log gets each decision at debug level: platform, language, status, entry, confidence, reason, time;
	// the question's text only with LogText (health data: off by default). Nil logs nothing.
	Log     *slog.Logger
	LogText bool
}

// Engine answers questions from one knowledge bank. It is immutable and safe for concurrent use.
type Engine struct {
	bank      *knowledge.Bank
	search    Searcher
	triage    *Triage
	acts      *acts
	arabizi   *textnorm.Transliterator
	english   map[string]bool     // the knowledge's English words, to find them in Arabic messages
	declined  map[string][]string // the words the knowledge uses only where it declines (declinedWords)
	unless    map[string][]phrase // what each FAQ entry's answer does not cover (unlessPhrases)
	messages  map[string]Messages
	threshold float64
	model     Model
	topics    *topicclass.Classifier
	blend     Blend
	metrics   *Metrics
	log       *slog.Logger
	logText   bool
	gate      *Gate
}

// New builds an engine over a bank and a searcher built from the same bank.
func New(bank *knowledge.Bank, s Searcher, opts Options) (*Engine, error) {
	if bank == nil || s == nil {
		return nil, errors.New("new engine: bank and searcher are required")
	}
	if opts.Threshold < 0 || opts.Threshold > 1 {
		return nil, fmt.Errorf("new engine: threshold %v is outside [0,1]", opts.Threshold)
	}
	t, err := shippedTriage()
	if err != nil {
		return nil, fmt.Errorf("new engine: %w", err)
	}
	msgs, err := DefaultMessages()
	if err != nil {
		return nil, fmt.Errorf("new engine: %w", err)
	}
	acts, err := newActs(bank)
	if err != nil {
		return nil, fmt.Errorf("new engine: %w", err)
	}
	for lang, m := range messagesOf(bank.Replies) {
		msgs[lang] = mergeMessages(msgs[lang], m)
	}
	for lang, m := range opts.Messages {
		msgs[lang] = mergeMessages(msgs[lang], m)
	}
	for lang, c := range opts.Clinic {
		if m, ok := msgs[lang]; ok && strings.TrimSpace(m.Contact) == "" {
			m.Contact = c.card(m.ContactCard)
			msgs[lang] = m
		}
	}
	th := opts.Threshold
	if th == 0 {
		th = DefaultThreshold
	}
	model := DefaultModel()
	if opts.Model != nil {
		model = *opts.Model
	}
	blend := DefaultBlend()
	if opts.Blend != nil {
		blend = *opts.Blend
	}
	return &Engine{bank: bank, search: s, triage: t, acts: acts, arabizi: textnorm.ArabiziReader(bank), english: textnorm.EnglishWords(bank), declined: declinedWords(bank), unless: unlessPhrases(bank), messages: msgs, threshold: th, model: model, topics: opts.Topics, blend: blend, metrics: opts.Metrics, log: opts.Log, logText: opts.LogText, gate: opts.Gate}, nil
}

func mergeMessages(base, over Messages) Messages {
	for _, f := range []struct {
		dst *string
		src string
	}{
		{&base.Disclaimer, over.Disclaimer}, {&base.NoMatch, over.NoMatch}, {&base.Unsure, over.Unsure},
		{&base.Urgent, over.Urgent}, {&base.Clinic, over.Clinic}, {&base.Contact, over.Contact}, {&base.Busy, over.Busy},
		{&base.ContactCard, over.ContactCard},
	} {
		if strings.TrimSpace(f.src) != "" {
			*f.dst = f.src
		}
	}
	return base
}

// Answer decides what to reply to one question: urgent for red-flag symptoms, the best entry when it
// is confident enough, and an honest fallback otherwise. It fails only on a cancelled context, an
// invalid language or a search error; any text, however odd, gets a reply. At capacity (see Gate) it
// returns ErrBusy with a reply asking to try again, unless the message is urgent.
func (e *Engine) Answer(ctx context.Context, q Question) (Answer, error) {
	start := time.Now()
	q.Text, _ = textnorm.ClipBytes(q.Text, maxQuestionBytes)
	if !e.gate.enter() {
		return e.busy(q)
	}
	defer e.gate.leave()
	a, err := e.answer(ctx, q)
	if err == nil {
		a = e.inLang(a, q.ReplyLang)
		took := time.Since(start)
		e.metrics.observe(q.Platform, a, took)
		e.logDecision(q, a, took)
	}
	return a, err
}

// logDecision logs a decision at debug level; the text only when the engine was told to.
func (e *Engine) logDecision(q Question, a Answer, took time.Duration) {
	if e.log == nil || !e.log.Enabled(context.Background(), slog.LevelDebug) {
		return
	}
	attrs := []any{"platform", q.Platform, "lang", a.Lang, "status", a.Status, "id", a.ID, "confidence", a.Confidence,
		"reason", a.Reason, "took", took}
	if e.logText {
		attrs = append(attrs, "text", q.Text)
	}
	e.log.Debug("answer", attrs...)
}

// busy answers a question that found no free slot: urgently if it is urgent, else with ErrBusy.
func (e *Engine) busy(q Question) (Answer, error) {
	lang, err := e.language(q)
	if err != nil {
		return Answer{}, err
	}
	a := Answer{Question: q.Text, Lang: lang, Disclaimer: e.messages[lang].Disclaimer, Matches: []Candidate{}}
	if v := e.triage.Check(q.Text, lang); v.Urgent() {
		a = e.inLang(e.urgent(a, v), q.ReplyLang)
		e.metrics.observe(q.Platform, a, 0)
		return a, nil
	}
	if knowledge.Supported(q.ReplyLang) {
		lang = q.ReplyLang
	}
	a.Lang, a.Disclaimer = lang, e.messages[lang].Disclaimer
	a.Status = NoMatch
	a.Reply = e.messages[lang].Busy
	return a, ErrBusy
}

func (e *Engine) answer(ctx context.Context, q Question) (Answer, error) {
	lang, err := e.language(q)
	if err != nil {
		return Answer{}, err
	}
	a := Answer{Question: q.Text, Lang: lang, Disclaimer: e.messages[lang].Disclaimer, Matches: []Candidate{}}
	check := e.triage.Check
	if q.Explain {
		check = e.triage.Explain
	}
	v := check(q.Text, lang)
	if q.Explain {
		a.Explanation = &Explanation{Triage: v}
	}
	m := e.read(q, lang)
	if v.Urgent() {
		if m.arabiziText {
			a.Lang, a.Disclaimer = knowledge.Arabic, e.messages[knowledge.Arabic].Disclaimer
		}
		return e.urgent(a, v), nil // triage needs no search and no deadline
	}
	if act, actLang, reply, ok := e.acts.match(m.words, m.read, lang, false); ok {
		held := e.heldAct(a, m, lang, act, actLang, reply)
		if act != knowledge.ActHandoff || len(m.words) < longWords || asksNothing(m.read, e.cues(m)) {
			return held, nil
		}
		return e.handoffOrAnswer(ctx, m, a, v, held)
	}
	if err := ctx.Err(); err != nil {
		return Answer{}, err
	}
	return e.searchAnswer(ctx, m, a, v)
}

// handoffOrAnswer answers a long message that names someone to reach and asks a question ("I work as a
// receptionist … when can I be back at my desk?", "nobody has called me since … is there a follow-up
// appointment?") when the knowledge answers it, with the clinic's contact after the answer; else the
// handoff stands.
func (e *Engine) handoffOrAnswer(ctx context.Context, m asked, a Answer, v Verdict, held Answer) (Answer, error) {
	if err := ctx.Err(); err != nil {
		return Answer{}, err
	}
	ans, err := e.searchAnswer(ctx, m, a, v)
	if err != nil {
		return Answer{}, err
	}
	if ans.Status != Answered {
		return held, nil
	}
	ans.Reply = e.withContact(ans.Reply, ans.Lang)
	return ans, nil
}

// minAfterOpening is the fewest words a message must hold after the greeting or thanks that opens it
// for them to be read without it.
const minAfterOpening = 2

// withoutOpening is what a message asks after the greeting or thanks that opens it (acts.opening), to be
// searched and read for its topics without them: a search would read them as words of the question
// ("السلام عليكم، هل العلاج يسبب ألماً؟" matched nothing close, "هل العلاج يسبب ألماً؟" the pain entry).
// ok is false when nothing opens it, or the rest asks nothing plainly (asksWhat): a remark beside thanks
// is read whole ("thanks so much, that really put my mind at rest"). Its acts and sentences are read in
// the whole.
func (e *Engine) withoutOpening(m asked) (rest string, ok bool) {
	n := e.acts.opening(m.words)
	if n == 0 || len(m.words)-n < minAfterOpening {
		return "", false
	}
	rest = afterWords(m.read, n)
	return rest, rest != "" && asksWhat(rest, e.cues(m))
}

// afterWords is text after its first n words, as textnorm.Words counts them in its normalised text,
// or "" when it cannot be cut there.
func afterWords(text string, n int) string {
	fields := strings.Fields(text)
	for i, f := range fields {
		n -= len(textnorm.Words(textnorm.Normalize(f)))
		switch {
		case n == 0:
			return strings.Join(fields[i+1:], " ")
		case n < 0:
			return ""
		}
	}
	return ""
}

// searched are the words of what was searched: the message's, or its Arabizi read in Arabic script.
func (m asked) searched() []string {
	if m.arabizi {
		return textnorm.Words(textnorm.Normalize(m.text))
	}
	return m.words
}

// heldAct answers the act a message holds, found in actLang's phrases, in the message's language lang:
// Arabizi is Arabic, whichever language's phrase it used ("ok", "bye"); a message in the language asked
// for, or in its own when it is not English, is answered in it: an Arabic sentence using an English act
// word ("ابعتلي رقم الـ WhatsApp") is answered in Arabic. Only a Latin message may take another
// language's act reply ("shukran").
func (e *Engine) heldAct(a Answer, m asked, lang, act, actLang, reply string) Answer {
	switch {
	case m.arabiziText:
		actLang, reply = knowledge.Arabic, e.acts.reply(knowledge.Arabic, act)
	case m.q.Lang != "" && m.q.Lang != "auto", lang != knowledge.English:
		actLang, reply = lang, e.acts.reply(lang, act)
	}
	return e.act(a, act, actLang, reply)
}

// arabiziHandoff is the handoff the Arabic acts' phrases find in a short Arabizi message read in Arabic
// script, where its Latin words found none: read with the knowledge's words ("fin jat l3onwan dyalkom?",
// where is your address: العنوان), or with the acts' own ("3ayez alghy el mo3ad", I want to cancel the
// appointment: الغي موعد).
func (e *Engine) arabiziHandoff(a Answer, m asked) (Answer, bool) {
	if len(m.words) >= longWords {
		return Answer{}, false
	}
	act, _, reply, ok := e.acts.match(m.searched(), m.text, knowledge.Arabic, false)
	if !ok {
		text, _ := e.acts.arabizi.Arabic(m.words, m.kept)
		act, _, reply, ok = e.acts.match(textnorm.Words(textnorm.Normalize(text)), text, knowledge.Arabic, false)
	}
	if !ok || act != knowledge.ActHandoff {
		return Answer{}, false
	}
	return e.act(a, act, knowledge.Arabic, reply), true
}

// arabicParts are an Arabizi message's questions read in Arabic script, as the whole is searched; the
// parts of any other message as they are.
func (e *Engine) arabicParts(m asked, parts []string) []string {
	if !m.arabizi {
		return parts
	}
	for i, p := range parts {
		parts[i], _ = e.arabizi.Arabic(textnorm.Words(textnorm.Normalize(p)), m.kept)
	}
	return parts
}

// cues reads a message's question words: an Arabizi message's words in Arabic script.
func (e *Engine) cues(m asked) cues {
	if !m.arabizi {
		return plainCues
	}
	return cues{read: func(w string) string {
		ar, _ := e.arabizi.Arabic([]string{w}, nil)
		return ar
	}}
}

// asked is a question as the answer path reads it after triage.
type asked struct {
	q           Question
	read        string            // the text without stretched letters
	words       []string          // its normalised words
	arabiziText bool              // written in Arabizi
	lang        string            // the language it is searched and answered in
	text        string            // what is searched: read, or Arabizi read in Arabic script
	arabizi     bool              // text is Arabizi read in Arabic script
	kept        func(string) bool // an Arabizi text's words kept as written (keptLatin)
	reading     topicclass.Reading
}

// read reads a question: triage reads the message as sent; the rest without stretched letters.
func (e *Engine) read(q Question, lang string) asked {
	read := textnorm.Squeeze(q.Text)
	words := textnorm.Words(textnorm.Normalize(read))
	m := asked{q: q, read: read, words: words, arabiziText: e.arabiziWritten(q, words), lang: lang, text: read}
	if m.arabiziText {
		m.kept = e.keptLatin(q.Text)
	}
	return m
}

// searchAnswer answers a message that is neither urgent nor a conversation act by its phrases: the
// search and the classifier's reading, then an answer, a learned act, the message's questions read
// apart, or no match.
func (e *Engine) searchAnswer(ctx context.Context, m asked, a Answer, v Verdict) (Answer, error) {
	rest, later, putsOff := putOff(m.read, plainCues)
	if putsOff {
		m.read, m.text, m.words = rest, rest, textnorm.Words(textnorm.Normalize(rest))
	}
	m.reading = e.topics.Read(textnorm.Normalize(m.read))
	actReading := m.reading // the acts are read in the whole message, the topics without its opening
	question, opened := e.withoutOpening(m)
	if opened {
		m.text, m.reading = question, e.topics.Read(textnorm.Normalize(question))
	}
	if ar, ok := e.readArabizi(m); ok {
		m.text, m.lang, m.arabizi = ar, knowledge.Arabic, true
		a.Lang, a.Disclaimer = m.lang, e.messages[m.lang].Disclaimer
		if handoff, ok := e.arabiziHandoff(a, m); ok {
			return handoff, nil
		}
	}
	res, cands, err := e.candidates(ctx, m)
	if err != nil {
		return Answer{}, err
	}
	top := min(cmp.Or(max(m.q.Top, 0), DefaultTop), maxTop)
	for i, c := range cands {
		if i == top {
			break
		}
		a.Matches = append(a.Matches, e.candidate(c, m.lang))
	}
	if m.q.Explain {
		a.Explanation = explain(res, cands, v)
		if m.text != m.q.Text {
			a.Explanation.ReadAs = m.text
		}
		act, chance := m.reading.Act()
		a.Explanation.Act = LearnedAct{Act: act, Chance: round(chance)}
	}
	best, ok, err := e.chooseFor(ctx, m, cands)
	if err != nil {
		return Answer{}, err
	}
	if !ok {
		best, ok = e.soleShort(m, cands, res.Terms)
	}
	found := 0
	switch {
	case ok && best.confidence >= e.threshold:
		found = 2
	case ok || len(e.plausible(cands)) > 0:
		found = 1 // an entry a guide section stands for weighs against an act as a plausible one does
	}
	if opened && found == 2 {
		// A greeting or thanks opened a question the search answered: the act read in the whole is the
		// opening's ("السلام عليكم يا جماعة، الحقنة بتوجع؟", hello folks, does the injection hurt?).
		actReading = m.reading
	}
	if m.arabizi && found == 2 {
		// An answer found in Arabic script is weighed against an act read there too: the Latin letters
		// the classifier knows are its act phrases' ("shno albas yom el maw3ed?" is no handoff).
		actReading = e.topics.Read(textnorm.Normalize(m.text))
	}
	if act, isAct := learnedAct(actReading, found, len(m.words), m.arabiziText); isAct {
		return e.learnedActAnswer(a, m, act), nil
	}
	before := a // the reply as yet unwritten
	a, err = e.withQuestions(ctx, m, a, cands, best, ok, found)
	if err == nil && a.Status != Answered && found == 0 {
		if act, isAct := e.requestAct(m); isAct {
			return e.learnedActAnswer(before, m, act), nil
		}
		if ans, ok := e.secondReading(ctx, m, before, v); ok {
			return ans, nil
		}
	}
	if err == nil && a.Status == Answered && figureNotGiven(m.words, a) {
		// "exactly how many litres should I drink?" is not answered by advice to drink well
		return e.outOfScope(before, cands), nil
	}
	if err != nil || !putsOff || a.Status != Answered {
		return a, err
	}
	return e.withPutOff(ctx, a, m, later)
}

// learnedActAnswer is the reply to an act the classifier read in m, in m's language; a message whose
// language was detected is answered in the language of the Arabic act words it writes in Latin letters
// ("marhaba kifkon" is Arabic).
func (e *Engine) learnedActAnswer(a Answer, m asked, act string) Answer {
	lang := m.lang
	if m.q.Lang == "" || m.q.Lang == "auto" {
		lang = cmp.Or(e.acts.latinLang(m.words), m.lang)
	}
	return e.act(a, act, lang, e.acts.reply(lang, act))
}

// requestAct is an act that asks something of the clinic or the bot (a person, help, who answers) in a
// message whose search and questions read apart found nothing: the classifier's reading of the whole,
// when the message is longer than an act alone (actWordsAlone) but no longer than a request
// (actWordsRequest) and the reading is as sure as over plausible topics ("my son booked for me but I
// want change the time to morning"); else its reading of one sentence that asks (a question mark),
// weighed as a message of its own length with nothing found would be (learnedAct): "Can someone from the
// clinic call my son? He handles all my appointments." A message of more sentences than it reads
// questions (maxParts) is read as one.
func (e *Engine) requestAct(m asked) (string, bool) {
	if act, p := m.reading.Act(); asking(act) && len(m.words) > actWordsAlone && len(m.words) <= actWordsRequest && p >= actOverUnsure {
		return act, true
	}
	sentences := splitSentencesAsked(cleanSentences(m.read))
	if len(sentences) < 2 || len(sentences) > maxParts {
		return "", false
	}
	for _, s := range sentences {
		if !s.asked {
			continue
		}
		norm := textnorm.Normalize(s.text)
		if act, ok := learnedAct(e.topics.Read(norm), 0, len(textnorm.Words(norm)), m.arabiziText); ok && asking(act) {
			return act, true
		}
	}
	return "", false
}

// candidates searches a message and ranks what it found with the classifier's reading of it.
func (e *Engine) candidates(ctx context.Context, m asked) (knowledge.SearchResult, []scored, error) {
	top := min(cmp.Or(max(m.q.Top, 0), DefaultTop), maxTop)
	res, err := e.search.Search(ctx, knowledge.Query{Text: m.text, Lang: m.lang, Top: max(top, searchDepth), Explain: m.q.Explain})
	if err != nil {
		return res, nil, fmt.Errorf("answer: %w", err)
	}
	cands := calibrate(e.model, res.Matches, unknownShare(res.Terms))
	topics := m.reading
	if m.arabizi { // the classifier reads Arabizi's topics as the search did, in Arabic script
		topics = e.topics.Read(textnorm.Normalize(m.text))
	}
	return res, e.exclude(e.learn(cands, topics, m.lang), m.words, m.searched()), nil
}

// maxGuideless is the most words of a message that no guide section answers.
const maxGuideless = 3

// chooseFor picks a message's answer among its candidates, or else the entry a guide section stands for
// (drawnFrom): none when the message names something the knowledge declines, nor a guide section for a
// message of a few words; the English words of a mixed message searched in English when the rest found
// nothing.
func (e *Engine) chooseFor(ctx context.Context, m asked, cands []scored) (scored, bool, error) {
	best, ok := e.choose(cands)
	if !ok {
		best, ok = e.drawnFrom(cands)
	}
	switch {
	case ok && e.declines(m.searched(), cands):
		ok = false // a neighbouring answer to a question about something the knowledge declines
	case ok && best.Kind == knowledge.Guide && len(m.words) <= maxGuideless:
		ok = false // a word or three match a long guide section by chance ("بسلامة", goodbye: safety)
	}
	if !ok && !outOfScope(cands) {
		return e.mixedEnglish(ctx, m.words, m.lang)
	}
	return best, ok, nil
}

// withQuestions gives the answer, or reads a message whose whole found only plausible topics question by
// question, or says there is no match; an answered message's other questions are answered as Also.
func (e *Engine) withQuestions(ctx context.Context, m asked, a Answer, cands []scored, best scored, ok bool, found int) (Answer, error) {
	c := e.cues(m)
	parts := e.arabicParts(m, questionParts(m.read, c))
	var err error
	var questionCands []scored // the candidates of a long message's question read alone
	after, isAfter := e.afterEffects(m, cands)
	if q := questionOf(m.read, c); len(parts) < 2 && q != "" {
		var alone scored
		var aloneOK bool
		// a whole that reads its story of after-effects does not read its question
		story := isAfter && ok && best.ID == after.ID
		alone, aloneOK, questionCands, err = e.longQuestion(ctx, e.arabicParts(m, []string{q})[0], m.lang, cands, best, ok && !story)
		if err != nil {
			return Answer{}, err
		}
		if isAfter && aloneOK && alone.ID != after.ID && (!ok || alone.ID != best.ID || best.confidence < afterLead) {
			// A story of expected after-effects that asks something else gets its question's answer, and
			// beside it the side-effects entry, which lists the warning signs; the side-effects entry
			// first when the whole message does not back the question's reading.
			if among(alone.ID, cands, partWhole) {
				return e.withAlso(e.answered(a, alone), after), nil
			}
			return e.withAlso(e.afterEffectsAnswer(a, after), alone), nil
		}
		best, ok = alone, aloneOK
	}
	if ok && isAfter && best.ID != after.ID && asksNothing(m.read, c) {
		// Expected after-effects told and nothing asked ("slightly red where the needle went, not hot")
		// are answered from the side-effects entry, which lists the warning signs, whatever else the
		// search found in the words.
		return e.afterEffectsAnswer(a, after), nil
	}
	switch {
	case ok:
		a = e.answered(a, best)
	case (found == 1 || found == 0 && !isAfter) && len(parts) > 1 && !outOfScope(cands):
		// Two questions dilute each other: read apart, each may be answered; where the whole found nothing
		// plausible, only an FAQ entry sure alone (partAlone).
		if best, ok, err = e.firstPart(ctx, parts, m.lang); err != nil {
			return Answer{}, err
		}
		if found == 0 && (best.Kind != knowledge.FAQ || best.confidence < partAlone) {
			ok = false
		}
		if ok {
			a = e.answered(a, best)
		} else {
			a = e.noMatch(a, cands, false)
		}
	default:
		a = e.offerAsked(e.unanswered(m, a, cands), cands, questionCands)
	}
	switch {
	case a.Status != Answered:
		return a, nil
	case len(parts) < 2:
		a, err = e.splitAnswer(ctx, m, a)
	default:
		a, err = e.withParts(ctx, a, parts, cands)
	}
	if err == nil && isAfter && a.ID == after.ID && len(a.Also) > 0 && among(a.Also[0].ID, cands, partWhole) && questionOf(m.read, c) != "" {
		// a story of after-effects told apart from its question, which a part answers: that answer first
		a = e.askedFirst(a)
	}
	return a, err
}

// askedFirst answers first a story's question, which a answers second (its first Also), and then the
// story's after-effects from their entry, which a answers first.
func (e *Engine) askedFirst(a Answer) Answer {
	story, asked := scored{Match: knowledge.Match{ID: a.ID, Lang: a.Lang, Kind: knowledge.FAQ}, confidence: a.Confidence},
		scored{Match: knowledge.Match{ID: a.Also[0].ID, Lang: a.Lang, Kind: knowledge.FAQ}, confidence: a.Also[0].Confidence}
	rest := a.Also[1:]
	a.Also, a.Related = nil, nil
	a = e.withAlso(e.answered(a, asked), story)
	a.Also = append(a.Also, rest...)
	return a
}

// afterLead is how sure a story of expected after-effects must be of the answer its question gets, read
// whole and alone, to be answered by it alone; less sure, the side-effects entry, with its warning signs,
// follows the question's answer ("a little pain where you injected, easing every day. when can I go back
// to the gym?").
const afterLead = 0.7

// offerAsked offers, for a long message left unanswered, the topics its question read alone finds
// plausible (alone): instead of the fallback when nothing in the whole came close, unless the whole is a
// near miss; in a "did you mean", right after the whole's likeliest topic and before its others (its
// second and third only as close to the threshold as askedOfferedShare). The story's topics are seldom
// what it asks.
func (e *Engine) offerAsked(a Answer, cands, alone []scored) Answer {
	p := e.plausible(alone)
	switch {
	case len(p) == 0:
		return a
	case a.Reason == ReasonOutOfScope && !outOfScope(cands):
		return e.noMatch(a, alone, false)
	case a.Reason == ReasonUnsure:
		var offered []scored
		whole := e.plausible(cands)
		asked := slices.DeleteFunc(slices.Clone(p[1:]), func(c scored) bool { return c.confidence < askedOfferedShare*e.threshold })
		for _, c := range slices.Concat(whole[:min(len(whole), 1)], p[:1], asked, whole) {
			if len(offered) < DefaultTop && !among(c.ID, offered, len(offered)) {
				offered = append(offered, c)
			}
		}
		a.Suggestions = e.suggestions(offered, a.Lang)[:len(offered)]
	}
	return a
}

// longQuestion answers a long message by its question, read without the story around it ("I'm a single
// mum and … how long should I expect to be at the clinic?"): the story outweighs the question in a search
// of the whole. Where the whole's answer is sure (partAlone), the question's stands only when it is surer
// by questionOver. Otherwise the question's answer stands when it is confident alone (partAlone), or when
// the whole found it plausible too (the question alone may have lost what it asks about: "do I need to
// stop it?"), or when the whole's own answer, not sure either, is no likely reading of the question: it answered the
// story ("I have knee arthritis … how many days before I can go back to work?" is not about benefits);
// otherwise the whole's answer stands. Only an FAQ entry answers the question alone: a guide section, long
// and about many things, is found by a few words ("I assume this is to be expected?"). A question that
// alone is confidently out of scope is not answered from the story's topic ("… is there an upper age
// limit?").
func (e *Engine) longQuestion(ctx context.Context, q, lang string, whole []scored, best scored, ok bool) (scored, bool, []scored, error) {
	qCands, _, err := e.rank(ctx, q, lang, true)
	if err != nil {
		return best, ok, nil, err
	}
	if outOfScope(qCands) && qCands[0].confidence >= partAlone {
		return scored{}, false, qCands, nil
	}
	qBest, qOK := e.choose(qCands)
	if !qOK || qBest.ID == best.ID || qBest.Kind != knowledge.FAQ {
		return best, ok, qCands, nil
	}
	top := best // the whole's reading, answered or not
	if !ok {
		top = leadingFAQ(whole)
	}
	if ok && best.confidence >= partAlone && qBest.confidence < best.confidence+questionOver {
		return best, ok, qCands, nil
	}
	if qBest.confidence >= partAlone || !ok && among(qBest.ID, whole, DefaultTop) || top.ID != "" && top.confidence < partAlone && !among(top.ID, qCands, DefaultTop) {
		return qBest, true, qCands, nil
	}
	return best, ok, qCands, nil
}

// askedOfferedShare is how close to the threshold the second and third topics a long message's question
// finds alone must come to be offered before the whole's second (a "did you mean" holds three).
const askedOfferedShare = 0.25

// questionOver is how much surer than the whole message's sure answer its question, read alone, must be
// of another to be answered by it: a question that only follows up the one the story asks ("… what they
// actually do to the cells between taking them out and putting them back in. is it just straight back
// in?") reads confidently as something else. On every corpus set, 6 wrong answers fewer, 6 more right
// in one tap (0, 0.05 and 0.1 tried: 2, 4 and 1; 0.05 lost a floor).
const questionOver = 0.02

// leadingFAQ is the likeliest FAQ entry among cands, if any.
func leadingFAQ(cands []scored) scored {
	for _, c := range cands {
		if c.Kind == knowledge.FAQ {
			return c
		}
	}
	return scored{}
}

func (e *Engine) language(q Question) (string, error) {
	switch q.Lang {
	case "", "auto":
		return textnorm.Detect(q.Text), nil
	}
	if !knowledge.Supported(q.Lang) {
		return "", fmt.Errorf("%w: unsupported language %q (use auto, %s)", ErrInvalid, q.Lang, strings.Join(knowledge.Languages(), ", "))
	}
	return q.Lang, nil
}

// choose picks the answer: the best curated entry if it is a FAQ entry that clears the threshold, else
// a guide section that clears it, and the best FAQ entry, by a margin, and that no FAQ entry is drawn
// from: a section its entries answer question by question is quoted only as their source (on the blind
// sets every such section chosen over its entries had been a wrong answer, 13 of 13). When the best
// curated entry is out of scope, the question is recognised as one the knowledge does not answer, and
// nothing is chosen.
func (e *Engine) choose(cands []scored) (scored, bool) {
	for _, c := range cands {
		if c.Kind == knowledge.Guide {
			continue
		}
		if c.Kind == knowledge.OutOfScope || c.excluded {
			return scored{}, false
		}
		if c.confidence >= e.threshold && !tiedWithDeclined(cands, c) {
			return c, true
		}
		break
	}
	curated := 0.0 // the best FAQ entry's confidence: a topic nearly as sure is offered, not passed over
	for _, c := range cands {
		if c.Kind == knowledge.FAQ {
			curated = max(curated, c.confidence)
		}
	}
	for _, c := range cands {
		if c.Kind == knowledge.Guide {
			if c.confidence >= e.threshold+guideMargin && c.confidence > curated+guideMargin && !e.bank.Cited(c.ID, c.Lang) {
				return c, true
			}
			break
		}
	}
	return scored{}, false
}

// tiedWithDeclined reports whether the curated entry right after c, the likeliest, is out of scope and
// nearly as likely (tieMargin), and likely itself (tieLeast): the question reads as one the knowledge
// declines as well as one it answers ("can i still have my morning coffee before the procedure", diet
// or fasting; "can i fly back home the day after", travel or going home), and a wrong answer to it is
// worse than none (held-out pool: 3 wrong answers fewer, no right one lost). So it is when the
// out-of-scope reading, likely itself, holds more of the question's words by coverageLead, however much
// likelier the answer reads ("كم سعر الحقنة في الركبة؟", the price of the knee injection: the
// injection's entry holds the injection and the knee, the entry on costs the price as well; held-out
// pool: 4 wrong answers fewer, no right one lost).
func tiedWithDeclined(cands []scored, c scored) bool {
	i := slices.IndexFunc(cands, func(x scored) bool { return x.ID == c.ID })
	if i < 0 {
		return false
	}
	for _, x := range cands[i+1:] {
		if x.Kind == knowledge.Guide {
			continue
		}
		return x.Kind == knowledge.OutOfScope && x.confidence >= tieLeast &&
			(c.confidence-x.confidence <= tieMargin || x.QuestionCoverage-c.QuestionCoverage >= coverageLead)
	}
	return false
}

// An out-of-scope reading ties with an answer within tieMargin, when it is at least tieLeast likely.
// coverageLead is how much more of a question's weight the out-of-scope reading must hold.
const (
	tieMargin    = 0.05
	tieLeast     = 0.5
	coverageLead = 0.2
)

// drawnFrom is the FAQ entry a confident guide section stands for: the likeliest curated entry, when it
// is an FAQ entry drawn from that section, plausible (drawnLeast), and leads every other entry drawn from
// it by drawnLead. A few words may find the section that tells of them more surely than the entry
// written for them ("what about ice?", the recovery tips; "صيام؟", fasting?, the preparation): the
// section's own sureness is evidence for its entry. The knowledge says which entry comes from which
// section (source), so a clinic's own sheet gets this too. One question of several read apart (best)
// needs a telling word besides (rank): "what after?", read alone from "what you do first and what
// after?", asks nothing of its own. On the held-out pool: 14 questions and 2 second questions more
// answered right, none more wrong.
func (e *Engine) drawnFrom(cands []scored) (scored, bool) {
	i := slices.IndexFunc(cands, func(c scored) bool { return c.Kind == knowledge.Guide })
	if i < 0 || cands[i].confidence < e.threshold+guideMargin || !e.bank.Cited(cands[i].ID, cands[i].Lang) {
		return scored{}, false
	}
	section := cands[i]
	j := slices.IndexFunc(cands, func(c scored) bool { return c.Kind != knowledge.Guide })
	if j < 0 || cands[j].Kind != knowledge.FAQ {
		return scored{}, false // the likeliest curated entry declines the question ("Can I fly home two days after?")
	}
	f := cands[j]
	if f.confidence < drawnLeast || f.excluded || e.sourceOf(f) != section.ID || tiedWithDeclined(cands, f) {
		return scored{}, false
	}
	rival := func(c scored) bool {
		return c.Kind == knowledge.FAQ && c.ID != f.ID && e.sourceOf(c) == section.ID && f.confidence-c.confidence < drawnLead
	}
	if slices.ContainsFunc(cands, rival) {
		return scored{}, false
	}
	return f, true
}

// An entry a guide section stands for is at least drawnLeast likely, and drawnLead more likely than any
// other entry drawn from the section (held-out pool: the same answers at a lead of 0.08 and 0.25).
const (
	drawnLeast = 0.3
	drawnLead  = 0.15
)

// sourceOf is the id of the entry a candidate is drawn from, if any.
func (e *Engine) sourceOf(c scored) string {
	entry, _ := e.bank.Entry(c.ID, c.Lang)
	return entry.Source
}

func (e *Engine) answered(a Answer, best scored) Answer {
	entry, _ := e.bank.Entry(best.ID, best.Lang)
	a.Status = Answered
	a.ID, a.Title, a.Answer, a.Reply = entry.ID, entry.Title, entry.Answer, entry.Answer
	a.Confidence = round(best.confidence)
	a.Source = e.source(entry)
	for _, id := range entry.Related {
		if r, ok := e.bank.Lookup(id, a.Lang); ok {
			a.Related = append(a.Related, Topic{ID: r.ID, Title: r.Title})
		}
	}
	return a
}

// noMatch replies that the knowledge has no answer: a "did you mean" of plausible topics, or the
// fallback with topics to try; empty says the question had no words to read.
func (e *Engine) noMatch(a Answer, cands []scored, empty bool) Answer {
	plausible := e.plausible(cands)
	if len(plausible) == 0 {
		a = e.outOfScope(a, cands)
		if empty {
			a.Reason = ReasonEmpty
		}
		return a
	}
	a.Status, a.Reason, a.Reply = NoMatch, ReasonUnsure, e.messages[a.Lang].Unsure
	a.Confidence = round(cands[0].confidence)
	a.Suggestions = e.suggestions(plausible, a.Lang)[:len(plausible)]
	return a
}

// outOfScope replies that the knowledge does not answer the question: the fallback, with the clinic's
// contact and the topics nearest what it asked.
func (e *Engine) outOfScope(a Answer, cands []scored) Answer {
	a.Status, a.Reason = NoMatch, ReasonOutOfScope
	if len(cands) > 0 {
		a.Confidence = round(cands[0].confidence)
	}
	a.Reply = e.withContact(e.messages[a.Lang].NoMatch, a.Lang)
	a.Suggestions = e.suggestions(cands, a.Lang)
	return a
}

// unanswered replies to a message its search found no answer to: the after-effects triage read in it
// from their entry ("small bruise where the needle went, normal?"); else the act it holds beside a remark
// in which nothing came close ("thanks so much, that helps a lot"), offering the topics nearest what else
// it said, but for a remark in a message that asks something; else no match.
func (e *Engine) unanswered(m asked, a Answer, cands []scored) Answer {
	if after, ok := e.afterEffects(m, cands); ok && len(m.words) > 0 {
		return e.afterEffectsAnswer(a, after)
	}
	no := e.noMatch(a, cands, len(m.words) == 0)
	if !e.nothingClose(no, cands) {
		return no
	}
	act, actLang, reply, ok := e.acts.match(m.words, m.read, m.lang, true)
	if !ok || !asking(act) && asksWhat(m.read, e.cues(m)) {
		// a remark (a greeting, thanks, "ok") beside a question is none: "smoking ok?", "صباح الخير، الحقنة
		// بتتعمل فين؟"; an act that asks something of its own (help, who answers, a person) stands
		return no
	}
	held := e.heldAct(a, m, m.lang, act, actLang, reply)
	if len(held.Suggestions) > 0 {
		held.Suggestions = e.suggestions(cands, held.Lang)
	}
	return held
}

// afterEffectsAnswer answers from the after-effects entry, in its language.
func (e *Engine) afterEffectsAnswer(a Answer, after scored) Answer {
	a.Lang, a.Disclaimer = after.Lang, e.messages[after.Lang].Disclaimer
	return e.answered(a, after)
}

// afterEffects is the knowledge's answer to expected after-effects (Triage.AfterEffectsEntry), for a
// message that triage read as telling of them and the search found no answer to, unless it names
// something the knowledge declines ("a small bruise, can I put arnica on it?" stays out of scope) or
// that the entry's own unless says its answer does not cover ("will it leave a scar where they took the
// fat?").
func (e *Engine) afterEffects(m asked, cands []scored) (scored, bool) {
	id := e.triage.AfterEffectsEntry()
	if id == "" || e.declines(m.searched(), cands) || e.uncovered(id, m.words, m.searched()) {
		return scored{}, false
	}
	sure := e.triage.AfterEffects(m.q.Text)
	if sure == 0 {
		return scored{}, false
	}
	lang := m.lang
	if m.arabiziText { // Arabic, even where too few of its words were read to search it in Arabic
		lang = knowledge.Arabic
	}
	entry, ok := e.bank.Entry(id, lang)
	if !ok {
		return scored{}, false
	}
	return scored{Match: knowledge.Match{ID: entry.ID, Lang: entry.Lang, Kind: entry.Kind}, confidence: sure}, true
}

// nothingClose reports whether no entry the search found for a message it has no answer for came close,
// not even a declined topic: a message holding an act is then that act ("ok I'll see you Thursday then,
// bye bye").
func (e *Engine) nothingClose(a Answer, cands []scored) bool {
	if a.Reason != ReasonOutOfScope {
		return false
	}
	for _, c := range cands {
		if c.Kind != knowledge.Guide { // a guide section's long text comes close to anything
			return c.confidence < unsureShare*e.threshold
		}
	}
	return true
}

// outOfScope reports whether the best curated candidate is one the knowledge declines to answer.
func outOfScope(cands []scored) bool {
	for _, c := range cands {
		if c.Kind != knowledge.Guide {
			return c.Kind == knowledge.OutOfScope
		}
	}
	return false
}

// unsureShare is how close to the threshold a FAQ entry must come to be offered as "did you mean": the
// question may well be about it, but not surely enough to answer.
const unsureShare = 0.6

// alsoOfferedShare is how close to the threshold a FAQ entry must come to join a "did you mean" that a
// plausible entry opened: the next-closest topics are the likeliest other readings (on the held-out sets
// the asked topic was second or third behind the plausible one in nearly half the "did you mean" replies
// that missed it). Lowered from 0.25 on every corpus set: 15 more right in one tap ("mri neded?" offers
// the imaging entry third), nothing else changed; 0.1 and 0.03 offered no more.
const alsoOfferedShare = 0.15

// plausible are the FAQ entries worth offering when nothing clears the threshold: the best, when it comes
// within unsureShare of the threshold, and after it the next within alsoOfferedShare, up to DefaultTop;
// none when the best curated match is out of scope (a near miss is never answered, nor offered, from a
// neighbouring topic).
func (e *Engine) plausible(cands []scored) []scored {
	var out []scored
	for _, c := range cands {
		switch {
		case c.Kind == knowledge.OutOfScope && len(out) == 0:
			return nil
		case c.Kind != knowledge.FAQ || len(out) >= DefaultTop:
		case len(out) == 0 && c.confidence < unsureShare*e.threshold:
			return nil
		case c.confidence >= alsoOfferedShare*e.threshold:
			out = append(out, c)
		}
	}
	return out
}

// urgent replies to a red flag with its tier's instruction: emergency services now, or the clinic today.
func (e *Engine) urgent(a Answer, v Verdict) Answer {
	a.Status = Urgent
	a.RedFlag = v.Flag
	a.Urgency = string(v.Tier)
	text := e.messages[a.Lang].Urgent
	if v.Tier == Clinic {
		text = e.messages[a.Lang].Clinic
	}
	a.Reply = e.withContact(text, a.Lang)
	return a
}

func (e *Engine) withContact(text, lang string) string {
	if c := strings.TrimSpace(e.messages[lang].Contact); c != "" {
		return text + "\n" + c
	}
	return text
}

// suggestions offers topics after a fallback: the closest FAQ entries, else the first topics.
func (e *Engine) suggestions(cands []scored, lang string) []Topic {
	var out []Topic
	for _, c := range cands {
		if c.Kind == knowledge.FAQ && len(out) < DefaultTop {
			out = append(out, Topic{ID: c.ID, Title: e.title(c.ID, lang)})
		}
	}
	for _, t := range e.bank.Topics(lang) {
		if len(out) >= DefaultTop {
			break
		}
		if !containsTopic(out, t.ID) {
			out = append(out, Topic{ID: t.ID, Title: t.Title})
		}
	}
	return out
}

func containsTopic(ts []Topic, id string) bool {
	for _, t := range ts {
		if t.ID == id {
			return true
		}
	}
	return false
}

func (e *Engine) candidate(c scored, lang string) Candidate {
	return Candidate{ID: c.ID, Title: e.title(c.ID, lang), Score: round(c.Score), Confidence: round(c.confidence), Kind: string(c.Kind)}
}

func (e *Engine) title(id, lang string) string {
	if en, ok := e.bank.Lookup(id, lang); ok {
		return en.Title
	}
	return id
}

// source names where an answer comes from: its guide section ("Patient guide › Cell harvesting"), or the
// label the entry gives.
func (e *Engine) source(entry knowledge.Entry) string {
	if entry.Kind == knowledge.Guide {
		return joinSource(entry.Source, entry.Title)
	}
	if entry.Source == "" {
		return ""
	}
	if s, ok := e.bank.Lookup(entry.Source, entry.Lang); ok {
		return joinSource(s.Source, s.Title)
	}
	return entry.Source
}

func joinSource(doc, section string) string {
	if doc == "" {
		return section
	}
	return doc + " › " + section
}

func explain(res knowledge.SearchResult, cands []scored, v Verdict) *Explanation {
	ex := &Explanation{Triage: v, Terms: res.Terms, Unknown: round(unknownShare(res.Terms)), Matches: []MatchEvidence{}}
	if ex.Terms == nil {
		ex.Terms = []knowledge.QueryTerm{}
	}
	for _, c := range cands {
		ex.Matches = append(ex.Matches, MatchEvidence{ID: c.ID, Kind: string(c.Kind), QuestionCoverage: round(c.QuestionCoverage), Similarity: round(c.Similarity), Coverage: round(c.Coverage), Lead: round(c.lead), Missing: round(c.Missing), Learned: round(c.learned), Matched: c.Matched})
	}
	return ex
}

// soleShort is the entry a message of a few words (shortWords) names alone, though less surely than the
// threshold asks: the likeliest curated entry, an FAQ entry plausible (shortLeast) and far likelier
// (shortLead) than any other curated entry, read from the words as written (none found only by typo
// tolerance: "كيف بعمل مقلوبة؟", how do I make maqluba, is no مطلوب, required) and naming nothing the
// knowledge declines. A few words carry little evidence, so the search is rarely sure of them
// ("t3awer?", does it hurt?; "التلج منيح؟", is ice good?; "bnaam?", will I sleep?), but one entry
// standing alone is their topic (held-out pool: Arabic top-1 +32, one wrong answer more).
func (e *Engine) soleShort(m asked, cands []scored, terms []knowledge.QueryTerm) (scored, bool) {
	if len(m.words) > shortWords || slices.ContainsFunc(terms, func(t knowledge.QueryTerm) bool { return t.Corrected }) ||
		e.declines(m.searched(), cands) {
		return scored{}, false
	}
	i := slices.IndexFunc(cands, func(c scored) bool { return c.Kind != knowledge.Guide })
	if i < 0 || cands[i].Kind != knowledge.FAQ || cands[i].excluded || cands[i].confidence < shortLeast {
		return scored{}, false
	}
	c := cands[i]
	for _, x := range cands[i+1:] {
		if x.Kind != knowledge.Guide && c.confidence-x.confidence < shortLead {
			return scored{}, false
		}
	}
	return c, true
}

// A message of at most shortWords words names an entry alone when the entry is at least shortLeast
// likely and shortLead likelier than any other curated entry.
const (
	shortWords = 3
	shortLeast = 0.45
	shortLead  = 0.4
)
