package bot

// Messages are the fixed texts of one language: the disclaimer every reply carries, the honest fallback
// when the knowledge does not cover a question, and the urgent instruction for red-flag symptoms.
type Messages struct {
	Disclaimer string
	NoMatch    string
	Urgent     string // a red flag of the emergency tier: emergency services now
	Clinic     string // a red flag of the clinic tier: contact the clinic today
	Contact    string // how to reach the clinic; appended to the fallback and urgent texts when set
	Busy       string // when too many questions are in flight: please try again in a moment
}

// DefaultMessages returns the built-in texts for every supported language.
func DefaultMessages() map[string]Messages {
	return map[string]Messages{
		"en": {
			Disclaimer: "This information is general and does not replace medical advice. Please consult your healthcare provider about your own situation.",
			NoMatch:    "I'm sorry, our patient guide doesn't cover that question, and I don't want to guess about your health. Please ask the clinic team directly; they will be glad to help. You can also ask me about one of these topics:",
			Urgent:     "What you describe may need urgent medical attention. Please contact the clinic right away, or call your local emergency number or go to the nearest emergency department now. Do not wait for an online answer.",
			Clinic:     "What you describe should be checked by the clinic today. Please call the clinic now rather than waiting for an online answer. If it gets worse quickly, or you have chest pain, trouble breathing or you feel faint, call your local emergency number.",
			Busy:       "I'm answering many questions right now. Please send yours again in a moment.",
		},
		"ar": {
			Disclaimer: "هذه معلومات عامة ولا تغني عن الاستشارة الطبية. يُرجى مراجعة طبيبك المعالج بخصوص حالتك.",
			NoMatch:    "عذرًا، دليل المريض لا يتناول هذا السؤال، ولا أريد أن أخمّن في أمر يخص صحتك. يُرجى سؤال فريق العيادة مباشرة، وسيسعدهم مساعدتك. ويمكنك أيضًا سؤالي عن أحد هذه المواضيع:",
			Urgent:     "ما تصفه قد يحتاج إلى رعاية طبية عاجلة. يُرجى التواصل مع العيادة فورًا، أو الاتصال برقم الطوارئ المحلي أو التوجه إلى أقرب قسم طوارئ الآن. لا تنتظر ردًا عبر الإنترنت.",
			Clinic:     "ما تصفه يحتاج إلى أن تراه العيادة اليوم. يُرجى الاتصال بالعيادة الآن بدل انتظار رد عبر الإنترنت. وإذا ساءت حالتك بسرعة، أو شعرت بألم في الصدر أو صعوبة في التنفس أو دوخة شديدة، فاتصل برقم الطوارئ المحلي.",
			Busy:       "أجيب عن أسئلة كثيرة في هذه اللحظة. يُرجى إرسال سؤالك مرة أخرى بعد قليل.",
		},
	}
}
