const { src, dest } = require('gulp');

// encoding: false keeps binary icons (PNG) intact: gulp 5 decodes as UTF-8 by default.
function copyIcons() {
	return src(['icons/*.{png,svg}'], {
		base: '.',
		encoding: false,
	}).pipe(dest('dist'));
}

exports['build:icons'] = copyIcons;
