;;; check.el --- run by tests/test_editors.py: emacs --batch -Q -l tests/emacs/check.el  -*- lexical-binding: t -*-
;; Opens $NEWSLINT_DRAFT with newslint as its eglot server, waits for the flymake diagnostics,
;; applies the quick fix of the doubled word, and writes what it saw to $NEWSLINT_OUT as JSON.
(require 'json)
(dolist (dir (file-expand-wildcards "/usr/share/emacs/site-lisp/elpa/*"))  ; Debian's elpa-eglot
  (add-to-list 'load-path dir))
(require 'eglot)

(defvar newslint-result nil)
(let* ((draft (getenv "NEWSLINT_DRAFT"))
       (command (list (getenv "NEWSLINT_PYTHON") "-m" "newslint" "lsp"))
       (diagnostics nil) (fixed nil))
  (find-file draft)
  (text-mode)
  (eglot '(text-mode) (cons 'transient default-directory) 'eglot-lsp-server command "text")
  (with-timeout (30 nil)
    (while (null (flymake-diagnostics))
      (accept-process-output nil 0.1)))
  (dolist (d (flymake-diagnostics))
    (save-excursion
      (goto-char (flymake-diagnostic-beg d))
      (push (list (cons 'line (line-number-at-pos)) (cons 'column (- (point) (line-beginning-position)))  ; characters, not display columns
                  (cons 'length (- (flymake-diagnostic-end d) (flymake-diagnostic-beg d)))
                  (cons 'type (symbol-name (flymake-diagnostic-type d)))
                  (cons 'text (flymake-diagnostic-text d)))
            diagnostics)))
  (let ((doubled (seq-find (lambda (d) (string-match-p "Doubled word" (flymake-diagnostic-text d)))
                           (flymake-diagnostics))))
    (when doubled
      (let ((actions (eglot-code-actions (flymake-diagnostic-beg doubled) (flymake-diagnostic-end doubled)
                                         "quickfix" nil)))
        (when actions
          (eglot--apply-workspace-edit (plist-get (car actions) :edit) nil)
          (save-excursion
            (goto-char (flymake-diagnostic-beg doubled))
            (setq fixed (buffer-substring-no-properties (line-beginning-position) (line-end-position))))))))
  (setq newslint-result (list (cons 'diagnostics (vconcat (nreverse diagnostics))) (cons 'fixed fixed)))
  (with-temp-file (getenv "NEWSLINT_OUT")
    (insert (json-encode newslint-result)))
  (ignore-errors (eglot-shutdown (eglot-current-server))))
(kill-emacs 0)
