;;; compile.el --- run by tests/test_formats.py: LINES=report.txt emacs --batch -Q -l tests/emacs/compile.el
;; Reads `newslint check --format line` output in compilation-mode and prints what Emacs parsed,
;; as JSON: [[line, column, type (2 error, 1 warning, 0 info), file], ...].
(require (quote json))
(require 'compile)
(let ((out nil))
  (with-temp-buffer
    (insert-file-contents (getenv "LINES"))
    (compilation-mode)
    (let ((inhibit-read-only t)) (compilation-parse-errors (point-min) (point-max)))
    (goto-char (point-min))
    (while (not (eobp))
      (let* ((bol (line-beginning-position)) (eol (line-end-position))
             (at (if (get-text-property bol 'compilation-message) bol
                   (next-single-property-change bol 'compilation-message nil eol)))
             (msg (and at (get-text-property at 'compilation-message))))
        (when msg
          (let ((loc (compilation--message->loc msg)))
            (push (list (compilation--loc->line loc) (compilation--loc->col loc)
                        (compilation--message->type msg)
                        (car (compilation--file-struct->file-spec (compilation--loc->file-struct loc))))
                  out))))
      (forward-line 1)))
  (princ (json-encode (vconcat (mapcar (function vconcat) (nreverse out))))))
