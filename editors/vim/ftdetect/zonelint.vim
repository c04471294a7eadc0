" Zone files by the names zonelint's directory mode gives them: "*.zone",
" and "db.*" when the first lines look like a zone (Vim's own test for
" "*.db"), even where the last part of the name gave another type
" ("db.example.org" is not an Org file). Vim calls them bindzone.
autocmd BufNewFile,BufRead *.zone setfiletype bindzone
autocmd BufNewFile,BufRead db.*
      \ if join(getline(1, 4)) =~ '^; <<>> DiG [0-9.]\+.* <<>>\|$ORIGIN\|$TTL\|IN\s\+SOA'
      \ | set filetype=bindzone
      \ | endif
