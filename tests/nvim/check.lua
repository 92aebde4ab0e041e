-- Run by tests/test_nvim.py as: nvim --headless --clean -c "luafile tests/nvim/check.lua" (Neovim 0.7+).
-- Starts newslint as the language server of a draft, waits for its diagnostics, applies the
-- quick fix of the first one, and writes what it saw to $NEWSLINT_OUT as JSON.
local out_path = vim.env.NEWSLINT_OUT
local result = { diagnostics = {}, fixed_line = nil, error = nil }

local function finish()
  vim.fn.writefile({ vim.fn.json_encode(result) }, out_path)
  vim.cmd("qall!")
end

local ok, err = pcall(function()
  vim.cmd("edit " .. vim.fn.fnameescape(vim.env.NEWSLINT_DRAFT))
  local client_id = vim.lsp.start_client({
    name = "newslint",
    cmd = { vim.env.NEWSLINT_PYTHON, "-m", "newslint", "lsp" },
    root_dir = vim.fn.fnamemodify(vim.env.NEWSLINT_DRAFT, ":h"),
  })
  vim.lsp.buf_attach_client(0, client_id)
  vim.wait(30000, function() return #vim.diagnostic.get(0) > 0 end, 50)
  for _, d in ipairs(vim.diagnostic.get(0)) do
    local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
    table.insert(result.diagnostics, { lnum = d.lnum, col = d.col, end_col = d.end_col,
                                       severity = d.severity, code = code, message = d.message })
  end
  -- Ask for code actions on the doubled word and apply the quick fix, as the user would.
  for _, d in ipairs(vim.diagnostic.get(0)) do
    local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
    if code == "repetition.doubled-word" then
      local params = {
        textDocument = vim.lsp.util.make_text_document_params(),
        range = { start = { line = d.lnum, character = 0 }, ["end"] = { line = d.lnum + 1, character = 0 } },
        context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(0, d.lnum) },
      }
      local responses, request_err = vim.lsp.buf_request_sync(0, "textDocument/codeAction", params, 20000)
      result.code_action_error = request_err
      responses = responses or {}
      for _, response in pairs(responses) do
        for _, action in ipairs(response.result or {}) do
          if action.kind == "quickfix" then
            vim.lsp.util.apply_workspace_edit(action.edit, "utf-16")
            result.fixed_line = vim.api.nvim_buf_get_lines(0, d.lnum, d.lnum + 1, false)[1]
          end
        end
      end
    end
  end
  vim.lsp.stop_client(client_id)
end)
if not ok then result.error = tostring(err) end
finish()
