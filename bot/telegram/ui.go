package telegram

import "github.com/faqbot/faqbot/knowledge"

// ui is the adapter's own texts in one language: everything the patient sees that is not an answer.
type ui struct {
	Greeting, Help, TypeQuestion, TopicsTitle, Related, Helpful, NotHelpful, Thanks, LangSet, More, Back, Sorry string
}

func texts(lang string) ui {
	if lang == knowledge.Arabic {
		return ui{
			Greeting:     "مرحبًا! أنا مساعد العيادة للإجابة عن أسئلتك حول جلسة العلاج بالخلايا الجذعية: التحضير، وسحب الخلايا، والحقن، والتعافي. اكتب سؤالك أو اختر موضوعًا.",
			Help:         "اكتب سؤالك كما تحب. الأوامر: /topics المواضيع، /lang en للإنجليزية، /lang ar للعربية.",
			TypeQuestion: "من فضلك اكتب سؤالك نصًا، فأنا لا أستطيع قراءة الصور أو الرسائل الصوتية أو الملفات.",
			TopicsTitle:  "اختر موضوعًا:",
			Related:      "مواضيع ذات صلة:",
			Helpful:      "👍 مفيد",
			NotHelpful:   "👎 غير مفيد",
			Thanks:       "شكرًا على رأيك!",
			LangSet:      "سأجيبك بالعربية.",
			More:         "المزيد ›",
			Back:         "‹ السابق",
			Sorry:        "عذرًا، حدث خطأ أثناء الرد على رسالتك. يُرجى إعادة صياغة سؤالك، أو التواصل مع فريق العيادة مباشرة. وإذا كان الأمر عاجلًا فاتصل بالعيادة أو برقم الطوارئ المحلي الآن.",
		}
	}
	return ui{
		Greeting:     "Hello! I answer questions about your stem cell therapy session: preparation, cell harvesting, the injection and recovery. Type your question or pick a topic.",
		Help:         "Type your question in your own words. Commands: /topics for the topics, /lang en for English, /lang ar for Arabic.",
		TypeQuestion: "Please type your question as text: I can't read photos, voice messages or files.",
		TopicsTitle:  "Pick a topic:",
		Related:      "Related topics:",
		Helpful:      "👍 Helpful",
		NotHelpful:   "👎 Not helpful",
		Thanks:       "Thank you for your feedback!",
		LangSet:      "I will answer in English.",
		More:         "More ›",
		Back:         "‹ Back",
		Sorry:        "Sorry, something went wrong while answering your message. Please ask again in other words, or contact the clinic team directly. If it is urgent, call the clinic or your local emergency number now.",
	}
}
