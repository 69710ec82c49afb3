-- Headless Neovim as a second LSP client for the bundled server (see neovim.test.ts).
-- Starts `node dist/server.js --stdio` for the buffer given on the command line, writes the
-- first diagnostics the server publishes for it to $STAR_NVIM_OUT as JSON, and quits.
-- Uses vim.lsp.start_client + buf_attach_client, which Debian's Neovim (0.7) has;
-- vim.lsp.start only exists from 0.8.
local server = assert(os.getenv('STAR_SERVER'), 'STAR_SERVER (path of dist/server.js) is not set')
local out = assert(os.getenv('STAR_NVIM_OUT'), 'STAR_NVIM_OUT (where to write diagnostics) is not set')
local timeout_ms = tonumber(os.getenv('STAR_NVIM_TIMEOUT_MS') or '30000')

local done = false
local function finish(payload)
  -- Callbacks such as on_exit run in the event loop, where Vim functions are not allowed.
  vim.schedule(function()
    if done then return end
    done = true
    local f = assert(io.open(out, 'w'))
    f:write(vim.fn.json_encode(payload))
    f:close()
    vim.cmd('qall!')
  end)
end

vim.api.nvim_create_autocmd('BufReadPost', {
  pattern = '*.star.md',
  once = true,
  callback = function(args)
    local bufnr = args.buf
    local uri = vim.uri_from_bufnr(bufnr)
    local client_id = vim.lsp.start_client({
      name = 'star-stories',
      cmd = { 'node', server, '--stdio' },
      root_dir = vim.fn.fnamemodify(vim.api.nvim_buf_get_name(bufnr), ':h'),
      handlers = {
        ['textDocument/publishDiagnostics'] = function(_, result)
          if result and result.uri == uri then
            finish({ uri = uri, diagnostics = result.diagnostics })
          end
        end,
      },
      on_exit = function(code)
        finish({ error = 'the server exited with code ' .. tostring(code) .. ' before publishing diagnostics' })
      end,
    })
    if not client_id then
      finish({ error = 'could not start the server' })
      return
    end
    -- The language id comes from the filetype; give star files theirs.
    vim.bo[bufnr].filetype = 'star-markdown'
    vim.lsp.buf_attach_client(bufnr, client_id)
  end,
})

-- A failing server must not hang the test run.
vim.defer_fn(function()
  finish({ error = 'no diagnostics within ' .. timeout_ms .. ' ms' })
end, timeout_ms)
