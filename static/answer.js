// The answering pages work fully without this script; when it runs it adds:
// - "Read to me": reads the question and its choices aloud with the browser's own speech, or
//   plays the survey's recording where it has one. The button stays hidden where neither can
//   work, so nobody meets a control that does nothing.
// - the error summary takes focus, so a screen reader and a switch user start there (GOV.UK);
// - a second tap on the button while the page is being sent is ignored.
// Plain script, no framework: about a kilobyte.
(function () {
	var summary = document.querySelector('.error-summary');
	if (summary) summary.focus();

	var forms = document.querySelectorAll('form');
	forms.forEach(function (form) {
		form.addEventListener('submit', function (event) {
			if (form.getAttribute('data-sending')) event.preventDefault();
			form.setAttribute('data-sending', 'true');
		});
	});
	// Coming back with the browser's Back button shows the page from memory: let it be sent again.
	window.addEventListener('pageshow', function (event) {
		if (event.persisted)
			forms.forEach(function (f) {
				f.removeAttribute('data-sending');
			});
	});

	var buttons = document.querySelectorAll('[data-read-aloud]');
	if (!buttons.length) return;
	var synth = window.speechSynthesis;
	var lang = document.documentElement.lang || 'en';

	function texts() {
		var parts = [];
		document.querySelectorAll('[data-speak]').forEach(function (el) {
			var text = el.textContent.replace(/\s+/g, ' ').trim();
			if (text) parts.push(text);
		});
		return parts;
	}

	function voiceFor(voices) {
		for (var i = 0; i < voices.length; i++) {
			if (voices[i].lang && voices[i].lang.toLowerCase().indexOf(lang) === 0) return voices[i];
		}
		return null;
	}

	function speak() {
		synth.cancel();
		var voice = voiceFor(synth.getVoices());
		texts().forEach(function (text) {
			var u = new SpeechSynthesisUtterance(text);
			u.lang = lang;
			if (voice) u.voice = voice;
			synth.speak(u);
		});
	}

	buttons.forEach(function (button) {
		var audio = button.getAttribute('data-audio');
		if (audio) {
			button.hidden = false;
			button.addEventListener('click', function () {
				if (synth) synth.cancel();
				new Audio(audio).play();
			});
			return;
		}
		if (!synth || typeof SpeechSynthesisUtterance === 'undefined') return;
		var show = function () {
			if (synth.getVoices().length) button.hidden = false;
		};
		show();
		if (synth.addEventListener) synth.addEventListener('voiceschanged', show);
		button.addEventListener('click', speak);
	});
})();
