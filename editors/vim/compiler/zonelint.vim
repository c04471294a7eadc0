" Vim compiler file
" Compiler:	zonelint, a linter for DNS zone files (BIND master files)
"
" :make lints the current file with `zonelint --format=gcc`; arguments are
" options for it (":make --disable=dmarc-missing"). The quickfix list gets
" each finding at its line and column (bytes, as Vim counts them) with its
" type: e(rror), w(arning) or i(nfo). Lines of other output, such as
" zonelint's own errors, are kept as text.

if exists("current_compiler")
  finish
endif
let current_compiler = "zonelint"

if exists(":CompilerSet") != 2		" older Vim always used :setlocal
  command -nargs=* CompilerSet setlocal <args>
endif

let s:cpo_save = &cpo
set cpo&vim

CompilerSet makeprg=zonelint\ --format=gcc\ $*\ %:S
" file:line:column: severity: message [rule]
CompilerSet errorformat=%f:%l:%c:\ %trror:\ %m,
		       \%f:%l:%c:\ %tarning:\ %m,
		       \%f:%l:%c:\ %tnfo:\ %m

let &cpo = s:cpo_save
unlet s:cpo_save
