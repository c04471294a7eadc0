" Zone files get zonelint as their compiler: :make lints the file.
compiler zonelint
let b:undo_ftplugin = (exists('b:undo_ftplugin') ? b:undo_ftplugin . ' | ' : '')
      \ . 'setlocal makeprg< errorformat< | unlet! b:current_compiler'
