;;; zonelint.el --- Lint DNS zone files with zonelint in compilation mode  -*- lexical-binding: t; -*-

;; Version: 0.1.0
;; Package-Requires: ((emacs "26.1"))
;; Keywords: tools, dns

;;; Commentary:

;; `M-x zonelint' lints the file of the current buffer with
;; `zonelint --format=gcc' (with a prefix argument you edit the command
;; first, to add options or lint a directory: `zonelint --format=gcc .').
;; The findings land in the *zonelint* buffer, in
;; `zonelint-compilation-mode': `next-error' (C-x `) visits each at its line
;; and column, and errors, warnings and infos get their own faces.
;;
;; Emacs' own `gnu' rule would also read the gcc format, but it counts a
;; tab as up to eight columns; zonelint counts it as one, as gcc and Vim
;; do, so this mode reads columns as characters.  (zonelint's columns count
;; bytes: the same on the ASCII lines zone files are made of.)

;;; Code:

(require 'compile)

(defgroup zonelint nil
  "Lint DNS zone files with zonelint."
  :group 'tools)

(defcustom zonelint-command "zonelint --format=gcc"
  "The command `zonelint' runs, before the quoted file name."
  :type 'string)

(defconst zonelint-error-regexp-alist
  '(("^\\([^:\n]+\\):\\([0-9]+\\):\\([0-9]+\\): \\(?:error\\|\\(warning\\)\\|\\(info\\)\\): "
     1 2 3 (4 . 5)))
  "How `zonelint-compilation-mode' reads `file:line:column: severity: ...'.")

(define-compilation-mode zonelint-compilation-mode "zonelint"
  "Compilation mode for the output of `zonelint --format=gcc'."
  (setq-local compilation-error-regexp-alist zonelint-error-regexp-alist)
  (setq-local compilation-error-screen-columns nil))

;;;###autoload
(defun zonelint (command)
  "Run COMMAND, by default zonelint on the current buffer's file.
With a prefix argument, read the command from the minibuffer."
  (interactive
   (let ((command (concat zonelint-command " "
                          (shell-quote-argument
                           (file-name-nondirectory
                            (or buffer-file-name
                                (user-error "Buffer is not visiting a file")))))))
     (list (if current-prefix-arg
               (read-shell-command "Run zonelint: " command)
             command))))
  (save-some-buffers (not compilation-ask-about-save)
                     compilation-save-buffers-predicate)
  (compilation-start command #'zonelint-compilation-mode
                     (lambda (_mode) "*zonelint*")))

(provide 'zonelint)
;;; zonelint.el ends here
