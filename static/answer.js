// The answering pages work fully without this script; when it runs it adds:
// - "Read to me": reads each part of the page marked `data-speak` (errors first, then the page
//   in order, with a pause between parts): the survey's recording where it names one, else the
//   device's own voice for the language, else the server's speech (`data-speech`, a key of
//   /speech/<key>.mp3). The button stays hidden where none of these can work, so nobody meets
//   a control that does nothing.
// - the error summary takes focus, so a screen reader and a switch user start there (GOV.UK);
// - a second tap on the button while the page is being sent is ignored.
// Plain script, no framework: under two kilobytes gzipped.
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
	var synth =
		window.speechSynthesis && typeof SpeechSynthesisUtterance !== 'undefined'
			? window.speechSynthesis
			: null;
	var pageLang = document.documentElement.lang || 'en';
	var PAUSE_MS = 400;
	var run = 0;
	var current = null;
	// One player for every part: a phone lets a page play sound only from an element the child
	// started with a tap.
	var player = null;
	var fetched = {};

	function parts() {
		var errors = [];
		var rest = [];
		document.querySelectorAll('[data-speak]').forEach(function (el) {
			var text = el.textContent.replace(/\s+/g, ' ').trim();
			if (!text) return;
			var key = el.getAttribute('data-speech');
			var owner = el.closest('[lang]');
			(el.closest('.error-summary') ? errors : rest).push({
				text: text,
				lang: (owner && owner.getAttribute('lang')) || pageLang,
				audio: el.getAttribute('data-audio') || (key ? '/speech/' + key + '.mp3' : null),
				recorded: el.hasAttribute('data-audio')
			});
		});
		return errors.concat(rest);
	}

	// A voice whose language is the text's (`pl` matches `pl-PL`); voices load after the page.
	function voiceFor(lang) {
		if (!synth) return null;
		var voices = synth.getVoices();
		lang = lang.toLowerCase();
		for (var i = 0; i < voices.length; i++) {
			var l = (voices[i].lang || '').toLowerCase().replace('_', '-');
			if (l === lang || l.indexOf(lang + '-') === 0) return voices[i];
		}
		return null;
	}

	// Recordings first; then the device's voice; then the server's speech.
	function wayOf(part) {
		if (part.recorded) return 'audio';
		if (voiceFor(part.lang)) return 'voice';
		return part.audio ? 'audio' : null;
	}

	// The server's files are kept by the browser for a year, so fetching one early saves the wait.
	function fetchEarly(src) {
		if (fetched[src] || !window.fetch) return;
		fetched[src] = true;
		fetch(src).catch(function () {});
	}

	function stop() {
		run++;
		if (synth) synth.cancel();
		if (current && current.pause) current.pause();
		current = null;
	}

	function read() {
		stop();
		var mine = run;
		var list = parts().filter(wayOf);
		var i = 0;
		function next() {
			if (mine !== run || i >= list.length) return;
			var part = list[i++];
			var done = false;
			var then = function () {
				if (done) return;
				done = true;
				if (mine === run) setTimeout(next, PAUSE_MS);
			};
			if (wayOf(part) === 'voice') {
				var u = new SpeechSynthesisUtterance(part.text);
				u.lang = part.lang;
				u.voice = voiceFor(part.lang);
				u.onend = then;
				u.onerror = then;
				current = u;
				synth.speak(u);
				return;
			}
			var a = player || (player = new Audio());
			// Fetch the next part while this one plays, so the pause stays short.
			if (list[i] && wayOf(list[i]) === 'audio') fetchEarly(list[i].audio);
			a.onended = then;
			a.onerror = then;
			a.src = part.audio;
			current = a;
			var playing = a.play();
			if (playing && playing.catch) playing.catch(then);
		}
		next();
	}

	function show() {
		var readable = parts().some(wayOf);
		buttons.forEach(function (b) {
			b.hidden = !readable;
		});
	}
	show();
	if (synth && synth.addEventListener) synth.addEventListener('voiceschanged', show);
	buttons.forEach(function (b) {
		b.addEventListener('click', read);
	});
})();
